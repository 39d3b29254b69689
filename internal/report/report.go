// Package report builds, once per vetting, everything a person is told about
// it: the headline, the three answers (verdict, fit, stay) with the reasons
// that support each, the red flags, what is still to ask the facilitator and
// what the person still has to decide, the notes, crisis, formats, where the
// answers came from, and the trace.
//
// Every rendering (the terminal summary, markdown, the plain-text note, JSON,
// accessible prose, compare rows, the register's line, history and the
// check-in result) formats a Report and decides nothing of its own, so no two
// of them can disagree. A rendering that needs a fact the report lacks gets
// it added here. The package knows nothing of terminals; it sits above the
// checklist (which judges) and below the front ends (which show).
package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// The three answers, by key, in Report.Order.
const (
	KeyVerdict = "verdict"
	KeyFit     = "fit"
	KeyStay    = "stay"
)

// Report is one vetting, decided: what every rendering shows.
type Report struct {
	// File is the answers file, as named on the command line; "" when the
	// answers came from elsewhere.
	File string `json:"file"`
	// Title is the summary's title, with the circle's name (cleaned, not
	// escaped) or the pack's words for an unnamed circle.
	Title string `json:"title"`
	// Name is the circle's name, cleaned to one line; "" when not given.
	Name   string           `json:"name"`
	Circle checklist.Circle `json:"circle"`
	// Facts are the circle's basics in the pack's words, for the line
	// under the title: the date, format, facilitator, size, length, cost,
	// setting. Ranges stay ranges.
	Facts []Fact `json:"-"`
	// Coordinator is true when a care coordinator filled the answers in:
	// every sentence is then worded in the third person.
	Coordinator bool   `json:"coordinator"`
	Vetted      Vetted `json:"vetted"`
	// Crisis, when set, is the crisis line that comes before anything else
	// (in JSON: crisis true or false, and crisis_text).
	Crisis *Crisis `json:"-"`
	// Order is the order to give the three answers in: a person attending
	// who should leave hears that first; a person in crisis hears first
	// that now is not the time for a group.
	Order []string `json:"order"`
	// Lead is the sentence of the answer that comes first (for a banner).
	Lead    string  `json:"lead"`
	Verdict Answer  `json:"verdict"`
	Fit     *Answer `json:"fit"`
	Stay    *Answer `json:"stay"`
	// Attending is true when the person already attends the circle.
	Attending bool   `json:"attending"`
	RedFlags  []Flag `json:"red_flags"`
	// AskFacilitator is what is still to ask the facilitator, in order;
	// empty with NothingMoreToAsk when what was found already decides.
	AskFacilitator   []Ask `json:"ask_facilitator"`
	NothingMoreToAsk bool  `json:"nothing_more_to_ask"`
	// AskPerson is what the person still has to decide for themselves:
	// never mixed with the facilitator's questions.
	AskPerson []Ask `json:"ask_person"`
	// Notes are the notes typed beside questions, in pack order.
	Notes []Note `json:"notes"`
	// Actions are what the coordinator noted doing about a crisis (the
	// note beside the distress question: "warm handoff to 988"), and
	// Recommended the step the summary asks for when nothing is noted.
	Actions     []string `json:"actions"`
	Recommended []string `json:"recommended"`
	// YourFormat is what the guide says of the circle's own format; nil
	// when the format is not known.
	YourFormat *FormatInfo `json:"your_format,omitempty"`
	// Formats are all formats, best fit first, each with the reasons that
	// support its fit.
	Formats []FormatFit `json:"formats"`
	// Ignored and Derived answers, named so nothing is dropped in silence.
	Derived []Derived `json:"derived"`
	Ignored []Ignored `json:"ignored"`
	// Trace is how the verdict was reached: score and every fired rule
	// (flattened into the JSON, where scripts have always read it).
	Trace
	Pack checklist.PackRef `json:"pack"`
	// PackName and Guide are for the footer.
	PackName string `json:"-"`
	// Result is the judgement this report was built from, for facts a
	// rendering shows as they are (the trace); renderings never judge it.
	Result checklist.Result `json:"-"`
}

// Answer is one of the three answers.
type Answer struct {
	// Key is verdict, fit or stay.
	Key   string `json:"-"`
	Value string `json:"value"`
	// Words is the value as the pack says it ("possible fit").
	Words string `json:"words"`
	// Symbol is the value's symbol, so no rendering relies on colour.
	Symbol string `json:"-"`
	// Question is the question this answers, worded for this reader.
	Question string `json:"question"`
	// Headline is the answer in one sentence, naming its decisive reasons
	// (for a screen: at most three, then "and N more"). Whole is the same
	// sentence naming every one, for a record, which is never cut short.
	Headline string `json:"headline"`
	Whole    string `json:"-"`
	// Reasons are every reason that supports Value, decisive first; each
	// names the value it supports. Reasons for other values are never
	// shown under an answer (they stay in the trace).
	Reasons []Reason `json:"reasons"`
	// Further are the reasons to list under the headline: those the
	// headline does not already say.
	Further []Reason `json:"-"`
}

// Reason is one rule behind an answer, tagged with the value it supports.
type Reason struct {
	Rule     string `json:"rule"`
	Text     string `json:"text"`
	Source   string `json:"source"`
	Supports string `json:"supports"`
}

// Flag is a confirmed red flag.
type Flag struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Why   string `json:"why"`
}

// Ask is something still to find out, in the words to ask it.
type Ask struct {
	Question string `json:"question"`
	Label    string `json:"label"`
	Ask      string `json:"ask"`
	Why      string `json:"why"`
	// To is "facilitator" or "self".
	To string `json:"to"`
	// Rule is set when a fired rule asked for this follow-up.
	Rule string `json:"rule,omitempty"`
	// Unsure lists a list question's items still unknown, as labels;
	// UnsureIDs as the pack's IDs (in JSON, where scripts read IDs).
	Unsure    []string `json:"unsure_labels,omitempty"`
	UnsureIDs []string `json:"unsure,omitempty"`
}

// Note is a note typed beside a question.
type Note struct {
	Question string `json:"question"`
	Label    string `json:"label"`
	Text     string `json:"text"`
}

// Crisis is the crisis line that heads everything.
type Crisis struct {
	Text string `json:"text"`
	// Quotes are the words of crisis found in what was written, each as
	// the pack says it ("Written: “…”"), quoted under the line.
	Quotes []string `json:"quotes,omitempty"`
}

// Fact is one of the circle's basics.
type Fact struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	Value string `json:"value"`
}

// FormatInfo is what the guide says of one format.
type FormatInfo struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Summary   string `json:"summary"`
	Size      string `json:"size,omitempty"`
	Cost      string `json:"cost,omitempty"`
	Frequency string `json:"frequency,omitempty"`
	Cautions  string `json:"cautions,omitempty"`
	// TryFirst is set when the person should try a session or two first.
	TryFirst bool `json:"try_first"`
}

// FormatFit is how one format suits the person, with the reasons for it.
type FormatFit struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Fit    string `json:"fit"`
	Words  string `json:"words"`
	Symbol string `json:"-"`
	// FitsWho is whom the format suits, said when no rule gave a reason.
	FitsWho string   `json:"fits_who,omitempty"`
	Reasons []Reason `json:"reasons"`
	// Facts are size, cost and frequency of a good fit other than the
	// circle's own format, worth considering.
	Facts []string `json:"facts,omitempty"`
}

// Derived is an answer implied by another, in the pack's words.
type Derived struct {
	Question string `json:"question"`
	Label    string `json:"label"`
	// Value and Given are the pack's IDs (for JSON); ValueLabel and
	// GivenLabel say them in the pack's words.
	Value      string `json:"value"`
	ValueLabel string `json:"value_label"`
	From       string `json:"from"`
	Rule       string `json:"rule"`
	// Given is the contradicting answer given; Kept says it was kept
	// rather than replaced.
	Given      string `json:"given,omitempty"`
	GivenLabel string `json:"given_label,omitempty"`
	Kept       bool   `json:"kept,omitempty"`
}

// Ignored is an answer not counted, and why.
type Ignored struct {
	Question string `json:"question"`
	Label    string `json:"label"`
	When     string `json:"when"`
}

// Trace is how the verdict was reached.
type Trace struct {
	Score        int               `json:"score"`
	Band         checklist.Verdict `json:"band"`
	BandWords    string            `json:"band_words"`
	ScoreDecides bool              `json:"score_decides"`
	Completeness int               `json:"completeness"`
	// Known of Asked questions that count have a settled answer.
	Known    int                 `json:"known"`
	Asked    int                 `json:"asked"`
	Findings []checklist.Finding `json:"findings"`
	// Plus and Minus are the points the strengths and concerns added.
	Base  int `json:"base"`
	Plus  int `json:"plus"`
	Minus int `json:"minus"`
}

// Vetted says when, by whom, in what role and from what the answers were
// gathered.
type Vetted struct {
	// On is the date of the call or visit (YYYY-MM-DD), or "" when not
	// recorded; DateFrom says where it came from: "vetted" (the answers
	// say), "file" (the file's own date, as a fallback) or "".
	On       string `json:"on"`
	DateFrom string `json:"date_from"`
	// Date is On in the pack's words, or its words for "not recorded".
	Date string `json:"date"`
	By   string `json:"by,omitempty"`
	// Role is the user-role answer, in the pack's words.
	RoleID string `json:"role_id,omitempty"`
	Role   string `json:"role,omitempty"`
	// Source is call, website, session or other; SourceWords says it.
	Source      string `json:"source,omitempty"`
	SourceWords string `json:"source_words,omitempty"`
}

// Options are what a report needs beyond the pack and the answers.
type Options struct {
	// Date is the day the report is made (for a summary with no better
	// date); FileDate, when set, is the answers file's own date, used as
	// the date of the vetting when the answers do not record one.
	Date     time.Time
	FileDate time.Time
	// File names the answers file in the report (and its JSON).
	File string
}

// Build evaluates the answers and builds their report.
func Build(p *checklist.Pack, a *checklist.Answers, opt Options) Report {
	return FromResult(p, a, checklist.Evaluate(p, a), opt)
}

// BuildHistory judges a circle over its check-ins and builds the report.
func BuildHistory(p *checklist.Pack, a *checklist.Answers, checkins []checklist.Checkin, opt Options) Report {
	r := checklist.EvaluateHistory(p, a, checkins)
	eff := a
	if eff == nil {
		eff = checklist.NewAnswers()
	}
	if n := len(checkins); n > 0 && checkins[n-1].Distress != "" {
		eff = eff.Clone()
		eff.Set("distress", checklist.Value{Choice: checkins[n-1].Distress})
	}
	return FromResult(p, eff, r, opt)
}

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

// MarshalJSON writes the report as `score --format json` prints it: the
// verdict as its value (with verdict_words and verdict_reasons beside it),
// fit and stay as objects with value, words, headline and reasons, the
// headline sentences together, and follow_ups as every follow-up in the
// order the summary asks them (the same list as ask_facilitator and
// ask_person together). IDs stay in JSON; labels are beside them.
func (r Report) MarshalJSON() ([]byte, error) {
	own, err := r.ownJSON()
	if err != nil {
		return nil, err
	}
	// Facts the judgement holds that the report does not say otherwise
	// flow through as they are, so a new one reaches scripts without a
	// change here; the report's own keys win.
	extra := resultOnly()
	if len(extra) == 0 {
		return own, nil
	}
	v := reflect.ValueOf(r.Result)
	out := bytes.NewBuffer(own[:len(own)-1])
	for _, f := range extra {
		b, err := json.Marshal(v.Field(f.index).Interface())
		if err != nil {
			return nil, err
		}
		key, _ := json.Marshal(f.name)
		out.WriteByte(',')
		out.Write(key)
		out.WriteByte(':')
		out.Write(b)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// ownJSON is the report's own keys.
func (r Report) ownJSON() ([]byte, error) {
	type plain Report
	h := struct {
		Verdict string `json:"verdict"`
		Fit     string `json:"fit,omitempty"`
		Stay    string `json:"stay,omitempty"`
	}{Verdict: r.Verdict.Headline}
	if r.Fit != nil {
		h.Fit = r.Fit.Headline
	}
	if r.Stay != nil {
		h.Stay = r.Stay.Headline
	}
	flags := make([]string, len(r.RedFlags))
	for i, f := range r.RedFlags {
		flags[i] = f.ID
	}
	return json.Marshal(struct {
		plain
		Verdict        string   `json:"verdict"`
		VerdictWords   string   `json:"verdict_words"`
		VerdictReasons []Reason `json:"verdict_reasons"`
		Headline       any      `json:"headline"`
		RedFlags       []string `json:"red_flags"`
		RedFlagLabels  []Flag   `json:"red_flag_details"`
		FollowUps      []Ask    `json:"follow_ups"`
		Crisis         bool     `json:"crisis"`
		CrisisText     string   `json:"crisis_text,omitempty"`
	}{plain(r), r.Verdict.Value, r.Verdict.Words, r.Verdict.Reasons, h, flags, r.RedFlags, r.FollowUps(), r.Crisis != nil, crisisText(r.Crisis)})
}

type resultField struct {
	index int
	name  string
}

// resultOnly lists the judgement's JSON fields the report's JSON lacks,
// found once by reflection (none today; a field the checklist adds later
// appears here without a change).
var resultOnly = sync.OnceValue(func() []resultField {
	own, err := Report{Verdict: Answer{}}.ownJSON()
	if err != nil {
		return nil
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(own, &keys) != nil {
		return nil
	}
	var out []resultField
	t := reflect.TypeFor[checklist.Result]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || f.Anonymous {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, ok := keys[name]; !ok {
			out = append(out, resultField{i, name})
		}
	}
	return out
})

func crisisText(c *Crisis) string {
	if c == nil {
		return ""
	}
	return c.Text
}

// Answers returns the three answers in the order to give them.
func (r *Report) Answers() []*Answer {
	var out []*Answer
	for _, k := range r.Order {
		switch k {
		case KeyVerdict:
			out = append(out, &r.Verdict)
		case KeyFit:
			if r.Fit != nil {
				out = append(out, r.Fit)
			} else {
				out = append(out, nil)
			}
		case KeyStay:
			out = append(out, r.Stay)
		}
	}
	return out
}

// FollowUps is every follow-up in the order the summary asks them: the
// facilitator's questions, then the person's own.
func (r *Report) FollowUps() []Ask {
	return append(slices.Clip(r.AskFacilitator), r.AskPerson...)
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

// T is the pack's sentence for this report's reader (a coordinator's
// variant where there is one).
func (r *Report) T(p *checklist.Pack, key string) string { return textFor(p, r.Coordinator, key) }

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
	day := Date(p, opt.Date)
	if v.DateFrom == "vetted" {
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
