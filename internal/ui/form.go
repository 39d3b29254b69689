package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// formKeys move between the fields of a form; each field adds its own.
type formKeys struct {
	Next, Prev, Up, Down key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next: newKey("enter", "next", "enter", "tab"),
		Prev: backKey(),
		Up:   newKey("↑", "previous field", "up"),
		Down: newKey("↓", "next field", "down"),
	}
}

// formField is one question in a form: a radio list, a checklist or a
// text input.
type formField struct {
	q      *checklist.Question
	choice *choiceList
	multi  *multiList
	text   *textField
}

// formScreen shows several short questions at once: the welcome screen
// (who is using it, which stage) and the circle's basics.
type formScreen struct {
	c      *common
	st     step
	fields []formField
	focus  int
	w, h   int
	keys   formKeys
}

func newFormScreen(c *common, st step) *formScreen {
	s := &formScreen{c: c, st: st, keys: newFormKeys()}
	for _, q := range st.questions {
		f := formField{q: q}
		switch q.Kind {
		case checklist.KindChoice, checklist.KindTristate:
			f.choice = newChoiceList(c, q)
		case checklist.KindMulti:
			f.multi = newMultiList(c, q)
		default:
			f.text = newTextField(c, q)
		}
		s.fields = append(s.fields, f)
	}
	return s
}

func (s *formScreen) enter(focus string) tea.Cmd {
	s.focus = 0
	for i, f := range s.fields {
		if f.q.ID == focus {
			s.focus = i
		}
		if f.text != nil {
			f.text.load()
		}
		if f.choice != nil {
			f.choice.reset()
		}
	}
	return s.focusField(s.focus)
}

func (s *formScreen) focusField(i int) tea.Cmd {
	s.focus = max(0, min(i, len(s.fields)-1))
	var cmd tea.Cmd
	for j, f := range s.fields {
		if f.choice != nil && j != s.focus {
			f.choice.reset() // a highlight left behind is not an answer
		}
		if f.text == nil {
			continue
		}
		if j == s.focus {
			cmd = f.text.focus()
		} else {
			f.text.blur()
		}
	}
	return cmd
}

func (s *formScreen) setSize(w, h int) {
	s.w, s.h = w, h
	for _, f := range s.fields {
		if f.text != nil {
			f.text.setWidth(w - s.labelWidth() - 2)
		}
	}
}

func (s *formScreen) typing() bool { return s.fields[s.focus].text != nil }

func (s *formScreen) focused() string { return s.fields[s.focus].q.ID }

func (s *formScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	f := s.fields[s.focus]
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		forward := key.Matches(k, s.keys.Next) || (f.text != nil && key.Matches(k, s.keys.Down))
		backward := key.Matches(k, s.keys.Prev) || (f.text != nil && key.Matches(k, s.keys.Up))
		// Editing one answer from the review: enter and esc go back to it.
		toReview := s.c.editing && (key.Matches(k, s.keys.Next) && k.Code == tea.KeyEnter || k.Code == tea.KeyEscape)
		switch {
		case forward:
			// Validate only when moving forward, so a bad number never
			// traps anyone who wants to go back.
			if f.text != nil && !f.text.validate() {
				return nil, nil
			}
			var acts []action
			if f.choice != nil && k.Code == tea.KeyEnter {
				acts = f.choice.confirm() // enter chooses the highlighted option
			}
			if toReview {
				return append(acts, goNext{}), nil
			}
			if s.focus == len(s.fields)-1 {
				if key.Matches(k, s.keys.Down) {
					return acts, nil
				}
				return append(acts, goNext{}), nil
			}
			return acts, s.focusField(s.focus + 1)
		case backward:
			if f.text != nil {
				f.text.load() // drop what was half-typed and invalid
			}
			if toReview {
				return []action{goBack{}}, nil
			}
			if s.focus == 0 {
				if key.Matches(k, s.keys.Up) {
					return nil, nil
				}
				return []action{goBack{}}, nil
			}
			return nil, s.focusField(s.focus - 1)
		}
		switch {
		case f.choice != nil:
			acts, _ := f.choice.handle(k)
			return acts, nil
		case f.multi != nil:
			acts, _ := f.multi.handle(k)
			return acts, nil
		}
	}
	if f.text != nil {
		return f.text.update(msg)
	}
	return nil, nil
}

// prompts reports whether this form shows its questions' prompts rather
// than short labels: the welcome screen, whose questions are few and short.
func (s *formScreen) prompts() bool { return s.st.section.ID == "welcome" }

func (s *formScreen) labelWidth() int {
	n := 0
	for _, f := range s.fields {
		n = max(n, ansi.StringWidth(f.q.Label))
	}
	return min(n+2, max(s.w/3, 8))
}

// row renders field i: its label and value, and, when expanded, its
// options underneath.
func (s *formScreen) row(i int, expand bool) []string {
	t := s.c.theme
	f := s.fields[i]
	focused := i == s.focus
	lw := s.labelWidth()
	marker := "  "
	lst := t.text
	if focused {
		marker = t.cursor.Render("›") + " "
		lst = t.cursor
	}
	if s.prompts() && f.text == nil {
		// The welcome questions read as questions, with their options
		// always shown.
		out := []string{marker + lst.Bold(true).Render(ansi.Truncate(f.q.PromptFor(s.c.answers), max(s.w-2, 1), "…"))}
		var opts []string
		if f.choice != nil {
			opts = f.choice.view(max(s.w-2, 1), focused)
		} else {
			opts = f.multi.view(max(s.w-2, 1), focused)
		}
		for _, l := range opts {
			out = append(out, "  "+l)
		}
		return out
	}
	label := ansi.Truncate(f.q.Label, lw-1, "…")
	head := marker + lst.Render(label) + strings.Repeat(" ", max(lw-ansi.StringWidth(label), 1))
	vw := max(s.w-2-lw, 1)
	switch {
	case f.text != nil:
		lines := f.text.view(vw, focused)
		// The field draws its own marker; ours is in head.
		lines[0] = strings.TrimPrefix(strings.TrimPrefix(lines[0], t.cursor.Render("›")+" "), "  ")
		out := []string{head + lines[0]}
		for _, l := range lines[1:] {
			out = append(out, strings.Repeat(" ", 2+lw)+l)
		}
		return out
	case f.choice != nil:
		val := t.notAsked.Render(f.choice.summary())
		if f.choice.selected() >= 0 {
			val = t.selected.Render(f.choice.summary())
		}
		out := []string{head + ansi.Truncate(val, vw, "…")}
		if expand {
			for _, l := range f.choice.view(max(s.w-4, 1), focused) {
				out = append(out, "    "+l)
			}
		}
		return out
	default:
		v, ok := s.c.answers.Get(f.q.ID)
		val := t.notAsked.Render(s.c.pack.T("answer.not-asked"))
		if ok {
			val = t.selected.Render(formatValue(s.c.pack, f.q, v))
		}
		out := []string{head + ansi.Truncate(val, vw, "…")}
		if expand {
			for _, l := range f.multi.view(max(s.w-4, 1), focused) {
				out = append(out, "    "+l)
			}
		}
		return out
	}
}

// fieldLines renders every field; only the focused one shows its options,
// since that is the one the digits and arrows act on.
func (s *formScreen) fieldLines() []string {
	var out []string
	for i := range s.fields {
		out = append(out, s.row(i, i == s.focus)...)
		if s.prompts() && i < len(s.fields)-1 {
			out = append(out, "")
		}
	}
	return out
}

func (s *formScreen) view(w, h int) string {
	t := s.c.theme
	p := s.c.pack
	var intro []block
	if s.st.section.ID == "welcome" {
		intro = append(intro,
			block{lines: wrap(t.title, p.T("ui.welcome.title"), w), prio: prioHigh},
			block{lines: wrap(t.text, p.T("ui.welcome.body"), w), prio: prioLow, gap: true},
			block{lines: wrap(t.warn, p.T("ui.welcome.disclaimer"), w), prio: prioMid, gap: true},
			block{lines: wrap(t.faint, s.draftsLine(), w), prio: prioMid, gap: true},
			block{lines: wrap(t.faint, p.T("ui.welcome.language"), w), prio: prioLow},
		)
	} else if text := s.st.section.IntroFor(s.c.answers); text != "" {
		intro = append(intro, block{lines: wrap(t.faint, text, w), prio: prioLow})
	}
	var hint []block
	if !s.prompts() {
		hint = s.c.questionBlocks(s.fields[s.focus].q, w, true)
	}
	hint = append(hint, s.c.noteBlock(s.fields[s.focus].q, w)...)
	fields := s.fieldLines()
	blocks := append(intro, block{lines: fields, prio: prioMust, gap: true})
	blocks = append(blocks, hint...)
	return strings.Join(stack(h, blocks...), "\n")
}

// draftsLine says where drafts are kept, or that they are off.
func (s *formScreen) draftsLine() string {
	if s.c.drafts == nil {
		return s.c.pack.T("ui.welcome.no-drafts")
	}
	return s.c.pack.Tf("ui.welcome.drafts", "dir", tildePath(s.c.drafts.Dir()))
}

func (s *formScreen) keyMap() help.KeyMap {
	f := s.fields[s.focus]
	var short, full []key.Binding
	switch {
	case f.choice != nil:
		short, full = f.choice.bindings()
	case f.multi != nil:
		short, full = f.multi.bindings()
	}
	short = append(short, s.keys.Next, s.keys.Prev)
	return keyList{short: short, full: [][]key.Binding{full, {s.keys.Next, s.keys.Prev, s.keys.Up, s.keys.Down}}}
}
