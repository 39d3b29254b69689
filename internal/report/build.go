package report

import (
	"cmp"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// FromResult builds the report of a result already judged from these
// answers. It is the one place where the result is turned into what is
// said: everything after it only formats.
func FromResult(p *checklist.Pack, a *checklist.Answers, r checklist.Result, opt Options) Report {
	if a == nil {
		a = checklist.NewAnswers()
	}
	coord := checklist.Coordinator(a)
	t := func(key string) string { return textFor(p, coord, key) }
	rep := Report{
		File:        opt.File,
		Circle:      r.Circle,
		Coordinator: coord,
		Attending:   r.Attending,
		Pack:        r.Pack,
		PackName:    p.Meta.Name,
		Result:      r,
		RedFlags:    []Flag{},
		Notes:       []Note{},
		Actions:     []string{},
		Derived:     []Derived{},
		Ignored:     []Ignored{},
	}
	name := textclean.CleanLine(r.Circle.Name)
	rep.Name = name
	rep.Title = p.Tf("summary.title", "circle", cmp.Or(name, p.T("summary.circle")))
	rep.Vetted = vetted(p, a, opt)
	rep.Facts = facts(p, r, rep.Vetted, opt)

	if r.Crisis {
		rep.Crisis = &Crisis{Text: t(crisisKey(a, r))}
		for _, q := range r.CrisisQuotes {
			rep.Crisis.Quotes = append(rep.Crisis.Quotes, p.Tf("summary.crisis-quote", "quote", textclean.CleanLine(q.Quote)))
		}
	}
	rep.Order = answerOrder(r)

	// The verdict: every reason behind it supports it.
	rep.Verdict = Answer{Key: KeyVerdict, Value: string(r.Verdict), Words: VerdictWord(p, r.Verdict),
		Symbol: VerdictSymbol(r.Verdict), Question: t("summary.q-verdict"), Headline: r.Headline.Verdict}
	for _, x := range r.VerdictReasons {
		text := x.Text
		if coord {
			// The rule's words for a coordinator, where it speaks to "you".
			for _, rule := range p.Rules {
				if rule.ID == x.Rule && rule.MessageCoordinator != "" {
					text = rule.MessageCoordinator
				}
			}
		}
		rep.Verdict.Reasons = append(rep.Verdict.Reasons, Reason{Rule: x.Rule, Text: text, Source: x.Source, Supports: string(r.Verdict)})
	}
	rep.Verdict.Reasons = nonNil(rep.Verdict.Reasons)
	rep.Verdict.Whole = wholeHeadline(p, r)
	rep.Verdict.Further = rep.Verdict.Reasons

	if r.Fit != nil {
		v := string(r.Fit.Value)
		reasons := supporting(r.Fit.Reasons, v, func(id string) string { return fitOf(p, r.Circle.Format, id) })
		fallback := p.T("headline.reasons.fit")
		if f := p.Format(r.Circle.Format); f != nil && f.FitsWho != "" {
			fallback = f.FitsWho
		}
		rep.Fit = answerWith(p, KeyFit, v, FitWord(p, r.Fit.Value), FitSymbol(r.Fit.Value), t("summary.q-fit"), "headline.fit."+v, reasons, fallback)
	}
	if r.Stay != nil {
		v := string(r.Stay.Value)
		reasons := supporting(r.Stay.Reasons, v, func(id string) string { return stayOf(p, id, v) })
		rep.Stay = answerWith(p, KeyStay, v, StayWord(p, r.Stay.Value), StaySymbol(r.Stay.Value), t("summary.q-stay"), "headline.stay."+v, reasons, p.T("headline.reasons.stay"))
	}
	switch rep.Order[0] {
	case KeyStay:
		rep.Lead = rep.Stay.Headline
	case KeyFit:
		rep.Lead = rep.Fit.Headline
	default:
		rep.Lead = rep.Verdict.Headline
	}

	for _, id := range r.RedFlags {
		f := Flag{ID: id, Label: id}
		if q := p.Question(id); q != nil {
			f.Label, f.Why = q.Label, q.Why
		}
		rep.RedFlags = append(rep.RedFlags, f)
	}

	// What is still to ask: the facilitator's questions and the person's
	// own, never mixed. Nothing the facilitator could say would change an
	// avoid, and the answers already say so: no questions for them then.
	rep.NothingMoreToAsk = r.Verdict == checklist.VerdictAvoid
	rep.AskFacilitator, rep.AskPerson = []Ask{}, []Ask{}
	for _, f := range r.FollowUps {
		ask := Ask{Question: f.Question, Label: f.Question, Ask: f.Ask, Why: f.Why, To: f.To, Rule: f.Rule, UnsureIDs: f.Unsure}
		if q := p.Question(f.Question); q != nil {
			ask.Label = q.Label
			for _, id := range f.Unsure {
				ask.Unsure = append(ask.Unsure, OptionLabel(p, q, id))
			}
		}
		if f.To == "self" {
			rep.AskPerson = append(rep.AskPerson, ask)
		} else if !rep.NothingMoreToAsk {
			rep.AskFacilitator = append(rep.AskFacilitator, ask)
		}
	}

	rep.Recommended = []string{}
	for _, q := range p.Questions {
		note, ok := a.Notes[q.ID]
		if !ok || strings.TrimSpace(note) == "" {
			continue
		}
		if q.ID == crisisQuestion && r.Crisis {
			// What was done about a crisis is an action, recorded as such.
			rep.Actions = append(rep.Actions, textclean.Clean(note))
			continue
		}
		rep.Notes = append(rep.Notes, Note{Question: q.ID, Label: q.Label, Text: textclean.Clean(note)})
	}
	if r.Crisis && len(rep.Actions) == 0 {
		rep.Recommended = append(rep.Recommended, t("report.action-crisis"))
	}

	if f := p.Format(r.Circle.Format); f != nil {
		rep.YourFormat = &FormatInfo{ID: f.ID, Name: f.Name, Summary: f.Summary, Size: f.Size, Cost: f.Cost,
			Frequency: f.Frequency, Cautions: f.Cautions, TryFirst: !r.Attending && r.Verdict != checklist.VerdictAvoid}
	}
	for _, ff := range r.Formats {
		out := FormatFit{ID: ff.ID, Name: ff.Name, Fit: string(ff.Fit), Words: FitWord(p, ff.Fit), Symbol: FitSymbol(ff.Fit)}
		out.Reasons = nonNil(supporting(ff.Reasons, string(ff.Fit), func(id string) string { return formatFitOf(p, ff.ID, id) }))
		if f := p.Format(ff.ID); f != nil {
			if len(out.Reasons) == 0 {
				out.FitsWho = f.FitsWho
			}
			if ff.Fit == checklist.FitGood && ff.ID != r.Circle.Format {
				for _, kv := range [][2]string{{"size", f.Size}, {"cost", f.Cost}, {"frequency", f.Frequency}} {
					if kv[1] != "" {
						out.Facts = append(out.Facts, p.Tf("summary.format-"+kv[0], kv[0], kv[1]))
					}
				}
			}
		}
		rep.Formats = append(rep.Formats, out)
	}

	for _, d := range r.Derived {
		x := Derived{Question: d.Question, Label: d.Question, Value: d.Value, ValueLabel: d.Value, From: d.From, Rule: d.Rule, Given: d.Given, GivenLabel: d.Given, Kept: d.Kept}
		if q := p.Question(d.Question); q != nil {
			x.Label, x.ValueLabel = q.Label, OptionLabel(p, q, d.Value)
			if d.Item != "" {
				// One item of a list: "Written group rules: yes".
				x.ValueLabel = OptionLabel(p, q, d.Item) + ": " + p.T("answer."+d.Value)
			}
			if d.Given != "" {
				x.GivenLabel = OptionLabel(p, q, d.Given)
			}
		}
		rep.Derived = append(rep.Derived, x)
	}
	for _, ig := range r.Ignored {
		x := Ignored{Question: ig.Question, Label: ig.Question, When: ig.When}
		if q := p.Question(ig.Question); q != nil {
			x.Label = q.Label
		}
		rep.Ignored = append(rep.Ignored, x)
	}

	rep.Trace = Trace{Score: r.Score, Band: r.Band, BandWords: VerdictWord(p, r.Band), ScoreDecides: r.ScoreDecides,
		Completeness: r.Completeness, Known: r.Known, Asked: r.Asked, Findings: r.Findings, Base: p.BaseScore}
	for _, f := range r.Findings {
		if f.Points > 0 {
			rep.Trace.Plus += f.Points
		} else {
			rep.Trace.Minus += f.Points
		}
	}
	return rep
}

func crisisText(c *Crisis) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// answerWith makes a fit or stay answer: its headline names its first
// supporting reason (or the fallback when none), and Further lists the rest.
func answerWith(p *checklist.Pack, key, value, words, symbol, question, headlineKey string, reasons []Reason, fallback string) *Answer {
	a := &Answer{Key: key, Value: value, Words: words, Symbol: symbol, Question: question, Reasons: nonNil(reasons), Further: []Reason{}}
	lead := fallback
	if len(reasons) > 0 {
		lead = reasons[0].Text
		a.Further = reasons[1:]
	}
	a.Headline = p.Tf(headlineKey, "reason", lead)
	a.Whole = a.Headline
	return a
}

// wholeHeadline is the verdict's headline naming every decisive reason,
// in the words of the pack's headline.
func wholeHeadline(p *checklist.Pack, r checklist.Result) string {
	var phrases []string
	for _, reason := range r.VerdictReasons {
		for _, f := range r.Findings {
			if f.Rule == reason.Rule {
				phrases = append(phrases, f.Headline)
			}
		}
	}
	if len(phrases) == 0 {
		return r.Headline.Verdict
	}
	return p.Tf("headline.verdict."+string(r.Verdict), "reasons", strings.Join(phrases, p.T("headline.join")))
}

// supporting keeps the reasons that support value, in order, each tagged.
func supporting(in []checklist.Reason, value string, of func(rule string) string) []Reason {
	var out []Reason
	for _, x := range in {
		if of(x.Rule) != value {
			continue
		}
		out = append(out, Reason{Rule: x.Rule, Text: x.Text, Source: x.Source, Supports: value})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// fitOf is the fit a rule gives for the circle's own format: its format's
// fit rules, then the rules about the circle's own circumstances.
func fitOf(p *checklist.Pack, format, rule string) string {
	if v := formatFitOf(p, format, rule); v != "" {
		return v
	}
	for _, fr := range p.CircleFit {
		if fr.ID == rule {
			return string(fr.Fit)
		}
	}
	if u := p.FitUnknown; u != nil && u.ID == rule {
		return string(checklist.FitUnknown) // nothing known of the person yet
	}
	return ""
}

// formatFitOf is the fit one of a format's rules gives.
func formatFitOf(p *checklist.Pack, format, rule string) string {
	if f := p.Format(format); f != nil {
		for _, fr := range f.Rules {
			if fr.ID == rule {
				return string(fr.Fit)
			}
		}
	}
	return ""
}

// stayOf is the stay value a stay reason supports. The history's prompt to
// judge fit moves nothing: it goes with whatever the answer is.
func stayOf(p *checklist.Pack, rule, current string) string {
	s := p.Stay
	if s == nil {
		return ""
	}
	for _, sr := range s.Rules {
		if sr.ID == rule {
			return string(sr.Stay)
		}
	}
	for _, sv := range s.Verdicts {
		if sv.ID == rule {
			return string(sv.Stay)
		}
	}
	if h := s.History; h != nil {
		switch rule {
		case h.Trend.ID:
			return string(checklist.StayLeave)
		case h.OneBad.ID:
			return string(checklist.StayWatch)
		case h.Judge.ID:
			return current
		}
	}
	return ""
}

// answerOrder is the order in which to give the three answers: the circle's
// verdict, then fit, then stay, except that a person attending who should
// leave hears that first, and a person in crisis hears first that now is
// not the time for a group.
func answerOrder(r checklist.Result) []string {
	order := []string{KeyVerdict, KeyFit}
	if r.Stay != nil {
		order = append(order, KeyStay)
	}
	switch {
	case r.Stay != nil && r.Stay.Value == checklist.StayLeave:
		order = []string{KeyStay, KeyVerdict, KeyFit}
	case r.Crisis && r.Fit != nil && r.Fit.Value == checklist.FitNotNow:
		order = []string{KeyFit, KeyVerdict}
		if r.Stay != nil {
			order = append(order, KeyStay)
		}
	}
	return order
}

// crisisQuestion is the question that asks about distress now; a note
// beside it, in a crisis, says what was done.
const crisisQuestion = "distress"

// crisisKey is the text key of the crisis line: the one that says "you
// mentioned distress" only when distress was answered yes; words of crisis
// in what was written are said as such; otherwise the crisis line came
// from feeling worse again and again.
func crisisKey(a *checklist.Answers, r checklist.Result) string {
	switch v, ok := a.Get("distress"); {
	case ok && v.Choice == checklist.Yes:
		return "summary.crisis"
	case len(r.CrisisQuotes) > 0:
		return "summary.crisis-words"
	}
	return "summary.crisis-worse"
}

// textFor is the pack's sentence, worded for a coordinator where the pack
// has a ".coordinator" variant.
func textFor(p *checklist.Pack, coord bool, key string) string {
	if coord {
		if s, ok := p.Text[key+".coordinator"]; ok {
			return s
		}
	}
	return p.T(key)
}

// vetted says when, by whom and from what the answers were gathered. The
// date is the call's or visit's, never the printing date: the file's own
// date stands in, said as such, and otherwise it is "not recorded".
func vetted(p *checklist.Pack, a *checklist.Answers, opt Options) Vetted {
	v := Vetted{By: a.Vetted.By, Source: a.Vetted.Source}
	switch {
	case a.Vetted.On != "":
		v.On, v.DateFrom = a.Vetted.On, "vetted"
		v.Date = a.Vetted.On
		if d, err := time.Parse(time.DateOnly, a.Vetted.On); err == nil {
			v.Date = Date(p, d)
		}
	case !opt.FileDate.IsZero():
		v.On, v.DateFrom = opt.FileDate.Format(time.DateOnly), "file"
		v.Date = p.Tf("report.date-file", "date", Date(p, opt.FileDate))
	default:
		v.Date = p.T("report.date-unknown")
	}
	if rv, ok := a.Get(checklist.RoleQuestion); ok && rv.Choice != "" {
		v.RoleID = rv.Choice
		v.Role = p.T("report.role." + rv.Choice)
	}
	if v.Source != "" {
		v.SourceWords = p.T("report.source." + v.Source)
	}
	return v
}

// facts is the line under the title: the date and the circle's basics.
func facts(p *checklist.Pack, r checklist.Result, v Vetted, opt Options) []Fact {
	// The call's date when known, else the file's (said as such); the
	// printing date only when neither is.
	day := Date(p, opt.Date)
	if v.DateFrom != "" {
		day = v.Date
	}
	out := []Fact{{ID: "date", Value: p.Tf("summary.date", "date", day)}}
	c := r.Circle
	if f := p.Format(c.Format); f != nil {
		out = append(out, Fact{ID: "format", Value: f.Name})
	}
	add := func(id, value string) {
		if value == "" {
			return
		}
		label := id
		if q := p.Question(id); q != nil {
			label = q.Label
			if q.Unit != "" && q.Kind == checklist.KindNumber && q.Unit != "USD" {
				value += " " + q.Unit
			}
		}
		out = append(out, Fact{ID: id, Label: label, Value: value})
	}
	add("facilitator", textclean.CleanLine(c.Facilitator))
	add("participants", Range(c.Participants, c.ParticipantsMax))
	add("minutes", Range(c.Minutes, c.MinutesMax))
	if c.CostUSD != nil {
		cost := Money(p, *c.CostUSD)
		if c.CostUSDMax != nil {
			cost += "-" + Money(p, *c.CostUSDMax)
		}
		add("cost-usd", cost)
	}
	if q := p.Question("setting"); q != nil && c.Setting != "" {
		if o := q.Option(c.Setting); o != nil {
			add("setting", o.Label)
		}
	}
	return out
}
