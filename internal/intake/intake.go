// Package intake is the walkthrough itself, below both front ends that
// draw it: the full-screen one (internal/ui) and the line-prompt one
// (internal/accessible). Session owns the answers, the cursor (a question,
// the review, the summary), the parsing and checking of every field kind,
// change detection, notes and the question they are about, the resume
// point, the save kinds and what each writes, and the check-in's questions
// and their mapping to a check-in; Options configures a walkthrough for
// both front ends. Around it: the plan of steps and questions that apply
// (answers implied by others taken into account), drafts kept as answers
// change (Autosaver), and the names files are saved under. It imports no
// terminal code, so the two front ends cannot disagree on any of it: they
// read keys or lines, hand them to the session, and draw what it holds.
package intake

import (
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Section is one step of the walkthrough's plan: a section of the pack and
// its questions that apply to the answers so far.
type Section struct {
	Section   *checklist.Section
	Questions []*checklist.Question
}

// Plan lists the sections that hold at least one question applying to a,
// in pack order, each with those questions. Applicability is judged on the
// answers with derived ones filled in, as the scoring judges it: once the
// training answer says there is no facilitator, the facilitator questions
// of a circle give way to what an informal group offers.
func Plan(p *checklist.Pack, a *checklist.Answers) []Section {
	d, _ := p.Derive(a)
	var out []Section
	for _, s := range p.Sections {
		var qs []*checklist.Question
		for _, q := range p.SectionQuestions(s.ID) {
			if asked(p, q, d) {
				qs = append(qs, q)
			}
		}
		if len(qs) > 0 {
			out = append(out, Section{Section: s, Questions: qs})
		}
	}
	return out
}

// Applies reports whether q is asked for these answers, as Plan judges it.
func Applies(p *checklist.Pack, q *checklist.Question, a *checklist.Answers) bool {
	d, _ := p.Derive(a)
	return asked(p, q, d)
}

// asked reports whether the walkthrough asks q: it applies, and it is not a
// detail (those come from answers files, not from the walkthrough).
func asked(p *checklist.Pack, q *checklist.Question, derived *checklist.Answers) bool {
	return !q.Detail && p.Applicable(q, derived)
}

// Step returns the number (from 1) of the plan's section holding question
// id, and how many sections there are; 0 when id is not in the plan.
func Step(plan []Section, id string) (n, total int) {
	for i, s := range plan {
		for _, q := range s.Questions {
			if q.ID == id {
				return i + 1, len(plan)
			}
		}
	}
	return 0, len(plan)
}

// Position returns question id's number (from 1) within its section of the
// plan, and how many questions that section asks; 0, 0 when not planned.
func Position(plan []Section, id string) (n, total int) {
	for _, s := range plan {
		for i, q := range s.Questions {
			if q.ID == id {
				return i + 1, len(s.Questions)
			}
		}
	}
	return 0, 0
}

// NoteTarget is the question a note is about: the one answered last, while
// the user has not moved on by hand, else the current one. Answering often
// moves on by itself (the red-flag checklist, the next prompt), and a note
// taken right after an answer is about that answer.
func NoteTarget(lastAnswered, current string) string {
	if lastAnswered != "" {
		return lastAnswered
	}
	return current
}

// WorthKeeping reports whether answers are worth a draft: some answer or
// note beyond the opening section (who is using vetcircle, and the stage),
// or anything kept from other rules. Opening the walkthrough and saying who
// you are leaves nothing behind.
func WorthKeeping(p *checklist.Pack, a *checklist.Answers) bool {
	if a == nil {
		return false
	}
	if len(a.Unknown)+len(a.UnknownNotes) > 0 {
		return true
	}
	opening := ""
	if len(p.Sections) > 0 {
		opening = p.Sections[0].ID
	}
	for id := range a.Values {
		if q := p.Question(id); q == nil || q.Section != opening {
			return true
		}
	}
	for id := range a.Notes {
		if q := p.Question(id); q == nil || q.Section != opening {
			return true
		}
	}
	return false
}

// FileName is the name offered for a saved file about the circle called
// circle on date: vetcircle-<name as a slug>-<YYYY-MM-DD><ext>, with the
// slug the drafts use (places.Slug), so it can never name a path outside the
// folder it is saved in.
func FileName(circle string, date time.Time, ext string) string {
	return "vetcircle-" + places.Slug(textclean.CleanLine(circle)) + "-" + date.Format("2006-01-02") + ext
}
