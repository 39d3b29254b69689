package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

type reviewKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Enter, Back key.Binding
}

func newReviewKeys() reviewKeys {
	return reviewKeys{
		Up:       upKey(),
		Down:     newKey("↓/j", "down", "down", "j"),
		PageUp:   newKey("pgup", "page up", "pgup"),
		PageDown: newKey("pgdn", "page down", "pgdown"),
		Top:      newKey("home/g", "top", "home", "g"),
		Bottom:   newKey("end/G", "bottom", "end", "G"),
		Enter:    newKey("enter", "change / continue", "enter"),
		Back:     backKey(),
	}
}

// reviewRow is a line of the review: a section heading, an answer, or the
// note under an answer.
type reviewRow struct {
	heading string
	q       *checklist.Question
	note    string
}

// reviewScreen lists every answer that applies on one scrolling screen.
// The cursor starts on "Continue to the summary", so enter goes on; on an
// answer, enter opens its screen, and enter or esc there comes back.
type reviewScreen struct {
	c     *common
	steps []step
	// cur is the selected row: -1 is the continue button.
	cur  int
	off  int
	keys reviewKeys
	w, h int
}

func newReviewScreen(c *common, steps []step) *reviewScreen {
	return &reviewScreen{c: c, steps: steps, cur: -1, keys: c.keys.Review}
}

func (s *reviewScreen) rows() []reviewRow {
	var rows []reviewRow
	for _, st := range s.steps {
		if st.section == nil {
			continue
		}
		if st.first {
			rows = append(rows, reviewRow{heading: st.section.TitleFor(s.c.answers)})
		}
		for _, q := range st.questions {
			rows = append(rows, reviewRow{q: q})
			if n := s.c.answers.Notes[q.ID]; n != "" {
				rows = append(rows, reviewRow{note: strings.Join(strings.Fields(n), " ")})
			}
		}
	}
	return rows
}

// enter puts the cursor on the answer just edited, or on continue.
func (s *reviewScreen) enter(focus string) tea.Cmd {
	s.cur = -1
	for i, r := range s.rows() {
		if r.q != nil && r.q.ID == focus {
			s.cur = i
		}
	}
	return nil
}

func (s *reviewScreen) setSize(w, h int) { s.w, s.h = w, h }
func (s *reviewScreen) typing() bool     { return false }

func (s *reviewScreen) focused() string {
	rows := s.rows()
	if s.cur >= 0 && s.cur < len(rows) && rows[s.cur].q != nil {
		return rows[s.cur].q.ID
	}
	return ""
}

// move steps the cursor by d answers, skipping headings; -1 is continue.
func (s *reviewScreen) move(d int) {
	rows := s.rows()
	i := s.cur
	for range max(d, -d) {
		step := 1
		if d < 0 {
			step = -1
		}
		j := i + step
		for j >= 0 && j < len(rows) && rows[j].q == nil {
			j += step
		}
		if j >= len(rows) {
			break
		}
		i = max(j, -1)
	}
	s.cur = i
}

func (s *reviewScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	page := max(s.listHeight()-1, 1)
	switch {
	case key.Matches(k, s.keys.Up):
		s.move(-1)
	case key.Matches(k, s.keys.Down):
		s.move(1)
	case key.Matches(k, s.keys.PageUp):
		s.move(-page)
	case key.Matches(k, s.keys.PageDown):
		s.move(page)
	case key.Matches(k, s.keys.Top):
		s.cur = -1
	case key.Matches(k, s.keys.Bottom):
		s.move(len(s.rows()))
	case key.Matches(k, s.keys.Enter):
		if id := s.focused(); id != "" {
			return []action{jumpTo{id: id}}, nil
		}
		return []action{goNext{}}, nil
	case key.Matches(k, s.keys.Back):
		return []action{goBack{}}, nil
	}
	return nil, nil
}

// headerLines is the title, the count and the continue button.
func (s *reviewScreen) headerLines(w int) []string {
	t := s.c.theme
	p := s.c.pack
	// The header already names the screen; this line says how far along,
	// in the same figure as the panel, the summary and resume --list.
	r := s.c.rep.Trace
	title := t.title.Render(p.Tf("ui.review.answered", "n", strconv.Itoa(r.Known), "m", strconv.Itoa(r.Asked), "pct", strconv.Itoa(r.Completeness)))
	btn := t.buttonOff.Render("→ " + p.T("ui.review.continue"))
	marker := "  "
	if s.cur < 0 {
		btn = t.button.Render("→ " + p.T("ui.review.continue"))
		marker = t.cursor.Render("›") + " "
	}
	out := []string{title}
	if s.h >= 10 {
		out = append(out, wrap(t.faint, p.T("ui.review.intro"), w)...)
	}
	return append(out, "", marker+btn, "")
}

func (s *reviewScreen) listHeight() int {
	return max(s.h-len(s.headerLines(max(s.w, 1))), 1)
}

func (s *reviewScreen) view(w, h int) string {
	t := s.c.theme
	head := s.headerLines(w)
	rows := s.rows()
	lh := max(h-len(head), 1)
	s.off = window(s.off, max(s.cur, 0), lh, len(rows))
	if s.cur < 0 {
		s.off = 0
	}
	lw := 0
	for _, r := range rows {
		if r.q != nil {
			lw = max(lw, ansi.StringWidth(r.q.Label))
		}
	}
	lw = min(lw+2, max(w/2, 10))
	var list []string
	for i := s.off; i < len(rows) && len(list) < lh; i++ {
		r := rows[i]
		if r.note != "" {
			// Under its answer, in the answer's column.
			pad := strings.Repeat(" ", min(2+lw, max(w-8, 0)))
			label := s.c.pack.T("ui.notes.label") + " "
			line := t.label.Render(label) + t.text.Render(r.note)
			list = append(list, pad+ansi.Truncate(line, max(w-len(pad), 1), "…"))
			continue
		}
		if r.q == nil {
			list = append(list, t.heading.Render(ansi.Truncate(r.heading, w, "…")))
			continue
		}
		marker, lst := "  ", t.text
		if i == s.cur {
			marker, lst = t.cursor.Render("›")+" ", t.cursor
		}
		label := ansi.Truncate(r.q.Label, lw-1, "…")
		line := marker + lst.Render(label) + strings.Repeat(" ", max(lw-ansi.StringWidth(label), 1))
		vw := max(w-2-lw, 1)
		v, ok := s.c.answers.Get(r.q.ID)
		var val string
		switch {
		case !ok:
			val = t.notAsked.Render(s.c.pack.T("answer.not-asked"))
		case r.q.RedFlag && v.Choice == checklist.Yes:
			val = t.bad.Bold(true).Render(ansi.Truncate("✘ "+formatValue(s.c.pack, r.q, v), vw, "…"))
		default:
			val = t.selected.Render(ansi.Truncate(formatValue(s.c.pack, r.q, v), vw, "…"))
		}
		list = append(list, line+val)
	}
	return strings.Join(append(head, list...), "\n")
}

func (s *reviewScreen) keyMap() help.KeyMap {
	k := s.keys
	return keyList{
		short: []key.Binding{moveKey(), k.Enter, k.Back},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Top, k.Bottom, k.Enter, k.Back}},
	}
}
