package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// The root model's commands: drafts, scoring, saving, the clipboard and
// the theme, each run by bubbletea off the update loop.

// notify saves the draft and calls the OnChange hook, with a copy that
// remembers where we are. changed is false for a mere move, which is
// written only once there is a draft to keep up to date. On the review
// and the summary the place to resume is the review.
func (m *Model) notify(changed bool) tea.Cmd {
	switch st := m.steps[m.cur]; {
	case st.kind == stepReview:
		m.c.s.ToReview()
	case st.kind == stepSummary:
		m.c.s.ToSummary()
	default:
		if id := m.screen().focused(); id != "" && id != m.c.s.At().Question {
			m.c.s.MoveTo(id)
		}
	}
	return writeCmd(m.c.s.Sync(changed))
}

// drafted shows how a write of the draft went: a failure stays on screen,
// saying why and where, until a later write succeeds.
func (m *Model) drafted(msg draftMsg) {
	if msg.seq < m.draftSeq {
		return
	}
	m.draftSeq = msg.seq
	p := m.c.pack
	switch {
	case msg.removed && msg.err != nil:
		m.status = p.Tf("ui.draft.not-removed", "path", tildePath(msg.path), "reason", fileio.ExplainIn(p, msg.err))
	case msg.removed:
		m.draftErr = ""
		if m.status != "" {
			m.status += " " + p.T("ui.draft.removed")
		}
	case msg.err != nil:
		m.draftErr = p.Tf("ui.draft.failed", "path", tildePath(msg.path), "reason", fileio.ExplainIn(p, msg.err))
	default:
		m.draftErr = ""
	}
}

// copySummary puts the summary's plain markdown on the clipboard with OSC
// 52, which the terminal carries out (locally, even over ssh).
func (m *Model) copySummary(note bool) tea.Cmd {
	p, a := m.c.pack, m.c.answers
	rep := summary.Build(p, a, summary.Options{Date: m.c.now()})
	text, what := summary.Markdown(p, rep), ""
	if note {
		// A health record's text box shows markdown as asterisks: the
		// plain note is what a coordinator pastes there.
		text, what = summary.Note(p, rep), "-note"
	}
	// OSC 52 is sent to the terminal, which may drop it (tmux does unless
	// set-clipboard is on): say it was sent, how to make sure, and that
	// saving always works.
	m.status = m.c.pack.T("ui.summary.copied" + what)
	if m.opts.InTmux {
		m.status = m.c.pack.T("ui.summary.copied" + what + "-tmux")
	}
	return tea.SetClipboard(text)
}

func scoreCmd(p *checklist.Pack, a *checklist.Answers, rev int, date time.Time) tea.Cmd {
	return func() tea.Msg {
		return scoredMsg{rev: rev, rep: report.Build(p, a, report.Options{Date: date})}
	}
}

// goTo makes step i current, focusing question focus.
func (m *Model) goTo(i int, focus string) tea.Cmd {
	if i < 0 || i >= len(m.steps) {
		return nil
	}
	m.cur = i
	s := m.screen()
	bw, bh := m.bodySize()
	s.setSize(bw, bh)
	entered := s.enter(focus)
	if id := s.focused(); id != "" {
		m.c.s.Focus(id) // moved by hand: notes are about this question now
	}
	return tea.Batch(entered, m.notify(false))
}

// saved follows a save from the dialog. Once the summary or the answers
// are in a file the draft has done its job and is removed; after the
// summary, the dialog offers to save the answers too.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	d, ok := m.top().(*saveDialog)
	if !ok {
		return nil
	}
	if msg.err != nil {
		d.failed(msg)
		return nil
	}
	m.status = m.c.pack.Tf(msg.kind.Done(), "path", tildePath(msg.path))
	m.pop()
	switch m.c.s.Saved(msg.kind, msg.path) {
	case intake.OfferAnswers:
		// Keep the draft until the answers are saved or declined: a
		// summary alone cannot be resumed.
		m.push(newAnswersOffer(m.c, msg.path))
	case intake.DropDraftNow:
		return writeCmd(m.c.s.DropDraft())
	}
	return nil
}

func (m *Model) setTheme(dark bool) tea.Cmd {
	if dark == m.c.theme.isDark {
		return nil
	}
	m.c.theme = newTheme(dark, m.opts.NoColor)
	m.help.Styles = m.c.theme.help
	return m.resize()
}

// resize tells the current screen its size; others learn it on entry.
func (m *Model) resize() tea.Cmd {
	bw, bh := m.bodySize()
	s := m.screen()
	s.setSize(bw, bh)
	if r, ok := s.(refresher); ok {
		return r.refresh()
	}
	return nil
}

// refresher is a screen with work to redo when its size or the theme
// changes (the summary's rendering).
type refresher interface{ refresh() tea.Cmd }
