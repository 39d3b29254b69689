package intake

import (
	"sync"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
)

// Autosaver keeps an intake's answers in a draft so that none is ever lost,
// for both front ends: the draft is made by the first real answer
// (WorthKeeping), every later state is written, newest last, and an older
// state than what is on disk is never written over it. The full-screen
// walkthrough runs each write as a command off its update loop; the
// line-prompt walkthrough writes at once (Save). Flush is the final,
// synchronous save on the way out: quitting, a signal, a crash.
type Autosaver struct {
	store draft.Store
	pack  *checklist.Pack
	// Now stamps a new draft's name; tests set it.
	Now func() time.Time

	mu    sync.Mutex
	saver *draft.Saver // nil until the draft file exists
	// want is set by the first real answer: from then on every state is
	// written, moves included (so resume_at follows the cursor), until the
	// draft is removed.
	want    bool
	queued  uint64             // the newest state or removal handed out
	written uint64             // the newest one carried out
	latest  *checklist.Answers // the newest state, for Flush
	err     error              // the last write's error
}

// Written reports one write or removal of the draft: where (the draft's
// file, or the drafts folder when it could not be made), and whether it
// failed.
type Written struct {
	Seq     uint64
	Path    string
	Err     error
	Removed bool
}

// NewAutosaver keeps drafts in store; d is a draft to continue (a resumed
// one), or nil to make one on the first real answer.
func NewAutosaver(p *checklist.Pack, store draft.Store, d *draft.Draft) *Autosaver {
	s := &Autosaver{store: store, pack: p, Now: time.Now}
	if d != nil {
		s.saver = store.NewSaver(p, d)
		s.want = true
	}
	return s
}

// Dir is the folder drafts are kept in.
func (s *Autosaver) Dir() string { return s.store.Dir }

// Path is the draft's file, or "" while there is none.
func (s *Autosaver) Path() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.path()
}

func (s *Autosaver) path() string {
	if s.saver == nil {
		return ""
	}
	return s.saver.Draft().Path
}

// Err is the last write's error, nil once a later write succeeded.
func (s *Autosaver) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Queue takes a snapshot of a, in the order changes happen, and returns the
// write to run (nil when nothing is to be written yet). changed says an
// answer or note changed; a mere move is written only once a draft is
// wanted.
func (s *Autosaver) Queue(a *checklist.Answers, changed bool) func() Written {
	s.mu.Lock()
	defer s.mu.Unlock()
	if changed && WorthKeeping(s.pack, a) {
		s.want = true
	}
	if !s.want {
		return nil
	}
	s.queued++
	seq, snap := s.queued, a.Clone()
	s.latest = snap
	return func() Written { return s.write(seq, snap) }
}

// Save queues a and writes it at once, for a front end with no update loop.
func (s *Autosaver) Save(a *checklist.Answers, changed bool) error {
	if w := s.Queue(a, changed); w != nil {
		return w().Err
	}
	return nil
}

// write carries out state seq unless a newer one is already on disk.
func (s *Autosaver) write(seq uint64, a *checklist.Answers) Written {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.written {
		return Written{Seq: seq} // a newer state is already saved
	}
	var err error
	if s.saver == nil {
		var d *draft.Draft
		if d, err = s.store.Create(s.pack, a, s.Now()); err == nil {
			s.saver = s.store.NewSaver(s.pack, d)
		}
	} else {
		err = s.saver.Save(a)
	}
	s.err = err
	where := s.path()
	if where == "" {
		where = s.store.Dir
	}
	if err != nil {
		return Written{Seq: seq, Path: where, Err: err}
	}
	s.written = seq
	return Written{Seq: seq, Path: where}
}

// Remove returns the removal of the draft, once the answers are safe in a
// saved file. States queued before it are dropped; a change after it
// starts a new draft.
func (s *Autosaver) Remove() func() Written {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.want = false
	s.latest = nil
	s.queued++
	seq := s.queued
	return func() Written {
		s.mu.Lock()
		defer s.mu.Unlock()
		if seq <= s.written || s.saver == nil {
			s.written = max(s.written, seq)
			return Written{Seq: seq}
		}
		d := s.saver.Draft()
		err := s.store.Remove(&d)
		s.written = seq
		if err != nil {
			return Written{Seq: seq, Path: d.Path, Err: err, Removed: true}
		}
		s.saver, s.err = nil, nil
		return Written{Seq: seq, Path: d.Path, Removed: true}
	}
}

// Flush writes the newest state now, if it is not on disk yet. It is safe
// to call from any goroutine, at any time, any number of times.
func (s *Autosaver) Flush() error {
	s.mu.Lock()
	seq, snap := s.queued, s.latest
	if snap == nil || seq <= s.written {
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	return s.write(seq, snap).Err
}
