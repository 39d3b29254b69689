package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// Drafts keeps a walkthrough's answers in a draft file so that none is ever
// lost: every change is written at once, in the background, newest state
// last. The draft is created on the first change, not before, so opening
// the walkthrough and leaving at once leaves nothing behind.
//
// The walkthrough queues a snapshot in Update, in the order changes happen,
// and runs the write as a command; writes run one at a time and one older
// than what is on disk is skipped (the same contract as draft.Saver, which
// writes an existing draft). Flush is the final, synchronous save for the
// way out: quitting, a signal, a crash of the program.
type Drafts struct {
	store draft.Store
	pack  *checklist.Pack
	now   func() time.Time

	mu    sync.Mutex
	saver *draft.Saver // nil until the draft file exists
	// want is set by the first change: from then on every snapshot is
	// written, moves included (so resume_at follows the cursor), until the
	// draft is removed.
	want    bool
	queued  uint64             // the newest snapshot or removal handed out
	written uint64             // the newest one carried out
	latest  *checklist.Answers // the newest snapshot, for Flush
	err     error              // the last write's error
}

// NewDrafts keeps drafts in store. d is a draft to continue (a resumed
// one), or nil to create one on the first change.
func NewDrafts(p *checklist.Pack, store draft.Store, d *draft.Draft) *Drafts {
	k := &Drafts{store: store, pack: p, now: time.Now}
	if d != nil {
		k.saver = store.NewSaver(p, d)
		k.want = true
	}
	return k
}

// Dir is the folder drafts are kept in.
func (k *Drafts) Dir() string { return k.store.Dir }

// Path is the draft's file, or "" while there is none.
func (k *Drafts) Path() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.path()
}

func (k *Drafts) path() string {
	if k.saver == nil {
		return ""
	}
	return k.saver.Draft().Path
}

// Err is the last write's error, nil once a later write succeeded.
func (k *Drafts) Err() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.err
}

// draftMsg reports a write of the draft: where, and whether it failed.
type draftMsg struct {
	seq  uint64
	path string // the draft's file, or its folder when it could not be made
	err  error
	// removed is set when the draft was deleted after the answers were saved.
	removed bool
}

// queue takes a snapshot of a (in Update, in order) and returns the command
// that writes it. changed says whether an answer or note changed; a mere
// move is only written once a draft is wanted.
func (k *Drafts) queue(a *checklist.Answers, changed bool) tea.Cmd {
	k.mu.Lock()
	defer k.mu.Unlock()
	if changed && intake.WorthKeeping(k.pack, a) {
		k.want = true
	}
	if !k.want {
		return nil
	}
	k.queued++
	seq, snap := k.queued, a.Clone()
	k.latest = snap
	return func() tea.Msg { return k.write(seq, snap) }
}

// write carries out snapshot seq unless a newer one is already on disk.
func (k *Drafts) write(seq uint64, a *checklist.Answers) tea.Msg {
	k.mu.Lock()
	defer k.mu.Unlock()
	if seq <= k.written {
		return nil // a newer state is already saved
	}
	var err error
	if k.saver == nil {
		var d *draft.Draft
		if d, err = k.store.Create(k.pack, a, k.now()); err == nil {
			k.saver = k.store.NewSaver(k.pack, d)
		}
	} else {
		err = k.saver.Save(a)
	}
	k.err = err
	where := k.path()
	if where == "" {
		where = k.store.Dir
	}
	if err != nil {
		return draftMsg{seq: seq, path: where, err: err}
	}
	k.written = seq
	return draftMsg{seq: seq, path: where}
}

// remove returns the command that deletes the draft once the answers are
// safe in a saved file. Snapshots queued before it are dropped; a change
// after it starts a new draft.
func (k *Drafts) remove() tea.Cmd {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.want = false
	k.latest = nil
	k.queued++
	seq := k.queued
	return func() tea.Msg {
		k.mu.Lock()
		defer k.mu.Unlock()
		if seq <= k.written || k.saver == nil {
			k.written = max(k.written, seq)
			return nil
		}
		d := k.saver.Draft()
		err := k.store.Remove(&d)
		k.written = seq
		if err != nil {
			return draftMsg{seq: seq, path: d.Path, err: err, removed: true}
		}
		k.saver, k.err = nil, nil
		return draftMsg{seq: seq, path: d.Path, removed: true}
	}
}

// Flush writes the newest snapshot now, if it is not on disk yet: the last
// thing the command line does before the process exits (after quitting, on
// SIGTERM or SIGHUP, or after the program failed). It is safe to call from
// any goroutine, at any time, any number of times.
func (k *Drafts) Flush() error {
	k.mu.Lock()
	seq, snap := k.queued, k.latest
	if snap == nil || seq <= k.written {
		k.mu.Unlock()
		return nil
	}
	k.mu.Unlock()
	if m, ok := k.write(seq, snap).(draftMsg); ok {
		return m.err
	}
	return nil
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
