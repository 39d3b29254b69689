package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

type multiKeys struct {
	Up, Down, Toggle, Unsure, Pick, None, Clear key.Binding
}

func newMultiKeys(q *checklist.Question) multiKeys {
	return multiKeys{
		Up:     upKey(),
		Down:   downKey(),
		Toggle: newKey("space", "tick", "space", "x"),
		Unsure: newKey("u", "not known yet", "u"),
		Pick:   digitsKey(len(q.Options)),
		None:   newKey("0", "none", "0"),
		Clear:  clearKey(),
	}
}

// multiList is a checklist of options. An untouched list is "not asked
// yet"; once the user ticks anything it is an answer, and ticking then
// unticking everything (or choosing "none of these") answers [].
type multiList struct {
	c    *common
	q    *checklist.Question
	cur  int // 0..len(options); the last row is "none of these"
	keys multiKeys
}

func newMultiList(c *common, q *checklist.Question) *multiList {
	return &multiList{c: c, q: q, keys: newMultiKeys(q)}
}

func (l *multiList) rows() int { return len(l.q.Options) + 1 }

// toggle returns the action that flips option i. An item still unknown
// becomes ticked; the other unknown items stay unknown.
func (l *multiList) toggle(i int) []action {
	v, _ := l.c.answers.Get(l.q.ID)
	return []action{setAnswer{id: l.q.ID, v: intake.Toggle(l.q, v, l.q.Options[i].ID)}}
}

// markUnsure (u, as on yes/no questions) flips option i between "not known yet" and not ticked, so a
// list can be answered in part (a page that names some agreements and is
// silent on the rest).
func (l *multiList) markUnsure(i int) []action {
	v, _ := l.c.answers.Get(l.q.ID)
	return []action{setAnswer{id: l.q.ID, v: intake.ToggleUnsure(l.q, v, l.q.Options[i].ID)}}
}

func (l *multiList) none() []action {
	return []action{setAnswer{id: l.q.ID, v: intake.None()}}
}

func (l *multiList) handle(msg tea.KeyPressMsg) (acts []action, ok bool) {
	k := l.keys
	switch {
	case key.Matches(msg, k.Up):
		l.cur = max(l.cur-1, 0)
	case key.Matches(msg, k.Down):
		l.cur = min(l.cur+1, l.rows()-1)
	case key.Matches(msg, k.Toggle):
		if l.cur == len(l.q.Options) {
			return l.none(), true
		}
		return l.toggle(l.cur), true
	case key.Matches(msg, k.Unsure):
		if l.cur < len(l.q.Options) {
			return l.markUnsure(l.cur), true
		}
	case key.Matches(msg, k.None):
		l.cur = len(l.q.Options)
		return l.none(), true
	case key.Matches(msg, k.Pick):
		if d := digit(msg); d >= 0 && d < len(l.q.Options) {
			l.cur = d
			return l.toggle(d), true
		}
	case key.Matches(msg, k.Clear):
		return []action{clearAnswer{id: l.q.ID}}, true
	default:
		return nil, false
	}
	return nil, true
}

// bindings lists the keys for the one-line help (short) and the full help.
func (l *multiList) bindings() (short, full []key.Binding) {
	// "0 none" is on the list itself, and in the full help.
	return []key.Binding{moveKey(), l.keys.Toggle},
		[]key.Binding{moveKey(), l.keys.Toggle, l.keys.Pick, l.keys.Unsure, l.keys.None, l.keys.Clear}
}

func (l *multiList) view(w int, focused bool) []string {
	t := l.c.theme
	v, answered := l.c.answers.Get(l.q.ID)
	var out []string
	row := func(i int, hint, label string, ticked, unsure bool, help string) {
		box, st := "[ ]", t.text
		switch {
		case ticked:
			box, st = "[x]", t.selected
		case unsure:
			box, st = "[?]", t.warn
		}
		prefix := "  "
		if focused && i == l.cur {
			prefix = t.cursor.Render("›") + " "
			st = st.Bold(true)
		}
		head := prefix + t.key.Render(hint) + " " + box + " "
		indent := ansi.StringWidth(head)
		for j, line := range wrap(st, label, w-indent) {
			if j == 0 {
				out = append(out, head+line)
			} else {
				out = append(out, strings.Repeat(" ", indent)+line)
			}
		}
		if focused && i == l.cur && help != "" {
			for _, line := range wrap(t.faint, help, w-indent) {
				out = append(out, strings.Repeat(" ", indent)+line)
			}
		}
	}
	for i, o := range l.q.Options {
		hint := " "
		if i < 9 {
			hint = strconv.Itoa(i + 1)
		}
		row(i, hint, o.Label, slices.Contains(v.List, o.ID), slices.Contains(v.Unsure, o.ID), o.Help)
	}
	row(len(l.q.Options), "0", l.c.pack.T("ui.none-option"), answered && len(v.List) == 0 && len(v.Unsure) == 0, false, "")
	if !answered {
		out = append(out, "  "+t.notAsked.Render(l.c.pack.T("answer.not-asked")))
	}
	return out
}
