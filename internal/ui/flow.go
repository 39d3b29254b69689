package ui

import (
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// stepKind says which screen shows a step.
type stepKind int

const (
	stepForm     stepKind = iota // several short fields on one screen
	stepQuestion                 // one question per screen
	stepFlags                    // a checklist of yes/no/unknown flags
	stepReview
	stepSummary
)

// Sections shown as a form of fields on one screen; every other section
// shows one question per screen, or a checklist when all its questions are
// red flags. Section IDs are part of the pack's stable vocabulary.
var formSections = map[string]bool{"welcome": true, "basics": true}

// step is one screen of the walkthrough.
type step struct {
	kind stepKind
	// key names the step across rebuilds: "section:basics",
	// "q:training", "review", "summary".
	key       string
	section   *checklist.Section // nil for review and summary
	questions []*checklist.Question
	// first is true for the first step of its section, which shows the
	// section's introduction.
	first bool
}

// buildSteps lists the screens of the session's plan, in pack order.
// A section whose `when` does not hold (the attending section before
// someone says they attend) and questions that do not apply are left out.
// A re-vet shows only the circle's questions (the session's plan says so).
func buildSteps(plan []intake.Section) []step {
	var steps []step
	for _, sec := range plan {
		s, qs := sec.Section, sec.Questions
		flags := true
		for _, q := range qs {
			flags = flags && q.RedFlag && q.Kind == checklist.KindTristate
		}
		switch {
		case formSections[s.ID]:
			steps = append(steps, step{kind: stepForm, key: "section:" + s.ID, section: s, questions: qs, first: true})
		case flags:
			steps = append(steps, step{kind: stepFlags, key: "section:" + s.ID, section: s, questions: qs, first: true})
		default:
			for i, q := range qs {
				steps = append(steps, step{kind: stepQuestion, key: "q:" + q.ID, section: s, questions: []*checklist.Question{q}, first: i == 0})
			}
		}
	}
	steps = append(steps, step{kind: stepReview, key: "review"}, step{kind: stepSummary, key: "summary"})
	return steps
}

// indexOf returns the index of the step with key k, or -1.
func indexOf(steps []step, k string) int {
	for i, s := range steps {
		if s.key == k {
			return i
		}
	}
	return -1
}

// stepOf returns the index of the step that asks question id, or -1.
func stepOf(steps []step, id string) int {
	for i, s := range steps {
		for _, q := range s.questions {
			if q.ID == id {
				return i
			}
		}
	}
	return -1
}
