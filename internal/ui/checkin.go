package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Checkin is the check-in after a session, on one screen: how the person
// felt afterwards (the one answer needed), the signs to leave they noticed,
// the facilitation they saw, distress now, and a note. It is the
// walkthrough's form (form.go) over the pack's own questions, so the keys,
// fields and words are the walkthrough's; enter on the last field keeps the
// check-in, ctrl+c leaves without keeping one.
type Checkin struct {
	c      *common
	form   *formScreen
	circle string
	w, h   int
	help   help.Model
	quit   key.Binding
	done   bool
	err    string
}

// NewCheckin returns the check-in screen for circle.
func NewCheckin(p *checklist.Pack, circle string, dark, noColor bool) *Checkin {
	s := intake.CheckinSession(p)
	c := &common{keys: newKeyMap(p), s: s, pack: p, answers: s.Answers(), theme: newTheme(dark, noColor), cache: &mdCache{}}
	qs := intake.CheckinQuestions(p)
	st := step{kind: stepForm, key: "checkin", section: &checklist.Section{ID: "checkin"}, questions: qs, first: true}
	k := &Checkin{c: c, form: newFormScreen(c, st), circle: textclean.CleanLine(circle), w: 80, h: 24, help: help.New(),
		quit: newKey("ctrl+c", "quit", "ctrl+c")}
	k.help.Styles = c.theme.help
	k.form.setSize(k.w-2, k.h-4)
	return k
}

// Result is the check-in, or nil when the person left without keeping one.
// Its date is left for the caller to set.
func (k *Checkin) Result() *checklist.Checkin {
	if !k.done {
		return nil
	}
	return intake.Checkin(k.circle, k.c.answers)
}

// Init focuses the first field and asks for the terminal's background.
func (k *Checkin) Init() tea.Cmd {
	return tea.Batch(k.form.enter(""), tea.RequestBackgroundColor)
}

// Update passes keys to the form and applies what it returns.
func (k *Checkin) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		k.w, k.h = msg.Width, msg.Height
		k.form.setSize(max(k.w-2, 1), max(k.h-4, 1))
		return k, nil
	case tea.BackgroundColorMsg:
		k.c.theme = newTheme(msg.IsDark(), k.c.theme.noColor)
		k.help.Styles = k.c.theme.help
		return k, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, k.quit) {
			return k, tea.Quit
		}
	case tea.PasteMsg:
	default:
		return k, nil
	}
	acts, cmd := k.form.update(msg)
	for _, a := range acts {
		switch a := a.(type) {
		case setAnswer:
			k.c.s.Answer(a.id, a.v)
			k.err = ""
		case clearAnswer:
			k.c.s.Clear(a.id)
		case goNext:
			// Enter on the last field: keep it, once the one needed answer
			// is there.
			if _, ok := k.c.answers.Get(intake.CheckinFelt); !ok {
				k.err = k.c.pack.T("ui.checkin.felt-needed")
				return k, k.form.focusField(0)
			}
			k.done = true
			return k, tea.Quit
		}
	}
	return k, cmd
}

// View draws the title, the fields, any problem and the help line; it fits
// 80x24 and shrinks to any size.
func (k *Checkin) View() tea.View {
	t, p := k.c.theme, k.c.pack
	w := max(k.w-2, 1)
	lines := []string{t.app.Render(p.T("ui.app")) + " " + t.section.Render(p.Tf("ui.checkin.title", "circle", k.circle))}
	if k.err != "" {
		lines = append(lines, wrap(t.errText, k.err, w)...)
	} else {
		lines = append(lines, "")
	}
	body := strings.Join(lines, "\n") + "\n" + k.form.view(w, max(k.h-len(lines)-2, 1))
	groups := keyWords(p, [][]key.Binding{append(k.form.keyMap().ShortHelp(), k.quit)})
	k.help.SetWidth(w)
	return screenView(body, k.help.ShortHelpView(groups[0]), k.w, k.h, k.h-1)
}
