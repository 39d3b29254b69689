package ui

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// Drafts keeps a walkthrough's answers in a draft so that none is ever
// lost: the intake core's Autosaver (made on the first real answer, every
// later state written, newest last), with each write run as a command off
// the update loop. Flush is the final, synchronous save for the way out:
// quitting, a signal, a crash of the program.
type Drafts struct {
	*intake.Autosaver
	now func() time.Time
}

// NewDrafts keeps drafts in store. d is a draft to continue (a resumed
// one), or nil to create one on the first real answer.
func NewDrafts(p *checklist.Pack, store draft.Store, d *draft.Draft) *Drafts {
	k := &Drafts{Autosaver: intake.NewAutosaver(p, store, d), now: time.Now}
	k.Autosaver.Now = func() time.Time { return k.now() }
	return k
}

// draftMsg reports a write of the draft: where, and whether it failed.
type draftMsg struct {
	seq  uint64
	path string // the draft's file, or its folder when it could not be made
	err  error
	// removed is set when the draft was deleted after the answers were saved.
	removed bool
}

func asMsg(w intake.Written) tea.Msg {
	if w.Path == "" && w.Err == nil {
		return nil // nothing was written: a newer state is on disk
	}
	return draftMsg{seq: w.Seq, path: w.Path, err: w.Err, removed: w.Removed}
}

// queue takes a snapshot of a (in Update, in order) and returns the command
// that writes it. changed says whether an answer or note changed.
func (k *Drafts) queue(a *checklist.Answers, changed bool) tea.Cmd {
	if write := k.Queue(a, changed); write != nil {
		return func() tea.Msg { return asMsg(write()) }
	}
	return nil
}

// remove returns the command that deletes the draft once the answers are
// safe in a saved file.
func (k *Drafts) remove() tea.Cmd {
	rm := k.Remove()
	return func() tea.Msg { return asMsg(rm()) }
}

// flushCmd is Flush as a command, run before the program quits.
func (k *Drafts) flushCmd() tea.Cmd {
	return func() tea.Msg {
		_ = k.Flush() // its error was already shown when the write failed
		return nil
	}
}

// tildePath shows a path under the home folder as ~/..., as people write it.
func tildePath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return p
	}
	if rest, ok := strings.CutPrefix(p, home+string(filepath.Separator)); ok {
		return "~" + string(filepath.Separator) + rest
	}
	return p
}
