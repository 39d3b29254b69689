package draft

import (
	"sync"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Saver saves one draft as answers change, from any goroutine, so that an
// older state never overwrites a newer one.
//
// bubbletea runs commands concurrently: two quick changes give two save
// commands that may finish in either order. Queue is called in order (in
// Update) and numbers each snapshot; the writes then run one at a time, and
// a write whose snapshot is older than one already on disk is skipped.
type Saver struct {
	store Store
	pack  *checklist.Pack

	mu      sync.Mutex
	draft   *Draft
	queued  uint64 // the newest snapshot handed out
	written uint64 // the newest snapshot on disk
	err     error  // the last write's error, nil once a later write succeeds
}

// NewSaver saves d's file in s with the answers it is given.
func (s Store) NewSaver(p *checklist.Pack, d *Draft) *Saver {
	return &Saver{store: s, pack: p, draft: d}
}

// Queue takes a snapshot of the answers (they are cloned, so the caller may
// go on changing its own) and returns the function that writes it. Call
// Queue in the order changes happen; run the function anywhere, for example
// as a tea.Cmd, or at once when the program is about to exit.
func (sv *Saver) Queue(a *checklist.Answers) func() error {
	snap := a.Clone()
	sv.mu.Lock()
	sv.queued++
	seq := sv.queued
	sv.mu.Unlock()
	return func() error { return sv.write(seq, snap) }
}

// Save writes the answers now, unless a newer snapshot is already on disk.
func (sv *Saver) Save(a *checklist.Answers) error { return sv.Queue(a)() }

func (sv *Saver) write(seq uint64, a *checklist.Answers) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if seq <= sv.written {
		return nil // a newer state is already saved
	}
	d := &Draft{Path: sv.draft.Path, Answers: a}
	if err := sv.store.Save(sv.pack, d); err != nil {
		sv.err = err
		return err
	}
	sv.written, sv.err = seq, nil
	sv.draft.Path, sv.draft.Answers, sv.draft.Updated = d.Path, a, d.Updated // the path follows the circle's name
	return nil
}

// Draft returns the draft as last saved: its path, answers and time.
func (sv *Saver) Draft() Draft {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return *sv.draft
}

// Err is the last write's error, or nil if the last write succeeded: a
// walkthrough shows it, since answers are then no longer being kept.
func (sv *Saver) Err() error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.err
}
