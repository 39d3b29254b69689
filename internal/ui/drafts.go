package ui

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/intake"
)

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

// writeCmd runs a draft write the session handed out (nil: none) off the
// update loop, and reports it.
func writeCmd(w func() intake.Written) tea.Cmd {
	if w == nil {
		return nil
	}
	return func() tea.Msg { return asMsg(w()) }
}

// flushCmd writes the draft's newest state, before the program quits.
func flushCmd(s *intake.Session) tea.Cmd {
	return func() tea.Msg {
		_ = s.Flush() // its error was already shown when the write failed
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
