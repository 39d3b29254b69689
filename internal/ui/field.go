package ui

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// textField edits a text or number answer. Every edit that leaves a valid
// value is applied at once (so the live check and drafts follow typing); an
// invalid number is kept on screen with a message but never applied, and
// never stops the user from going back.
type textField struct {
	c      *common
	q      *checklist.Question
	in     textinput.Model
	err    string
	styled *theme
}

func newTextField(c *common, q *checklist.Question) *textField {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = c.pack.T("answer.not-asked")
	in.CharLimit = checklist.MaxLineLen
	if q.Kind == checklist.KindNumber {
		in.CharLimit = 20
	}
	f := &textField{c: c, q: q, in: in}
	f.restyle()
	f.load()
	return f
}

// load shows the current answer, dropping anything half-typed.
func (f *textField) load() {
	f.err = ""
	v, ok := f.c.answers.Get(f.q.ID)
	switch {
	case !ok:
		f.in.SetValue("")
	default:
		// A range stays a range, "about 12" stays approximate.
		f.in.SetValue(intake.AnswerText(f.c.pack, f.q, v))
	}
	f.in.CursorEnd()
}

func (f *textField) focus() tea.Cmd { return f.in.Focus() }

// setWidth fits the input, its marker and its unit into w cells.
func (f *textField) setWidth(w int) {
	if nw := max(w-4-len(f.q.Unit), 1); nw != f.in.Width() {
		f.in.SetWidth(nw)
		f.in.SetCursor(f.in.Position()) // lays the text out again for the new width
	}
}
func (f *textField) blur() { f.in.Blur() }

// parse turns the field's text into an answer, through the session (a
// number as people say it: "$1,500", "free", "20-60", "a dozen"): msg
// says what to type for one that is not a number or is out of range;
// empty means "not asked".
func (f *textField) parse() (v checklist.Value, empty bool, msg string) {
	v, empty, problem := f.c.s.Parse(f.q, f.in.Value())
	switch {
	case problem == nil:
		return v, empty, ""
	case problem.Kind == intake.OutOfRange:
		return v, false, f.c.pack.Tf("ui.number-range", "range", intake.RangeText(f.c.pack, f.q))
	case problem.Kind == intake.TooLong:
		return v, false, f.c.pack.Tf("ui.cut", "n", strconv.Itoa(problem.Limit))
	}
	return v, false, f.c.pack.Tf("ui.number-invalid", "example", intake.Example(f.q))
}

// commit returns the action that applies the field's value, if it is valid
// and differs from the answer.
func (f *textField) commit() []action {
	v, empty, msg := f.parse()
	if msg != "" {
		return nil
	}
	old, had := f.c.answers.Get(f.q.ID)
	switch {
	case empty && had:
		return []action{clearAnswer{id: f.q.ID}}
	case empty:
		return nil
	case had && old.Equal(v):
		return nil
	}
	return []action{setAnswer{id: f.q.ID, v: v}}
}

// validate is called before moving forward: it sets and reports the error.
func (f *textField) validate() bool {
	_, _, f.err = f.parse()
	return f.err == ""
}

// update passes a key or paste to the text input. Pasted text is cleaned
// of terminal controls and line breaks before it lands in the field.
func (f *textField) update(msg tea.Msg) ([]action, tea.Cmd) {
	var cut []action
	room := f.in.CharLimit - utf8.RuneCountInString(f.in.Value())
	switch m := msg.(type) {
	case tea.PasteMsg:
		msg = tea.PasteMsg{Content: textclean.CleanLine(m.Content)}
		if utf8.RuneCountInString(msg.(tea.PasteMsg).Content) > room {
			cut = []action{tell{f.c.pack.Tf("ui.cut", "n", strconv.Itoa(f.in.CharLimit))}}
		}
	case tea.KeyPressMsg:
		if m.Text != "" && room <= 0 {
			cut = []action{tell{f.c.pack.Tf("ui.cut", "n", strconv.Itoa(f.in.CharLimit))}}
		}
	}
	before := f.in.Value()
	var cmd tea.Cmd
	f.in, cmd = f.in.Update(msg)
	if f.in.Value() == before {
		return cut, cmd
	}
	if _, _, msg := f.parse(); msg == "" {
		f.err = ""
	}
	return append(f.commit(), cut...), cmd
}

func (f *textField) restyle() {
	if f.styled == f.c.theme {
		return
	}
	t := f.c.theme
	st := textinput.Styles{
		Focused: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.input},
		Blurred: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.faint},
		Cursor:  textinput.CursorStyle{Color: t.cursor.GetForeground(), Shape: tea.CursorBar, Blink: false},
	}
	f.in.SetStyles(st)
	f.styled = t
}

// view renders the input (with its unit) and any error, within width w.
func (f *textField) view(w int, focused bool) []string {
	f.restyle()
	t := f.c.theme
	unit := ""
	// The unit goes with a value, never after "not asked yet", and only
	// after bare digits: "12 people", "2 hours" and "free" say their own.
	if f.q.Unit != "" && bareNumber(f.in.Value()) {
		unit = " " + t.faint.Render(f.q.Unit)
	}
	marker := "  "
	if focused {
		marker = t.cursor.Render("›") + " "
	}
	// The input pads itself to its width; cut that so the unit sits right
	// after the value.
	vis := ansi.StringWidth(f.in.Value())
	if focused {
		vis++ // the cursor's cell
	}
	if f.in.Value() == "" {
		vis = ansi.StringWidth(f.in.Placeholder)
	}
	in := ansi.Truncate(f.in.View(), min(vis, max(f.in.Width(), 1)+1), "")
	if !focused && f.in.Value() != "" && ansi.StringWidth(f.in.Value()) > f.in.Width() {
		// Not being typed in: the start of a long name, and a mark that
		// there is more, rather than its tail.
		in = t.text.Render(ansi.Truncate(f.in.Value(), max(f.in.Width(), 1), "…"))
	}
	out := []string{marker + in + unit}
	if f.err != "" {
		out = append(out, wrap(t.errText, f.err, w-2)...)
		for i := 1; i < len(out); i++ {
			out[i] = "  " + out[i]
		}
	}
	return out
}

// bareNumber reports whether s is digits with no words of its own (a
// range or an approximation sign allowed), so the field
// may add the unit after it.
func bareNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) {
			return false // "12 people", "free", "$45" carry their own unit
		}
	}
	return strings.ContainsAny(s, "0123456789")
}
