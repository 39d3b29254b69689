package checklist

import (
	"slices"
	"strings"
)

// A vetting's answers belong to two records: the circle's (its facts, the
// facilitator's answers, red flags, what was seen in sessions), which a
// team may share, and the person's (who they are to the circle, what they
// saw as someone attending, their fit, distress, notes about them), which
// stays private to the user. The pack says which is which, per section
// (record: person); options of a person's question that describe the
// circle itself say so too (circle_observation: true).
const (
	RecordCircle = "circle"
	RecordPerson = "person"
)

// PersonQuestion reports whether question id belongs to the person's
// record. A question the pack does not know is the person's: what cannot be
// told apart stays private.
func (p *Pack) PersonQuestion(id string) bool {
	q := p.Question(id)
	if q == nil {
		return true
	}
	s := p.Section(q.Section)
	return s != nil && s.Record == RecordPerson
}

// HasPersonRecord reports whether the pack marks any section as the
// person's; a pack without one keeps every answer with the circle, as
// before records were told apart.
func (p *Pack) HasPersonRecord() bool {
	return slices.ContainsFunc(p.Sections, func(s *Section) bool { return s.Record == RecordPerson })
}

// SplitAnswers divides a vetting's answers into the circle's record and
// the person's: each answer and note goes where its question's section
// says; an unknown answer or note goes to the person (private by default)
// unless it was kept from the circle block. Both keep the provenance; the
// resume point is a draft's, and neither record's.
func SplitAnswers(p *Pack, a *Answers) (circle, person *Answers) {
	circle, person = NewAnswers(), NewAnswers()
	if a == nil {
		return circle, person
	}
	circle.Vetted, person.Vetted = a.Vetted, a.Vetted
	circle.Service = a.Service.Clone() // how to reach and join the circle: the circle's, never the person's
	circle.Version, person.Version = a.Version, a.Version
	to := func(id string) *Answers {
		if p.PersonQuestion(id) {
			return person
		}
		return circle
	}
	for id, v := range a.Values {
		v.List, v.Unsure = slices.Clone(v.List), slices.Clone(v.Unsure)
		to(id).Set(id, v)
	}
	for id, n := range a.Notes {
		to(id).SetNote(id, n)
	}
	for id, items := range a.KeptItems {
		for _, raw := range items {
			to(id).KeepItem(id, raw)
		}
	}
	for _, x := range a.Unknown {
		if x.Circle {
			circle.Unknown = append(circle.Unknown, x)
		} else {
			person.Unknown = append(person.Unknown, x)
		}
	}
	person.UnknownNotes = slices.Clone(a.UnknownNotes)
	return circle, person
}

// JoinAnswers is a person's answers laid over a circle's record: what the
// fit is judged from, for that person and that circle.
func JoinAnswers(circle, person *Answers) *Answers {
	out := circle.Clone()
	if person == nil {
		return out
	}
	p := person.Clone()
	for id, v := range p.Values {
		out.Set(id, v)
	}
	for id, n := range p.Notes {
		out.SetNote(id, n)
	}
	for id, items := range p.KeptItems {
		for _, raw := range items {
			out.KeepItem(id, raw)
		}
	}
	out.Unknown = append(out.Unknown, p.Unknown...)
	out.UnknownNotes = append(out.UnknownNotes, p.UnknownNotes...)
	return out
}

// IsEmpty reports whether the answers hold nothing: no answer, no note,
// nothing kept from other rules.
func (a *Answers) IsEmpty() bool {
	return a == nil || (len(a.Values) == 0 && len(a.Notes) == 0 && len(a.Unknown) == 0 && len(a.UnknownNotes) == 0 && len(a.KeptItems) == 0)
}

// CircleObservations are the option IDs marked circle_observation among
// the given ones, in pack order: what a person saw that is about the
// circle. ids may mix questions (a check-in's signs and seen).
func (p *Pack) CircleObservations(ids []string) []string {
	out := []string{}
	for _, q := range p.Questions {
		for _, o := range q.Options {
			if o.CircleObservation && slices.Contains(ids, o.ID) && !slices.Contains(out, o.ID) {
				out = append(out, o.ID)
			}
		}
	}
	return out
}

// ObservationsOf are the circle observations in a vetting's answers (its
// person's questions' lists that hold observation options).
func (p *Pack) ObservationsOf(a *Answers) []string {
	var ids []string
	for _, q := range p.Questions {
		if v, ok := a.Get(q.ID); ok && q.Kind == KindMulti {
			ids = append(ids, v.List...)
		}
	}
	return p.CircleObservations(ids)
}

// CheckinObservations are a check-in's circle observations.
func (p *Pack) CheckinObservations(c *Checkin) []string {
	return p.CircleObservations(append(slices.Clone(c.Signs), c.Seen...))
}

// WithObservations is a circle's record with what was seen in sessions
// added to it, as if the vetting had seen it: each observation option is
// added to its question's list. The circle is judged on what is seen in
// the room as on what was said.
func WithObservations(p *Pack, a *Answers, seen []string) *Answers {
	out := a.Clone()
	if len(seen) == 0 {
		return out
	}
	for _, q := range p.Questions {
		var add []string
		for _, o := range q.Options {
			if o.CircleObservation && slices.Contains(seen, o.ID) {
				add = append(add, o.ID)
			}
		}
		if len(add) == 0 {
			continue
		}
		v, _ := out.Get(q.ID)
		list := slices.Clone(v.List)
		for _, id := range add {
			if !slices.Contains(list, id) {
				list = append(list, id)
			}
		}
		// Pack order, as any answer's list.
		slices.SortStableFunc(list, func(x, y string) int {
			return slices.Index(q.OptionIDs(), x) - slices.Index(q.OptionIDs(), y)
		})
		v.List = list
		v.Unsure = slices.DeleteFunc(slices.Clone(v.Unsure), func(u string) bool { return slices.Contains(add, u) })
		out.Set(q.ID, v)
	}
	return out
}

// CircleOnly is a circle's result with everything about a person taken
// out: no fit, no stay, no formats judged for someone, no questions for a
// person to decide. What a register shows of a circle, for everyone.
func CircleOnly(r Result) Result {
	r.Fit, r.Stay, r.Formats = nil, nil, nil
	r.Attending = false
	r.FollowUps = slices.DeleteFunc(slices.Clone(r.FollowUps), func(f FollowUp) bool { return strings.EqualFold(f.To, "self") })
	return r
}
