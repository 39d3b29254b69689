package report

import (
	"strconv"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// VerdictWord is the verdict's one word, as the pack spells it.
func VerdictWord(p *checklist.Pack, v checklist.Verdict) string {
	return p.T("verdict-word." + string(v))
}

// FitWord is a fit as the pack says it ("possible fit").
func FitWord(p *checklist.Pack, f checklist.Fit) string { return p.T("fit." + string(f)) }

// StayWord is a stay answer as the pack says it ("consider leaving").
func StayWord(p *checklist.Pack, s checklist.StayValue) string { return p.T("stay." + string(s)) }

// VerdictSymbol states a verdict in a symbol, so colour is never alone.
func VerdictSymbol(v checklist.Verdict) string {
	return map[checklist.Verdict]string{
		checklist.VerdictPromising:  "✔",
		checklist.VerdictCaution:    "⚠",
		checklist.VerdictAvoid:      "✘",
		checklist.VerdictIncomplete: "…",
	}[v]
}

// StaySymbol is a stay answer's symbol.
func StaySymbol(v checklist.StayValue) string {
	return map[checklist.StayValue]string{
		checklist.StayStay: "✔", checklist.StayWatch: "◐", checklist.StayLeave: "✘",
	}[v]
}

// FitSymbol is a fit's symbol.
func FitSymbol(f checklist.Fit) string {
	return map[checklist.Fit]string{
		checklist.FitGood: "●", checklist.FitPossible: "◐", checklist.FitNotNow: "◌", checklist.FitPoor: "○",
		checklist.FitUnknown: "?",
	}[f]
}

// OptionLabel is an option's label as the pack words it; tristate answers
// use the pack's yes, no and unknown.
func OptionLabel(p *checklist.Pack, q *checklist.Question, id string) string {
	if q.Kind == checklist.KindTristate {
		return p.T("answer." + id)
	}
	if o := q.Option(id); o != nil {
		return o.Label
	}
	return id
}

// Range writes a number, or a range's two ends ("6-10"): a range is never
// cut to its low end.
func Range(lo, hi *float64) string {
	if lo == nil {
		return ""
	}
	s := strconv.FormatFloat(*lo, 'f', -1, 64)
	if hi != nil {
		s += "-" + strconv.FormatFloat(*hi, 'f', -1, 64)
	}
	return s
}
