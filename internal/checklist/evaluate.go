package checklist

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vetcircle/vetcircle/internal/wording"
)

// Result is the scored outcome for one circle. It answers the person's three
// questions, each with its reasons: is the circle safe and well run
// (Verdict), is it right for this person now (Fit), and, for someone
// attending, should they stay (Stay). Score is the sum of BaseScore and the
// Points of Findings, clamped to 0..100; it is a trace, not the answer.
type Result struct {
	Circle  Circle  `json:"circle"`
	Verdict Verdict `json:"verdict"`
	// VerdictReasons are the fired rules that decide the verdict, the most
	// serious first.
	VerdictReasons []Reason `json:"verdict_reasons"`
	// Fit is how this circle's own format suits this person now; nil when
	// the format is not known.
	Fit *FitAnswer `json:"fit"`
	// Stay answers "should I stay?"; nil unless the person attends.
	Stay *StayAnswer `json:"stay"`
	// Headline is one plain sentence per answer, naming its decisive reasons.
	Headline Headline `json:"headline"`
	// Attending is true when the person already attends the circle, said
	// or implied (a leave sign answered).
	Attending bool `json:"attending"`
	Score     int  `json:"score"`
	// Band is the verdict the score alone would give; ScoreDecides says
	// whether the score took part (it does only once the three questions
	// are answered).
	Band         Verdict `json:"band"`
	ScoreDecides bool    `json:"score_decides"`
	Completeness int     `json:"completeness"`
	// Known and Asked are what Completeness is a share of: the questions
	// that count (they apply and are not optional), and how many of them
	// have a known answer. Every count a person reads is these two.
	Known     int         `json:"-"`
	Asked     int         `json:"-"`
	Findings  []Finding   `json:"findings"`
	RedFlags  []string    `json:"red_flags"`
	FollowUps []FollowUp  `json:"follow_ups"`
	Formats   []FormatFit `json:"formats"`
	// Derived lists answers implied by other answers, and any contradiction
	// between what was said and what it implies.
	Derived []Derived `json:"derived"`
	// Ignored lists answers that were given but not counted, because the
	// question does not apply to these answers (a leave sign without
	// stage: attending, say). They are named, never dropped in silence.
	Ignored []Ignored `json:"ignored"`
	// Crisis is true when a fired rule mentions distress, or when what was
	// written speaks of crisis (CrisisQuotes).
	Crisis bool `json:"crisis"`
	// CrisisQuotes quote what was written, in a note or free text, in words
	// of crisis (the pack's crisis_words): the crisis line comes first, and
	// it says what it answers to.
	CrisisQuotes []CrisisQuote `json:"crisis_quotes,omitempty"`
	// Contradictions are what was seen in the room against what was said
	// before joining; each also decides the verdict (seen outranks said).
	Contradictions []Contradiction `json:"contradictions,omitempty"`
	// Pack identifies the rules that produced this result.
	Pack PackRef `json:"pack"`
}

// FitAnswer is "is it right for this person now?", with its reasons.
type FitAnswer struct {
	Value   Fit      `json:"value"`
	Reasons []Reason `json:"reasons"`
	// FormatOnly is true when the verdict is avoid: the fit then speaks of
	// this kind of circle, since this circle itself is not safe.
	FormatOnly bool `json:"format_only,omitempty"`
}

// CrisisQuote is words of crisis found in what was written.
type CrisisQuote struct {
	// Question is the question whose note or free-text answer held them.
	Question string `json:"question"`
	// Quote is the sentence that held them, as written (renderers clean it
	// for their medium).
	Quote string `json:"quote"`
	// Phrase is the pack's crisis phrase that matched.
	Phrase string `json:"phrase"`
}

// Contradiction is something seen in the room that contradicts what was
// said before joining.
type Contradiction struct {
	Rule string `json:"rule"`
	// Said is the question whose answer the seen evidence contradicts.
	Said string `json:"said"`
	Text string `json:"text"`
}

// StayAnswer is "should I stay?", with its reasons, the decisive ones first.
type StayAnswer struct {
	Value   StayValue `json:"value"`
	Reasons []Reason  `json:"reasons"`
}

// Headline holds one plain sentence per answer; Fit and Stay are empty when
// that answer is not given.
type Headline struct {
	Verdict string `json:"verdict"`
	Fit     string `json:"fit,omitempty"`
	Stay    string `json:"stay,omitempty"`
}

// Derived is an answer implied by another answer.
type Derived struct {
	Question string `json:"question"`
	Value    string `json:"value"`
	// From says where the answer came from, in the pack's words.
	From string `json:"from"`
	// Item is set when one item of a list question was derived; Value is
	// then yes or no.
	Item string `json:"item,omitempty"`
	// Given is the contradicting answer that was given, if any; Kept says
	// whether it was kept (the derivation only fills gaps) or replaced.
	Given string `json:"given,omitempty"`
	Kept  bool   `json:"kept,omitempty"`
	Rule  string `json:"rule"`
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
	// The high ends of numbers given as ranges ("20-60 people").
	ParticipantsMax *float64 `json:"participants_max,omitempty"`
	MinutesMax      *float64 `json:"minutes_max,omitempty"`
	CostUSDMax      *float64 `json:"cost_usd_max,omitempty"`
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
	// RedFlag is the red-flag question this finding confirms, if any.
	RedFlag string `json:"red_flag,omitempty"`
	// Headline is the finding in a few plain words.
	Headline string `json:"-"`
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
	// Unsure lists a list question's items still unknown.
	Unsure []string `json:"unsure,omitempty"`
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

// Reason is one rule behind an answer, traced to its rule and source.
type Reason struct {
	Rule   string `json:"rule"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// maxHeadlineReasons keeps a headline to one readable sentence.
const maxHeadlineReasons = 3

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

// Derive returns the answers with every derived answer filled in (the
// caller's answers are not changed), and what was derived. Front ends use it
// to show a derived answer as answered, with where it came from, and to ask
// only the questions that apply once it is taken into account.
func (p *Pack) Derive(a *Answers) (*Answers, []Derived) { return p.derive(a) }

// derive applies the pack's derivations in order, each seeing the ones
// before it, and says what it derived and what it contradicted.
func (p *Pack) derive(a *Answers) (*Answers, []Derived) {
	out := []Derived{}
	if a == nil {
		a = NewAnswers()
	}
	var e *Answers
	for _, d := range p.Derived {
		cur := a
		if e != nil {
			cur = e
		}
		q := p.byID[d.Question]
		if q == nil || !p.holds(&d.When, cur) {
			continue
		}
		if d.Item != "" {
			rec, nv, changed := deriveItem(q, d, cur)
			if rec == nil {
				continue
			}
			out = append(out, *rec)
			if changed {
				if e == nil {
					e = a.shallowCopy()
				}
				e.Values[d.Question] = nv
			}
			continue
		}
		v, ok := cur.Get(d.Question)
		rec := Derived{Question: d.Question, Value: d.Value, From: d.From, Rule: d.ID}
		switch {
		case ok && v.Choice == d.Value:
			continue // said both ways: nothing to derive or to name
		case ok && v.known(q):
			rec.Given = v.Choice
			rec.Kept = !d.Wins
			if rec.Kept {
				out = append(out, rec)
				continue
			}
		}
		if e == nil {
			e = a.shallowCopy()
		}
		e.Values[d.Question] = Value{Choice: d.Value}
		out = append(out, rec)
	}
	if e == nil {
		return a, out
	}
	return e, out
}

// deriveItem derives one item of a list answer: nil when the item was
// already answered the same way; otherwise what was derived, the new value
// and whether it replaces the old one. An answer created from nothing
// leaves every other item unknown, never "no".
func deriveItem(q *Question, d *Derivation, a *Answers) (*Derived, Value, bool) {
	v, ok := a.Get(d.Question)
	want := d.Value == Yes
	has := ok && slices.Contains(v.List, d.Item)
	unsure := ok && slices.Contains(v.Unsure, d.Item)
	rec := &Derived{Question: d.Question, Item: d.Item, Value: d.Value, From: d.From, Rule: d.ID}
	if ok && !unsure {
		if has == want {
			return nil, v, false
		}
		rec.Given = No
		if has {
			rec.Given = Yes
		}
		if rec.Kept = !d.Wins; rec.Kept {
			return rec, v, false
		}
	}
	nv := Value{}
	if ok {
		nv.List = slices.DeleteFunc(slices.Clone(v.List), func(s string) bool { return s == d.Item })
		nv.Unsure = slices.DeleteFunc(slices.Clone(v.Unsure), func(s string) bool { return s == d.Item })
	} else {
		for _, o := range q.Options {
			if o.ID != d.Item {
				nv.Unsure = append(nv.Unsure, o.ID)
			}
		}
	}
	if want {
		nv.List = append(nv.List, d.Item)
	}
	return rec, nv, true
}

// shallowCopy copies the answer map so derived answers never change the
// caller's answers; values themselves are never mutated in place.
func (a *Answers) shallowCopy() *Answers {
	e := *a
	e.Values = make(map[string]Value, len(a.Values)+4)
	for k, v := range a.Values {
		e.Values[k] = v
	}
	return &e
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

// fitFormats ranks every format for this person. A format starts at its base
// fit. Cautions dominate: a fired rule rating the format at or below base
// caps it at the worst such rating; otherwise the best fired rating wins.
func (p *Pack) fitFormats(a *Answers, coord bool) []FormatFit {
	out := make([]FormatFit, 0, len(p.Formats))
	for _, f := range p.Formats {
		ff := FormatFit{ID: f.ID, Name: f.Name, Fit: f.Base, Reasons: []Reason{}}
		var worst, best Fit
		for _, fr := range f.Rules {
			if !p.holds(&fr.When, a) {
				continue
			}
			ff.Reasons = append(ff.Reasons, fr.reason(coord))
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

// reason is a fit rule as a Reason, worded for this user.
func (fr *FitRule) reason(coord bool) Reason {
	text := fr.Reason
	if coord && fr.ReasonCoordinator != "" {
		text = fr.ReasonCoordinator
	}
	return Reason{Rule: fr.ID, Text: text, Source: fr.Source}
}

// circleFit answers "is it right for this person now?" for the circle's own
// format: that format's fit, lowered (never raised) by the rules about this
// circle's own circumstances. The decisive reasons come first.
func (p *Pack) circleFit(a *Answers, r Result, coord bool) *FitAnswer {
	i := slices.IndexFunc(r.Formats, func(f FormatFit) bool { return f.ID == r.Circle.Format })
	if i < 0 {
		return nil
	}
	if u := p.FitUnknown; u != nil && p.holds(&u.When, a) {
		// Nothing is known about the person: a format's base fit would be
		// a guess, so say so, and let the questions for the person settle it.
		return &FitAnswer{Value: FitUnknown, Reasons: []Reason{u.reason(coord)}, FormatOnly: r.Verdict == VerdictAvoid}
	}
	ff := r.Formats[i]
	value := ff.Fit
	type judged struct {
		fit    Fit
		reason Reason
	}
	var all []judged
	f := p.Format(ff.ID)
	for _, fr := range f.Rules {
		if p.holds(&fr.When, a) {
			all = append(all, judged{fr.Fit, fr.reason(coord)})
		}
	}
	for _, fr := range p.CircleFit {
		if !p.holds(&fr.When, a) {
			continue
		}
		all = append(all, judged{fr.Fit, fr.reason(coord)})
		if fr.Fit.Rank() < value.Rank() {
			value = fr.Fit
		}
	}
	out := &FitAnswer{Value: value, Reasons: []Reason{}, FormatOnly: r.Verdict == VerdictAvoid}
	for _, j := range all {
		if j.fit == value {
			out.Reasons = append(out.Reasons, j.reason)
		}
	}
	for _, j := range all {
		if j.fit != value {
			out.Reasons = append(out.Reasons, j.reason)
		}
	}
	return out
}

// stay answers "should I stay?" for someone attending: the worst value any
// fired stay rule or the circle's own verdict gives, decisive reasons first.
func (p *Pack) stay(a *Answers, r *Result, coord bool) *StayAnswer {
	s := p.Stay
	value := s.Base
	type judged struct {
		stay   StayValue
		reason Reason
	}
	var all []judged
	pick := func(v StayValue, id, reason, reasonCoord, source string) {
		if coord && reasonCoord != "" {
			reason = reasonCoord
		}
		all = append(all, judged{v, Reason{Rule: id, Text: reason, Source: source}})
		if v.Rank() < value.Rank() {
			value = v
		}
	}
	for _, sv := range s.Verdicts {
		if sv.Verdict == r.Verdict {
			pick(sv.Stay, sv.ID, sv.Reason, sv.ReasonCoordinator, sv.Source)
		}
	}
	for _, sr := range s.Rules {
		if !p.holds(&sr.When, a) {
			continue
		}
		pick(sr.Stay, sr.ID, sr.Reason, sr.ReasonCoordinator, sr.Source)
		if sr.Crisis {
			r.Crisis = true
		}
	}
	out := &StayAnswer{Value: value, Reasons: []Reason{}}
	for _, rank := range []int{value.Rank(), -1} {
		for _, j := range all {
			if (rank >= 0) == (j.stay == value) {
				out.Reasons = append(out.Reasons, j.reason)
			}
		}
	}
	return out
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

// crisisQuotes finds the pack's crisis phrases in what the person wrote:
// notes and free-text answers that are not the circle's own facts, in pack
// order, at most one quote per question.
func (p *Pack) crisisQuotes(a *Answers) []CrisisQuote {
	if len(p.crisisPhrases) == 0 {
		return nil
	}
	var out []CrisisQuote
	look := func(id, text string) {
		if text == "" {
			return
		}
		if phrase, quote := p.crisisIn(text); phrase != "" {
			out = append(out, CrisisQuote{Question: id, Quote: quote, Phrase: phrase})
		}
	}
	notes := len(a.Notes) > 0
	for _, q := range p.Questions {
		// A circle's own facts (its name: "Suicide Loss Survivors") are not
		// the person's words; what the person writes is.
		if q.Kind == KindText && q.CircleField == "" {
			if v, ok := a.Values[q.ID]; ok {
				look(q.ID, v.Text)
			}
		}
		if notes {
			look(q.ID, a.Notes[q.ID])
		}
	}
	for _, x := range a.UnknownNotes {
		look(x.ID, x.Raw)
	}
	return out
}

// maxQuote keeps a quoted sentence to what a crisis line can carry.
const maxQuote = 200

// crisisIn returns the first crisis phrase in text and the sentence that
// holds it, or "" when there is none.
func (p *Pack) crisisIn(text string) (phrase, quote string) {
	// Each word is looked up once among the phrases' first words, so the
	// cost grows with the text, not with the list.
	for _, sentence := range splitSentences(text) {
		w := strings.FieldsFunc(sentence, notWordRune)
		for i, word := range w {
			w[i] = foldWord(word)
		}
		for at, word := range w {
			for _, i := range p.crisisStarts(word) {
				if containsPhrase(w[at:], p.crisisPhrases[i]) {
					quote = strings.TrimSpace(sentence)
					if r := []rune(quote); len(r) > maxQuote {
						quote = string(r[:maxQuote-1]) + "…"
					}
					return p.CrisisWords[i], quote
				}
			}
		}
	}
	return "", ""
}

// notWordRune splits words as wording.Words does.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '‘'
}

// foldWord is one word as wording.Words gives it: lower case, straight
// apostrophes; it allocates only when the word changes.
func foldWord(w string) string {
	w = strings.ToLower(w)
	if strings.IndexByte(w, 0xE2) >= 0 { // ’ and ‘ both start with 0xE2
		w = wording.Fold(w)
	}
	return w
}

// crisisStarts lists the crisis phrases that may start at word: those whose
// first word it is, and those whose first word is a stem it begins with.
func (p *Pack) crisisStarts(word string) []int {
	idx := p.crisisFirst[word]
	for _, i := range p.crisisStems {
		if strings.HasPrefix(word, strings.TrimSuffix(p.crisisPhrases[i][0], "*")) {
			idx = append(slices.Clip(idx), i)
		}
	}
	return idx
}

// splitSentences cuts text at sentence ends and line breaks.
func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '.' || r == '!' || r == '?' || r == '\n' || r == ';'
	})
}

// containsPhrase reports whether words begin with the phrase's words; a
// phrase word ending in * matches any word it begins.
func containsPhrase(words, phrase []string) bool {
	if len(phrase) > len(words) {
		return false
	}
	for j, pw := range phrase {
		if stem, prefix := strings.CutSuffix(pw, "*"); prefix {
			if !strings.HasPrefix(words[j], stem) {
				return false
			}
		} else if words[j] != pw {
			return false
		}
	}
	return true
}

// splitPhrases splits crisis phrases into words, keeping a trailing * on
// the last word of a stem, and indexes them by first word (stems apart).
func splitPhrases(phrases []string) (words [][]string, first map[string][]int, stems []int) {
	words = make([][]string, len(phrases))
	first = map[string][]int{}
	for i, ph := range phrases {
		stem := strings.HasSuffix(ph, "*")
		w := wording.Words(strings.TrimSuffix(ph, "*"))
		if len(w) == 0 {
			continue
		}
		if stem {
			w[len(w)-1] += "*"
		}
		words[i] = w
		if strings.HasSuffix(w[0], "*") {
			stems = append(stems, i)
		} else {
			first[w[0]] = append(first[w[0]], i)
		}
	}
	return words, first, stems
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
		need, n := 1, 0
		if c.AtLeast != nil {
			need = *c.AtLeast
		}
		for _, sub := range c.Any {
			if p.holds(sub, a) {
				if n++; n >= need {
					return true
				}
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
				if n, err := strconv.ParseFloat(s, 64); err == nil && n == v.Number && v.Upper == nil {
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
		// An item still unknown is not lacking: it is a follow-up, not a
		// penalty.
		for _, id := range c.Lacks {
			if !slices.Contains(v.List, id) && !slices.Contains(v.Unsure, id) {
				return true
			}
		}
		return false
	case c.Above != nil:
		if v.Upper != nil {
			return *v.Upper > *c.Above
		}
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
