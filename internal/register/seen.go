package register

import (
	"slices"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
)

// seenDir holds what was seen of a circle in sessions: the circle
// observations of check-ins and attending vettings, one small file each,
// with a date and the observations' IDs and nothing about the person who
// saw them. They are the circle's record, and move its verdict as a
// vetting's own observations do.
const seenDir = "seen"

// AddSeen keeps what was seen of circle c in a session on date: nothing
// when none of ids is a circle observation.
func (g Register) AddSeen(p *checklist.Pack, c Circle, date string, ids []string, now time.Time) (string, error) {
	obs := p.CircleObservations(ids)
	if len(obs) == 0 {
		return "", nil
	}
	// The same session seen the same way (a vetting kept twice, two
	// people of one session) is one session.
	have, _, err := g.Seen(p, c)
	if err != nil {
		return "", err
	}
	if slices.ContainsFunc(have, func(s checklist.Seen) bool { return s.Date == date && slices.Equal(s.IDs, obs) }) {
		return "", nil
	}
	return g.write(c, seenDir, checklist.MarshalSeen(&checklist.Seen{Date: date, IDs: obs}), now)
}

// Seen reads what was seen of the circle in sessions, oldest first.
func (g Register) Seen(p *checklist.Pack, c Circle) ([]checklist.Seen, []Problem, error) {
	files, err := g.files(c.Folder, seenDir)
	if err != nil {
		return nil, nil, err
	}
	out, problems := readSeen(p, files)
	return out, problems, nil
}

func readSeen(p *checklist.Pack, files []string) ([]checklist.Seen, []Problem) {
	var out []checklist.Seen
	var problems []Problem
	for _, f := range files {
		data, err := readListed(f, checklist.MaxFileSize)
		if err == nil {
			var s *checklist.Seen
			if s, err = checklist.ParseSeen(p, f, data); err == nil {
				out = append(out, *s)
				continue
			}
		}
		problems = append(problems, Problem{File: f, Err: err})
	}
	slices.SortStableFunc(out, func(a, b checklist.Seen) int { return strings.Compare(a.Date, b.Date) })
	return out, problems
}

// SeenIDs is every observation in seen, once each.
func SeenIDs(seen []checklist.Seen) []string {
	var ids []string
	for _, s := range seen {
		for _, id := range s.IDs {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// CircleReport is the circle's record judged for everyone: its latest
// vetting's circle answers with what was seen in sessions added, with no
// fit, no stay and nothing a person decides. What the register's line,
// circles show and compare without --for say of a circle.
func CircleReport(p *checklist.Pack, a *checklist.Answers, seen []checklist.Seen, opt report.Options) report.Report {
	return report.BuildCircle(p, CircleAnswers(p, a, seen), opt)
}

// CircleAnswers are a circle's record as answers: the circle's part of its
// latest vetting with what was seen in sessions added.
func CircleAnswers(p *checklist.Pack, a *checklist.Answers, seen []checklist.Seen) *checklist.Answers {
	circle, _ := checklist.SplitAnswers(p, a)
	return checklist.WithObservations(p, circle, SeenIDs(seen))
}

// PersonAnswers are a circle judged for one person: the circle's part of
// its latest vetting, what was seen in sessions, and the person's own
// answers over them.
func PersonAnswers(p *checklist.Pack, a, person *checklist.Answers, seen []checklist.Seen) *checklist.Answers {
	return checklist.JoinAnswers(CircleAnswers(p, a, seen), person)
}

// PersonReport is the report of PersonAnswers: fit is the person's.
func PersonReport(p *checklist.Pack, a, person *checklist.Answers, seen []checklist.Seen, opt report.Options) report.Report {
	return report.BuildPerson(p, PersonAnswers(p, a, person, seen), person, opt)
}
