package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// maxNote bounds a note, in characters: the session's limit.
const maxNote = intake.NoteLimit

type notesKeys struct {
	Done, Newline key.Binding
}

// notesBox is the notes editor for one question. It opens under the
// question, which stays on screen (a coordinator reads "Say:" while
// typing), and every edit is applied at once, cleaned of terminal controls,
// so a note is saved to the draft like any answer. Closing it (esc, or
// ctrl+n again) keeps what was typed.
type notesBox struct {
	c    *common
	q    *checklist.Question
	ta   textarea.Model
	keys notesKeys
}

func newNotesBox(c *common, q *checklist.Question) *notesBox {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = maxNote
	ta.MaxHeight = 0
	ta.Placeholder = c.pack.T("ui.notes.placeholder")
	ta.SetValue(c.answers.Notes[q.ID])
	ta.MoveToEnd()
	b := &notesBox{c: c, q: q, ta: ta, keys: c.keys.Notes}
	b.restyle()
	return b
}

func (b *notesBox) restyle() {
	t := b.c.theme
	st := textarea.StyleState{Text: t.text, Placeholder: t.notAsked, CursorLine: t.text, EndOfBuffer: t.faint}
	b.ta.SetStyles(textarea.Styles{
		Focused: st,
		Blurred: st,
		Cursor:  textarea.CursorStyle{Color: t.cursor.GetForeground(), Shape: tea.CursorBar},
	})
}

func (b *notesBox) focus() tea.Cmd { return b.ta.Focus() }

// note is the text as it is kept: cleaned of terminal controls, trimmed.
func (b *notesBox) note() string {
	return intake.CleanNote(b.ta.Value())
}

// update edits the note; done is set when the box should close.
func (b *notesBox) update(msg tea.Msg) (acts []action, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, b.keys.Done) {
			return []action{closeNotes{}}, nil
		}
		if msg.Text != "" && utf8.RuneCountInString(b.ta.Value()) >= b.ta.CharLimit {
			acts, cmd := b.edit(msg)
			return append(acts, tell{b.c.pack.Tf("ui.cut", "n", strconv.Itoa(b.ta.CharLimit))}), cmd
		}
	case tea.PasteMsg:
		// Pasted text may carry escapes meant for the terminal, and its
		// lines may end in CR (as terminals send them) or CRLF: they stay
		// lines, never run together.
		msg.Content = textclean.Clean(pasteLines(msg.Content))
		room := b.ta.CharLimit - utf8.RuneCountInString(b.ta.Value())
		acts, cmd := b.edit(msg)
		if n := utf8.RuneCountInString(msg.Content); n > room {
			acts = append(acts, tell{b.c.pack.Tf("ui.cut", "n", strconv.Itoa(b.ta.CharLimit))})
		}
		return acts, cmd
	}
	return b.edit(msg)
}

// pasteLines turns CRLF and lone CR line ends into LF.
func pasteLines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func (b *notesBox) edit(msg tea.Msg) ([]action, tea.Cmd) {
	before := b.note()
	var cmd tea.Cmd
	b.ta, cmd = b.ta.Update(msg)
	if now := b.note(); now != before {
		return []action{setNote{id: b.q.ID, note: now}}, cmd
	}
	return nil, cmd
}

// height is the lines the box takes for a body of h lines: a title, the
// text area (one to four lines) and a border.
func (b *notesBox) height(h int) int {
	return min(max(h/3, 3), 6)
}

// view renders the box w cells wide and exactly b.height(h) lines high.
func (b *notesBox) view(w, h int) []string {
	b.restyle()
	t := b.c.theme
	bh := b.height(h)
	inner := max(w-4, 1) // border and padding
	title := t.label.Render(ansi.Truncate(b.c.pack.Tf("ui.notes.title", "question", b.q.Label), inner, "…"))
	lines := []string{title}
	rows := max(bh-3, 1)
	if w < 8 || bh < 3 {
		// No room for a border: the text alone.
		b.ta.SetWidth(max(w, 1))
		b.ta.SetHeight(1)
		return clipLines(b.ta.View(), w, 1)
	}
	b.ta.SetWidth(inner)
	b.ta.SetHeight(rows)
	lines = append(lines, clipLines(b.ta.View(), inner, rows)...)
	box := t.notes.Width(w).Render(strings.Join(lines, "\n"))
	return clipLines(box, w, bh)
}

func (b *notesBox) keyMap() help.KeyMap {
	return keyList{short: []key.Binding{b.keys.Done, b.keys.Newline}, full: [][]key.Binding{{b.keys.Done, b.keys.Newline}}}
}

// noteBlock shows a question's note under it, unless the notes box below
// already shows it.
// In a re-vet, the question's earlier answer and note come first, in
// the words the line-prompt walkthrough says them (intake.Revet).
func (c *common) noteBlock(q *checklist.Question, w int) []block {
	var out []block
	if before := c.s.Options().Revet.BeforeLine(c.pack, q); before != "" {
		out = append(out, block{lines: wrap(c.theme.faint, before, w), prio: prioHigh, gap: true})
	}
	n, ok := c.answers.Notes[q.ID]
	if !ok || n == "" || c.noting == q.ID {
		return out
	}
	t := c.theme
	// One paragraph, as the summary prints it; at most three lines here.
	text := strings.Join(strings.Fields(n), " ")
	lines := labelled(t, c.pack.T("ui.notes.label"), text, t.text, w)
	if len(lines) > 3 {
		lines = append(lines[:2], ansi.Truncate(lines[2], max(w-1, 1), "")+"…")
	}
	return append(out, block{lines: lines, prio: prioHigh, gap: true})
}
