package summary

import (
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// AnswerText states an answer in the pack's words, on one line: option
// labels rather than IDs, "none of these" for an empty list, the items of a
// partly known list still unknown, a number with its unit. Both front ends
// use it, so a review and a screen reader say the same thing. sep joins the
// items of a list.
func AnswerText(p *checklist.Pack, q *checklist.Question, v checklist.Value, sep string) string {
	switch q.Kind {
	case checklist.KindTristate:
		return p.T("answer." + v.Choice)
	case checklist.KindChoice:
		if o := q.Option(v.Choice); o != nil {
			return oneLine(o.Label)
		}
		return v.Choice
	case checklist.KindMulti:
		labels := func(ids []string) string {
			out := make([]string, len(ids))
			for i, id := range ids {
				out[i] = OptionLabel(p, q, id)
			}
			return oneLine(strings.Join(out, sep))
		}
		var s string
		switch {
		case len(v.List) > 0:
			s = labels(v.List)
		case len(v.Unsure) == 0:
			s = p.T("answer.none")
		}
		if len(v.Unsure) > 0 {
			unsure := p.Tf("summary.unsure", "items", labels(v.Unsure))
			if s == "" {
				return unsure
			}
			s += sep + unsure
		}
		return s
	case checklist.KindNumber:
		if q.CircleField == "cost_usd" {
			// Money as the language writes it: "$3,200", "$30-$80".
			return p.NumberWith(v, func(f float64) string { return Money(p, f) })
		}
		s := p.NumberText(v)
		if q.Unit != "" {
			s += " " + q.Unit
		}
		return s
	}
	return textclean.CleanLine(v.Text)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
