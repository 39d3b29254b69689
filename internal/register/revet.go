package register

import (
	"slices"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Revet is one reason a circle is due a re-vet, and from when. A vetting
// is due again when a year has passed since the call or visit (the date
// of the vetting, never the date it was kept), or when a rule it touches
// changed after it: a rule whose changed: date is later than the vetting
// and which asks about, confirms or contradicts a question the vetting
// answered (checklist.RulesChangedSince). A rules review that changed
// nothing this vetting answered makes nothing due.
type Revet struct {
	// Reason is "year" (a year since the vetting), "rules" (a rule it
	// touches changed since) or "undated" (no date of the vetting reads).
	Reason string `json:"reason"`
	// Since is the day the re-vet fell due, YYYY-MM-DD: a year after the
	// vetting, or the day of the latest rule change; "" when undated.
	Since string `json:"since"`
	// Vetted is the vetting's date, YYYY-MM-DD ("" when undated).
	Vetted string `json:"vetted"`
	// Rules are the changed rules' IDs (reason "rules").
	Rules []string `json:"rules,omitempty"`
	// Words say it in the pack's language, as circles shows it.
	Words string `json:"words"`
}

// RevetDue is every reason the vetting a, made on vetted (zero when no
// date reads), is due again at now, under the pack p; none when it is not.
func RevetDue(p *checklist.Pack, a *checklist.Answers, vetted, now time.Time) []Revet {
	out := revetByDate(p, vetted, now)
	if r := revetByRules(p, a, vetted); r != nil {
		out = append(out, *r)
	}
	return out
}

// revetByDate is the year's reason (or the undated one), which depends on
// today; the rules' reason does not, and is kept in the listing cache.
func revetByDate(p *checklist.Pack, vetted, now time.Time) []Revet {
	if vetted.IsZero() {
		return []Revet{{Reason: "undated", Words: p.T("circles.revet-undated")}}
	}
	due := vetted.AddDate(1, 0, 0)
	if due.After(now) {
		return nil
	}
	on := vetted.Format(time.DateOnly)
	return []Revet{{Reason: "year", Since: due.Format(time.DateOnly), Vetted: on, Words: p.Tf("circles.revet-year", "date", on)}}
}

func revetByRules(p *checklist.Pack, a *checklist.Answers, vetted time.Time) *Revet {
	if vetted.IsZero() {
		return nil // already due, undated
	}
	ids, latest := p.RulesChangedSince(a, vetted)
	if len(ids) == 0 {
		return nil
	}
	since := latest.Format(time.DateOnly)
	return &Revet{Reason: "rules", Since: since, Vetted: vetted.Format(time.DateOnly), Rules: ids,
		Words: p.Tf("circles.revet-rules", "date", since, "rules", strings.Join(ids, ", "))}
}

// refreshRevet brings a cached entry's reasons up to today: the year's is
// worked out again, the rules' (which only the vetting and the pack
// decide, and the cache is per pack) is kept.
func refreshRevet(p *checklist.Pack, e *Entry, now time.Time) {
	if e.File == "" {
		// No vetting reads: nothing to re-vet (check-ins only).
		e.Revet, e.RevetDue = []Revet{}, false
		return
	}
	var vetted time.Time
	if e.Vetted != nil {
		vetted = *e.Vetted
	}
	rules := slices.DeleteFunc(slices.Clone(e.Revet), func(r Revet) bool { return r.Reason != "rules" })
	e.Revet = append(append([]Revet{}, revetByDate(p, vetted, now)...), rules...)
	e.RevetDue = len(e.Revet) > 0
}
