package ui

import (
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// formatValue states an answer in the pack's words: option labels rather
// than IDs, "none of these" for an empty list, a number with its unit.
func formatValue(p *checklist.Pack, q *checklist.Question, v checklist.Value) string {
	switch q.Kind {
	case checklist.KindTristate:
		return p.T("answer." + v.Choice)
	case checklist.KindChoice:
		if o := q.Option(v.Choice); o != nil {
			return o.Label
		}
		return v.Choice
	case checklist.KindMulti:
		if len(v.List) == 0 {
			return p.T("answer.none")
		}
		labels := make([]string, 0, len(v.List))
		for _, id := range v.List {
			if o := q.Option(id); o != nil {
				labels = append(labels, o.Label)
			} else {
				labels = append(labels, id)
			}
		}
		return strings.Join(labels, ", ")
	case checklist.KindNumber:
		s := strconv.FormatFloat(v.Number, 'f', -1, 64)
		if q.Unit != "" {
			s += " " + q.Unit
		}
		return s
	}
	return textclean.CleanLine(v.Text)
}
