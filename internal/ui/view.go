package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Layout.
const (
	panelWidth = 30  // the live side panel, border included
	panelMin   = 100 // the panel shows from this terminal width
	singleCol  = 60  // below this, no side-by-side anything
)

func (m *Model) margin() int {
	if m.width >= 30 {
		return 1
	}
	return 0
}

// showPanel reports whether the live side panel fits beside the screen.
func (m *Model) showPanel() bool {
	return m.width >= panelMin && m.steps[m.cur].kind != stepSummary && m.height >= 12
}

// bodySize is the cells a screen has: the window less the header, the
// help and the side panel.
func (m *Model) bodySize() (int, int) {
	return m.bodySizeWith(m.footerHeight())
}

func (m *Model) bodySizeWith(footer int) (int, int) {
	w := m.width - 2*m.margin()
	if m.showPanel() {
		w -= panelWidth + 2
	}
	return max(w, 1), max(m.height-m.chromeHeight(footer), 1)
}

// chromeHeight counts the lines around the body: header, gaps and the
// footer (status and help).
func (m *Model) chromeHeight(footer int) int {
	if m.height < 6 {
		return 1 // the header only
	}
	n := 1 + footer
	if m.height >= 12 {
		n++ // blank line under the header
	}
	if m.height >= 16 {
		n++ // blank line over the help
	}
	return n
}

// View draws the frame: header, the screen (or dialog), the side panel and
// the key help. Every line is cut to the window, so nothing ever wraps.
func (m *Model) View() tea.View {
	if v, ok := m.frames.reuse(); ok {
		return v
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.c.pack.T("ui.app")
	m.frames.drawn(v, time.Now())
	return v
}

func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	// The footer is built once per frame: help.ShortHelpView is not free.
	var footer []string
	if m.height >= 6 {
		footer = append(m.statusLines(), m.helpView()...)
	}
	bw, bh := m.bodySizeWith(len(footer))
	var lines []string
	switch {
	case m.top() != nil:
		lines = clipLines(m.top().view(bw), bw, bh)
	case m.notes != nil:
		// The question stays in view above the notes box.
		// The box follows the question, a blank line apart when it fits.
		nh := min(m.notes.height(bh), bh)
		if sh := bh - nh; sh > 0 {
			lines = clipLines(m.screen().view(bw, sh), bw, sh)
			for len(lines) > 0 && lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			if len(lines) < sh {
				lines = append(lines, "")
			}
		}
		lines = append(lines, m.notes.view(bw, bh)...)
	default:
		if s, ok := m.screen().(fitter); ok {
			lines = s.fitted(bw, bh)
		} else {
			lines = clipLines(m.screen().view(bw, bh), bw, bh)
		}
	}
	if m.showPanel() {
		lines = joinCols(lines, bw, m.panel(bh), 2)
	}
	fw := max(m.width-2*m.margin(), 1)
	out := make([]string, 0, m.height)
	out = append(out, clipLine(m.header(), fw))
	if m.height >= 12 {
		out = append(out, "")
	}
	out = append(out, lines...)
	// Push the footer to the bottom lines.
	for len(out) < m.height-len(footer) {
		out = append(out, "")
	}
	for _, l := range footer {
		out = append(out, clipLine(l, fw))
	}
	if len(out) > m.height {
		out = out[:m.height]
	}
	if mg := m.margin(); mg > 0 {
		pad := strings.Repeat(" ", mg)
		for i, l := range out {
			if l != "" {
				out[i] = pad + l
			}
		}
	}
	return strings.Join(out, "\n")
}

// fitter is a screen whose view already fits its size, so the frame need
// not measure every line again (the summary's long styled lines).
type fitter interface{ fitted(w, h int) []string }

func (m *Model) footerHeight() int {
	if m.height < 6 {
		return 0
	}
	return len(m.helpView()) + len(m.statusLines())
}

// statusLines are the draft's error, if any (at most four lines), and the
// status message (at most three).
func (m *Model) statusLines() []string {
	w := m.width - 2*m.margin()
	var out []string
	if m.draftErr != "" {
		// Why and where matter more than the screen's last lines.
		lines := wrap(m.c.theme.errText, "✘ "+m.draftErr, w)
		out = append(out, lines[:min(len(lines), 4)]...)
	}
	if m.status != "" {
		lines := wrap(m.c.theme.okText, m.status, w)
		out = append(out, lines[:min(len(lines), 3)]...)
	}
	return out
}

// header is "vetcircle  Section · step n of m", and, where the side panel
// does not show it, the running verdict at the right. The verdict is
// shortened before it is dropped: our name goes first, then the section's
// title is cut, then the badge loses its word; only a window too narrow
// for the badge's symbol loses it.
func (m *Model) header() string {
	t := m.c.theme
	st := m.steps[m.cur]
	name := m.c.pack.T("ui.summary.step")
	switch {
	case st.section != nil:
		name = st.section.TitleFor(m.c.answers)
	case st.kind == stepReview:
		name = m.c.pack.T("ui.review.title")
	}
	n, total := strconv.Itoa(m.cur+1), strconv.Itoa(len(m.steps))
	step := " · " + m.c.pack.Tf("ui.step", "n", n, "m", total)
	app := m.c.pack.T("ui.app") + " "
	if m.width < singleCol {
		// Narrow: the section and where we are matter more than our name.
		app, step = "", " · "+n+"/"+total
	}
	editing := ""
	if m.c.editing() {
		editing = "  " + m.c.pack.T("ui.editing.short")
	}
	var live []string // the running verdict, longest first
	if !m.showPanel() && st.kind != stepSummary {
		live = m.liveStatus()
	}
	room := m.width - 2*m.margin() - 1
	left := func() int { return ansi.StringWidth(app + name + step + editing) }
	right := 0
	if len(live) > 0 {
		right = 2 + ansi.StringWidth(live[0])
	}
	if left()+right > room {
		app = ""
	}
	for len(live) > 1 && left()+right > room {
		live = live[1:]
		right = 2 + ansi.StringWidth(live[0])
	}
	if over := left() + right - room; over > 0 {
		name = ansi.Truncate(name, max(ansi.StringWidth(name)-over, 1), "…")
	}
	if left()+right > room {
		live, right = nil, 0
	}
	build := func(withApp bool) string {
		h := t.section.Render(name) + t.progress.Render(step)
		if withApp {
			h = t.app.Render(m.c.pack.T("ui.app")) + " " + h
		}
		if editing != "" {
			h += t.warn.Render(editing)
		}
		return h
	}
	h := build(app != "")
	if len(live) > 0 {
		gap := room - ansi.StringWidth(h) - ansi.StringWidth(live[0])
		if gap <= 0 && app != "" {
			// The name's badge is padded wider than counted above: drop
			// our name rather than the running verdict.
			h = build(false)
			gap = room - ansi.StringWidth(h) - ansi.StringWidth(live[0])
		}
		if gap > 0 {
			h += strings.Repeat(" ", gap) + live[0]
		}
	}
	return h
}

// liveStatus is the header's running verdict, in forms from the longest
// to the shortest: the badge and the red flags confirmed so far ("⚠
// CAUTION ✘ 1 red flag"), then shorter ("⚠ CAUTION ✘1"), then the symbols
// alone ("⚠ ✘1"). Before the first answer there is no verdict to show.
func (m *Model) liveStatus() []string {
	if m.c.answers.Len() == 0 {
		return nil
	}
	t := m.c.theme
	rep := &m.c.rep
	badge := rep.Verdict.Symbol + " " + rep.Verdict.Words
	sym := rep.Verdict.Symbol
	v := t.verdict(checklist.Verdict(rep.Verdict.Value))
	n := len(rep.RedFlags)
	if n == 0 {
		return []string{v.Render(badge), v.Render(sym)}
	}
	flags := t.bad.Bold(true)
	count := "✘" + strconv.Itoa(n)
	return []string{
		v.Render(badge) + " " + flags.Render("✘ "+m.c.pack.Tf("ui.panel.flags", "n", strconv.Itoa(n))),
		v.Render(badge) + " " + flags.Render(count),
		v.Render(sym) + " " + flags.Render(count),
	}
}

// helpView is the key help: one line, or the full help's columns.
func (m *Model) helpView() []string {
	var km help.KeyMap
	switch {
	case m.top() != nil:
		km = m.top().keyMap()
	case m.notes != nil:
		km = m.notes.keyMap()
	default:
		km = m.screen().keyMap()
	}
	m.help.SetWidth(max(m.width-2*m.margin(), 1))
	// The dialog takes every key, and a text field takes q and ?: then
	// only ctrl+c quits. Notes can be taken on any question.
	var global []key.Binding
	if m.top() == nil && m.notes == nil && m.screen().focused() != "" {
		global = append(global, m.keys.Note)
	}
	if m.top() != nil || m.notes != nil || m.screen().typing() {
		global = append(global, m.keys.ForceQuit)
	} else {
		global = append(global, m.keys.Help, m.keys.Quit)
	}
	groups := [][]key.Binding{append(km.ShortHelp(), global...)}
	if m.help.ShowAll {
		groups = append(km.FullHelp(), global)
	}
	if m.atStart() && !m.c.editing() && m.top() == nil && m.notes == nil {
		groups = withoutBack(groups) // there is nothing before the first question
	}
	// Rendering the help is a good share of a frame; it changes only with
	// the keys, the width and the theme.
	var sig strings.Builder
	fmt.Fprintf(&sig, "%d/%t/%p", m.help.Width(), m.help.ShowAll, m.c.theme)
	for _, g := range groups {
		sig.WriteByte('|')
		for _, b := range g {
			if b.Enabled() {
				sig.WriteString(b.Help().Key + "=" + b.Help().Desc + ";")
			}
		}
	}
	if m.helpCache.key == sig.String() {
		return m.helpCache.lines
	}
	groups = keyWords(m.c.pack, groups)
	var lines []string
	if m.help.ShowAll {
		lines = strings.Split(m.help.FullHelpView(groups), "\n")
	} else {
		lines = []string{m.help.ShortHelpView(groups[0])}
	}
	m.helpCache.key, m.helpCache.lines = sig.String(), lines
	return lines
}

// atStart reports whether the very first question has the focus, where
// going back has nowhere to go.
func (m *Model) atStart() bool {
	first := m.steps[0]
	return m.cur == 0 && len(first.questions) > 0 && m.screen().focused() == first.questions[0].ID
}

// withoutBack drops the "back" binding (esc) from help groups.
func withoutBack(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		for _, b := range g {
			if !slices.Contains(b.Keys(), "esc") {
				out[i] = append(out[i], b)
			}
		}
	}
	return out
}
