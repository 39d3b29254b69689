package checklist

import (
	"cmp"
	"slices"
	"strings"
)

// stay checks the block that answers "should I stay?".
func (v *validator) stay() {
	s := v.p.Stay
	if s == nil {
		return
	}
	v.condRoot(&s.When, s.Pos, "stay")
	if s.Base.Rank() < 0 {
		v.l.add(s.Pos, "use stay, watch or leave", "stay base %q is not valid", s.Base)
	}
	for _, r := range s.Rules {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "stay rule "+r.ID+" reason", r.Reason)
		v.need(r.Pos, "stay rule "+r.ID+" source", r.Source)
		if r.Stay.Rank() < 0 {
			v.l.add(r.Pos, "use stay, watch or leave", "stay rule %s: %q is not valid", r.ID, r.Stay)
		}
		v.condRoot(&r.When, r.Pos, "stay rule "+r.ID)
	}
	if h := s.History; h != nil {
		if h.Last < 1 || h.Worse < 1 || h.Worse > h.Last {
			v.l.add(h.Pos, "give last: N and worse: M with 1 <= M <= N, such as last: 4, worse: 3", "stay history: worse %d of last %d cannot be judged", h.Worse, h.Last)
		}
		rules := []struct {
			name string
			r    *HistoryRule
		}{{"trend", &h.Trend}, {"one_bad", &h.OneBad}}
		switch {
		case h.JudgeAfterDays < 0:
			v.l.add(h.Pos, "give a number of days such as 90, or leave judge_after_days out", "stay history: judge_after_days %d is negative", h.JudgeAfterDays)
		case h.JudgeAfterDays > 0:
			rules = append(rules, struct {
				name string
				r    *HistoryRule
			}{"judge", &h.Judge})
		}
		for _, id := range h.JudgeReplaces {
			if !slices.ContainsFunc(s.Rules, func(r *StayRule) bool { return r.ID == id }) {
				v.l.add(h.Pos, "name a rule under stay: rules:", "stay history: judge_replaces %q is not a stay rule", id)
			}
		}
		for _, hr := range rules {
			name, r := hr.name, hr.r
			at := cmp.Or(r.Pos, h.Pos)
			v.ruleID(at, r.ID)
			v.need(at, "stay history "+name+" reason", r.Reason)
			v.need(at, "stay history "+name+" source", r.Source)
		}
	}
	for _, r := range s.Verdicts {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "stay verdict "+r.ID+" reason", r.Reason)
		v.need(r.Pos, "stay verdict "+r.ID+" source", r.Source)
		if r.Verdict.Rank() < 0 {
			v.l.add(r.Pos, "use promising, caution, incomplete or avoid", "stay verdict %s: verdict %q is not valid", r.ID, r.Verdict)
		}
		if r.Stay.Rank() < 0 {
			v.l.add(r.Pos, "use stay, watch or leave", "stay verdict %s: %q is not valid", r.ID, r.Stay)
		}
	}
}

// sources checks every citation against the guide's headings, which the
// pack lists, so a reader can find the passage a rule comes from.
func (v *validator) sources() {
	g := v.p.Meta.Guide
	if v.p.Meta.Pos.File == "" {
		return
	}
	if len(g.Headings) == 0 {
		v.l.add(v.p.Meta.Pos, "list the guide's section headings under guide: headings:", "the pack lists no guide headings to check its sources against")
		return
	}
	check := func(at Pos, owner, src string) {
		if src == "" || slices.Contains(g.Headings, src) || slices.Contains(g.Sources, src) || (g.Addition != "" && src == g.Addition) {
			return
		}
		v.l.add(at, "cite one of guide.headings (or guide.sources for a named second source, or guide.addition for the pack's own additions)", "%s cites %q, which is not a heading of the guide nor a source the pack names", owner, src)
	}
	for _, s := range v.p.Sections {
		check(s.Pos, "section "+s.ID, s.Source)
	}
	for _, q := range v.p.Questions {
		check(q.Pos, "question "+q.ID, q.Source)
	}
	for _, r := range v.p.Rules {
		check(r.Pos, "rule "+r.ID, r.Source)
	}
	for _, f := range v.p.Formats {
		check(f.Pos, "format "+f.ID, f.Source)
		for _, r := range f.Rules {
			check(r.Pos, "fit rule "+r.ID, r.Source)
		}
	}
	for _, r := range v.p.CircleFit {
		check(r.Pos, "circle fit rule "+r.ID, r.Source)
	}
	for _, d := range v.p.Derived {
		check(d.Pos, "derivation "+d.ID, d.Source)
	}
	if s := v.p.Stay; s != nil {
		for _, r := range s.Rules {
			check(r.Pos, "stay rule "+r.ID, r.Source)
		}
		for _, r := range s.Verdicts {
			check(r.Pos, "stay verdict "+r.ID, r.Source)
		}
		if h := s.History; h != nil {
			check(h.Trend.Pos, "stay history "+h.Trend.ID, h.Trend.Source)
			check(h.OneBad.Pos, "stay history "+h.OneBad.ID, h.OneBad.Source)
			if h.JudgeAfterDays > 0 {
				check(h.Judge.Pos, "stay history "+h.Judge.ID, h.Judge.Source)
			}
		}
	}
}

// bands checks that every band can be reached: scores within 0..100 and
// within what the rules can add, rising verdicts for rising scores.
func (v *validator) bands(bands []*Band) {
	if len(bands) == 0 {
		if v.p.Meta.Pos.File != "" {
			v.l.add(v.p.Meta.Pos, "add scoring: bands:", "no verdict bands defined")
		}
		return
	}
	maxScore := v.p.BaseScore
	for _, r := range v.p.Rules {
		if r.Points > 0 {
			maxScore += r.Points
		}
	}
	maxScore = min(maxScore, 100)
	sorted := slices.Clone(bands)
	slices.SortStableFunc(sorted, func(a, b *Band) int { return a.Min - b.Min })
	seen := map[Verdict]bool{}
	for i, b := range sorted {
		switch {
		case b.Verdict.Rank() < 0 || b.Verdict == VerdictIncomplete:
			v.l.add(b.Pos, "bands give promising, caution or avoid; incomplete comes from unanswered questions", "band verdict %q is not valid", b.Verdict)
		case seen[b.Verdict]:
			v.l.add(b.Pos, "give each verdict one band", "band %s given twice", b.Verdict)
		}
		seen[b.Verdict] = true
		if b.Min < 0 || b.Min > 100 {
			v.l.add(b.Pos, "scores run from 0 to 100", "band %s min %d is out of range", b.Verdict, b.Min)
		} else if b.Min > maxScore {
			v.l.add(b.Pos, "lower min, or add strengths", "band %s cannot be reached: the highest possible score is %d", b.Verdict, maxScore)
		}
		if i > 0 {
			prev := sorted[i-1]
			if prev.Min == b.Min {
				v.l.add(b.Pos, "give each band its own min", "band %s cannot be reached: band %s has the same min %d", b.Verdict, prev.Verdict, b.Min)
			}
			if b.Verdict.Rank() <= prev.Verdict.Rank() {
				v.l.add(b.Pos, "higher scores must give better verdicts", "band %s (min %d) is not better than band %s (min %d)", b.Verdict, b.Min, prev.Verdict, prev.Min)
			}
		}
	}
	v.p.Bands = make([]Band, len(sorted))
	for i, b := range sorted {
		v.p.Bands[i] = *b
	}
}

func (v *validator) text(label string) {
	var missing []string
	for _, k := range TextKeys {
		if strings.TrimSpace(v.p.Text[k]) == "" {
			missing = append(missing, k)
		}
	}
	switch {
	case len(missing) == 0:
	case len(missing) <= 3:
		for _, k := range missing {
			v.l.add(Pos{File: label}, "add it under text:", "text %q is missing", k)
		}
	default:
		v.l.add(Pos{File: label}, "copy rules/text.yaml from the built-in pack and translate it",
			"%d of the %d required text entries are missing: %s", len(missing), len(TextKeys), strings.Join(missing, ", "))
	}
}
