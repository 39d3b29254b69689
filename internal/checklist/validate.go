package checklist

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/wording"
)

type validator struct {
	p       *Pack
	l       *errorList
	ruleIDs map[string]Pos
}

var (
	idPattern     = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	ruleIDPattern = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`)
	datePattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (v *validator) need(pos Pos, what, value string) {
	if strings.TrimSpace(value) == "" {
		v.l.add(pos, "fill it in: every sentence a user reads comes from the pack", "%s is missing or empty", what)
	}
}

func (v *validator) meta() {
	m := v.p.Meta
	if m.Pos.File == "" {
		return
	}
	v.need(m.Pos, "pack id", m.ID)
	v.need(m.Pos, "pack name", m.Name)
	v.need(m.Pos, "pack version", m.Version)
	v.need(m.Pos, "guide title", m.Guide.Title)
	if _, err := language.Parse(m.Language); m.Language != "" && err != nil {
		v.l.add(m.Pos, "write a language code such as en or es", "pack language %q is not a language code", m.Language)
	}
	// These are written into the header of every draft and answers file
	// and printed on one line: a line break would break both.
	for _, f := range []struct{ what, value string }{
		{"pack id", m.ID}, {"pack name", m.Name}, {"pack version", m.Version},
		{"pack last_reviewed", m.LastReviewed}, {"pack language", m.Language},
		{"guide title", m.Guide.Title}, {"guide last_reviewed", m.Guide.LastReviewed},
	} {
		if f.value != textclean.CleanLine(f.value) || strings.ContainsAny(f.value, "\n\t") {
			v.l.add(m.Pos, "write it on one line, without tabs or leading and trailing spaces", "%s must be a single line of text, found %s", f.what, strconv.Quote(f.value))
		}
	}
	if !datePattern.MatchString(m.LastReviewed) {
		v.l.add(m.Pos, "write it as YYYY-MM-DD", "pack last_reviewed %q is not a date", m.LastReviewed)
	}
}

func (v *validator) sections() {
	seen := map[string]Pos{}
	for _, s := range v.p.Sections {
		v.id(s.Pos, "section", s.ID, seen)
		v.need(s.Pos, "section "+s.ID+" title", s.Title)
		if s.Record != "" && s.Record != RecordCircle && s.Record != RecordPerson {
			v.l.add(s.Pos, "use record: circle or record: person", "section %s: record %q is not valid", s.ID, s.Record)
		}
		if s.When != nil {
			v.cond(s.When)
		}
	}
}

func (v *validator) id(pos Pos, what, id string, seen map[string]Pos) {
	if !idPattern.MatchString(id) {
		v.l.add(pos, "use lowercase words joined by hyphens, like rf-vendor-dosing", "%s id %q is not valid", what, id)
	}
	if first, dup := seen[id]; dup {
		v.l.add(pos, "ids must be unique", "duplicate %s id %q (first at %s)", what, id, first)
	}
	seen[id] = pos
}

var circleFieldKinds = map[string]Kind{
	"name": KindText, "format": KindChoice, "facilitator": KindText, "participants": KindNumber,
	"minutes": KindNumber, "cost_usd": KindNumber, "setting": KindChoice,
}

func (v *validator) questions() {
	seen := map[string]Pos{}
	fields := map[string]Pos{}
	for _, q := range v.p.Questions {
		v.id(q.Pos, "question", q.ID, seen)
		v.p.byID[q.ID] = q
	}
	for _, q := range v.p.Questions {
		at := q.Pos
		if v.p.Section(q.Section) == nil {
			v.l.add(at, "name a section defined under sections:", "question %s: section %q does not exist", q.ID, q.Section)
		}
		v.need(at, "question "+q.ID+" label", q.Label)
		v.need(at, "question "+q.ID+" prompt", q.Prompt)
		v.need(at, "question "+q.ID+" source", q.Source)
		switch q.Kind {
		case KindChoice, KindMulti:
			if len(q.Options) == 0 {
				v.l.add(at, "list its options", "question %s is %s but has no options", q.ID, q.Kind)
			}
			oseen := map[string]Pos{}
			for _, o := range q.Options {
				v.id(o.Pos, "option", o.ID, oseen)
				v.need(o.Pos, "option "+o.ID+" label", o.Label)
				if o.CircleObservation && (q.Kind != KindMulti || !v.p.PersonQuestion(q.ID)) {
					v.l.add(o.Pos, "mark options of a person's multi question only", "option %s of %s: circle_observation belongs to a multi question in a record: person section", o.ID, q.ID)
				}
			}
		case KindTristate, KindNumber, KindText:
			if len(q.Options) > 0 {
				v.l.add(at, "remove options, or make it a choice", "question %s is %s and cannot have options", q.ID, q.Kind)
			}
		default:
			v.l.add(at, "use choice, multi, tristate, number or text", "question %s: unknown kind %q", q.ID, q.Kind)
		}
		if (q.Min != nil || q.Max != nil) && q.Kind != KindNumber {
			v.l.add(at, "remove min and max, or make it kind: number", "question %s: min and max apply to numbers only", q.ID)
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			v.l.add(at, "swap them", "question %s: min is above max", q.ID)
		}
		if q.RedFlag && q.Kind != KindTristate {
			v.l.add(at, "red flags are answered yes, no or unknown", "question %s is a red flag but not tristate", q.ID)
		}
		if q.Core && q.Kind != KindChoice && q.Kind != KindMulti {
			v.l.add(at, "the three questions are answered by picking options", "core question %s must be a choice or multi", q.ID)
		}
		switch q.Ask {
		case "facilitator", "self":
		case "":
			if q.Say != "" {
				v.l.add(at, "add ask: facilitator or ask: self", "question %s has words to say but not who to ask", q.ID)
			}
		default:
			v.l.add(at, "use facilitator or self", "question %s: ask %q is not valid", q.ID, q.Ask)
		}
		if q.CircleField != "" {
			kind, ok := circleFieldKinds[q.CircleField]
			switch {
			case !ok:
				v.l.add(at, "use one of "+strings.Join(CircleFields, ", "), "question %s: unknown circle_field %q", q.ID, q.CircleField)
			case kind != q.Kind:
				v.l.add(at, "change its kind", "question %s: circle field %s must be a %s question", q.ID, q.CircleField, kind)
			}
			if first, dup := fields[q.CircleField]; dup {
				v.l.add(at, "each circle field belongs to one question", "circle field %s used twice (first at %s)", q.CircleField, first)
			}
			fields[q.CircleField] = at
		}
		for _, id := range q.Settles {
			if q.Kind != KindMulti || q.Option(id) == nil {
				v.l.add(at, "list options of this multi question", "question %s: settles %q is not one of its options", q.ID, id)
			}
		}
		if q.When != nil {
			v.cond(q.When)
		}
	}
}

func (v *validator) ruleID(pos Pos, id string) {
	if v.ruleIDs == nil {
		v.ruleIDs = map[string]Pos{}
	}
	if !ruleIDPattern.MatchString(id) {
		v.l.add(pos, "use uppercase words joined by hyphens, like RF-VENDOR-DOSING", "rule id %q is not valid", id)
	}
	if first, dup := v.ruleIDs[id]; dup {
		v.l.add(pos, "rule ids must be unique", "duplicate rule id %q (first at %s)", id, first)
	}
	v.ruleIDs[id] = pos
}

func (v *validator) rules() {
	for _, r := range v.p.Rules {
		at := r.Pos
		v.ruleID(at, r.ID)
		v.need(at, "rule "+r.ID+" title", r.Title)
		v.need(at, "rule "+r.ID+" message", r.Message)
		v.need(at, "rule "+r.ID+" source", r.Source)
		if !slices.Contains(severities, r.Severity) {
			v.l.add(at, "use critical, major, minor, info or strength", "rule %s: unknown severity %q", r.ID, r.Severity)
		}
		switch {
		case r.Severity == SevStrength && r.Points < 0:
			v.l.add(at, "a strength adds points", "rule %s is a strength but takes points", r.ID)
		case r.Severity != SevStrength && r.Severity != SevInfo && r.Points > 0:
			v.l.add(at, "a concern takes points; use severity strength to add them", "rule %s is a %s but adds points", r.ID, r.Severity)
		}
		if r.Cap != "" && r.Cap.Rank() < 0 {
			v.l.add(at, "use promising, caution, incomplete or avoid", "rule %s: unknown cap %q", r.ID, r.Cap)
		}
		if r.RedFlag != "" {
			if q := v.p.byID[r.RedFlag]; q == nil || !q.RedFlag {
				v.l.add(at, "name a question marked red_flag: true", "rule %s: red_flag %q is not a red-flag question", r.ID, r.RedFlag)
			}
		}
		if r.Contradicts != "" && v.p.byID[r.Contradicts] == nil {
			v.l.add(at, "name the question whose answer this rule contradicts", "rule %s: contradicts %q is not a question", r.ID, r.Contradicts)
		}
		if r.Changed != "" {
			if d, err := time.Parse(time.DateOnly, r.Changed); err != nil || !datePattern.MatchString(r.Changed) || d.Before(EarliestDate) {
				v.l.add(at, "write it as YYYY-MM-DD", "rule %s: changed %q is not a date", r.ID, r.Changed)
			}
		}
		if r.Ask != "" && v.p.byID[r.About] == nil {
			v.l.add(at, "add about: with the question this follow-up belongs to", "rule %s asks a follow-up but about %q is not a question", r.ID, r.About)
		}
		v.condRoot(&r.When, at, "rule "+r.ID)
	}
}

func (v *validator) formats() {
	seen := map[string]Pos{}
	for _, f := range v.p.Formats {
		at := f.Pos
		v.id(at, "format", f.ID, seen)
		v.p.formatIdx[f.ID] = f
		v.need(at, "format "+f.ID+" name", f.Name)
		v.need(at, "format "+f.ID+" summary", f.Summary)
		v.need(at, "format "+f.ID+" source", f.Source)
		if f.Base.Rank() < 0 {
			v.l.add(at, "use good, possible, not-now or poor", "format %s: base fit %q is not valid", f.ID, f.Base)
		}
		for _, id := range f.LookFor {
			if v.p.byID[id] == nil {
				v.l.add(at, "name a question defined under questions:", "format %s: look_for %q is not a question", f.ID, id)
			}
		}
		for _, r := range f.Rules {
			v.fitRule(r, "fit rule")
		}
	}
}

func (v *validator) fitRule(r *FitRule, owner string) {
	v.ruleID(r.Pos, r.ID)
	v.need(r.Pos, owner+" "+r.ID+" reason", r.Reason)
	v.need(r.Pos, owner+" "+r.ID+" source", r.Source)
	if r.Fit.Rank() < 0 {
		v.l.add(r.Pos, "use good, possible, not-now or poor", "%s %s: fit %q is not valid", owner, r.ID, r.Fit)
	}
	v.condRoot(&r.When, r.Pos, owner+" "+r.ID)
}

func (v *validator) circleFit() {
	for _, r := range v.p.CircleFit {
		v.fitRule(r, "circle fit rule")
	}
	if r := v.p.FitUnknown; r != nil {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "fit_unknown reason", r.Reason)
		v.need(r.Pos, "fit_unknown source", r.Source)
		if r.Fit != "" && r.Fit != FitUnknown {
			v.l.add(r.Pos, "leave fit: out (it is always unknown)", "fit_unknown: fit %q is not valid", r.Fit)
		}
		v.condRoot(&r.When, r.Pos, "fit_unknown")
		v.need(r.Pos, "text fit.unknown", v.p.Text["fit.unknown"])
		v.need(r.Pos, "text headline.fit.unknown", v.p.Text["headline.fit.unknown"])
	}
	for _, w := range v.p.CrisisWords {
		if len(wording.Words(strings.TrimSuffix(w, "*"))) == 0 {
			v.l.add(v.p.Meta.Pos, "write each crisis phrase as words", "crisis_words: %q has no words", w)
		}
	}
}

// derivations checks that each derived answer names a question it can
// answer and a value that question allows.
func (v *validator) derivations() {
	for _, d := range v.p.Derived {
		at := d.Pos
		v.ruleID(at, d.ID)
		v.need(at, "derivation "+d.ID+" from", d.From)
		v.need(at, "derivation "+d.ID+" source", d.Source)
		v.condRoot(&d.When, at, "derivation "+d.ID)
		q := v.p.byID[d.Question]
		switch {
		case q == nil:
			v.l.add(at, "name a question defined under questions:", "derivation %s: unknown question %q", d.ID, d.Question)
		case d.Item != "":
			if q.Kind != KindMulti || q.Option(d.Item) == nil {
				v.l.add(at, "item: names an option of a multi question", "derivation %s: question %s has no item %q", d.ID, q.ID, d.Item)
			}
			if d.Value != Yes && d.Value != No {
				v.l.add(at, "an item is derived yes or no", "derivation %s: value %q", d.ID, d.Value)
			}
		case q.Kind != KindChoice && q.Kind != KindTristate:
			v.l.add(at, "derive only choice or yes/no/unknown answers", "derivation %s: question %s is %s", d.ID, q.ID, q.Kind)
		case !slices.Contains(q.OptionIDs(), d.Value):
			v.l.add(at, "allowed: "+strings.Join(q.OptionIDs(), ", "), "derivation %s: question %s has no option %q", d.ID, q.ID, d.Value)
		}
	}
}
