package intake

import (
	"errors"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// SaveKind is something a walkthrough can save when it ends: both front
// ends offer the same kinds, in the same words, and write the same bytes
// for each.
type SaveKind int

const (
	SaveSummary SaveKind = iota // the summary, markdown
	SaveAnswers                 // the answers file that vetcircle score reads
	SaveJSON                    // the score as vetcircle score --format json writes it
	SaveNote                    // a plain-text note for a health record
	SaveKeep                    // the answers, kept in the register of circles
)

// SaveKinds are the kinds in the order they are offered.
var SaveKinds = []SaveKind{SaveSummary, SaveAnswers, SaveJSON, SaveNote, SaveKeep}

func (k SaveKind) String() string {
	switch k {
	case SaveAnswers:
		return "answers"
	case SaveJSON:
		return "json"
	case SaveNote:
		return "note"
	case SaveKeep:
		return "keep"
	}
	return "summary"
}

// Label, Help and Done are the pack's keys for a kind's words: its name, a
// line on what it is for, and the message once saved to {path}.
func (k SaveKind) Label() string { return "ui.save.kind." + k.String() }
func (k SaveKind) Help() string  { return "ui.save.kind-help." + k.String() }
func (k SaveKind) Done() string  { return "ui.save.done." + k.String() }

// Ext is the file name extension a kind is saved with.
func (k SaveKind) Ext() string {
	switch k {
	case SaveAnswers, SaveKeep:
		return ".yaml"
	case SaveJSON:
		return ".json"
	case SaveNote:
		return ".txt"
	}
	return ".md"
}

// Encoder writes a score as JSON for the file it describes (`vetcircle
// score --format json`'s shape, defined once in the command layer).
type Encoder func(file string, rep *report.Report) ([]byte, error)

// Render is what a kind writes for these answers, dated date. A saved
// answers file never says where a draft stopped: that means nothing in a
// file of one's own. file is the answers file the JSON describes ("" when
// none was saved).
func Render(k SaveKind, p *checklist.Pack, a *checklist.Answers, date time.Time, encode Encoder, file string) ([]byte, error) {
	switch k {
	case SaveAnswers, SaveKeep:
		a = a.Clone()
		a.ResumeAt = ""
		return checklist.MarshalAnswers(p, a), nil
	case SaveJSON:
		if encode == nil {
			return nil, errors.New("JSON is not available")
		}
		return encode(file, summary.Build(p, a, summary.Options{Date: date}))
	case SaveNote:
		return []byte(summary.Note(p, summary.Build(p, a, summary.Options{Date: date}))), nil
	}
	return []byte(summary.Markdown(p, summary.Build(p, a, summary.Options{Date: date}))), nil
}
