package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// choiceKeys are the keys of a single-answer list (choice or yes/no/unknown).
type choiceKeys struct {
	Up, Down, Choose, Pick, Yes, No, Unknown, Clear key.Binding
}

func newChoiceKeys(q *checklist.Question) choiceKeys {
	k := choiceKeys{
		Up:      upKey(),
		Down:    downKey(),
		Choose:  newKey("space", "choose", "space"),
		Pick:    digitsKey(len(q.OptionIDs())),
		Yes:     newKey("y", "yes", "y"),
		No:      newKey("n", "no", "n"),
		Unknown: newKey("u", "unknown", "u"),
		Clear:   clearKey(),
	}
	if q.Kind != checklist.KindTristate {
		k.Yes.SetEnabled(false)
		k.No.SetEnabled(false)
		k.Unknown.SetEnabled(false)
	}
	return k
}

// choiceList is a radio list. ↑/↓ only move a highlight; space, a digit
// (or y/n/u) chooses, and enter chooses the highlighted option before
// moving on. Nothing is chosen until the user does so, so a question passed
// with enter, or merely looked through with the arrows, stays "not asked
// yet". It holds no answer itself: it reads the answers and returns actions.
type choiceList struct {
	c    *common
	q    *checklist.Question
	ids  []string
	keys choiceKeys
	// cur is the highlighted option, -1 for none: the user has not moved
	// since the list was entered and nothing is chosen.
	cur int
}

func newChoiceList(c *common, q *checklist.Question) *choiceList {
	l := &choiceList{c: c, q: q, ids: q.OptionIDs(), keys: newChoiceKeys(q)}
	l.reset()
	return l
}

// reset puts the highlight on the chosen option, or nowhere: called when
// the list is entered, so a highlight left behind never becomes an answer.
func (l *choiceList) reset() { l.cur = l.selected() }

// confirm is enter: it chooses the highlighted option when the user moved
// to one that is not already chosen, and otherwise does nothing.
func (l *choiceList) confirm() []action {
	if l.cur < 0 || l.cur >= len(l.ids) || l.cur == l.selected() {
		return nil
	}
	return l.choose(l.cur)
}

// selected returns the index of the chosen option, or -1.
func (l *choiceList) selected() int {
	v, ok := l.c.answers.Get(l.q.ID)
	if !ok {
		return -1
	}
	for i, id := range l.ids {
		if id == v.Choice {
			return i
		}
	}
	return -1
}

func (l *choiceList) choose(i int) []action {
	l.cur = i
	return []action{setAnswer{id: l.q.ID, v: intake.Choice(l.ids[i])}}
}

// handle reacts to a key; ok is false when the key is not the list's.
func (l *choiceList) handle(msg tea.KeyPressMsg) (acts []action, ok bool) {
	k := l.keys
	pick := func(id string) []action {
		for i, o := range l.ids {
			if o == id {
				return l.choose(i)
			}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Up):
		if l.cur < 0 {
			l.cur = 0
		} else {
			l.cur = max(l.cur-1, 0)
		}
	case key.Matches(msg, k.Down):
		l.cur = min(l.cur+1, len(l.ids)-1)
	case key.Matches(msg, k.Choose):
		if l.cur < 0 {
			return nil, true
		}
		return l.choose(l.cur), true
	case key.Matches(msg, k.Yes):
		return pick(checklist.Yes), true
	case key.Matches(msg, k.No):
		return pick(checklist.No), true
	case key.Matches(msg, k.Unknown):
		return pick(checklist.Unknown), true
	case key.Matches(msg, k.Pick):
		if d := digit(msg); d >= 0 && d < len(l.ids) {
			return l.choose(d), true
		}
	case key.Matches(msg, k.Clear):
		l.cur = -1
		return []action{clearAnswer{id: l.q.ID}}, true
	default:
		return nil, false
	}
	return nil, true
}

// bindings lists the keys for the one-line help (short) and the full help.
func (l *choiceList) bindings() (short, full []key.Binding) {
	if l.q.Kind == checklist.KindTristate {
		// y/n/u is the way to answer; the arrows are in the full help.
		return []key.Binding{ynuKey()}, []key.Binding{ynuKey(), moveKey(), l.keys.Choose, l.keys.Clear}
	}
	return []key.Binding{moveKey(), l.keys.Pick}, []key.Binding{moveKey(), l.keys.Choose, l.keys.Pick, l.keys.Clear}
}

// optionLabel is what the user reads for option i.
func (l *choiceList) optionLabel(i int) string {
	if l.q.Kind == checklist.KindTristate {
		return l.c.pack.T("answer." + l.ids[i])
	}
	return l.q.Options[i].Label
}

// keyHint is the key shown beside option i: y/n/u for yes/no/unknown,
// otherwise its digit.
func (l *choiceList) keyHint(i int) string {
	if l.q.Kind == checklist.KindTristate {
		return l.ids[i][:1]
	}
	if i < 9 {
		return strconv.Itoa(i + 1)
	}
	return " "
}

// view renders the options, one per row, within width w: ● marks the
// chosen option, and › the highlight when the list has the focus.
func (l *choiceList) view(w int, focused bool) []string {
	t := l.c.theme
	sel := l.selected()
	cur := -1
	if focused {
		cur = l.cur
	}
	// The option whose help shows: the highlighted one, else the chosen.
	helpOf := sel
	if cur >= 0 {
		helpOf = cur
	}
	var out []string
	for i := range l.ids {
		mark, st := "○", t.text
		prefix := "  "
		if i == sel {
			mark, st = "●", t.selected
		}
		if i == cur {
			prefix = t.cursor.Render("›") + " "
			st = st.Bold(true)
		}
		head := prefix + t.key.Render(l.keyHint(i)) + " " + mark + " "
		indent := ansi.StringWidth(head)
		lines := wrap(st, l.optionLabel(i), w-indent)
		for j, line := range lines {
			if j == 0 {
				out = append(out, head+line)
			} else {
				out = append(out, strings.Repeat(" ", indent)+line)
			}
		}
		if i == helpOf && l.q.Kind != checklist.KindTristate && l.q.Options[i].Help != "" {
			for _, line := range wrap(t.faint, l.q.Options[i].Help, w-indent) {
				out = append(out, strings.Repeat(" ", indent)+line)
			}
		}
	}
	return out
}

// summary is the chosen option in words, or "not asked yet".
func (l *choiceList) summary() string {
	if i := l.selected(); i >= 0 {
		return l.optionLabel(i)
	}
	return l.c.pack.T("answer.not-asked")
}
