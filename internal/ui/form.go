package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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

// formScreen shows several short questions at once: the welcome screen
// (who is using it, which stage) and the circle's basics.
type formScreen struct {
	c      *common
	st     step
	fields []field
	focus  int
	w, h   int
	keys   formKeys
}

func newFormScreen(c *common, st step) *formScreen {
	s := &formScreen{c: c, st: st, keys: c.keys.Form}
	for _, q := range st.questions {
		s.fields = append(s.fields, newField(c, q))
	}
	return s
}

func (s *formScreen) enter(focus string) tea.Cmd {
	s.focus = 0
	for i, f := range s.fields {
		if f.question().ID == focus {
			s.focus = i
		}
		f.reload()
	}
	return s.focusField(s.focus)
}

func (s *formScreen) focusField(i int) tea.Cmd {
	s.focus = max(0, min(i, len(s.fields)-1))
	var cmd tea.Cmd
	for j, f := range s.fields {
		if j == s.focus {
			cmd = f.focus()
		} else {
			f.blur()
		}
	}
	return cmd
}

func (s *formScreen) setSize(w, h int) {
	s.w, s.h = w, h
	for _, f := range s.fields {
		f.setWidth(w - s.labelWidth() - 2)
	}
}

func (s *formScreen) typing() bool { return s.fields[s.focus].typing() }

func (s *formScreen) focused() string { return s.fields[s.focus].question().ID }

func (s *formScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	f := s.fields[s.focus]
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		// In a text field ↑/↓ move between fields; in a list they move
		// the highlight, and tab and shift+tab move between fields.
		forward := key.Matches(k, s.keys.Next) || (f.typing() && key.Matches(k, s.keys.Down))
		backward := key.Matches(k, s.keys.Prev) || (f.typing() && key.Matches(k, s.keys.Up))
		// Editing one answer from the review: enter and esc go back to it.
		toReview := s.c.editing() && (key.Matches(k, s.keys.Next) && k.Code == tea.KeyEnter || k.Code == tea.KeyEscape)
		switch {
		case forward:
			acts, ok := f.leave(k.Code == tea.KeyEnter, false)
			if !ok {
				return nil, nil
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
			f.leave(false, true)
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
	}
	return f.input(msg)
}

// prompts reports whether this form shows its questions' prompts rather
// than short labels: the welcome screen, whose questions are few and short.
func (s *formScreen) prompts() bool { return s.st.section.ID == "welcome" }

func (s *formScreen) labelWidth() int {
	n := 0
	for _, f := range s.fields {
		n = max(n, ansi.StringWidth(f.question().Label))
	}
	return min(n+2, max(s.w/3, 8))
}

// row renders field i: its label and value, and, when expanded, its
// options underneath.
func (s *formScreen) row(i int, expand bool) []string {
	t := s.c.theme
	f := s.fields[i]
	q := f.question()
	focused := i == s.focus
	lw := s.labelWidth()
	marker := "  "
	lst := t.text
	if focused {
		marker = t.cursor.Render("›") + " "
		lst = t.cursor
	}
	if s.prompts() && !f.inline() {
		// The welcome questions read as questions, with their options
		// always shown.
		out := []string{marker + lst.Bold(true).Render(ansi.Truncate(q.PromptFor(s.c.answers), max(s.w-2, 1), "…"))}
		for _, l := range f.view(max(s.w-2, 1), focused) {
			out = append(out, "  "+l)
		}
		return out
	}
	label := ansi.Truncate(q.Label, lw-1, "…")
	head := marker + lst.Render(label) + strings.Repeat(" ", max(lw-ansi.StringWidth(label), 1))
	vw := max(s.w-2-lw, 1)
	if f.inline() {
		lines := f.view(vw, focused)
		// The field draws its own marker; ours is in head.
		lines[0] = strings.TrimPrefix(strings.TrimPrefix(lines[0], t.cursor.Render("›")+" "), "  ")
		out := []string{head + lines[0]}
		for _, l := range lines[1:] {
			out = append(out, strings.Repeat(" ", 2+lw)+l)
		}
		return out
	}
	text, answered := f.value()
	val := t.notAsked.Render(text)
	if answered {
		val = t.selected.Render(text)
	}
	out := []string{head + ansi.Truncate(val, vw, "…")}
	if expand {
		for _, l := range f.view(max(s.w-4, 1), focused) {
			out = append(out, "    "+l)
		}
	}
	return out
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
		hint = s.c.questionBlocks(s.fields[s.focus].question(), w, true)
	}
	hint = append(hint, s.c.noteBlock(s.fields[s.focus].question(), w)...)
	fields := s.fieldLines()
	blocks := append(intro, s.c.listBlock(fields))
	blocks = append(blocks, hint...)
	return strings.Join(stack(h, blocks...), "\n")
}

// draftsLine says where drafts are kept, or that they are off.
func (s *formScreen) draftsLine() string {
	if s.c.drafts() == nil {
		return s.c.pack.T("ui.welcome.no-drafts")
	}
	return s.c.pack.Tf("ui.welcome.drafts", "dir", tildePath(s.c.drafts().Dir()))
}

func (s *formScreen) keyMap() help.KeyMap {
	short, full := s.fields[s.focus].bindings()
	nav := editingKeys(s.c.editing(), s.keys.Next, s.keys.Prev)
	short = append(short, nav...)
	return keyList{short: short, full: [][]key.Binding{full, append(nav, s.keys.Up, s.keys.Down)}}
}
