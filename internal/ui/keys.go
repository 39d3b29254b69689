package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// newKey makes a binding. desc is the English word for the help line; the
// help shows the pack's word for it (ui.key.<desc as an id>, see keyWords),
// so a translated pack translates the help too.
func newKey(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// KeyTextID is the pack text key for a help word: "not asked yet" is
// ui.key.not-asked-yet, "change / continue" ui.key.change-continue.
func KeyTextID(desc string) string {
	id := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return ' '
	}, desc)
	return "ui.key." + strings.Join(strings.Fields(id), "-")
}

// keyWords returns the groups with each help word in the pack's words; a
// word the pack lacks stays as written (a test keeps the built-in packs
// complete).
func keyWords(p *checklist.Pack, groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = make([]key.Binding, len(g))
		for j, b := range g {
			h := b.Help()
			if s, ok := p.Text[KeyTextID(h.Desc)]; ok {
				b.SetHelp(h.Key, s)
			}
			out[i][j] = b
		}
	}
	return out
}

// Bindings shared by several screens. Each screen builds its own keyMap
// from these so its help lists exactly the keys it handles.
func downKey() key.Binding { return newKey("↓/j", "down", "down", "j") }
func upKey() key.Binding   { return newKey("↑/k", "up", "up", "k") }

// moveKey and ynuKey are for the help line only: one entry for a pair or
// three of keys handled one by one ("↑/↓ move"), so the label names only
// keys that work.
func moveKey() key.Binding { return newKey("↑/↓", "move", "up", "down", "k", "j") }
func ynuKey() key.Binding  { return newKey("y/n/u", "answer", "y", "n", "u") }
func nextKey() key.Binding { return newKey("enter", "next", "enter") }
func backKey() key.Binding { return newKey("esc", "back", "esc", "shift+tab") }

// reviewKey is enter and esc while one answer is being changed from the
// review: both go back to it, and the help line says so.
func reviewKey() key.Binding { return newKey("enter/esc", "review", "enter", "esc") }

// editingKeys is the help for a screen's next and back keys: while one
// answer is changed from the review, one entry that says where they go.
func editingKeys(editing bool, next, back key.Binding) []key.Binding {
	if editing {
		return []key.Binding{reviewKey()}
	}
	return []key.Binding{next, back}
}

func clearKey() key.Binding {
	return newKey("⌫", "not asked yet", "backspace", "delete")
}

// digitsKey matches 1 to n (at most 9) for picking an option.
func digitsKey(n int) key.Binding {
	n = min(n, 9)
	keys := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		keys = append(keys, strconv.Itoa(i))
	}
	h := "1"
	if n > 1 {
		h = "1-" + strconv.Itoa(n)
	}
	b := newKey(h, "pick", keys...)
	if n == 0 {
		b.SetEnabled(false)
	}
	return b
}

// digit returns the option index (0-based) a digit key picks, or -1.
func digit(msg tea.KeyPressMsg) int {
	if msg.Mod != 0 || len(msg.Text) != 1 {
		return -1
	}
	if c := msg.Text[0]; c >= '1' && c <= '9' {
		return int(c - '1')
	}
	return -1
}

// globalKeys are handled by the root model whatever the screen.
type globalKeys struct {
	Quit      key.Binding // q or ctrl+c: asks first when there are answers
	ForceQuit key.Binding // ctrl+c inside the quit dialog quits for real
	Help      key.Binding
	// Note opens the notes box for the question under the cursor. It is
	// ctrl+n, not n, which means "no" on yes/no screens and is a letter in
	// text fields.
	Note key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      newKey("q", "quit", "q", "ctrl+c"),
		ForceQuit: newKey("ctrl+c", "quit", "ctrl+c"),
		Help:      newKey("?", "more", "?"),
		Note:      newKey("ctrl+n", "note", "ctrl+n"),
	}
}

// keyList is a help.KeyMap: a short line and the full help's columns.
type keyList struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyList) ShortHelp() []key.Binding  { return k.short }
func (k keyList) FullHelp() [][]key.Binding { return k.full }

// keyMap is every binding of the walkthrough in one place, nested by the
// screen or dialog that handles it; the root model builds it once and each
// screen takes its part. The keys of a question's own field (how many
// digits pick an option) are made with the field (choice.go, multi.go).
type keyMap struct {
	Global   globalKeys
	Form     formKeys
	Question questionKeys
	Flags    flagsKeys
	Review   reviewKeys
	Summary  summaryKeys
	Notes    notesKeys
	Save     saveKeys
	Notice   noticeKeys
	Quit     quitKeys
}

// keyDesc is a binding's help word in the pack's words, for a button drawn
// in a dialog (the help line translates its own through keyWords).
func keyDesc(p *checklist.Pack, b key.Binding) string {
	d := b.Help().Desc
	if s, ok := p.Text[KeyTextID(d)]; ok {
		return s
	}
	return d
}

// withHelpKey is b with the key its help shows changed.
func withHelpKey(b key.Binding, k string) key.Binding {
	b.SetHelp(k, b.Help().Desc)
	return b
}

// yesKey is the pack's letter for "yes" in confirmations: y in English, s
// (sí) in Spanish, where y reads as "and"; y always works too.
func yesKey(p *checklist.Pack) string {
	if s, ok := p.Text["ui.key.yes-letter"]; ok && s != "" {
		return s
	}
	return "y"
}

// confirmKey is a confirmation's yes: the language's letter, shown in the
// help, with y (and more) as aliases.
func confirmKey(p *checklist.Pack, desc string, more ...string) key.Binding {
	y := yesKey(p)
	keys := append([]string{y}, more...)
	if y != "y" {
		keys = append(keys, "y")
	}
	return newKey(y, desc, keys...)
}

func newKeyMap(p *checklist.Pack) *keyMap {
	return &keyMap{
		Global:   newGlobalKeys(),
		Form:     newFormKeys(),
		Question: questionKeys{Next: nextKey(), Back: backKey()},
		Flags:    newFlagsKeys(),
		Review:   newReviewKeys(),
		Summary:  newSummaryKeys(),
		Notes: notesKeys{
			Done:    newKey("esc", "done", "esc", "ctrl+n"),
			Newline: newKey("enter", "new line", "enter"),
		},
		Save: saveKeys{
			Save:     newKey("enter", "save", "enter"),
			Kind:     newKey("tab", "what to save", "tab"),
			KindBack: newKey("shift+tab", "previous", "shift+tab"),
			Source:   newKey("↑/↓", "how gathered", "up", "down"),
			Yes:      confirmKey(p, "replace"),
			No:       newKey("n/esc", "keep it", "n", "esc"),
			Cancel:   newKey("esc", "cancel", "esc"),
			Offer:    withHelpKey(confirmKey(p, "save the answers", "enter"), yesKey(p)+"/enter"),
			Decline:  newKey("n/esc", "no thanks", "n", "esc"),
		},
		Notice: noticeKeys{OK: newKey("enter", "continue", "enter", "esc", "space")},
		Quit: quitKeys{
			Yes: confirmKey(p, "quit", "q"),
			No:  newKey("n/esc", "stay", "n", "esc", "enter"),
		},
	}
}
