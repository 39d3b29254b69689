package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// saveKind is what the save dialog writes: the intake core's kinds, so
// accessible mode offers the same ones and writes the same bytes.
type saveKind = intake.SaveKind

const (
	saveSummary = intake.SaveSummary
	saveAnswers = intake.SaveAnswers
	saveJSON    = intake.SaveJSON
	saveNote    = intake.SaveNote
	saveKeep    = intake.SaveKeep
)

// defaultName is the file name offered for a kind (intake.FileName).
func defaultName(c *common, k saveKind) string { return c.s.FileName(k) }

// saveCmd runs the session's save of kind to path off the update loop: a
// new file with mode 0600 (never replacing one unless overwrite), or a
// vetting kept in the register (how it was gathered, and dated on, the
// date of the call or visit), which names its own file.
func saveCmd(s *intake.Session, kind saveKind, path string, overwrite bool, source, on string) tea.Cmd {
	job := s.SaveJob(kind, path, overwrite, intake.Keeping{Source: source, On: on})
	return func() tea.Msg {
		written, err := job()
		return savedMsg{kind: kind, path: written, err: err}
	}
}
