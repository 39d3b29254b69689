package register

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
)

// PersonSink takes the person's part of a register written before circles
// and people were kept apart. Each file keeps its name, so a split cut short
// is run again without copies: a name already kept is not kept twice.
type PersonSink interface {
	// KeepAnswers keeps the person's part of a vetting of circle c.
	KeepAnswers(c Circle, name string, data []byte) error
	// KeepCheckin keeps a check-in of circle c.
	KeepCheckin(c Circle, name string, data []byte) error
	// Split reports whether the register in dir was split already, as
	// MarkSplit recorded (on this machine, never in the register).
	Split(dir string) bool
	MarkSplit(dir string)
}

// SplitPeople splits a register written before circles and people were
// kept apart (issue 19): every vetting that holds person answers (fit,
// attending, the role, notes under those questions) is rewritten with the
// circle's part only, after the person's part is kept by sink; every
// check-in in a circle's checkins/ is handed to sink and then removed. What
// either saw of the circle is kept in the circle's seen/, dated. n counts
// the files split or moved.
func (g Register) SplitPeople(p *checklist.Pack, sink PersonSink) (n int, problems []Problem, err error) {
	if !p.HasPersonRecord() {
		return 0, nil, nil
	}
	// Once split, never looked for again on every command: the sink
	// remembers (on this machine, not in a register a team shares). A
	// vetting an older build keeps after it is still split when kept here,
	// and never shows a person's fit (CircleReport reads the circle's part).
	if sink.Split(g.Dir) {
		return 0, nil, nil
	}
	circles, _, _, err := g.Index()
	if err != nil {
		return 0, nil, err
	}
	for _, c := range circles {
		k, bad := g.splitCircle(p, c, sink)
		n += k
		problems = append(problems, bad...)
	}
	if len(problems) == 0 {
		// Only once everything is split: a file that could not be read is
		// looked at again next time.
		sink.MarkSplit(g.Dir)
	}
	return n, problems, nil
}

func (g Register) splitCircle(p *checklist.Pack, c Circle, sink PersonSink) (n int, problems []Problem) {
	vettings, err := g.files(c.Folder, "vettings")
	if err != nil {
		return 0, []Problem{{File: filepath.Join(g.Dir, c.Folder, "vettings"), Err: err}}
	}
	for _, f := range vettings {
		data, err := readSmall(f)
		var a *checklist.Answers
		if err == nil {
			a, err = checklist.ParseAnswers(p, f, data)
		}
		if err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		circle, person := checklist.SplitAnswers(p, a)
		if person.IsEmpty() {
			continue
		}
		base := filepath.Base(f)
		if err := sink.KeepAnswers(c, base, checklist.MarshalAnswers(p, person)); err != nil {
			problems = append(problems, Problem{File: f, Err: msg.Wrap(err, "register.split-keep-failed", "reason", err)})
			continue
		}
		if err := g.keepSeen(p, c, base, VettedOn(a, f), p.ObservationsOf(person)); err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		if err := fileio.WriteAtomic(f, checklist.MarshalAnswers(p, circle)); err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		n++
	}
	checkins, err := g.files(c.Folder, "checkins")
	if err != nil {
		return n, append(problems, Problem{File: filepath.Join(g.Dir, c.Folder, "checkins"), Err: err})
	}
	for _, f := range checkins {
		data, err := readSmall(f)
		var k *checklist.Checkin
		if err == nil {
			k, err = checklist.ParseCheckin(p, f, data)
		}
		if err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		base := filepath.Base(f)
		if err := sink.KeepCheckin(c, base, data); err != nil {
			problems = append(problems, Problem{File: f, Err: msg.Wrap(err, "register.split-move-failed", "reason", err)})
			continue
		}
		d, _ := time.Parse(time.DateOnly, k.Date)
		if err := g.keepSeen(p, c, base, d, p.CheckinObservations(k)); err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		if err := os.Remove(f); err != nil {
			problems = append(problems, Problem{File: f, Err: err})
			continue
		}
		n++
	}
	_ = os.Remove(filepath.Join(g.Dir, c.Folder, "checkins")) // only when empty
	return n, problems
}

// keepSeen keeps a split file's circle observations under the file's own
// name, once.
func (g Register) keepSeen(p *checklist.Pack, c Circle, name string, date time.Time, ids []string) error {
	if len(ids) == 0 || date.IsZero() {
		return nil
	}
	dir, err := g.mkdirs(c.Folder, seenDir)
	if err != nil {
		return err
	}
	err = fileio.WriteNew(filepath.Join(dir, name), checklist.MarshalSeen(&checklist.Seen{Date: date.Format(time.DateOnly), IDs: p.CircleObservations(ids)}))
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	return err
}
