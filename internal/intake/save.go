package intake

import (
	"time"

	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"

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
			return nil, msg.New("intake.err.no-json")
		}
		return encode(file, summary.Build(p, a, summary.Options{Date: date}))
	case SaveNote:
		return []byte(summary.Note(p, summary.Build(p, a, summary.Options{Date: date}))), nil
	}
	return []byte(summary.Markdown(p, summary.Build(p, a, summary.Options{Date: date}))), nil
}

// FileName is the name offered for a kind, from the circle's name and the
// session's date.
func (s *Session) FileName(k SaveKind) string {
	return FileName(circleName(s.p, s.a), s.Now(), k.Ext())
}

// Kinds are the save kinds this session offers: JSON only with an encoder,
// keeping in the register only with one.
func (s *Session) Kinds() []SaveKind {
	var out []SaveKind
	for _, k := range SaveKinds {
		if (k == SaveJSON && s.opts.ResultJSON == nil) || (k == SaveKeep && s.opts.Keep == nil) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// Render is what kind k writes for the answers as they stand; the JSON
// score names the answers file saved last.
func (s *Session) Render(k SaveKind) ([]byte, error) {
	s.mu.Lock()
	file := s.answersFile
	s.mu.Unlock()
	return Render(k, s.p, s.a, s.Now(), s.opts.ResultJSON, file)
}

// Keeping is how a vetting kept in the register was gathered: the source
// (one of checklist.Sources, or "") and the date of the call or visit
// (YYYY-MM-DD; "" leaves the answers' own).
type Keeping struct {
	Source, On string
}

// SaveJob takes a snapshot of the answers now and returns the work of
// saving kind k to path: a new file (never replacing one unless
// overwrite), or a vetting kept in the register as keeping says, which
// names its own file. The job returns the file written. It may run on
// another goroutine; report what it did with Saved.
func (s *Session) SaveJob(k SaveKind, path string, overwrite bool, keeping Keeping) func() (string, error) {
	s.mu.Lock()
	file := s.answersFile
	s.mu.Unlock()
	p, a, date, encode, keep, name := s.p, s.a.Clone(), s.Now(), s.opts.ResultJSON, s.opts.Keep, circleName(s.p, s.a)
	if k == SaveKeep && keeping.On != "" {
		a.Vetted.On = keeping.On
	}
	return func() (string, error) {
		data, err := Render(k, p, a, date, encode, file)
		if err != nil {
			return path, err
		}
		if k == SaveKeep {
			if keep == nil {
				return path, msg.New("intake.err.no-register")
			}
			return keep(name, keeping.Source, data)
		}
		if overwrite {
			return path, fileio.WriteAtomic(path, data)
		}
		return path, fileio.WriteNew(path, data)
	}
}

// After is what follows a save.
type After int

const (
	// AfterNothing: a score or a kept vetting changes nothing else.
	AfterNothing After = iota
	// OfferAnswers: the summary is saved but a summary alone cannot be
	// resumed, so the answers file is offered next; the draft stays until
	// the answers are saved or declined (DropDraft).
	OfferAnswers
	// DropDraftNow: the answers are safe in a file; the draft's job is done.
	DropDraftNow
)

// Saved records that kind k was saved to path, and says what follows.
func (s *Session) Saved(k SaveKind, path string) After {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved[k] = s.rev
	switch k {
	case SaveJSON, SaveKeep, SaveNote:
		return AfterNothing
	case SaveAnswers:
		s.answersFile = path
	}
	s.savedRev = s.rev
	if k == SaveSummary {
		if rev, ok := s.saved[SaveAnswers]; !ok || rev != s.rev {
			return OfferAnswers
		}
	}
	return DropDraftNow
}

// SavedAt reports whether kind k was saved, and whether that was of the
// answers as they stand.
func (s *Session) SavedAt(k SaveKind) (saved, current bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rev, ok := s.saved[k]
	return ok, ok && rev == s.rev
}

// circleName is the circle's name as given (the question stored as the
// circle block's name), or "".
func circleName(p *checklist.Pack, a *checklist.Answers) string {
	for _, q := range p.Questions {
		if q.CircleField == "name" {
			if v, ok := a.Get(q.ID); ok {
				return v.Text
			}
		}
	}
	return ""
}
