package intake

import (
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// The check-in after a session, asked the same way by the full-screen
// check-in, the line prompts and (as flags) the command line: how the
// person felt afterwards (the one answer needed), the signs to leave they
// noticed, the facilitation they saw, distress now, and a note. Apart from
// "felt" and "note", the questions are the pack's own, so their words and
// IDs are the walkthrough's.
const (
	CheckinFelt = "felt"
	CheckinNote = "note"
)

// CheckinQuestions are the check-in's questions, in the order asked: felt
// (a choice of better, same or worse), the pack's leave-signs,
// facilitation-good, facilitation-poor and distress (those it has), and
// the note (optional text).
func CheckinQuestions(p *checklist.Pack) []*checklist.Question {
	felt := &checklist.Question{ID: CheckinFelt, Kind: checklist.KindChoice, Label: text(p, "ui.checkin.felt"), Prompt: text(p, "a11y.checkin.felt")}
	for _, id := range []string{checklist.FeltBetter, checklist.FeltSame, checklist.FeltWorse} {
		felt.Options = append(felt.Options, &checklist.Option{ID: id, Label: p.T("felt." + id)})
	}
	qs := []*checklist.Question{felt}
	for _, id := range append(append([]string{checklist.CheckinSigns}, checklist.CheckinSeen...), checklist.CheckinDistress) {
		if q := p.Question(id); q != nil {
			qs = append(qs, q)
		}
	}
	return append(qs, &checklist.Question{ID: CheckinNote, Kind: checklist.KindText, Label: text(p, "ui.checkin.note"), Optional: true})
}

// Checkin maps the answers to CheckinQuestions to the check-in of circle
// they record (its date left for the caller): the signs, what was seen of
// the facilitation (good and poor together), distress when answered yes
// or no (unknown records nothing), and the note.
func Checkin(circle string, a *checklist.Answers) *checklist.Checkin {
	out := &checklist.Checkin{Circle: textclean.CleanLine(circle), Signs: []string{}, Seen: []string{}}
	if v, ok := a.Get(CheckinFelt); ok {
		out.Felt = v.Choice
	}
	if v, ok := a.Get(checklist.CheckinSigns); ok {
		out.Signs = append(out.Signs, v.List...)
	}
	for _, id := range checklist.CheckinSeen {
		if v, ok := a.Get(id); ok {
			out.Seen = append(out.Seen, v.List...)
		}
	}
	if v, ok := a.Get(checklist.CheckinDistress); ok && (v.Choice == checklist.Yes || v.Choice == checklist.No) {
		out.Distress = v.Choice
	}
	if v, ok := a.Get(CheckinNote); ok {
		out.Note = v.Text
	}
	return out
}

// CheckinSession is a session over the check-in's questions: the same
// parsing, answers and change detection as the walkthrough's.
func CheckinSession(p *checklist.Pack) *Session {
	return NewSession(p, Options{WalkFinished: true})
}
