package fhir

import (
	"cmp"
	"slices"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
)

// Options tune a response.
type Options struct {
	// Date is when the answers were gathered, YYYY-MM-DD, used when the
	// answers' own vetted date is empty; empty leaves authored out rather
	// than passing the printing date off as the date of the call.
	Date string
}

// ResponseFor writes one vetting: the answers given, as the pack's
// Questionnaire declares them, and the report's three answers (verdict,
// fit and, for someone attending, stay) as contained Observations. It
// renders the report built once for every output and decides nothing: status comes from the result's completeness,
// and an answer the result ignored (its question does not apply) is left
// out, as a disabled item's answer must be.
func ResponseFor(p *checklist.Pack, a *checklist.Answers, rep *report.Report, o Options) QuestionnaireResponse {
	r := rep.Result
	if a == nil {
		a = checklist.NewAnswers()
	}
	ignored := map[string]bool{}
	for _, ig := range r.Ignored {
		ignored[ig.Question] = true
	}
	out := QuestionnaireResponse{
		ResourceType:  "QuestionnaireResponse",
		Language:      p.Meta.Language,
		Questionnaire: Canonical(p),
		Status:        "in-progress",
		Authored:      cmp.Or(a.Vetted.On, o.Date),
	}
	// Complete: every question that counts and applies has a settled
	// answer, as the core counts them.
	if r.Completeness == 100 {
		out.Status = "completed"
	}
	if a.Vetted.By != "" {
		out.Author = &Reference{Display: a.Vetted.By}
	}
	if a.Vetted.Source != "" {
		s := a.Vetted.Source
		out.Extension = append(out.Extension, Extension{URL: ExtVettedSource, ValueCode: &s})
	}
	// The answers the result was computed on: those given, with what the
	// pack derived from them in place (stage "attending" when the signs to
	// leave were answered, say), each derived answer's item marked with
	// where it came from and what was given, so the form's enableWhen sees
	// what the core saw.
	seen, _ := p.Derive(a)
	derived := map[string][]checklist.Derived{}
	for _, d := range r.Derived {
		if !d.Kept {
			derived[d.Question] = append(derived[d.Question], d)
		}
	}
	for _, s := range p.Sections {
		g := ResponseItem{LinkID: sectionPrefix + s.ID, Text: oneLine(s.Title)}
		for _, q := range p.SectionQuestions(s.ID) {
			if ignored[q.ID] {
				continue
			}
			v, ok := seen.Get(q.ID)
			if !ok {
				continue
			}
			it, ok := answerItem(p, q, v)
			if !ok {
				continue
			}
			for _, d := range derived[q.ID] {
				it.Extension = append(it.Extension, derivedExtension(p, q, d, a))
			}
			g.Item = append(g.Item, it)
		}
		if len(g.Item) > 0 {
			out.Item = append(out.Item, g)
		}
	}
	notes := ResponseItem{LinkID: notesLinkID, Text: oneLine(p.T("summary.notes"))}
	for _, q := range p.Questions {
		if n := a.Notes[q.ID]; n != "" {
			notes.Item = append(notes.Item, ResponseItem{LinkID: notePrefix + q.ID, Text: oneLine(q.Label), Answer: []Answer{{ValueString: &n}}})
		}
	}
	if len(notes.Item) > 0 {
		out.Item = append(out.Item, notes)
	}
	out.Contained = observations(p, rep, out)
	return out
}

// derivedExtension says where a derived answer came from, and, for a
// choice or yes/no question, what was given instead, as its own coding.
func derivedExtension(p *checklist.Pack, q *checklist.Question, d checklist.Derived, a *checklist.Answers) Extension {
	from := oneLine(d.From)
	e := Extension{URL: ExtDerived, Extension: []Extension{{URL: "from", ValueString: &from}}}
	if given, ok := a.Get(q.ID); ok {
		if c := choiceCoding(p, q, given.Choice); c != nil {
			e.Extension = append(e.Extension, Extension{URL: "given", ValueCoding: c})
		}
	}
	return e
}

// choiceCoding is a choice or yes/no/unknown answer's coding, or nil.
func choiceCoding(p *checklist.Pack, q *checklist.Question, v string) *Coding {
	switch q.Kind {
	case checklist.KindChoice:
		if o := q.Option(v); o != nil {
			return optionCoding(p, q, o)
		}
	case checklist.KindTristate:
		if v == checklist.Yes || v == checklist.No || v == checklist.Unknown {
			return tristateCoding(p, v)
		}
	}
	return nil
}

// answerItem is one question's answer as its item's type; ok is false for
// a value the question cannot hold (nothing is written rather than a
// wrong type).
func answerItem(p *checklist.Pack, q *checklist.Question, v checklist.Value) (ResponseItem, bool) {
	it := ResponseItem{LinkID: q.ID, Text: oneLine(q.Prompt)}
	switch q.Kind {
	case checklist.KindChoice, checklist.KindTristate:
		c := choiceCoding(p, q, v.Choice)
		if c == nil {
			return it, false
		}
		it.Answer = []Answer{{ValueCoding: c}}
	case checklist.KindMulti:
		for _, o := range q.Options {
			state := checklist.No
			switch {
			case slices.Contains(v.List, o.ID):
				state = checklist.Yes
			case slices.Contains(v.Unsure, o.ID):
				state = checklist.Unknown
			}
			it.Item = append(it.Item, ResponseItem{LinkID: q.ID + ":" + o.ID, Text: oneLine(o.Label),
				Answer: []Answer{{ValueCoding: tristateCoding(p, state)}}})
		}
		if len(it.Item) == 0 {
			return it, false
		}
	case checklist.KindNumber:
		n := v.Number
		ans := Answer{ValueDecimal: &n}
		if v.Approx {
			t := true
			ans.Extension = []Extension{{URL: ExtApproximate, ValueBoolean: &t}}
		}
		if v.Upper != nil {
			u := *v.Upper
			ans.Item = []ResponseItem{{LinkID: q.ID + upperSuffix,
				Text:   packText(p, "fhir.range-high", "Upper end, when the answer is a range"),
				Answer: []Answer{{ValueDecimal: &u}}}}
		}
		it.Answer = []Answer{ans}
	case checklist.KindText:
		if v.Text == "" {
			return it, false // FHIR strings are never empty
		}
		s := v.Text
		it.Answer = []Answer{{ValueString: &s}}
	default:
		return it, false
	}
	return it, true
}

// observations are the report's three answers, each an Observation
// derived from the response that contains it ("#"): the value with the
// pack's words, the question it answers as the report words it for this
// reader, the whole headline, and every reason supporting the value.
func observations(p *checklist.Pack, rep *report.Report, qr QuestionnaireResponse) []Observation {
	status := "final"
	if qr.Status != "completed" {
		status = "preliminary"
	}
	systems := map[string]string{report.KeyVerdict: SystemVerdict, report.KeyFit: SystemFit, report.KeyStay: SystemStay}
	obs := func(ans *report.Answer) Observation {
		o := Observation{
			ResourceType: "Observation",
			ID:           ans.Key,
			Status:       status,
			Category:     []CodeableConcept{{Coding: []Coding{{System: systemObsCat, Code: "survey", Display: "Survey"}}}},
			Code: CodeableConcept{
				Coding: []Coding{{System: SystemAssessment, Code: ans.Key, Display: oneLine(ans.Question)}},
				Text:   oneLine(ans.Question),
			},
			EffectiveDateTime: qr.Authored,
			ValueCodeableConcept: &CodeableConcept{
				Coding: []Coding{{System: systems[ans.Key], Code: ans.Value, Display: oneLine(ans.Words)}},
				Text:   oneLine(cmp.Or(ans.Whole, ans.Headline)),
			},
			DerivedFrom: []Reference{{Reference: "#"}},
		}
		for _, rs := range ans.Reasons {
			t := oneLine(rs.Text)
			if rs.Source != "" {
				t += " (" + p.T("summary.source") + ": " + rs.Source + ")"
			}
			o.Note = append(o.Note, Annotation{Text: t})
		}
		return o
	}
	v := rep.Verdict
	v.Key = cmp.Or(v.Key, report.KeyVerdict)
	out := []Observation{obs(&v)}
	if rep.Fit != nil {
		f := *rep.Fit
		f.Key = cmp.Or(f.Key, report.KeyFit)
		out = append(out, obs(&f))
	}
	if rep.Stay != nil {
		st := *rep.Stay
		st.Key = cmp.Or(st.Key, report.KeyStay)
		out = append(out, obs(&st))
	}
	return out
}
