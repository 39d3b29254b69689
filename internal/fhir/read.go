package fhir

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// maxDepth bounds how deep items may nest: the pack's own form is at most
// four deep (section, question, option or range, answer).
const maxDepth = 8

// ReadResponse reads a QuestionnaireResponse written for this pack's
// Questionnaire (any version of it: IDs are never renamed) back into
// answers: the answers the result was computed on, a derived answer as it
// was derived (its source may be an answer the response could not hold),
// so scoring them again gives the same verdict, fit, stay and red flags. Fields vetcircle does not write (id, meta, subject, ...) are
// ignored; an item or value the pack does not know is an error naming
// where it is, and what the item expects.
func ReadResponse(p *checklist.Pack, data []byte) (*checklist.Answers, error) {
	var qr QuestionnaireResponse
	if err := json.Unmarshal(data, &qr); err != nil {
		return nil, fmt.Errorf("not a FHIR JSON resource: %w", err)
	}
	if qr.ResourceType != "QuestionnaireResponse" {
		return nil, fmt.Errorf("resourceType is %q; expected QuestionnaireResponse", qr.ResourceType)
	}
	if url, _, _ := strings.Cut(qr.Questionnaire, "|"); url != URL(p) {
		return nil, fmt.Errorf("questionnaire is %q; these rules read responses to %s", qr.Questionnaire, URL(p))
	}
	a := checklist.NewAnswers()
	if qr.Authored != "" {
		// A dateTime: its date part is the date of the call or visit.
		day := qr.Authored[:min(len(qr.Authored), 10)]
		if _, err := time.Parse("2006-01-02", day); err != nil {
			return nil, fmt.Errorf("authored %q: expected a date, YYYY-MM-DD", qr.Authored)
		}
		a.Vetted.On = day
	}
	if qr.Author != nil {
		a.Vetted.By = clean(qr.Author.Display)
	}
	for _, e := range qr.Extension {
		if e.URL == ExtVettedSource && e.ValueCode != nil {
			if !slices.Contains(checklist.Sources, *e.ValueCode) {
				return nil, fmt.Errorf("extension %s: %q; expected one of %s", ExtVettedSource, *e.ValueCode, strings.Join(checklist.Sources, ", "))
			}
			a.Vetted.Source = *e.ValueCode
		}
	}
	r := reader{p: p, a: a, seen: map[string]bool{}}
	r.items(qr.Item, "item", 0)
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return a, nil
}

type reader struct {
	p    *checklist.Pack
	a    *checklist.Answers
	seen map[string]bool
	errs []error
}

// maxErrors keeps a broken file's report readable.
const maxErrors = 10

func (r *reader) fail(path, linkID, format string, args ...any) {
	if len(r.errs) < maxErrors {
		r.errs = append(r.errs, fmt.Errorf("%s (linkId %q): %s", path, linkID, fmt.Sprintf(format, args...)))
	}
}

func (r *reader) items(items []ResponseItem, path string, depth int) {
	for i, it := range items {
		r.item(it, fmt.Sprintf("%s[%d]", path, i), depth)
	}
}

func (r *reader) item(it ResponseItem, path string, depth int) {
	if depth > maxDepth {
		r.fail(path, it.LinkID, "items nest deeper than this questionnaire does")
		return
	}
	if r.seen[it.LinkID] {
		r.fail(path, it.LinkID, "answered twice; an item appears once")
		return
	}
	r.seen[it.LinkID] = true
	switch {
	case it.LinkID == notesLinkID || strings.HasPrefix(it.LinkID, sectionPrefix):
		if len(it.Answer) > 0 {
			r.fail(path, it.LinkID, "a group has items, not answers")
		}
		r.items(it.Item, path+".item", depth+1)
		return
	case strings.HasPrefix(it.LinkID, notePrefix):
		id := strings.TrimPrefix(it.LinkID, notePrefix)
		if r.p.Question(id) == nil {
			r.fail(path, it.LinkID, "a note for a question these rules do not have")
			return
		}
		if s, ok := r.text(it, path); ok {
			r.a.SetNote(id, s)
		}
		return
	}
	q := r.p.Question(it.LinkID)
	if q == nil {
		r.fail(path, it.LinkID, "not an item of %s", URL(r.p))
		return
	}
	if q.Kind == checklist.KindMulti {
		r.multi(q, it, path)
		return
	}
	if len(it.Item) > 0 {
		r.fail(path, it.LinkID, "a question's nested items go under its answer")
		return
	}
	ans, ok := r.one(it, path)
	if !ok {
		return
	}
	switch q.Kind {
	case checklist.KindChoice:
		if ans.ValueCoding == nil || ans.ValueCoding.System != AnswerSystem(r.p, q) || q.Option(ans.ValueCoding.Code) == nil {
			r.fail(path, it.LinkID, "expected valueCoding in %s, one of %s", AnswerSystem(r.p, q), strings.Join(q.OptionIDs(), ", "))
			return
		}
		r.a.Set(q.ID, checklist.Value{Choice: ans.ValueCoding.Code})
	case checklist.KindTristate:
		v := tristateValue(ans.ValueCoding)
		if v == "" {
			r.fail(path, it.LinkID, "expected valueCoding %s Y or N, or %s asked-unknown", systemYesNo, systemAbsent)
			return
		}
		r.a.Set(q.ID, checklist.Value{Choice: v})
	case checklist.KindNumber:
		n, ok := r.decimal(q, ans, it.LinkID, path)
		if !ok {
			return
		}
		v := checklist.Value{Number: n}
		for _, e := range ans.Extension {
			if e.URL == ExtApproximate && e.ValueBoolean != nil {
				v.Approx = *e.ValueBoolean
			}
		}
		for j, sub := range ans.Item {
			subPath := fmt.Sprintf("%s.answer[0].item[%d]", path, j)
			if sub.LinkID != q.ID+upperSuffix || len(ans.Item) > 1 {
				r.fail(subPath, sub.LinkID, "the only item under a number's answer is %s", q.ID+upperSuffix)
				return
			}
			ua, ok := r.one(sub, subPath)
			if !ok {
				return
			}
			u, ok := r.decimal(q, ua, sub.LinkID, subPath)
			if !ok {
				return
			}
			if u < n {
				r.fail(subPath, sub.LinkID, "a range's upper end (%g) is below its lower end (%g)", u, n)
				return
			}
			v.Upper = &u
		}
		r.a.Set(q.ID, v)
	case checklist.KindText:
		if s, ok := r.text(it, path); ok {
			r.a.Set(q.ID, checklist.Value{Text: s})
		}
	}
}

// one is an item's only answer, with nothing nested unless a number's.
func (r *reader) one(it ResponseItem, path string) (Answer, bool) {
	if len(it.Answer) != 1 {
		r.fail(path, it.LinkID, "expected one answer, found %d", len(it.Answer))
		return Answer{}, false
	}
	return it.Answer[0], true
}

func (r *reader) decimal(q *checklist.Question, ans Answer, linkID, path string) (float64, bool) {
	if ans.ValueDecimal == nil || ans.ValueCoding != nil || ans.ValueString != nil {
		r.fail(path, linkID, "expected valueDecimal")
		return 0, false
	}
	n := *ans.ValueDecimal
	if (q.Min != nil && n < *q.Min) || (q.Max != nil && n > *q.Max) {
		r.fail(path, linkID, "%g is outside %s..%s", n, bound(q.Min), bound(q.Max))
		return 0, false
	}
	return n, true
}

func bound(f *float64) string {
	if f == nil {
		return ""
	}
	return fmt.Sprint(*f)
}

func (r *reader) text(it ResponseItem, path string) (string, bool) {
	ans, ok := r.one(it, path)
	if !ok {
		return "", false
	}
	if ans.ValueString == nil || ans.ValueCoding != nil || ans.ValueDecimal != nil || len(ans.Item) > 0 {
		r.fail(path, it.LinkID, "expected valueString")
		return "", false
	}
	s := clean(*ans.ValueString)
	if len(s) > checklist.MaxTextLen {
		r.fail(path, it.LinkID, "%d bytes, over the %d limit", len(s), checklist.MaxTextLen)
		return "", false
	}
	return s, true
}

// clean keeps a response's text from carrying escape sequences to a
// terminal, as an answers file's text is kept.
func clean(s string) string { return textclean.Clean(s) }

// multi reads a list question's per-option yes/no/unknown items.
func (r *reader) multi(q *checklist.Question, it ResponseItem, path string) {
	if len(it.Answer) > 0 {
		r.fail(path, it.LinkID, "a list question's options are items, each answered yes, no or unknown")
		return
	}
	state := map[string]string{}
	for j, sub := range it.Item {
		subPath := fmt.Sprintf("%s.item[%d]", path, j)
		id, ok := strings.CutPrefix(sub.LinkID, q.ID+":")
		if !ok || q.Option(id) == nil {
			r.fail(subPath, sub.LinkID, "not an option of %s; options: %s", q.ID, strings.Join(q.OptionIDs(), ", "))
			return
		}
		if _, dup := state[id]; dup {
			r.fail(subPath, sub.LinkID, "answered twice; an item appears once")
			return
		}
		ans, ok := r.one(sub, subPath)
		if !ok {
			return
		}
		v := tristateValue(ans.ValueCoding)
		if v == "" || len(ans.Item) > 0 {
			r.fail(subPath, sub.LinkID, "expected valueCoding %s Y or N, or %s asked-unknown", systemYesNo, systemAbsent)
			return
		}
		state[id] = v
	}
	// An option the response leaves out is not known yet, as in an
	// answers file's mapping form.
	val := checklist.Value{List: []string{}}
	for _, o := range q.Options {
		switch state[o.ID] {
		case checklist.Yes:
			val.List = append(val.List, o.ID)
		case checklist.No:
		default:
			val.Unsure = append(val.Unsure, o.ID)
		}
	}
	r.a.Set(q.ID, val)
}
