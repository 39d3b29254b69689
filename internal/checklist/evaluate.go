package checklist

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Evaluate scores answers against a pack. It is pure and deterministic: the
// same pack and answers always give the same Result.
func Evaluate(p *Pack, a *Answers) Result {
	a, derived := p.derive(a)
	a, ignored := p.effective(a)
	r := Result{
		Ignored:  ignored,
		Derived:  derived,
		Circle:   circleOf(p, a),
		Findings: []Finding{},
		RedFlags: []string{},
		Pack:     PackRef{ID: p.Meta.ID, Version: p.Meta.Version, LastReviewed: p.Meta.LastReviewed},
	}
	coord := Coordinator(a)

	score := p.BaseScore
	verdictCap := VerdictPromising
	flagged := map[string]bool{}
	var ruleAsks []FollowUp
	for _, rule := range p.Rules {
		if !p.holds(&rule.When, a) {
			continue
		}
		score += rule.Points
		r.Findings = append(r.Findings, Finding{
			Rule: rule.ID, Title: rule.Title, Severity: rule.Severity, Points: rule.Points,
			Message: rule.Message, Source: rule.Source, Cap: rule.Cap, RedFlag: rule.RedFlag,
			Headline: cmp.Or(rule.Headline, rule.Title),
		})
		if rule.Cap != "" && rule.Cap.Rank() < verdictCap.Rank() {
			verdictCap = rule.Cap
		}
		if rule.RedFlag != "" {
			flagged[rule.RedFlag] = true
		}
		if rule.Crisis {
			r.Crisis = true
		}
		if rule.Contradicts != "" {
			r.Contradictions = append(r.Contradictions, Contradiction{Rule: rule.ID, Said: rule.Contradicts, Text: rule.Message})
		}
		if rule.Ask != "" {
			ruleAsks = append(ruleAsks, FollowUp{Question: rule.About, Ask: rule.Ask, Why: rule.Message, To: "facilitator", Rule: rule.ID})
		}
	}
	// Red flags are listed in pack order, not in rule order.
	for _, q := range p.Questions {
		if q.RedFlag && flagged[q.ID] {
			r.RedFlags = append(r.RedFlags, q.ID)
		}
	}
	r.Score = min(max(score, 0), 100)
	r.Band = p.band(r.Score)
	// The score takes part only once the three questions are answered:
	// before that, only rules speak (a confirmed red flag says caution or
	// avoid; otherwise the answer is incomplete).
	r.ScoreDecides = !p.coreOpen(a)
	if r.ScoreDecides {
		r.Verdict = r.Band
		if verdictCap.Rank() < r.Verdict.Rank() {
			r.Verdict = verdictCap
		}
	} else {
		r.Verdict = VerdictIncomplete
		if verdictCap.Rank() < r.Verdict.Rank() {
			r.Verdict = verdictCap
		}
	}
	if len(r.RedFlags) > 0 && r.Verdict.Rank() > VerdictAvoid.Rank() && r.Verdict != VerdictCaution {
		// A confirmed red flag is never hidden behind "incomplete", nor
		// called promising, whatever a (custom) pack's caps say.
		r.Verdict = VerdictCaution
	}
	r.VerdictReasons = verdictReasons(p, r)
	r.Completeness, r.Known, r.Asked, r.FollowUps = p.completeness(a, ruleAsks)
	r.Formats = p.fitFormats(a, coord)
	r.Fit = p.circleFit(a, r, coord)
	if r.CrisisQuotes = p.crisisQuotes(a); len(r.CrisisQuotes) > 0 {
		r.Crisis = true
	}
	r.Attending = p.Stay != nil && p.holds(&p.Stay.When, a)
	if r.Attending {
		r.Stay = p.stay(a, &r, coord)
	}
	r.Headline = p.headline(r)
	return r
}

// coreOpen reports whether one of the three questions that apply still has
// no settled answer.
func (p *Pack) coreOpen(a *Answers) bool {
	for _, q := range p.Questions {
		if !q.Core || !p.Applicable(q, a) {
			continue
		}
		if v, ok := a.Get(q.ID); !ok || !settled(q, v) {
			return true
		}
	}
	return false
}

// settled reports whether a core answer is enough for the verdict: known,
// or, for a list with Settles, each of those items known or one of them
// known to be missing (a known gap already decides).
func settled(q *Question, v Value) bool {
	if v.known(q) {
		return true
	}
	if q.Kind != KindMulti || len(q.Settles) == 0 {
		return false
	}
	all := true
	for _, id := range q.Settles {
		switch {
		case slices.Contains(v.Unsure, id):
			all = false
		case !slices.Contains(v.List, id):
			return true
		}
	}
	return all
}

// verdictReasons picks the findings that decide the verdict: every confirmed
// red flag (never hidden), then the rules that cap the verdict where it is,
// or, when the score alone decided, the heaviest concerns.
func verdictReasons(p *Pack, r Result) []Reason {
	out := []Reason{}
	add := func(f Finding) {
		for _, x := range out {
			if x.Rule == f.Rule {
				return
			}
		}
		out = append(out, Reason{Rule: f.Rule, Text: f.Message, Source: f.Source})
	}
	if r.Verdict != VerdictPromising {
		byWeight := slices.Clone(r.Findings)
		slices.SortStableFunc(byWeight, func(x, y Finding) int {
			if c := slices.Index(severities, x.Severity) - slices.Index(severities, y.Severity); c != 0 {
				return c
			}
			return x.Points - y.Points
		})
		for _, f := range byWeight {
			if f.RedFlag != "" {
				add(f)
			}
		}
		for _, f := range byWeight {
			if f.Cap == r.Verdict {
				add(f)
			}
		}
		if len(out) == 0 {
			for _, f := range byWeight {
				if f.Points < 0 {
					add(f)
				}
			}
		}
	}
	// Rules the pack always names (a seller-run group) come after the
	// decisive ones, whatever the verdict.
	for _, rule := range p.Rules {
		if !rule.Named {
			continue
		}
		for _, f := range r.Findings {
			if f.Rule == rule.ID {
				add(f)
			}
		}
	}
	return out
}

// effective drops answers to questions that do not apply (a leave-sign
// answered before the user switched stage back to "before joining", say), so
// they neither score nor count, and says which it dropped and why.
func (p *Pack) effective(a *Answers) (*Answers, []Ignored) {
	ignored := []Ignored{}
	if a == nil {
		return NewAnswers(), ignored
	}
	var e *Answers
	// Until nothing changes: an answer dropped here can be what made
	// another question apply (medicine sessions "yes" asks about medical
	// backup, but not when medicine sessions itself does not apply).
	for cur, changed := a, true; changed; {
		changed = false
		for _, q := range p.Questions {
			if _, ok := cur.Values[q.ID]; !ok || p.Applicable(q, cur) {
				continue
			}
			cond := q.When
			if s := p.Section(q.Section); s != nil && s.When != nil && !p.holds(s.When, cur) {
				cond = s.When
			}
			ignored = append(ignored, Ignored{Question: q.ID, When: p.Describe(cond, nil)})
			if e == nil {
				e = &Answers{Version: a.Version, Values: make(map[string]Value, len(a.Values)), Notes: a.Notes}
				for k, v := range a.Values {
					e.Values[k] = v
				}
				cur = e
			}
			delete(e.Values, q.ID)
			changed = true
		}
	}
	if e == nil {
		return a, ignored
	}
	return e, ignored
}

// band returns the verdict for a score; bands are sorted by Min, ascending.
func (p *Pack) band(score int) Verdict {
	v := VerdictAvoid
	for _, b := range p.Bands {
		if score >= b.Min {
			v = b.Verdict
		}
	}
	return v
}

// Applicable reports whether a question is asked at all for these answers
// (a section or question may apply only to, say, people already attending).
func (p *Pack) Applicable(q *Question, a *Answers) bool {
	if s := p.Section(q.Section); s != nil && s.When != nil && !p.holds(s.When, a) {
		return false
	}
	return q.When == nil || p.holds(q.When, a)
}

// completeness returns the share of applicable, counted questions with a
// settled answer, and a follow-up for every one without.
func (p *Pack) completeness(a *Answers, ruleAsks []FollowUp) (pct, done, total int, _ []FollowUp) {
	var core, lookFor, flags, first, rest []FollowUp
	var looks []string
	if v, ok := a.Get("circle-format"); ok {
		if f := p.Format(v.Choice); f != nil {
			looks = f.LookFor
		}
	}
	for _, q := range p.Questions {
		if !p.Applicable(q, a) || (q.Optional && !q.First) {
			continue
		}
		v, ok := a.Get(q.ID)
		known := ok && v.known(q)
		if !q.Optional {
			total++
			if known {
				done++
			}
		}
		if known || q.Say == "" {
			continue
		}
		f := FollowUp{Question: q.ID, Ask: q.SayFor(a), Why: q.Why, To: q.Ask}
		if ok && q.Kind == KindMulti {
			f.Unsure = slices.Clone(v.Unsure)
		}
		switch {
		case q.Core:
			core = append(core, f)
		case slices.Contains(looks, q.ID):
			lookFor = append(lookFor, f)
		case q.RedFlag && !q.Optional:
			flags = append(flags, f)
		case q.First:
			first = append(first, f)
		default:
			rest = append(rest, f)
		}
	}
	pct = 100
	if total > 0 {
		pct = done * 100 / total
	}
	// A question asked first (acute distress) leads the questions to the
	// same person; the others keep pack order.
	out := make([]FollowUp, 0, len(core)+len(lookFor)+len(flags)+len(first)+len(rest)+len(ruleAsks))
	out = append(out, core...)
	out = append(out, ruleAsks...)
	out = append(out, lookFor...)
	out = append(out, flags...)
	out = append(out, first...)
	out = append(out, rest...)
	return pct, done, total, out
}

// headline writes one plain sentence per answer, naming its decisive
// reasons in the pack's words.
func (p *Pack) headline(r Result) Headline {
	var h Headline
	var phrases []string
	for _, reason := range r.VerdictReasons {
		for _, f := range r.Findings {
			if f.Rule == reason.Rule {
				phrases = append(phrases, f.Headline)
			}
		}
	}
	if len(phrases) > maxHeadlineReasons {
		phrases = append(phrases[:maxHeadlineReasons], p.Tf("headline.more", "n", strconv.Itoa(len(phrases)-maxHeadlineReasons)))
	}
	if r.Verdict == VerdictPromising {
		// Reasons the pack always names do not explain a promising verdict.
		phrases = nil
	}
	if len(phrases) == 0 {
		key := "headline.reasons." + string(r.Verdict)
		// A format may word the default reasons its own way (an informal
		// group has no facilitator to have answered anything).
		if _, ok := p.Text[key+"."+r.Circle.Format]; ok && r.Circle.Format != "" {
			key += "." + r.Circle.Format
		}
		phrases = []string{p.T(key)}
	}
	h.Verdict = p.Tf("headline.verdict."+string(r.Verdict), "reasons", strings.Join(phrases, p.T("headline.join")))
	if r.Fit != nil {
		reason := p.T("headline.reasons.fit")
		if len(r.Fit.Reasons) > 0 {
			reason = r.Fit.Reasons[0].Text
		} else if f := p.Format(r.Circle.Format); f != nil && f.FitsWho != "" {
			reason = f.FitsWho
		}
		key := "headline.fit." + string(r.Fit.Value)
		if r.Fit.FormatOnly {
			// This circle is not safe: the fit speaks of its kind only.
			key = "headline.fit-format." + string(r.Fit.Value)
		}
		h.Fit = p.Tf(key, "reason", reason)
	}
	if r.Stay != nil {
		reason := p.T("headline.reasons.stay")
		if len(r.Stay.Reasons) > 0 {
			reason = r.Stay.Reasons[0].Text
		}
		h.Stay = p.Tf("headline.stay."+string(r.Stay.Value), "reason", reason)
	}
	return h
}

// circleOf copies the circle's facts out of the answers by circle_field.
func circleOf(p *Pack, a *Answers) Circle {
	var c Circle
	for _, q := range p.Questions {
		if q.CircleField == "" {
			continue
		}
		v, ok := a.Get(q.ID)
		if !ok {
			continue
		}
		n := v.Number
		switch q.CircleField {
		case "name":
			c.Name = v.Text
		case "format":
			c.Format = v.Choice
		case "facilitator":
			c.Facilitator = v.Text
		case "participants":
			c.Participants, c.ParticipantsMax = &n, v.Upper
		case "minutes":
			c.Minutes, c.MinutesMax = &n, v.Upper
		case "cost_usd":
			c.CostUSD, c.CostUSDMax = &n, v.Upper
		case "setting":
			c.Setting = v.Choice
		}
	}
	return c
}

// CircleFields lists the keys allowed in an answers file's circle block.
var CircleFields = []string{"name", "format", "facilitator", "participants", "minutes", "cost_usd", "setting"}
