package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// field is one question's input, whatever its kind: a radio list (a
// choice, or yes/no/unknown: choice.go), a checklist (multi.go), or a text
// or number input (field.go). The form and question screens lay fields out
// and move between them; they never ask which kind a field is.
type field interface {
	question() *checklist.Question
	// input takes a key or paste the field may use (moving in a list,
	// picking, typing) and returns what to apply.
	input(msg tea.Msg) ([]action, tea.Cmd)
	// leave is called as a key moves focus on: enter on a list chooses its
	// highlighted option; a text field refuses (ok false, saying why on
	// screen) while its text is not a valid answer. back says the move is
	// backwards, which is never refused and drops what was half-typed.
	leave(enter, back bool) (acts []action, ok bool)
	// reload shows the current answer again, dropping a stray highlight or
	// half-typed text.
	reload()
	focus() tea.Cmd
	blur()
	setWidth(w int)
	// typing says the field takes letters, so q and ? are text, and ↑/↓
	// move between fields rather than within the field.
	typing() bool
	bindings() (short, full []key.Binding)
	view(w int, focused bool) []string
	// value is the answer on one line for a form's collapsed row, and
	// whether there is one; inline fields (text) are drawn whole instead.
	value() (string, bool)
	inline() bool
}

// newField makes the input for q's kind.
func newField(c *common, q *checklist.Question) field {
	switch q.Kind {
	case checklist.KindChoice, checklist.KindTristate:
		return newChoiceList(c, q)
	case checklist.KindMulti:
		return newMultiList(c, q)
	}
	return newTextField(c, q)
}

// choiceList as a field.

func (l *choiceList) question() *checklist.Question { return l.q }
func (l *choiceList) input(msg tea.Msg) ([]action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		acts, _ := l.handle(k)
		return acts, nil
	}
	return nil, nil
}
func (l *choiceList) leave(enter, back bool) ([]action, bool) {
	if enter && !back {
		return l.confirm(), true // enter chooses the highlighted option
	}
	return nil, true
}
func (l *choiceList) reload()               { l.reset() }
func (l *choiceList) focus() tea.Cmd        { return nil }
func (l *choiceList) blur()                 { l.reset() } // a highlight left behind is not an answer
func (l *choiceList) setWidth(int)          {}
func (l *choiceList) typing() bool          { return false }
func (l *choiceList) inline() bool          { return false }
func (l *choiceList) value() (string, bool) { return l.summary(), l.selected() >= 0 }

// multiList as a field.

func (l *multiList) question() *checklist.Question { return l.q }
func (l *multiList) input(msg tea.Msg) ([]action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		acts, _ := l.handle(k)
		return acts, nil
	}
	return nil, nil
}
func (l *multiList) leave(bool, bool) ([]action, bool) { return nil, true }
func (l *multiList) reload()                           {}
func (l *multiList) focus() tea.Cmd                    { return nil }
func (l *multiList) blur()                             {}
func (l *multiList) setWidth(int)                      {}
func (l *multiList) typing() bool                      { return false }
func (l *multiList) inline() bool                      { return false }
func (l *multiList) value() (string, bool) {
	v, ok := l.c.answers.Get(l.q.ID)
	if !ok {
		return l.c.pack.T("answer.not-asked"), false
	}
	return formatValue(l.c.pack, l.q, v), true
}

// textField as a field.

func (f *textField) question() *checklist.Question         { return f.q }
func (f *textField) input(msg tea.Msg) ([]action, tea.Cmd) { return f.update(msg) }
func (f *textField) reload()                               { f.load() }
func (f *textField) typing() bool                          { return true }
func (f *textField) inline() bool                          { return true }
func (f *textField) bindings() (short, full []key.Binding) { return nil, nil }
func (f *textField) value() (string, bool)                 { return f.in.Value(), f.in.Value() != "" }
func (f *textField) leave(_, back bool) ([]action, bool) {
	if back {
		f.load() // drop what was half-typed and invalid
		return nil, true
	}
	// Checked only when moving forward, so a bad number never traps
	// anyone who wants to go back.
	return nil, f.validate()
}
