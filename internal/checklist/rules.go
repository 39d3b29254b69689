package checklist

import (
	"slices"
)

// Rule is one scoring rule: when its condition holds it adds a finding.
type Rule struct {
	ID       string    `yaml:"id"`
	Title    string    `yaml:"title"`
	Severity Severity  `yaml:"severity"`
	Points   int       `yaml:"points"`
	When     Condition `yaml:"when"`
	Message  string    `yaml:"message"`
	// MessageCoordinator is Message worded for a coordinator ("they"),
	// where Message speaks to "you"; the report chooses between them.
	MessageCoordinator string `yaml:"message_coordinator"`
	Source             string `yaml:"source"`
	// RedFlag names the red-flag question this rule confirms, if any.
	RedFlag string `yaml:"red_flag"`
	// Cap is the best verdict possible while this rule fires.
	Cap Verdict `yaml:"cap"`
	// Ask adds a follow-up with these words when the rule fires.
	Ask string `yaml:"ask"`
	// About is the question the follow-up belongs to.
	About string `yaml:"about"`
	// Crisis puts the crisis-resources note at the top of the summary.
	Crisis bool `yaml:"crisis"`
	// Headline is the rule in a few plain words, for the verdict's headline
	// when this rule decides it ("the group promotes medicine sellers").
	Headline string `yaml:"headline"`
	// Named puts the rule among the verdict's reasons whenever it fires,
	// even when it does not decide the verdict (a seller-run group).
	Named bool `yaml:"named"`
	// Contradicts names the question whose answer, given before joining,
	// what this rule saw in the room contradicts: seen outranks said.
	Contradicts string `yaml:"contradicts"`
	// Changed is the date (YYYY-MM-DD) the rule last changed in a way that
	// can change a verdict: a vetting made before it, that answered a
	// question the rule asks about, is due a re-vet (RulesChangedSince).
	Changed string `yaml:"changed"`
	Pos     Pos    `yaml:"-"`
}

// Derivation is an answer implied by other answers: when its condition holds,
// the question counts as answered with Value, and the walkthrough shows it as
// answered, with where the answer came from, instead of asking again.
type Derivation struct {
	ID       string    `yaml:"id"`
	Question string    `yaml:"question"`
	Value    string    `yaml:"value"`
	When     Condition `yaml:"when"`
	// Wins makes the derived value replace a contradicting answer (a red flag
	// confirmed one way is never hidden by "no" given the other way); without
	// it the derivation only fills an answer that is missing or unknown. A
	// contradiction is named in the summary either way.
	Wins bool `yaml:"wins"`
	// Item, for a multi question, is the one item derived: Value yes says it
	// holds, no that it does not. The question's other items are untouched.
	Item string `yaml:"item"`
	// From says, in the user's words, where the answer came from.
	From   string `yaml:"from"`
	Source string `yaml:"source"`
	Pos    Pos    `yaml:"-"`
}

// StayValue is the answer to "should I stay in this circle?".
type StayValue string

// Stay values, from best to worst.
const (
	StayStay  StayValue = "stay"
	StayWatch StayValue = "watch"
	StayLeave StayValue = "leave"
)

// StayValues lists every stay value from worst to best.
var StayValues = []StayValue{StayLeave, StayWatch, StayStay}

// Rank orders stay values from worst (0) to best; -1 for an unknown value.
func (s StayValue) Rank() int { return slices.Index(StayValues, s) }

// StayBlock holds the rules that answer "should I stay?" for someone who
// already attends. The worst value any fired rule gives wins.
type StayBlock struct {
	// When says who is attending; stay is answered only then.
	When Condition `yaml:"when"`
	// Base is the answer when no rule fires.
	Base  StayValue   `yaml:"base"`
	Rules []*StayRule `yaml:"rules"`
	// Verdicts carry the circle's own verdict over: an unsafe circle is a
	// reason to leave whatever else is true.
	Verdicts []*StayVerdict `yaml:"verdicts"`
	// History judges stay over check-ins (EvaluateHistory); nil when the
	// pack does not.
	History *StayHistory `yaml:"history"`
	Pos     Pos          `yaml:"-"`
}

// StayHistory is how a run of check-ins decides stay: worse after at least
// Worse of the Last check-ins is a trend (Trend); the latest one worse
// without a trend is one bad session (OneBad), never a trend. Reasons may
// hold {n} (how many were worse) and {last} (how many were looked at).
//
// From JudgeAfterDays days between the first check-in and the latest, Judge
// asks the person to judge fit (the guide's three to six months); 0 never
// does.
type StayHistory struct {
	Last           int         `yaml:"last"`
	Worse          int         `yaml:"worse"`
	Trend          HistoryRule `yaml:"trend"`
	OneBad         HistoryRule `yaml:"one_bad"`
	JudgeAfterDays int         `yaml:"judge_after_days"`
	Judge          HistoryRule `yaml:"judge"`
	// JudgeReplaces names stay rules that say "time to judge fit" from a
	// count of sessions: over a history the dates decide instead (Judge,
	// after JudgeAfterDays), so those rules' reasons are left out of it.
	JudgeReplaces []string `yaml:"judge_replaces"`
	Pos           Pos      `yaml:"-"`
}

// HistoryRule is one of stay.history's reasons.
type HistoryRule struct {
	ID                string `yaml:"id"`
	Reason            string `yaml:"reason"`
	ReasonCoordinator string `yaml:"reason_coordinator"`
	Source            string `yaml:"source"`
	Pos               Pos    `yaml:"-"`
}

// StayRule moves the stay answer, with a reason.
type StayRule struct {
	ID     string    `yaml:"id"`
	When   Condition `yaml:"when"`
	Stay   StayValue `yaml:"stay"`
	Reason string    `yaml:"reason"`
	// ReasonCoordinator is Reason worded for a coordinator ("they").
	ReasonCoordinator string `yaml:"reason_coordinator"`
	// Crisis puts the crisis-resources note first.
	Crisis bool   `yaml:"crisis"`
	Source string `yaml:"source"`
	Pos    Pos    `yaml:"-"`
}

// StayVerdict maps the circle's verdict to a stay answer.
type StayVerdict struct {
	ID                string    `yaml:"id"`
	Verdict           Verdict   `yaml:"verdict"`
	Stay              StayValue `yaml:"stay"`
	Reason            string    `yaml:"reason"`
	ReasonCoordinator string    `yaml:"reason_coordinator"`
	Source            string    `yaml:"source"`
	Pos               Pos       `yaml:"-"`
}

// Format is one of the four kinds of circle, with the rules that rank it.
type Format struct {
	ID        string `yaml:"id"`
	Name      string `yaml:"name"`
	Summary   string `yaml:"summary"`
	Size      string `yaml:"size"`
	Cost      string `yaml:"cost"`
	Frequency string `yaml:"frequency"`
	FitsWho   string `yaml:"fits"`
	Cautions  string `yaml:"cautions"`
	Source    string `yaml:"source"`
	Base      Fit    `yaml:"base"`
	// LookFor lists the questions that hold what to look for in this
	// format (a retreat's team, screening and medical backup); those still
	// unanswered are asked right after the three questions.
	LookFor []string   `yaml:"look_for"`
	Rules   []*FitRule `yaml:"rules"`
	Pos     Pos        `yaml:"-"`
}

// FitRule moves a format's fit for this person, with a reason.
type FitRule struct {
	ID     string    `yaml:"id"`
	When   Condition `yaml:"when"`
	Fit    Fit       `yaml:"fit"`
	Reason string    `yaml:"reason"`
	// ReasonCoordinator is Reason worded for a coordinator ("they").
	ReasonCoordinator string `yaml:"reason_coordinator"`
	Source            string `yaml:"source"`
	Pos               Pos    `yaml:"-"`
}

// Band maps a minimum score to a verdict.
type Band struct {
	Verdict Verdict `yaml:"verdict"`
	Min     int     `yaml:"min"`
	Pos     Pos     `yaml:"-"`
}

// Condition is declarative: it names a question and a test on its answer, or
// combines other conditions. It can never run code.
type Condition struct {
	Question string   `yaml:"question"`
	Is       []string `yaml:"is"`       // answered with one of these
	Includes []string `yaml:"includes"` // a multi answer includes one of these
	Lacks    []string `yaml:"lacks"`    // a multi answer, given, lacks one of these
	Answered *bool    `yaml:"answered"` // has a known answer (not absent, not "unknown")
	Above    *float64 `yaml:"above"`    // a number strictly above
	Below    *float64 `yaml:"below"`    // a number strictly below
	// Count with Includes: at least this many of the listed options; with
	// Any: at least this many of the conditions.
	AtLeast *int `yaml:"at_least"`

	All []*Condition `yaml:"all"`
	Any []*Condition `yaml:"any"`
	Not *Condition   `yaml:"not"`
	Pos Pos          `yaml:"-"`
}
