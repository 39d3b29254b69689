package intake

import (
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// CircleQuestion reports whether q is about the circle (its facts, the
// facilitator's answers, its safeguards and red flags) rather than about
// the person using vetcircle: the questions a re-vet asks again. The pack
// says which sections are the person's (record: person; in the built-in
// packs welcome, attending and fit), the same split a kept vetting makes
// (checklist.SplitAnswers).
func CircleQuestion(p *checklist.Pack, q *checklist.Question) bool {
	return q != nil && !p.PersonQuestion(q.ID)
}

// Revet is a circle being vetted again: the vetting before, its date, and
// what each question was answered then. Both front ends take one, ask only
// the circle questions (CircleQuestion) and show each one's earlier answer
// and note beside it (Before), so they cannot disagree on either.
type Revet struct {
	// Previous is the latest vetting kept; On is its date (YYYY-MM-DD,
	// "" when it recorded none).
	Previous *checklist.Answers
	On       string
}

// NewRevet is the re-vet of previous, a vetting made on on.
func NewRevet(previous *checklist.Answers, on string) *Revet {
	if previous == nil {
		previous = checklist.NewAnswers()
	}
	return &Revet{Previous: previous, On: on}
}

// Asks reports whether the re-vet asks q: a circle question. A nil Revet
// (an ordinary walkthrough) asks everything.
func (r *Revet) Asks(p *checklist.Pack, q *checklist.Question) bool {
	return r == nil || CircleQuestion(p, q)
}

// Start is the answers a re-vet begins from: the previous vetting's circle
// answers, each carried note marked as from the vetting on its date (so
// "no program named" under a training answer that now names one is
// visibly old), the person's answers left out (who is using vetcircle is
// kept: it words the questions), no provenance (the new vetting gets its
// own) and the walkthrough set at the first circle question.
func (r *Revet) Start(p *checklist.Pack) *checklist.Answers {
	a := r.Previous.Clone()
	a.Vetted = checklist.Provenance{}
	for id := range a.Values {
		if q := p.Question(id); q != nil && !CircleQuestion(p, q) && id != checklist.RoleQuestion {
			delete(a.Values, id)
		}
	}
	for id, n := range a.Notes {
		if q := p.Question(id); q != nil && !CircleQuestion(p, q) {
			delete(a.Notes, id)
			continue
		}
		a.Notes[id] = MarkEarlier(p, n, r.On)
	}
	a.ResumeAt = ""
	if plan := PlanFor(p, a, r); len(plan) > 0 {
		a.ResumeAt = plan[0].Questions[0].ID
	}
	return a
}

// MarkEarlier marks a note carried from the vetting on date, once: a note
// already marked (carried through two re-vets) keeps its first mark, the
// date it was written.
func MarkEarlier(p *checklist.Pack, note, on string) string {
	if note == "" || IsEarlier(p, note) {
		return note
	}
	if on == "" {
		return p.Tf("revet.note-earlier-undated", "note", note)
	}
	return p.Tf("revet.note-earlier", "date", on, "note", note)
}

// IsEarlier reports whether a note is marked as carried from an earlier
// vetting, in this pack's words.
func IsEarlier(p *checklist.Pack, note string) bool {
	for _, key := range []string{"revet.note-earlier", "revet.note-earlier-undated"} {
		prefix, _, _ := strings.Cut(p.T(key), "{")
		if prefix != "" && strings.HasPrefix(note, prefix) {
			return true
		}
	}
	return false
}

// Earlier is a question's answer and note in the vetting before, in the
// pack's words.
type Earlier struct {
	Answer string
	Note   string
}

// Before is what q was answered in the previous vetting (the pack's words
// for "not asked" when it was not), with its note; ok is false outside a
// re-vet or for a question a re-vet does not ask.
func (r *Revet) Before(p *checklist.Pack, q *checklist.Question) (Earlier, bool) {
	if r == nil || !r.Asks(p, q) {
		return Earlier{}, false
	}
	e := Earlier{Answer: p.T("answer.not-asked")}
	if v, ok := r.Previous.Get(q.ID); ok {
		e.Answer = textclean.CleanLine(summary.AnswerText(p, q, v, ", "))
	}
	e.Note = textclean.CleanLine(r.Previous.Notes[q.ID])
	return e, true
}

// BeforeLine is Before as one line, the same words in both front ends:
// "Before (2025-11-02): No. Note: no program named."
func (r *Revet) BeforeLine(p *checklist.Pack, q *checklist.Question) string {
	e, ok := r.Before(p, q)
	if !ok {
		return ""
	}
	on := r.On
	if on == "" {
		on = p.T("report.date-unknown")
	}
	line := p.Tf("revet.before", "date", on, "answer", e.Answer)
	if e.Note != "" {
		line += " " + p.Tf("revet.before-note", "note", e.Note)
	}
	return line
}

// PlanFor is Plan for a re-vet: only the questions r asks (a nil r asks
// every question that applies).
func PlanFor(p *checklist.Pack, a *checklist.Answers, r *Revet) []Section {
	if r == nil {
		return Plan(p, a)
	}
	var out []Section
	for _, s := range Plan(p, a) {
		var qs []*checklist.Question
		for _, q := range s.Questions {
			if r.Asks(p, q) {
				qs = append(qs, q)
			}
		}
		if len(qs) > 0 {
			out = append(out, Section{Section: s.Section, Questions: qs})
		}
	}
	return out
}

// AppliesFor is Applies within a re-vet: q applies and r asks it.
func AppliesFor(p *checklist.Pack, q *checklist.Question, a *checklist.Answers, r *Revet) bool {
	return r.Asks(p, q) && Applies(p, q, a)
}
