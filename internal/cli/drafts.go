package cli

import (
	"fmt"
	"io"
	"sync"

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

// lazyDraft keeps accessible mode's answers in a draft: the intake core's
// Autosaver, written at once on every change (there is no update loop to
// run writes on). Saving errors are reported once each on w and never stop
// the walkthrough: the answers stay in memory.
type lazyDraft struct {
	*intake.Autosaver
	w io.Writer

	mu      sync.Mutex
	lastErr string
}

func newLazyDraft(p *checklist.Pack, store draft.Store, w io.Writer) *lazyDraft {
	return &lazyDraft{Autosaver: intake.NewAutosaver(p, store, nil), w: w}
}

// save writes the answers to the draft, making it first if need be.
func (l *lazyDraft) save(a *checklist.Answers) { l.report(l.Save(a, true)) }

func (l *lazyDraft) report(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err == nil {
		l.lastErr = ""
		return
	}
	if msg := err.Error(); msg != l.lastErr {
		l.lastErr = msg
		fmt.Fprintf(l.w, "vetcircle: could not save the draft (your answers are still here; keep going or save the summary at the end): %s\n", msg)
	}
}

// path is where the draft is kept, or "" before the first real answer or
// while the latest answers could not be saved (the messages must not claim
// a draft that does not hold them).
func (l *lazyDraft) path() string {
	l.mu.Lock()
	failed := l.lastErr != ""
	l.mu.Unlock()
	if failed {
		return ""
	}
	return l.Path()
}

// remove deletes the draft once its answers are safely in a saved summary.
func (l *lazyDraft) remove() {
	if w := l.Remove()(); w.Err != nil {
		fmt.Fprintf(l.w, "vetcircle: the summary is saved, but the draft %s could not be removed: %v\n", w.Path, w.Err)
	}
}
