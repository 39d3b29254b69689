package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// PickNew and PickQuit are what a draft picker returns besides a draft's
// index: start a new check, or leave.
const (
	PickNew  = -1
	PickQuit = -2
)

// Picker offers unfinished drafts before the walkthrough opens, newest
// first, each with its circle's name and how much is answered, and a last
// row to start a new check. `vetcircle` shows it when drafts are waiting,
// and `vetcircle resume` when several match.
type Picker struct {
	pack *checklist.Pack
	// title and intro are pack keys; rows are the choices, then last the
	// row that starts something new.
	title, intro string
	rows         []string
	theme        *theme
	cur          int
	w, h         int
	chosen       int
	keys         pickerKeys
	help         help.Model
}

type pickerKeys struct {
	Up, Down, Choose, New, Quit key.Binding
}

// NewPicker returns a picker over drafts (draft.Store.List's order, newest
// first).
func NewPicker(p *checklist.Pack, drafts []draft.Info, dark, noColor bool) *Picker {
	rows := make([]string, 0, len(drafts)+1)
	for _, d := range drafts {
		name := textclean.CleanLine(d.Name)
		if name == "" {
			name = p.T("summary.circle")
		}
		rows = append(rows, p.Tf("ui.picker.row", "name", name, "pct", strconv.Itoa(d.Completeness), "when", d.Updated.Format(time.DateTime[:16])))
	}
	rows = append(rows, p.T("ui.picker.new"))
	return newPicker(p, "ui.picker.title", "ui.picker.intro", rows, newKey("enter", "continue", "enter"), newKey("n", "new check", "n"), dark, noColor)
}

// NewCirclePicker offers the register's circles whose names are close to
// one that found none (a check-in for "thurzday"), and a last row to keep
// it as a new circle named as typed: a typo is corrected by choosing, and
// a new circle is only ever started on purpose.
func NewCirclePicker(p *checklist.Pack, typed string, names []string, dark, noColor bool) *Picker {
	rows := make([]string, 0, len(names)+1)
	for _, n := range names {
		rows = append(rows, textclean.CleanLine(n))
	}
	rows = append(rows, p.Tf("ui.circle-picker.new", "name", textclean.CleanLine(typed)))
	return newPicker(p, "ui.circle-picker.title", "ui.circle-picker.intro", rows, newKey("enter", "choose", "enter"), newKey("n", "new circle", "n"), dark, noColor)
}

func newPicker(p *checklist.Pack, title, intro string, rows []string, choose, newRow key.Binding, dark, noColor bool) *Picker {
	k := &Picker{pack: p, title: title, intro: intro, rows: rows, theme: newTheme(dark, noColor), chosen: PickQuit, w: 80, h: 24, help: help.New(),
		keys: pickerKeys{
			Up:     upKey(),
			Down:   downKey(),
			Choose: choose,
			New:    newRow,
			Quit:   newKey("q", "quit", "q", "esc", "ctrl+c"),
		}}
	k.help.Styles = k.theme.help
	return k
}

// Chosen is the index of the draft picked, PickNew or PickQuit.
func (k *Picker) Chosen() int { return k.chosen }

// Init asks for the terminal's background, as the walkthrough does.
func (k *Picker) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update moves the highlight and chooses.
func (k *Picker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		k.w, k.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		k.theme = newTheme(msg.IsDark(), k.theme.noColor)
		k.help.Styles = k.theme.help
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.keys.Up):
			k.cur = max(k.cur-1, 0)
		case key.Matches(msg, k.keys.Down):
			k.cur = min(k.cur+1, len(k.rows)-1)
		case key.Matches(msg, k.keys.Choose):
			k.chosen = k.cur
			if k.cur == len(k.rows)-1 {
				k.chosen = PickNew
			}
			return k, tea.Quit
		case key.Matches(msg, k.keys.New):
			k.chosen = PickNew
			return k, tea.Quit
		case key.Matches(msg, k.keys.Quit):
			k.chosen = PickQuit
			return k, tea.Quit
		}
	}
	return k, nil
}

// View lists the drafts; it fits any size, down to 1x1.
func (k *Picker) View() tea.View {
	t, p := k.theme, k.pack
	w := max(k.w-2, 1)
	var lines []string
	lines = append(lines, t.app.Render(p.T("ui.app"))+" "+t.section.Render(p.T(k.title)), "")
	lines = append(lines, wrap(t.text, p.T(k.intro), w)...)
	lines = append(lines, "")
	var rows []string
	row := func(i int, text string) {
		prefix, st := "  ", t.text
		if i == k.cur {
			prefix, st = t.cursor.Render("›")+" ", t.cursor
		}
		rows = append(rows, prefix+st.Render(ansi.Truncate(text, max(w-2, 1), "…")))
	}
	for i, r := range k.rows {
		row(i, r)
	}
	// The list scrolls to keep the highlight in view; the intro gives way
	// first on a short window.
	room := k.h - 2 - len(lines)
	if room < 3 {
		lines, room = lines[:1], k.h-3
	}
	lines = append(lines, scrollWindow(rows, k.cur, max(room, 1), moreMark(t, p))...)
	groups := keyWords(p, [][]key.Binding{{moveKey(), k.keys.Choose, k.keys.New, k.keys.Quit}})
	k.help.SetWidth(w)
	return screenView(strings.Join(lines, "\n"), k.help.ShortHelpView(groups[0]), k.w, k.h, k.h-2)
}
