package cli

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// noDraftFlag turns drafts off, for shared computers.
const noDraftFlag = "no-draft"

// draftsOff reports whether the user asked for no drafts. The flag is
// persistent on the root; a command without it keeps drafts on.
func draftsOff(cmd *cobra.Command) bool {
	off, err := cmd.Flags().GetBool(noDraftFlag)
	return err == nil && off
}

// lazyDraft keeps an intake's answers in a draft that is created on the
// first change, so opening vetcircle and leaving at once leaves nothing
// behind. Saving errors are reported once each on w and never stop the
// walkthrough: the answers stay in memory.
type lazyDraft struct {
	pack  *checklist.Pack
	store draft.Store
	w     io.Writer
	now   func() time.Time

	mu      sync.Mutex
	saver   *draft.Saver
	lastErr string
}

func newLazyDraft(p *checklist.Pack, store draft.Store, w io.Writer) *lazyDraft {
	return &lazyDraft{pack: p, store: store, w: w, now: time.Now}
}

// save writes the answers to the draft, creating it first if need be.
func (l *lazyDraft) save(a *checklist.Answers) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var err error
	if l.saver == nil {
		if !intake.WorthKeeping(l.pack, a) {
			return // nothing worth a draft yet (who you are, the stage)
		}
		var d *draft.Draft
		if d, err = l.store.Create(l.pack, a, l.now()); err == nil {
			l.saver = l.store.NewSaver(l.pack, d)
		}
	} else {
		err = l.saver.Save(a)
	}
	l.report(err)
}

func (l *lazyDraft) report(err error) {
	if err == nil {
		l.lastErr = ""
		return
	}
	if msg := err.Error(); msg != l.lastErr {
		l.lastErr = msg
		fmt.Fprintf(l.w, "vetcircle: could not save the draft (your answers are still here; keep going or save the summary at the end): %s\n", msg)
	}
}

// path is where the draft is kept, or "" before the first change.
func (l *lazyDraft) path() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.saver == nil {
		return ""
	}
	return l.saver.Draft().Path
}

// remove deletes the draft once its answers are safely in a saved summary.
func (l *lazyDraft) remove() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.saver == nil {
		return
	}
	d := l.saver.Draft()
	if err := l.store.Remove(&d); err != nil {
		fmt.Fprintf(l.w, "vetcircle: the summary is saved, but the draft %s could not be removed: %v\n", d.Path, err)
	}
}
