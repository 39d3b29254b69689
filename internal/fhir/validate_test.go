package fhir_test

import (
	"fmt"
	"slices"

	"github.com/vetcircle/vetcircle/internal/fhir"
)

// form indexes a Questionnaire's items by linkId, with each item's parent
// (the enclosing item's linkId, "" at the top).
type form struct {
	q      fhir.Questionnaire
	items  map[string]fhir.Item
	parent map[string]string
}

func indexForm(q fhir.Questionnaire) (*form, error) {
	f := &form{q: q, items: map[string]fhir.Item{}, parent: map[string]string{}}
	var walk func(items []fhir.Item, parent string) error
	walk = func(items []fhir.Item, parent string) error {
		for _, it := range items {
			if it.LinkID == "" {
				return fmt.Errorf("an item under %q has no linkId", parent)
			}
			if _, dup := f.items[it.LinkID]; dup {
				return fmt.Errorf("linkId %q is used twice", it.LinkID)
			}
			f.items[it.LinkID] = it
			f.parent[it.LinkID] = parent
			if err := walk(it.Item, it.LinkID); err != nil {
				return err
			}
		}
		return nil
	}
	return f, walk(q.Item, "")
}

// answers indexes a response's answers by linkId, nested ones included.
func answers(qr fhir.QuestionnaireResponse) map[string][]fhir.Answer {
	out := map[string][]fhir.Answer{}
	var walk func(items []fhir.ResponseItem)
	walk = func(items []fhir.ResponseItem) {
		for _, it := range items {
			out[it.LinkID] = append(out[it.LinkID], it.Answer...)
			walk(it.Item)
			for _, a := range it.Answer {
				walk(a.Item)
			}
		}
	}
	walk(qr.Item)
	return out
}

// enabled evaluates an item's enableWhen, and its ancestors', against a
// response's answers, as R4 defines the operators vetcircle uses.
func (f *form) enabled(linkID string, ans map[string][]fhir.Answer) bool {
	for id := linkID; id != ""; id = f.parent[id] {
		it := f.items[id]
		if len(it.EnableWhen) == 0 {
			continue
		}
		any, all := false, true
		for _, ew := range it.EnableWhen {
			ok := holds(ew, ans[ew.Question])
			any = any || ok
			all = all && ok
		}
		if (it.EnableBehavior == "any" && !any) || (it.EnableBehavior != "any" && !all) {
			return false
		}
	}
	return true
}

func holds(ew fhir.EnableWhen, got []fhir.Answer) bool {
	equal := func(a fhir.Answer) bool {
		switch {
		case ew.AnswerCoding != nil:
			return a.ValueCoding != nil && a.ValueCoding.System == ew.AnswerCoding.System && a.ValueCoding.Code == ew.AnswerCoding.Code
		case ew.AnswerDecimal != nil:
			return a.ValueDecimal != nil && *a.ValueDecimal == *ew.AnswerDecimal
		}
		return false
	}
	switch ew.Operator {
	case "exists":
		return (len(got) > 0) == *ew.AnswerBoolean
	case "=":
		return slices.ContainsFunc(got, equal)
	case "!=":
		return !slices.ContainsFunc(got, equal)
	case ">", "<", ">=", "<=":
		return slices.ContainsFunc(got, func(a fhir.Answer) bool {
			if a.ValueDecimal == nil {
				return false
			}
			x, y := *a.ValueDecimal, *ew.AnswerDecimal
			switch ew.Operator {
			case ">":
				return x > y
			case "<":
				return x < y
			case ">=":
				return x >= y
			}
			return x <= y
		})
	}
	return false
}

// checkResponse reports every way a response departs from its form: a
// linkId the form lacks or under another parent, an answer of another type
// than its item declares or not among its options, a value out of bounds,
// an answered item that is not enabled, and, for a completed response, a
// required enabled item left empty.
func (f *form) checkResponse(qr fhir.QuestionnaireResponse) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if want := f.q.URL + "|" + f.q.Version; qr.Questionnaire != want {
		bad("questionnaire %q, want %q", qr.Questionnaire, want)
	}
	if qr.Status != "completed" && qr.Status != "in-progress" {
		bad("status %q", qr.Status)
	}
	ans := answers(qr)
	present := map[string]bool{}
	var walk func(items []fhir.ResponseItem, parent string)
	walk = func(items []fhir.ResponseItem, parent string) {
		for _, it := range items {
			present[it.LinkID] = true
			def, ok := f.items[it.LinkID]
			if !ok {
				bad("%s: no such item in the questionnaire", it.LinkID)
				continue
			}
			if f.parent[it.LinkID] != parent {
				bad("%s: under %q, the questionnaire has it under %q", it.LinkID, parent, f.parent[it.LinkID])
			}
			if !f.enabled(it.LinkID, ans) {
				bad("%s: answered, but its enableWhen does not hold", it.LinkID)
			}
			if def.Type == "group" || def.Type == "display" {
				if len(it.Answer) > 0 {
					bad("%s: a %s with answers", it.LinkID, def.Type)
				}
			} else if len(it.Answer) == 0 {
				bad("%s: a question with no answer", it.LinkID)
			}
			if len(it.Answer) > 1 && !def.Repeats {
				bad("%s: %d answers to an item that does not repeat", it.LinkID, len(it.Answer))
			}
			for _, a := range it.Answer {
				if msg := typeMismatch(def, a); msg != "" {
					bad("%s: %s", it.LinkID, msg)
				}
				walk(a.Item, it.LinkID)
			}
			walk(it.Item, it.LinkID)
		}
	}
	walk(qr.Item, "")
	if qr.Status == "completed" {
		for id, it := range f.items {
			if it.Required && !present[id] && f.enabled(id, ans) {
				bad("%s: required and enabled, but empty in a completed response", id)
			}
		}
	}
	return errs
}

// typeMismatch says how an answer differs from what its item declares, or "".
func typeMismatch(def fhir.Item, a fhir.Answer) string {
	set := 0
	for _, b := range []bool{a.ValueCoding != nil, a.ValueDecimal != nil, a.ValueString != nil} {
		if b {
			set++
		}
	}
	if set != 1 {
		return fmt.Sprintf("%d values in one answer", set)
	}
	switch def.Type {
	case "choice":
		if a.ValueCoding == nil {
			return "a choice item answered without valueCoding"
		}
		for _, o := range def.AnswerOption {
			if o.ValueCoding.System == a.ValueCoding.System && o.ValueCoding.Code == a.ValueCoding.Code {
				return ""
			}
		}
		return fmt.Sprintf("%s|%s is not among its answerOption", a.ValueCoding.System, a.ValueCoding.Code)
	case "decimal":
		if a.ValueDecimal == nil {
			return "a decimal item answered without valueDecimal"
		}
		for _, e := range def.Extension {
			if e.URL == "http://hl7.org/fhir/StructureDefinition/minValue" && *a.ValueDecimal < *e.ValueDecimal {
				return fmt.Sprintf("%g is below minValue %g", *a.ValueDecimal, *e.ValueDecimal)
			}
			if e.URL == "http://hl7.org/fhir/StructureDefinition/maxValue" && *a.ValueDecimal > *e.ValueDecimal {
				return fmt.Sprintf("%g is above maxValue %g", *a.ValueDecimal, *e.ValueDecimal)
			}
		}
	case "string", "text":
		if a.ValueString == nil || *a.ValueString == "" {
			return "a " + def.Type + " item answered without a valueString"
		}
	default:
		return "an answer to a " + def.Type + " item"
	}
	return ""
}
