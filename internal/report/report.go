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
	"slices"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
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
	// Referral is the latest step of the person's referral to the circle,
	// in the pack's words ("Referral: declined by the person on …"), when
	// the report is for a person with one; from their private record.
	Referral string `json:"referral,omitempty"`
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

// BuildCircle builds the report of a circle's record alone: its answers
// judged for everyone, with no fit, no stay and nothing for a person to
// decide (checklist.CircleOnly), for a record a team shares.
func BuildCircle(p *checklist.Pack, a *checklist.Answers, opt Options) Report {
	rep := FromResult(p, a, checklist.CircleOnly(checklist.Evaluate(p, a)), opt)
	// The verdict alone: a circle has no fit of its own to answer.
	rep.Order = slices.DeleteFunc(rep.Order, func(k string) bool { return k == KeyFit })
	rep.Lead = rep.Verdict.Headline
	return rep
}

// BuildPerson builds the report of a circle judged for one person: the
// circle's record with their answers over it. Whether to stay is asked
// only when the person's own answers say they attend, never because
// someone else saw something in a session.
func BuildPerson(p *checklist.Pack, a, person *checklist.Answers, opt Options) Report {
	r := checklist.Evaluate(p, a)
	if person == nil || !checklist.Evaluate(p, person).Attending {
		r.Stay, r.Attending = nil, false
	}
	return FromResult(p, a, r, opt)
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

// T is the pack's sentence for this report's reader (a coordinator's
// variant where there is one).
func (r *Report) T(p *checklist.Pack, key string) string { return textFor(p, r.Coordinator, key) }
