package ui

import (
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

type summaryKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Save, Copy, CopyNote, Back key.Binding
}

func newSummaryKeys() summaryKeys {
	return summaryKeys{
		Up:       newKey("↑/k", "scroll up", "up", "k"),
		Down:     newKey("↓/j", "scroll down", "down", "j"),
		PageUp:   newKey("pgup/b", "page up", "pgup", "b"),
		PageDown: newKey("pgdn/space", "page down", "pgdown", "space", "f"),
		Top:      newKey("home/g", "top", "home", "g"),
		Bottom:   newKey("end/G", "bottom", "end", "G"),
		Save:     newKey("s", "save", "s"),
		Copy:     newKey("c", "copy", "c"),
		CopyNote: newKey("C", "copy note", "C"),
		Back:     backKey(),
	}
}

// renderKey says what a rendering of the summary was made from: it is
// redone only when the answers, the width or the style change.
type renderKey struct {
	rev   int
	width int
	style string
}

// summaryMsg carries a rendered summary back from its command.
type summaryMsg struct {
	key      renderKey
	rendered string
	err      error
}

// mdCache keeps glamour renderers, one per width and style, because
// building one costs milliseconds. Render commands may run concurrently,
// so it locks; it is a cache of tools, not model state.
type mdCache struct {
	mu        sync.Mutex
	renderers map[[2]string]*mdrender.Renderer
}

func (c *mdCache) render(md string, width int, style string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := [2]string{strconv.Itoa(width), style}
	r, ok := c.renderers[k]
	if !ok {
		var err error
		if r, err = mdrender.New(width, style); err != nil {
			return "", err
		}
		if c.renderers == nil {
			c.renderers = map[[2]string]*mdrender.Renderer{}
		}
		c.renderers[k] = r
	}
	return r.Render(md)
}

// renderCmd scores a copy of the answers and renders the summary markdown
// with glamour, off the UI goroutine.
func renderCmd(c *common, k renderKey) tea.Cmd {
	p, a, cache, date := c.pack, c.answers.Clone(), c.cache, c.now()
	return func() tea.Msg {
		md := summary.Markdown(p, summary.Build(p, a, summary.Options{Date: date}))
		out, err := cache.render(md, k.width, k.style)
		return summaryMsg{key: k, rendered: out, err: err}
	}
}

// summaryScreen shows the verdict in a banner (a symbol and a word, never
// colour alone) over the rendered summary in a scrolling viewport.
type summaryScreen struct {
	c       *common
	vp      viewport.Model
	keys    summaryKeys
	have    renderKey // what the viewport shows
	pending renderKey // what is being rendered
	ready   bool
	err     error
	// lines is the rendered summary, split once per rendering.
	lines []string
	w, h  int
}

func newSummaryScreen(c *common) *summaryScreen {
	s := &summaryScreen{c: c, keys: c.keys.Summary, vp: viewport.New(), have: renderKey{rev: -1}, pending: renderKey{rev: -1}}
	return s
}

func (s *summaryScreen) want() renderKey {
	// Past about 100 columns long lines get hard to read; wrap there.
	return renderKey{rev: s.c.rev(), width: min(max(s.w, 20), 100), style: s.c.theme.mdStyle}
}

// request starts a rendering unless the right one is shown or on its way.
func (s *summaryScreen) request() tea.Cmd {
	k := s.want()
	if k == s.have || k == s.pending {
		return nil
	}
	s.pending = k
	return renderCmd(s.c, k)
}

func (s *summaryScreen) rendered(msg summaryMsg) {
	if msg.key != s.want() {
		return // stale: the answers, width or style changed since
	}
	s.pending = renderKey{rev: -1}
	s.have = msg.key
	s.err = msg.err
	if msg.err == nil {
		top := s.vp.YOffset()
		s.lines = strings.Split(strings.Trim(msg.rendered, "\n"), "\n")
		s.vp.SetContentLines(s.lines)
		s.vp.SetYOffset(top)
	}
	s.ready = true
}

func (s *summaryScreen) enter(string) tea.Cmd { return s.request() }

func (s *summaryScreen) setSize(w, h int) {
	s.w, s.h = w, h
	atBottom := s.vp.AtBottom() && s.vp.TotalLineCount() > 0
	s.vp.SetWidth(max(w, 1))
	s.vp.SetHeight(max(h-len(s.banner(w)), 1))
	if atBottom {
		s.vp.GotoBottom() // a reader at the end stays at the end
	}
}

// refresh renders again after a resize or a change of background.
func (s *summaryScreen) refresh() tea.Cmd { return s.request() }

func (s *summaryScreen) typing() bool    { return false }
func (s *summaryScreen) focused() string { return "" }

func (s *summaryScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	switch {
	case key.Matches(k, s.keys.Up):
		s.vp.ScrollUp(1)
	case key.Matches(k, s.keys.Down):
		s.vp.ScrollDown(1)
	case key.Matches(k, s.keys.PageUp):
		s.vp.PageUp()
	case key.Matches(k, s.keys.PageDown):
		s.vp.PageDown()
	case key.Matches(k, s.keys.Top):
		s.vp.GotoTop()
	case key.Matches(k, s.keys.Bottom):
		s.vp.GotoBottom()
	case key.Matches(k, s.keys.Save):
		return []action{openSave{}}, nil
	case key.Matches(k, s.keys.Copy):
		return []action{copySummary{}}, nil
	case key.Matches(k, s.keys.CopyNote):
		return []action{copySummary{note: true}}, nil
	case key.Matches(k, s.keys.Back):
		return []action{goBack{}}, nil
	}
	return nil, nil
}

// banner is the verdict's badge and the most pressing of the three answers
// in one sentence (a reason to leave, or crisis, comes before the verdict).
// It uses the live result so it is right even before the rendering arrives.
// The score is not here: it is a trace, at the end of the summary.
func (s *summaryScreen) banner(w int) []string {
	t := s.c.theme
	p := s.c.pack
	rep := &s.c.rep
	// The badge goes with the sentence under it: the verdict's, or the
	// answer that comes first (a reason to leave, not now in a crisis),
	// coloured as serious as it is. The report decided which.
	v := checklist.Verdict(rep.Verdict.Value)
	badge := t.verdict(v).Render(rep.Verdict.Symbol + " " + rep.Verdict.Words)
	switch rep.Order[0] {
	case report.KeyStay:
		tone := map[string]checklist.Verdict{string(checklist.StayLeave): checklist.VerdictAvoid, string(checklist.StayWatch): checklist.VerdictCaution, string(checklist.StayStay): checklist.VerdictPromising}[rep.Stay.Value]
		badge = t.verdict(tone).Render(rep.Stay.Symbol + " " + strings.ToUpper(rep.Stay.Words))
	case report.KeyFit:
		badge = t.verdict(checklist.VerdictCaution).Render(rep.Fit.Symbol + " " + strings.ToUpper(rep.Fit.Words))
	}
	first := rep.Lead
	done := t.faint.Render(p.Tf("summary.completeness", "completeness", strconv.Itoa(rep.Trace.Completeness)))
	out := []string{badge + "  " + done}
	if ansi.StringWidth(out[0]) > w {
		out = []string{badge, done}
	}
	if s.h >= 10 {
		out = append(out, wrap(t.title, first, w)...)
	}
	return append(out, "")
}

func (s *summaryScreen) view(w, h int) string {
	return strings.Join(s.fitted(w, h), "\n")
}

// fitted is the screen as lines that fit w by h. The rendered summary is
// already wrapped to the width, so only the banner is measured; the visible
// lines are sliced from the cached rendering (viewport keeps the scroll
// position) rather than re-wrapped by viewport.View on every frame, which
// cost 2.8 ms at 120x40.
func (s *summaryScreen) fitted(w, h int) []string {
	t := s.c.theme
	lines := clipLines(strings.Join(s.banner(w), "\n"), w, h)
	switch {
	case s.err != nil:
		lines = append(lines, wrap(t.errText, s.err.Error(), w)...)
	case !s.ready:
		lines = append(lines, t.faint.Render(s.c.pack.T("ui.summary.rendering")))
	default:
		top := min(s.vp.YOffset(), max(len(s.lines)-1, 0))
		end := min(top+max(h-len(lines), 0), len(s.lines))
		lines = append(lines, s.lines[top:end]...)
		if s.have.width > w {
			// Narrower than glamour's minimum width: cut, never wrap.
			for i := range lines {
				lines[i] = clipLine(lines[i], w)
			}
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

func (s *summaryScreen) keyMap() help.KeyMap {
	k := s.keys
	return keyList{
		short: []key.Binding{k.Save, k.Copy, newKey("↑/↓", "scroll", "up", "down", "k", "j"), k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Top, k.Bottom, k.Save, k.Copy, k.CopyNote, k.Back}},
	}
}
