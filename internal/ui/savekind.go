package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/fileio"
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
func defaultName(c *common, k saveKind) string {
	return intake.FileName(c.rep.Circle.Name, c.now(), k.Ext())
}

// saveCmd writes the summary markdown (plain, not styled), the answers file
// or the JSON score to path with mode 0600, refusing to replace a file
// unless overwrite is set. A vetting kept in the register is dated on, the
// date of the call or visit.
func saveCmd(c *common, kind saveKind, path string, overwrite bool, source, on string) tea.Cmd {
	p, a, date := c.pack, c.answers.Clone(), c.now()
	encode, file, keep, name := c.resultJSON, c.answersFile, c.keep, c.rep.Circle.Name
	return func() tea.Msg {
		if kind == saveKeep {
			// The register names the file (time and a random suffix), so
			// it never replaces one and path is only what was typed.
			if keep == nil {
				return savedMsg{kind: kind, path: path, err: errors.New("the register is not available")}
			}
			if on != "" {
				a.Vetted.On = on
			}
			data, _ := intake.Render(kind, p, a, date, nil, "")
			kept, err := keep(name, source, data)
			if err != nil {
				return savedMsg{kind: kind, path: path, err: err}
			}
			return savedMsg{kind: kind, path: kept}
		}
		data, err := intake.Render(kind, p, a, date, intake.Encoder(encode), file)
		if err == nil {
			if overwrite {
				err = fileio.WriteAtomic(path, data)
			} else {
				err = fileio.WriteNew(path, data)
			}
		}
		return savedMsg{kind: kind, path: path, err: err}
	}
}
