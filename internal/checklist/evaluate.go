package checklist

import (
	"slices"
	"strconv"
)

// Result is the scored outcome for one circle. Every point in Score is the sum
// of BaseScore and the Points of Findings, clamped to 0..100.
type Result struct {
	Circle       Circle      `json:"circle"`
	Verdict      Verdict     `json:"verdict"`
	Score        int         `json:"score"`
	Completeness int         `json:"completeness"`
	Findings     []Finding   `json:"findings"`
	RedFlags     []string    `json:"red_flags"`
	FollowUps    []FollowUp  `json:"follow_ups"`
	Formats      []FormatFit `json:"formats"`
	// Ignored lists answers that were given but not counted, because the
	// question does not apply to these answers (a leave sign without
	// stage: attending, say). They are named, never dropped in silence.
	Ignored []Ignored `json:"ignored"`
	// Crisis is true when a fired rule mentions distress.
	Crisis bool `json:"crisis"`
	// Pack identifies the rules that produced this result.
	Pack PackRef `json:"pack"`
}

// PackRef names a pack version in results.
type PackRef struct {
	ID           string `json:"id"`
	Version      string `json:"version"`
	LastReviewed string `json:"last_reviewed"`
}

// Circle is the circle's basic facts, copied out of the answers.
type Circle struct {
	Name         string   `json:"name,omitempty"`
	Format       string   `json:"format,omitempty"`
	Facilitator  string   `json:"facilitator,omitempty"`
	Participants *float64 `json:"participants,omitempty"`
	Minutes      *float64 `json:"minutes,omitempty"`
	CostUSD      *float64 `json:"cost_usd,omitempty"`
	Setting      string   `json:"setting,omitempty"`
}

// Finding is one fired rule, with every point it moved.
type Finding struct {
	Rule     string   `json:"rule"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	Points   int      `json:"points"`
	Message  string   `json:"message"`
	Source   string   `json:"source"`
	Cap      Verdict  `json:"cap,omitempty"`
}

// FollowUp is something still to find out, in the words to ask it.
type FollowUp struct {
	Question string `json:"question"`
	Ask      string `json:"ask"`
	Why      string `json:"why"`
	// To is who to ask: "facilitator" or "self".
	To string `json:"to"`
	// Rule is set when a fired rule asked for this follow-up.
	Rule string `json:"rule,omitempty"`
}

// FormatFit is how one format suits this person, and why.
type FormatFit struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Fit     Fit      `json:"fit"`
	Reasons []Reason `json:"reasons"`
}

// Ignored is an answer that was not counted, and the condition under which
// its question is asked.
type Ignored struct {
	Question string `json:"question"`
	// When is the condition, in the pack's vocabulary ("stage is attending").
	When string `json:"when"`
}

// Reason is one fit rule that moved a format, traced to its rule and source.
type Reason struct {
	Rule   string `json:"rule"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// Evaluate scores answers against a pack. It is pure and deterministic: the
// same pack and answers always give the same Result.
func Evaluate(p *Pack, a *Answers) Result {
	a, ignored := p.effective(a)
	r := Result{
		Ignored:  ignored,
		Circle:   circleOf(p, a),
		Findings: []Finding{},
		RedFlags: []string{},
		Pack:     PackRef{ID: p.Meta.ID, Version: p.Meta.Version, LastReviewed: p.Meta.LastReviewed},
	}

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
			Message: rule.Message, Source: rule.Source, Cap: rule.Cap,
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
	r.Verdict = p.band(r.Score)
	if verdictCap.Rank() < r.Verdict.Rank() {
		r.Verdict = verdictCap
	}
	// Missing core answers outrank a low score: only a rule (a confirmed red
	// flag) can call a circle "avoid" before the three questions are answered.
	if verdictCap == VerdictIncomplete && r.Verdict == VerdictAvoid {
		r.Verdict = VerdictIncomplete
	}
	r.Completeness, r.FollowUps = p.completeness(a, ruleAsks)
	r.Formats = p.fitFormats(a)
	return r
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
	for _, q := range p.Questions {
		if _, ok := a.Values[q.ID]; !ok || p.Applicable(q, a) {
			continue
		}
		cond := q.When
		if s := p.Section(q.Section); s != nil && s.When != nil && !p.holds(s.When, a) {
			cond = s.When
		}
		ignored = append(ignored, Ignored{Question: q.ID, When: DescribeCondition(cond, nil)})
		if e == nil {
			e = &Answers{Version: a.Version, Values: make(map[string]Value, len(a.Values)), Notes: a.Notes}
			for k, v := range a.Values {
				e.Values[k] = v
			}
		}
		delete(e.Values, q.ID)
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
func (p *Pack) completeness(a *Answers, ruleAsks []FollowUp) (int, []FollowUp) {
	total, done := 0, 0
	var core, flags, rest []FollowUp
	for _, q := range p.Questions {
		if q.Optional || !p.Applicable(q, a) {
			continue
		}
		total++
		v, ok := a.Get(q.ID)
		if ok && v.known(q) {
			done++
			continue
		}
		if q.Say == "" {
			continue
		}
		f := FollowUp{Question: q.ID, Ask: q.SayFor(a), Why: q.Why, To: q.Ask}
		switch {
		case q.Core:
			core = append(core, f)
		case q.RedFlag:
			flags = append(flags, f)
		default:
			rest = append(rest, f)
		}
	}
	pct := 100
	if total > 0 {
		pct = done * 100 / total
	}
	out := make([]FollowUp, 0, len(core)+len(flags)+len(rest)+len(ruleAsks))
	out = append(out, core...)
	out = append(out, ruleAsks...)
	out = append(out, flags...)
	out = append(out, rest...)
	return pct, out
}

// fitFormats ranks every format for this person. A format starts at its base
// fit. Cautions dominate: a fired rule rating the format at or below base
// caps it at the worst such rating; otherwise the best fired rating wins.
func (p *Pack) fitFormats(a *Answers) []FormatFit {
	out := make([]FormatFit, 0, len(p.Formats))
	for _, f := range p.Formats {
		ff := FormatFit{ID: f.ID, Name: f.Name, Fit: f.Base, Reasons: []Reason{}}
		var worst, best Fit
		for _, fr := range f.Rules {
			if !p.holds(&fr.When, a) {
				continue
			}
			ff.Reasons = append(ff.Reasons, Reason{Rule: fr.ID, Text: fr.Reason, Source: fr.Source})
			if fr.Fit.Rank() <= f.Base.Rank() && (worst == "" || fr.Fit.Rank() < worst.Rank()) {
				worst = fr.Fit
			}
			if fr.Fit.Rank() > best.Rank() {
				best = fr.Fit
			}
		}
		switch {
		case worst != "":
			ff.Fit = worst
		case best != "":
			ff.Fit = best
		}
		out = append(out, ff)
	}
	// Best fit first; ties keep pack order.
	slices.SortStableFunc(out, func(x, y FormatFit) int { return y.Fit.Rank() - x.Fit.Rank() })
	return out
}

// holds evaluates a condition against answers. Absent answers make every
// test false except answered: false, so "not asked" is never a pass.
func (p *Pack) holds(c *Condition, a *Answers) bool {
	switch {
	case len(c.All) > 0:
		for _, sub := range c.All {
			if !p.holds(sub, a) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, sub := range c.Any {
			if p.holds(sub, a) {
				return true
			}
		}
		return false
	case c.Not != nil:
		return !p.holds(c.Not, a)
	}
	q := p.byID[c.Question]
	if q == nil {
		return false
	}
	v, ok := a.Get(c.Question)
	if c.Answered != nil {
		return (ok && v.known(q)) == *c.Answered
	}
	if !ok {
		return false
	}
	switch {
	case len(c.Is) > 0:
		if q.Kind == KindNumber {
			for _, s := range c.Is {
				if n, err := strconv.ParseFloat(s, 64); err == nil && n == v.Number {
					return true
				}
			}
			return false
		}
		return slices.Contains(c.Is, v.Choice)
	case len(c.Includes) > 0:
		need := 1
		if c.AtLeast != nil {
			need = *c.AtLeast
		}
		n := 0
		for _, id := range c.Includes {
			if slices.Contains(v.List, id) {
				n++
			}
		}
		return n >= need
	case len(c.Lacks) > 0:
		for _, id := range c.Lacks {
			if !slices.Contains(v.List, id) {
				return true
			}
		}
		return false
	case c.Above != nil:
		return v.Number > *c.Above
	case c.Below != nil:
		return v.Number < *c.Below
	}
	return false
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
			c.Participants = &n
		case "minutes":
			c.Minutes = &n
		case "cost_usd":
			c.CostUSD = &n
		case "setting":
			c.Setting = v.Choice
		}
	}
	return c
}

// CircleFields lists the keys allowed in an answers file's circle block.
var CircleFields = []string{"name", "format", "facilitator", "participants", "minutes", "cost_usd", "setting"}
