package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update and the key handling: how the root model routes messages, and
// carries out the actions screens and dialogs return.

// Update routes a message: window and colour changes to everyone, keys to
// the dialog if one is open, else to global keys, else to the screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(frameMsg); ok {
		m.frames.due()
		return m, nil
	}
	model, cmd := m.update(msg)
	if m.opts.Coalesce {
		cmd = tea.Batch(cmd, m.frames.changed(time.Now()))
	}
	// A status line that comes or goes changes the room the screen has:
	// tell it, so nothing hides under the footer.
	if bw, bh := m.bodySize(); bw != m.sized.w || bh != m.sized.h || m.screen() != m.sized.s {
		m.sized.s, m.sized.w, m.sized.h = m.screen(), bw, bh
		m.sized.s.setSize(bw, bh)
	}
	return model, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, m.resize()
	case tea.BackgroundColorMsg:
		return m, m.setTheme(msg.IsDark())
	case scoredMsg:
		if msg.rev == m.c.rev() {
			m.c.rep = msg.rep
			m.scored++
		}
		return m, nil
	case savedMsg:
		return m, m.saved(msg)
	case draftMsg:
		m.drafted(msg)
		return m, nil
	case summaryMsg:
		if s, ok := m.screens["summary"].(*summaryScreen); ok {
			s.rendered(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.notes != nil && m.top() == nil {
			acts, cmd := m.notes.update(msg)
			return m, tea.Batch(cmd, m.apply(acts))
		}
		if d := m.top(); d != nil {
			acts, cmd := d.update(msg)
			return m, tea.Batch(cmd, m.apply(acts))
		}
		acts, cmd := m.screen().update(msg)
		return m, tea.Batch(cmd, m.apply(acts))
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if d := m.top(); d != nil {
		if key.Matches(msg, m.keys.ForceQuit) {
			// ctrl+c in the quit dialog quits for real; in any other
			// dialog it asks, over it, like everywhere else.
			if _, ok := d.(*quitDialog); ok {
				return m.quitCmd()
			}
			return m.quit()
		}
		acts, cmd := d.update(msg)
		return tea.Batch(cmd, m.apply(acts))
	}
	s := m.screen()
	if m.notes != nil {
		// The notes box takes every key but ctrl+c.
		if key.Matches(msg, m.keys.ForceQuit) {
			return m.quit()
		}
		m.status = ""
		acts, cmd := m.notes.update(msg)
		return tea.Batch(cmd, m.apply(acts))
	}
	// ctrl+c always reaches us; q and ? only when not typing into a field.
	if key.Matches(msg, m.keys.ForceQuit) || (!s.typing() && key.Matches(msg, m.keys.Quit)) {
		return m.quit()
	}
	if key.Matches(msg, m.keys.Note) {
		return m.openNotes()
	}
	if !s.typing() && key.Matches(msg, m.keys.Help) {
		m.help.ShowAll = !m.help.ShowAll
		return m.resize()
	}
	m.status = ""
	before, rev := s.focused(), m.c.rev()
	acts, cmd := s.update(msg)
	cmds := []tea.Cmd{cmd, m.apply(acts)}
	if m.c.rev() == rev && m.screen() == s && s.focused() != before && s.focused() != "" {
		// The cursor moved by hand to another question on the same screen
		// (a form field, a red flag): notes are about it from now on, and
		// the draft remembers it as the place to resume.
		m.c.s.Focus(s.focused())
		cmds = append(cmds, m.notify(false))
	}
	return tea.Batch(cmds...)
}

// quit asks first when there are answers that no saved file holds. The
// draft, if any, is written once more before the program ends.
func (m *Model) quit() tea.Cmd {
	if !m.c.s.Unsaved() {
		return m.quitCmd()
	}
	m.push(newQuitDialog(m.c, m.draftErr == ""))
	return nil
}

// quitCmd ends the program after the draft's last write.
func (m *Model) quitCmd() tea.Cmd {
	if m.c.drafts() == nil {
		return tea.Quit
	}
	return tea.Sequence(flushCmd(m.c.s), tea.Quit)
}

// openNotes opens the notes box for the question under the cursor.
func (m *Model) openNotes() tea.Cmd {
	// A note belongs to the question just answered, even where answering
	// moved the cursor on (the red-flag checklist), so "answer, then
	// ctrl+n" on a call files it in the right place.
	q := m.c.pack.Question(m.c.s.NoteTarget(m.screen().focused()))
	if q == nil {
		return nil
	}
	m.status = ""
	m.notes = newNotesBox(m.c, q)
	m.c.noting = q.ID
	return m.notes.focus()
}

// apply carries out actions in order.
func (m *Model) apply(acts []action) tea.Cmd {
	var cmds []tea.Cmd
	for _, a := range acts {
		switch a := a.(type) {
		case setAnswer:
			// Choosing what was chosen changes nothing (Value.Equal).
			if m.c.s.Answer(a.id, a.v) {
				cmds = append(cmds, m.changed())
			}
		case setNote:
			if changed, _ := m.c.s.Note(a.id, a.note); changed {
				cmds = append(cmds, m.changed())
			}
		case tell:
			m.status = a.text
		case closeNotes:
			m.notes, m.c.noting = nil, ""
		case copySummary:
			cmds = append(cmds, m.copySummary(a.note))
		case clearAnswer:
			if m.c.s.Clear(a.id) {
				cmds = append(cmds, m.changed())
			}
		case goNext:
			if m.c.editing() {
				cmds = append(cmds, m.goTo(indexOf(m.steps, "review"), m.screen().focused()))
			} else {
				cmds = append(cmds, m.goTo(m.cur+1, ""))
			}
		case goBack:
			if m.c.editing() {
				cmds = append(cmds, m.goTo(indexOf(m.steps, "review"), m.screen().focused()))
			} else if m.cur > 0 {
				// Going back lands on the last question of the screen
				// before, as if stepping back through it.
				prev, focus := m.steps[m.cur-1], ""
				if n := len(prev.questions); n > 0 {
					focus = prev.questions[n-1].ID
				}
				cmds = append(cmds, m.goTo(m.cur-1, focus))
			}
		case jumpTo:
			if i := stepOf(m.steps, a.id); i >= 0 {
				m.c.s.Edit(a.id)
				cmds = append(cmds, m.goTo(i, a.id))
			}
		case openSave:
			m.push(newSaveDialog(m.c))
		case closeDlg:
			m.pop()
		case dropDraft:
			cmds = append(cmds, writeCmd(m.c.s.DropDraft()))
		case quitNow:
			cmds = append(cmds, m.quitCmd())
		case saveToFile:
			cmds = append(cmds, saveCmd(m.c.s, a.kind, a.path, a.overwrite, a.source, a.on))
		}
	}
	return tea.Batch(cmds...)
}

// changed is the one place that follows every change of the answers: it
// rebuilds the steps (a `when` may now hold or not), rescores in a command
// and saves the draft through notify.
func (m *Model) changed() tea.Cmd {
	key := m.steps[m.cur].key
	focus := m.screen().focused()
	m.steps = buildSteps(m.c.s.Plan())
	if i := indexOf(m.steps, key); i >= 0 {
		m.cur = i
	} else {
		m.cur = min(m.cur, len(m.steps)-1)
	}
	var reenter tea.Cmd
	if m.dropStaleScreens() {
		// The screen in use was built for other questions: build it
		// again and put the focus back where it was.
		reenter = m.screen().enter(focus)
	}
	if r, ok := m.screens["review"].(*reviewScreen); ok {
		r.steps = m.steps
	}
	return tea.Batch(reenter, scoreCmd(m.c.pack, m.c.answers.Clone(), m.c.rev(), m.c.now()), m.notify(true))
}

// dropStaleScreens forgets kept screens whose step now holds other
// questions, and reports whether the current step's screen was one.
func (m *Model) dropStaleScreens() bool {
	current := false
	for k, built := range m.builtFor {
		i := indexOf(m.steps, k)
		if i >= 0 && questionIDs(m.steps[i]) == built {
			continue
		}
		delete(m.screens, k)
		delete(m.builtFor, k)
		current = current || k == m.steps[m.cur].key
	}
	return current
}

// questionIDs names a step's questions, to tell when they change.
func questionIDs(st step) string {
	ids := make([]string, len(st.questions))
	for i, q := range st.questions {
		ids[i] = q.ID
	}
	return strings.Join(ids, ",")
}
