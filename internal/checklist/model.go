// Package checklist is vetcircle's domain: the rule-pack model, loading and
// validating packs and answer files, and scoring answers against a pack.
//
// It knows nothing of terminals. Every sentence a user reads comes from the
// pack; this package only moves those sentences into a Result.
package checklist

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Kind is the shape of a question's answer.
type Kind string

// The kinds of question a pack may declare.
const (
	KindChoice   Kind = "choice"   // exactly one option
	KindMulti    Kind = "multi"    // a list of options; [] means "none of them"
	KindTristate Kind = "tristate" // yes, no or unknown
	KindNumber   Kind = "number"   // a number within optional bounds
	KindText     Kind = "text"     // free text, never scored
)

// Tristate answer values.
const (
	Yes     = "yes"
	No      = "no"
	Unknown = "unknown"
)

// Severity grades a finding. Strengths are findings too, so every point that
// moves the score is visible.
type Severity string

// Severities, from worst to best.
const (
	SevCritical Severity = "critical"
	SevMajor    Severity = "major"
	SevMinor    Severity = "minor"
	SevInfo     Severity = "info"
	SevStrength Severity = "strength"
)

var severities = []Severity{SevCritical, SevMajor, SevMinor, SevInfo, SevStrength}

// Verdict is the overall call on a circle.
type Verdict string

// Verdicts. Their order for capping is avoid < incomplete < caution < promising:
// a red flag that decides avoid wins over missing answers, and missing core
// answers win over a good score.
const (
	VerdictAvoid      Verdict = "avoid"
	VerdictIncomplete Verdict = "incomplete"
	VerdictCaution    Verdict = "caution"
	VerdictPromising  Verdict = "promising"
)

// Verdicts lists every verdict from worst to best.
var Verdicts = []Verdict{VerdictAvoid, VerdictIncomplete, VerdictCaution, VerdictPromising}

// Rank orders verdicts from worst (0) to best; -1 for an unknown verdict.
func (v Verdict) Rank() int { return slices.Index(Verdicts, v) }

// Fit says how well one of the four formats suits this person now.
type Fit string

// Fits, from best to worst.
const (
	FitGood     Fit = "good"
	FitPossible Fit = "possible"
	FitNotNow   Fit = "not-now"
	FitPoor     Fit = "poor"
)

// Fits lists every fit from worst to best.
var Fits = []Fit{FitPoor, FitNotNow, FitPossible, FitGood}

// FitUnknown is the answer to "is it right for this person now?" while
// nothing about the person is known: not a judgement, so it has no rank
// among Fits; the questions for the person say what would settle it.
const FitUnknown Fit = "unknown"

// Rank orders fits from worst (0) to best; -1 for an unknown fit.
func (f Fit) Rank() int { return slices.Index(Fits, f) }

// Pack is a loaded and validated rule pack: questions, scoring rules, formats
// and every user-facing sentence.
type Pack struct {
	Meta      Meta
	Sections  []*Section
	Questions []*Question
	Rules     []*Rule
	Formats   []*Format
	// Derived are answers implied by other answers ("my own experience is
	// my training" confirms the no-training red flag).
	Derived []*Derivation
	// CircleFit rules judge this circle's own circumstances (where it meets,
	// what it costs) for this person, beside its format's fit rules.
	CircleFit []*FitRule
	// FitUnknown, when its condition holds (nothing known about the
	// person), answers fit "not known yet" instead of guessing from a
	// format's base fit.
	FitUnknown *FitRule
	// CrisisWords are phrases of crisis (in every language the pack
	// expects people to write in); found in a note or free text, they bring
	// the crisis line first, quoting what was written. A word ending in *
	// matches any word it begins.
	CrisisWords []string
	// Stay decides, for someone already attending, whether to stay.
	Stay      *StayBlock
	Bands     []Band
	BaseScore int
	// Text holds the summary's fixed sentences and headings, by key.
	Text map[string]string

	byID      map[string]*Question
	formatIdx map[string]*Format
	// crisisPhrases is CrisisWords split into words, once, indexed by first
	// word (crisisFirst) or, for a phrase that starts with a stem, listed in
	// crisisStems.
	crisisPhrases [][]string
	crisisFirst   map[string][]int
	crisisStems   []int
	// lang is Meta.Language parsed once, for plurals and number formats.
	lang language.Tag
}

// Meta names and dates a pack.
type Meta struct {
	ID           string `yaml:"id"`
	Name         string `yaml:"name"`
	Version      string `yaml:"version"`
	LastReviewed string `yaml:"last_reviewed"`
	Language     string `yaml:"language"`
	Guide        Guide  `yaml:"guide"`
	Pos          Pos    `yaml:"-"`
}

// Guide names the document every rule cites.
type Guide struct {
	Title        string `yaml:"title"`
	LastReviewed string `yaml:"last_reviewed"`
	// Headings are the guide's section headings; every source: in the pack
	// must be one of them (or Addition), so a citation can be looked up.
	Headings []string `yaml:"headings"`
	// Addition is the source named by what the pack adds beyond the guide
	// (the distress question, crisis lines), so it is never passed off as
	// the guide's own advice.
	Addition string `yaml:"addition"`
	// Sources are second sources, each named by authors, year and title,
	// that a rule may cite where the guide is silent (a dual role, say), so
	// what the guide does not say is never passed off as its advice.
	Sources []string `yaml:"sources"`
}

// Section groups questions into one step of the walkthrough.
type Section struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Intro string `yaml:"intro"`
	// IntroCoordinator replaces Intro for a care coordinator on a call.
	IntroCoordinator string `yaml:"intro_coordinator"`
	// TitleCoordinator replaces Title for a care coordinator, where the
	// section is about the person they help ("The person's fit").
	TitleCoordinator string `yaml:"title_coordinator"`
	// Record says which record the section's answers belong to when a
	// vetting is kept: "circle" (the default: facts about the circle, kept
	// in the register a team may share) or "person" (about the person the
	// vetting is for, kept only in their private record).
	Record string     `yaml:"record"`
	Source string     `yaml:"source"`
	When   *Condition `yaml:"when"`
	Pos    Pos        `yaml:"-"`
}

// Question is one thing to find out, with the words to ask it.
type Question struct {
	ID      string `yaml:"id"`
	Section string `yaml:"section"`
	Kind    Kind   `yaml:"kind"`
	// Core marks the three questions to ask every facilitator.
	Core bool `yaml:"core"`
	// RedFlag marks the red-flag checklist.
	RedFlag bool `yaml:"red_flag"`
	// CircleField stores the answer in the answers file's circle block.
	CircleField string `yaml:"circle_field"`
	// Label is the short name used in reviews, tables and findings.
	Label string `yaml:"label"`
	// Prompt is the question as the user reads it on screen.
	Prompt string `yaml:"prompt"`
	// Say is the exact words to put to the facilitator (or to oneself).
	Say string `yaml:"say"`
	// PromptCoordinator and SayCoordinator word the question for a care
	// coordinator asking on someone's behalf ("How do they feel…", "How
	// comfortable are you…"); empty means the same words for everyone.
	PromptCoordinator string `yaml:"prompt_coordinator"`
	SayCoordinator    string `yaml:"say_coordinator"`
	// Ask says who the question is put to: "facilitator" or "self".
	Ask string `yaml:"ask"`
	// ListenGood and ListenWorrying describe a good and a worrying answer.
	ListenGood     string     `yaml:"listen_good"`
	ListenWorrying string     `yaml:"listen_worrying"`
	Why            string     `yaml:"why"`
	Source         string     `yaml:"source"`
	When           *Condition `yaml:"when"`
	Options        []*Option  `yaml:"options"`
	Min            *float64   `yaml:"min"`
	Max            *float64   `yaml:"max"`
	Unit           string     `yaml:"unit"`
	// Example is how a number may be typed, for error messages ("90, 2h or
	// 1h30" for a length in minutes).
	Example string `yaml:"example"`
	// Optional questions do not count toward completeness.
	Optional bool `yaml:"optional"`
	// Settles, for a multi core question, names the items that settle it
	// for the verdict: once each is known, or one is known to be missing,
	// the question no longer holds the verdict at incomplete, and items
	// still unknown stay follow-ups. Empty: every item must be known.
	Settles []string `yaml:"settles"`
	// Detail marks a detail that real circles' pages state (how it is paid
	// for, its norms, its language): optional, kept in answers files,
	// scored and shown, but not asked in the step-by-step walkthrough,
	// which keeps to what every vetting needs.
	Detail bool `yaml:"detail"`
	// First puts the question before every other one to the same person in
	// the follow-ups, even when it is optional (acute distress).
	First bool `yaml:"first"`
	Pos   Pos  `yaml:"-"`
}

// Option is one allowed answer to a choice or multi question.
type Option struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	Help  string `yaml:"help"`
	// Best marks the answer a careful facilitator would give.
	Best bool `yaml:"best"`
	// CircleObservation marks an option of a person's question that says
	// something about the circle itself (advice-giving, pressure, coercion
	// seen in a session): a check-in or an attending vetting adds it to
	// the circle's record, without the person.
	CircleObservation bool `yaml:"circle_observation"`
	Pos               Pos  `yaml:"-"`
}

// The role question and its coordinator answer are part of the stable
// vocabulary: they choose how questions are worded.
const (
	RoleQuestion    = "user-role"
	RoleCoordinator = "coordinator"
)

// Coordinator reports whether a care coordinator is filling in the answers.
func Coordinator(a *Answers) bool {
	v, _ := a.Get(RoleQuestion)
	return v.Choice == RoleCoordinator
}

// PromptFor is the question as this user reads it.
func (q *Question) PromptFor(a *Answers) string {
	if q.PromptCoordinator != "" && Coordinator(a) {
		return q.PromptCoordinator
	}
	return q.Prompt
}

// SayFor is the words this user says: a coordinator asks the person they
// help the questions a patient would ask themselves.
func (q *Question) SayFor(a *Answers) string {
	if q.SayCoordinator != "" && Coordinator(a) {
		return q.SayCoordinator
	}
	return q.Say
}

// IntroFor is the section's introduction for this user.
func (s *Section) TitleFor(a *Answers) string {
	if s.TitleCoordinator != "" && Coordinator(a) {
		return s.TitleCoordinator
	}
	return s.Title
}

// IntroFor is the section's intro for whoever is filling it in.
func (s *Section) IntroFor(a *Answers) string {
	if s.IntroCoordinator != "" && Coordinator(a) {
		return s.IntroCoordinator
	}
	return s.Intro
}

// Option returns the question's option with that ID, or nil.
func (q *Question) Option(id string) *Option {
	for _, o := range q.Options {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// OptionIDs lists the IDs a question accepts, in pack order.
func (q *Question) OptionIDs() []string {
	switch q.Kind {
	case KindTristate:
		return []string{Yes, No, Unknown}
	case KindChoice, KindMulti:
		ids := make([]string, len(q.Options))
		for i, o := range q.Options {
			ids[i] = o.ID
		}
		return ids
	}
	return nil
}

// Lang is the pack's language, for plurals and number formats; the
// undetermined language when the pack names none it knows.
func (p *Pack) Lang() language.Tag {
	if p.lang == language.Und && p.Meta.Language != "" {
		// A pack not built by LoadPack or Index: parse it each time rather
		// than write to a pack that goroutines may share.
		return language.Make(p.Meta.Language)
	}
	return p.lang
}

// Question returns the question with that ID, or nil.
func (p *Pack) Question(id string) *Question { return p.byID[id] }

// Format returns the format with that ID, or nil.
func (p *Pack) Format(id string) *Format { return p.formatIdx[id] }

// Section returns the section with that ID, or nil.
func (p *Pack) Section(id string) *Section {
	for _, s := range p.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// SectionQuestions returns the questions of a section, in pack order.
func (p *Pack) SectionQuestions(id string) []*Question {
	var qs []*Question
	for _, q := range p.Questions {
		if q.Section == id {
			qs = append(qs, q)
		}
	}
	return qs
}

// T returns the pack's sentence for key, or the key in brackets so a missing
// sentence shows up in review rather than vanishing.
func (p *Pack) T(key string) string {
	if s, ok := p.Text[key]; ok {
		return s
	}
	return "[" + key + "]"
}

// Tf is T with {name} placeholders replaced from pairs of name, value.
// When a placeholder {n} holds a whole number the pack's language calls
// singular, the key's ".one" variant is used if the pack has one ("1 red
// flag" beside "{n} red flags"), so a pack handles its own plurals.
func (p *Pack) Tf(key string, pairs ...string) string {
	s := p.T(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "n" {
			continue
		}
		if one, ok := p.Text[key+".one"]; ok {
			if n, err := strconv.Atoi(pairs[i+1]); err == nil && n >= 0 &&
				plural.Cardinal.MatchPlural(p.Lang(), n, 0, 0, 0, 0) == plural.One {
				s = one
			}
		}
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// SourceTitle is a guide heading (a rule's source:) as a reader of the
// pack's language reads it: the pack's "source.<slug>" text when it has
// one (the guide is in English; a translated pack names its headings in
// its own words), else the heading as the guide writes it.
func (p *Pack) SourceTitle(src string) string {
	if s, ok := p.Text[SourceKey(src)]; ok && s != "" {
		return s
	}
	return src
}

// Cite is a source for a document that cites it: the title in the pack's
// language, with the guide's own heading in brackets the first time a
// translated heading is cited (seen remembers which were).
func (p *Pack) Cite(src string, seen map[string]bool) string {
	t := p.SourceTitle(src)
	if t == src || seen[src] {
		return t
	}
	seen[src] = true
	return t + " [" + src + "]"
}

// SourceKey is the text key of a guide heading's translation:
// "source.when-to-leave-a-circle".
func SourceKey(src string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(src) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return "source." + strings.TrimSuffix(b.String(), "-")
}
