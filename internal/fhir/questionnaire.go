// Package fhir writes a rule pack as an HL7 FHIR R4 Questionnaire and one
// vetting as a QuestionnaireResponse citing it, with the verdict, fit and
// stay as contained Observations, and reads such a response back into
// answers. It knows the checklist pack and answers, nothing of terminals;
// docs/fhir.md explains every representation chosen here.
package fhir

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Base is the root of every canonical URL vetcircle mints: the
// Questionnaire, the answer code systems and the extensions. They identify;
// nothing fetches them (vetcircle works offline).
const Base = "https://vetcircle.github.io/fhir"

// Extension and code-system URLs of vetcircle's own.
const (
	// ExtAppliesWhen holds, in the pack's words, a condition enableWhen
	// cannot say exactly; the item then has no enableWhen and is not required.
	ExtAppliesWhen = Base + "/StructureDefinition/applies-when"
	// ExtVettedSource says how the answers were gathered (call, website,
	// session, other).
	ExtVettedSource = Base + "/StructureDefinition/vetted-source"
	// ExtDerived marks a response item whose answer the pack derived from
	// other answers (sub-extensions: from, the pack's words for why; given,
	// the answer that was given and that the derived one replaced).
	ExtDerived = Base + "/StructureDefinition/derived"
	// ExtApproximate marks a number said as an approximation ("about
	// 12"): valueBoolean true.
	ExtApproximate = Base + "/StructureDefinition/approximate"
	// SystemAssessment codes the three Observations: verdict, fit, stay.
	SystemAssessment = Base + "/CodeSystem/assessment"
	SystemVerdict    = Base + "/CodeSystem/verdict"
	SystemFit        = Base + "/CodeSystem/fit"
	SystemStay       = Base + "/CodeSystem/stay"
)

// HL7 extensions and code systems used as they are defined.
const (
	extUnit     = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
	extMinValue = "http://hl7.org/fhir/StructureDefinition/minValue"
	extMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
	// Yes and no are HL7 v2 table 0136; "unknown" is data-absent-reason
	// asked-unknown, as in the R4 value set yesnodontknow.
	systemYesNo   = "http://terminology.hl7.org/CodeSystem/v2-0136"
	systemAbsent  = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
	systemObsCat  = "http://terminology.hl7.org/CodeSystem/observation-category"
	codeYes       = "Y"
	codeNo        = "N"
	codeUnknown   = "asked-unknown"
	sectionPrefix = "section:"
	notePrefix    = "note:"
	notesLinkID   = "notes"
	upperSuffix   = ":upper"
)

// URL is the pack's Questionnaire's canonical URL: one per pack ID, so each
// language's form (its words differ) has its own.
func URL(p *checklist.Pack) string { return Base + "/Questionnaire/" + p.Meta.ID }

// Canonical is the pack's Questionnaire as a response cites it: url|version.
func Canonical(p *checklist.Pack) string { return URL(p) + "|" + p.Meta.Version }

// family is the pack ID without its language ("vetcircle-en" and
// "vetcircle-es" are both "vetcircle"): the packs of one family share every
// question and option ID, so their codes are one vocabulary whatever the
// language of the form.
func family(p *checklist.Pack) string {
	id := p.Meta.ID
	if base, conf := p.Lang().Base(); conf != language.No {
		id = strings.TrimSuffix(id, "-"+base.String())
	}
	return id
}

// AnswerSystem is the code system of a choice question's options: one per
// question, since an option ID means something only with its question.
func AnswerSystem(p *checklist.Pack, q *checklist.Question) string {
	return Base + "/CodeSystem/" + family(p) + "-" + q.ID
}

// QuestionnaireFor generates the pack's form. The same pack always gives the
// same Questionnaire.
func QuestionnaireFor(p *checklist.Pack) Questionnaire {
	m := p.Meta
	out := Questionnaire{
		ResourceType: "Questionnaire",
		ID:           m.ID,
		Language:     m.Language,
		URL:          URL(p),
		Version:      m.Version,
		Name:         computableName(m.ID),
		Title:        m.Name,
		Status:       "active",
		Date:         m.LastReviewed,
		Publisher:    "vetcircle",
		Description: p.Tf("summary.pack", "name", m.ID, "version", m.Version, "reviewed", m.LastReviewed,
			"guide", m.Guide.Title, "guide_reviewed", m.Guide.LastReviewed) + " " + p.T("note.limits"),
	}
	n := 0
	for si, s := range p.Sections {
		g := Item{LinkID: sectionPrefix + s.ID, Prefix: strconv.Itoa(si+1) + ".", Text: oneLine(s.Title), Type: "group"}
		applies(p, &g, s.When)
		if s.Intro != "" {
			g.Item = append(g.Item, Item{LinkID: g.LinkID + ":intro", Text: oneLine(s.Intro), Type: "display"})
		}
		for _, q := range p.SectionQuestions(s.ID) {
			n++
			g.Item = append(g.Item, questionItem(p, q, n))
		}
		out.Item = append(out.Item, g)
	}
	// Notes are one group at the end, never disabled: a note is kept even
	// when its question no longer applies, and it reads as the record's
	// "notes" block, each with its question's label.
	notes := Item{LinkID: notesLinkID, Text: oneLine(p.T("summary.notes")), Type: "group"}
	for _, q := range p.Questions {
		notes.Item = append(notes.Item, Item{LinkID: notePrefix + q.ID, Text: oneLine(q.Label), Type: "text"})
	}
	out.Item = append(out.Item, notes)
	return out
}

func questionItem(p *checklist.Pack, q *checklist.Question, n int) Item {
	it := Item{LinkID: q.ID, Prefix: strconv.Itoa(n) + ".", Text: oneLine(q.Prompt), Required: !q.Optional}
	switch q.Kind {
	case checklist.KindChoice:
		it.Type = "choice"
		for _, o := range q.Options {
			it.AnswerOption = append(it.AnswerOption, AnswerOption{ValueCoding: optionCoding(p, q, o)})
		}
	case checklist.KindTristate:
		it.Type = "choice"
		it.AnswerOption = yesNoUnknown(p)
	case checklist.KindMulti:
		// One yes/no/unknown item per option, as an answers file's mapping
		// form says it: an item can be held, ruled out, or not known yet,
		// and "none of these" is every item "no".
		it.Type = "group"
		for _, o := range q.Options {
			it.Item = append(it.Item, Item{LinkID: q.ID + ":" + o.ID, Text: oneLine(o.Label), Type: "choice",
				Required: !q.Optional, AnswerOption: yesNoUnknown(p)})
		}
	case checklist.KindNumber:
		// A decimal (the pack declares no integers), and, nested under the
		// answer, the high end when the answer is a range ("6-10").
		it.Type = "decimal"
		it.Extension = numberExtensions(q)
		it.Item = []Item{{Extension: numberExtensions(q), LinkID: q.ID + upperSuffix,
			Text: packText(p, "fhir.range-high", "Upper end, when the answer is a range"), Type: "decimal"}}
	case checklist.KindText:
		it.Type = "string"
	}
	applies(p, &it, q.When)
	return it
}

func numberExtensions(q *checklist.Question) []Extension {
	var ext []Extension
	if q.Unit != "" {
		// The pack's unit in its own words; no UCUM code is guessed.
		ext = append(ext, Extension{URL: extUnit, ValueCoding: &Coding{Display: q.Unit}})
	}
	if q.Min != nil {
		ext = append(ext, Extension{URL: extMinValue, ValueDecimal: q.Min})
	}
	if q.Max != nil {
		ext = append(ext, Extension{URL: extMaxValue, ValueDecimal: q.Max})
	}
	return ext
}

func optionCoding(p *checklist.Pack, q *checklist.Question, o *checklist.Option) *Coding {
	return &Coding{System: AnswerSystem(p, q), Code: o.ID, Display: oneLine(o.Label)}
}

// tristateCoding is the HL7 coding of yes, no or unknown, in the pack's words.
func tristateCoding(p *checklist.Pack, v string) *Coding {
	switch v {
	case checklist.Yes:
		return &Coding{System: systemYesNo, Code: codeYes, Display: p.T("answer.yes")}
	case checklist.No:
		return &Coding{System: systemYesNo, Code: codeNo, Display: p.T("answer.no")}
	}
	return &Coding{System: systemAbsent, Code: codeUnknown, Display: p.T("answer.unknown")}
}

// tristateValue is the answer a yes/no/unknown coding stands for, or "".
func tristateValue(c *Coding) string {
	switch {
	case c == nil:
		return ""
	case c.System == systemYesNo && c.Code == codeYes:
		return checklist.Yes
	case c.System == systemYesNo && c.Code == codeNo:
		return checklist.No
	case c.System == systemAbsent && c.Code == codeUnknown:
		return checklist.Unknown
	}
	return ""
}

func yesNoUnknown(p *checklist.Pack) []AnswerOption {
	return []AnswerOption{
		{ValueCoding: tristateCoding(p, checklist.Yes)},
		{ValueCoding: tristateCoding(p, checklist.No)},
		{ValueCoding: tristateCoding(p, checklist.Unknown)},
	}
}

// applies sets an item's enableWhen from a pack condition, or, when
// enableWhen cannot say it exactly, names the condition in the pack's words
// in an extension and leaves the item always enabled and not required.
func applies(p *checklist.Pack, it *Item, c *checklist.Condition) {
	if c == nil {
		return
	}
	ews, join, ok := conditionAtoms(p, c, false)
	if !ok {
		s := p.Describe(c, nil)
		it.Extension = append(it.Extension, Extension{URL: ExtAppliesWhen, ValueString: &s})
		it.Required = false
		return
	}
	it.EnableWhen = ews
	if len(ews) > 1 {
		it.EnableBehavior = join
	}
}

// conditionAtoms flattens a condition (negated when neg) into enableWhen
// entries joined by one behaviour, "all" or "any" ("" for a single entry).
// ok is false when R4's enableWhen cannot say it exactly: nesting that
// mixes all and any, "at least n of", a range compared on either end when
// negated, or a settled multi answer.
func conditionAtoms(p *checklist.Pack, c *checklist.Condition, neg bool) ([]EnableWhen, string, bool) {
	and, or := "all", "any"
	if neg {
		and, or = or, and
	}
	group := func(subs []*checklist.Condition, join string) ([]EnableWhen, string, bool) {
		var out []EnableWhen
		for _, s := range subs {
			ews, j, ok := conditionAtoms(p, s, neg)
			if !ok || (len(ews) > 1 && j != join) {
				return nil, "", false
			}
			out = append(out, ews...)
		}
		return out, join, len(out) > 0
	}
	switch {
	case len(c.All) > 0:
		return group(c.All, and)
	case len(c.Any) > 0:
		if c.AtLeast != nil && *c.AtLeast > 1 {
			return nil, "", false
		}
		return group(c.Any, or)
	case c.Not != nil:
		return conditionAtoms(p, c.Not, !neg)
	}
	q := p.Question(c.Question)
	if q == nil {
		return nil, "", false
	}
	eq, ne := "=", "!="
	if neg {
		eq, ne = ne, eq
	}
	codings := func(linkID string, cs []*Coding, op, join string) ([]EnableWhen, string, bool) {
		var out []EnableWhen
		for _, cd := range cs {
			out = append(out, EnableWhen{Question: linkID, Operator: op, AnswerCoding: cd})
		}
		return out, join, len(out) > 0
	}
	switch {
	case len(c.Is) > 0 && (q.Kind == checklist.KindChoice || q.Kind == checklist.KindTristate):
		var cs []*Coding
		for _, v := range c.Is {
			if q.Kind == checklist.KindTristate {
				cs = append(cs, tristateCoding(p, v))
			} else if o := q.Option(v); o != nil {
				cs = append(cs, optionCoding(p, q, o))
			} else {
				return nil, "", false
			}
		}
		// "is a or b" is any of the equalities; "is neither" all of the
		// inequalities (!= holds when nothing is answered, as "not is" does).
		return codings(q.ID, cs, eq, or)
	case (len(c.Includes) > 0 || len(c.Lacks) > 0) && q.Kind == checklist.KindMulti:
		if c.AtLeast != nil && *c.AtLeast > 1 {
			return nil, "", false
		}
		ids, want := c.Includes, checklist.Yes
		if len(c.Lacks) > 0 {
			// Lacking an item is having answered it "no": unknown items
			// are not lacking.
			ids, want = c.Lacks, checklist.No
		}
		var out []EnableWhen
		for _, id := range ids {
			if q.Option(id) == nil {
				return nil, "", false
			}
			out = append(out, EnableWhen{Question: q.ID + ":" + id, Operator: eq, AnswerCoding: tristateCoding(p, want)})
		}
		return out, or, true
	case c.Answered != nil && q.Kind != checklist.KindMulti:
		want := *c.Answered != neg
		if q.Kind == checklist.KindTristate {
			// Answered means settled: given, and not "unknown".
			if want {
				return []EnableWhen{exists(q.ID, true), {Question: q.ID, Operator: "!=", AnswerCoding: tristateCoding(p, checklist.Unknown)}}, "all", true
			}
			return []EnableWhen{exists(q.ID, false), {Question: q.ID, Operator: "=", AnswerCoding: tristateCoding(p, checklist.Unknown)}}, "any", true
		}
		return []EnableWhen{exists(q.ID, want)}, "", true
	case c.Above != nil && q.Kind == checklist.KindNumber && !neg:
		// A range is above when its high end is.
		return []EnableWhen{
			{Question: q.ID, Operator: ">", AnswerDecimal: c.Above},
			{Question: q.ID + upperSuffix, Operator: ">", AnswerDecimal: c.Above},
		}, "any", true
	case c.Below != nil && q.Kind == checklist.KindNumber && !neg:
		// A range is below when its low end is: the answer itself.
		return []EnableWhen{{Question: q.ID, Operator: "<", AnswerDecimal: c.Below}}, "", true
	}
	return nil, "", false
}

func exists(linkID string, b bool) EnableWhen {
	return EnableWhen{Question: linkID, Operator: "exists", AnswerBoolean: &b}
}

// computableName is the pack ID as FHIR's name wants it: "vetcircle-en"
// becomes "VetcircleEn".
func computableName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oneLine joins a pack text's lines: item texts are single strings. Most
// texts are one line already and are returned as they are.
func oneLine(s string) string {
	clean := s == "" || (s[0] != ' ' && s[len(s)-1] != ' ')
	for i := 0; clean && i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c >= 0x80:
			clean = false // non-ASCII may hold Unicode spaces: take the slow path
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// packText is the pack's sentence for key, or fallback for a pack written
// before the key existed.
func packText(p *checklist.Pack, key, fallback string) string {
	if s := strings.TrimSpace(p.Text[key]); s != "" {
		return s
	}
	return fallback
}
