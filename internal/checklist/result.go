package checklist

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
