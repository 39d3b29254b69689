package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// saveKind is what the save dialog writes.
type saveKind int

const (
	saveSummary saveKind = iota // the summary, markdown
	saveAnswers                 // the answers file that vetcircle score reads
	saveJSON                    // the score as vetcircle score --format json writes it
	saveNote                    // a plain-text note for a health record
	saveKeep                    // the answers, kept in the register of circles
)

func (k saveKind) String() string {
	switch k {
	case saveAnswers:
		return "answers"
	case saveJSON:
		return "json"
	case saveNote:
		return "note"
	case saveKeep:
		return "keep"
	}
	return "summary"
}

// label, help and done are the pack's words for a kind: its name in the
// dialog, a line on what it is for, and the message once saved to {path}.
func (k saveKind) label() string {
	switch k {
	case saveAnswers:
		return "ui.save.kind.answers"
	case saveJSON:
		return "ui.save.kind.json"
	case saveNote:
		return "ui.save.kind.note"
	case saveKeep:
		return "ui.save.kind.keep"
	}
	return "ui.save.kind.summary"
}

func (k saveKind) help() string {
	switch k {
	case saveAnswers:
		return "ui.save.kind-help.answers"
	case saveJSON:
		return "ui.save.kind-help.json"
	case saveNote:
		return "ui.save.kind-help.note"
	case saveKeep:
		return "ui.save.kind-help.keep"
	}
	return "ui.save.kind-help.summary"
}

func (k saveKind) done() string {
	switch k {
	case saveAnswers:
		return "ui.save.done.answers"
	case saveJSON:
		return "ui.save.done.json"
	case saveNote:
		return "ui.save.done.note"
	case saveKeep:
		return "ui.save.done.keep"
	}
	return "ui.save.done.summary"
}

func (k saveKind) ext() string {
	switch k {
	case saveAnswers, saveKeep:
		return ".yaml"
	case saveJSON:
		return ".json"
	case saveNote:
		return ".txt"
	}
	return ".md"
}

// defaultName is the file name offered for a kind (intake.FileName).
func defaultName(c *common, k saveKind) string {
	return intake.FileName(c.result.Circle.Name, c.now(), k.ext())
}

// saveCmd writes the summary markdown (plain, not styled), the answers file
// or the JSON score to path with mode 0600, refusing to replace a file
// unless overwrite is set.
func saveCmd(c *common, kind saveKind, path string, overwrite bool) tea.Cmd {
	p, a, date := c.pack, c.answers.Clone(), c.now()
	encode, file, keep, name := c.resultJSON, c.answersFile, c.keep, c.result.Circle.Name
	return func() tea.Msg {
		if kind == saveKeep {
			// The register names the file (time and a random suffix), so
			// it never replaces one and path is only what was typed.
			a.ResumeAt = ""
			if keep == nil {
				return savedMsg{kind: kind, path: path, err: errors.New("the register is not available")}
			}
			kept, err := keep(name, checklist.MarshalAnswers(p, a))
			if err != nil {
				return savedMsg{kind: kind, path: path, err: err}
			}
			return savedMsg{kind: kind, path: kept}
		}
		var data []byte
		var err error
		switch kind {
		case saveAnswers:
			a.ResumeAt = "" // where a draft stopped means nothing in a file of one's own
			data = checklist.MarshalAnswers(p, a)
		case saveJSON:
			if encode == nil {
				return savedMsg{kind: kind, path: path, err: errors.New("JSON is not available")}
			}
			data, err = encode(file, checklist.Evaluate(p, a))
		case saveNote:
			data = []byte(summary.Note(p, a, checklist.Evaluate(p, a), summary.Options{Date: date}))
		default:
			data = []byte(summary.Markdown(p, a, checklist.Evaluate(p, a), summary.Options{Date: date}))
		}
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
