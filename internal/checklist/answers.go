package checklist

import (
	"slices"
	"sort"
)

// AnswersVersion is the answers-file format this build writes and the newest
// it reads.
const AnswersVersion = 1

// Value is one answer. Which field is meaningful depends on the question's Kind.
type Value struct {
	Choice string   // choice and tristate
	List   []string // multi: the items that hold ([] is a real answer: "none of these")
	// Unsure lists a multi question's items still unknown (the mapping form,
	// "confidentiality: yes, no-pressure: unknown"): neither held nor ruled
	// out, so they become follow-ups rather than penalties.
	Unsure []string
	Number float64 // number; a range's low end
	// Upper is a range's high end ("20-60"); nil for a single number.
	// Conditions judge a range on both ends: above looks at the high end,
	// below at the low end, so a range is never more reassuring than
	// either of its ends.
	Upper *float64
	// Approx marks a number said as an approximation ("about 12"): scored
	// as said, shown and saved as approximate.
	Approx bool
	Text   string // text
}

// Equal reports whether two answers are the same answer: a changed range
// end, an item now unsure or a number now approximate is a change.
func (v Value) Equal(o Value) bool {
	return v.Choice == o.Choice && v.Number == o.Number && v.Text == o.Text && v.Approx == o.Approx &&
		slices.Equal(v.List, o.List) && (v.List == nil) == (o.List == nil) &&
		slices.Equal(v.Unsure, o.Unsure) &&
		(v.Upper == nil) == (o.Upper == nil) && (v.Upper == nil || *v.Upper == *o.Upper)
}

// Extra is an answer or note whose ID the current pack does not know, kept
// verbatim so that a draft made under older rules loses nothing.
type Extra struct {
	ID     string // the key as written
	Raw    string // the YAML text of the value, as written
	Pos    Pos
	Circle bool // kept from the circle block, where ID is a field name
}

// Answers is what the user has said about one circle. A question that is
// absent has not been asked yet; that never counts as a pass.
type Answers struct {
	Version int
	Values  map[string]Value
	Notes   map[string]string
	// Unknown holds answers for IDs the pack does not define (lenient loads only).
	Unknown []Extra
	// UnknownNotes holds notes for IDs the pack does not define.
	UnknownNotes []Extra
	// KeptItems holds, per list question, items the pack does not know
	// (as YAML text), kept beside the answer and written back with it.
	KeptItems map[string][]string
	// ResumeAt is the question a walkthrough was on when these answers were
	// saved (drafts only); it lets a resumed intake continue where it stopped.
	ResumeAt string
	// Vetted says when, by whom and from what these answers were gathered:
	// the date of the call or visit, not the date a report is printed.
	Vetted Provenance
	// Service is the circle's service record (contact, schedule,
	// languages, cost, last verified), from the circle block.
	Service Service
}

// ResumeReview is the resume point of a walkthrough that stopped on the
// review or the summary: every question was passed, so it opens at the
// review rather than at whichever question the review's cursor was on.
const ResumeReview = "review"

// Provenance is where a vetting's answers came from. Every field is
// optional; an empty one is unknown.
type Provenance struct {
	// On is the date of the call or visit, YYYY-MM-DD.
	On string `json:"on,omitempty"`
	// By is who gathered the answers, as they wish to be named.
	By string `json:"by,omitempty"`
	// Source is how: one of Sources.
	Source string `json:"source,omitempty"`
	// Rules is the rules pack the answers were scored with when they were
	// kept: its id and version, "vetcircle-en 2.0.0".
	Rules string `json:"rules,omitempty"`
}

// Sources are the ways a vetting's answers can be gathered: a call with the
// facilitator, the circle's website or papers, a session attended, other.
var Sources = []string{"call", "website", "session", "other"}

// IsZero reports whether nothing is known of where the answers came from.
func (p Provenance) IsZero() bool { return p == Provenance{} }

// NewAnswers returns an empty set of answers.
func NewAnswers() *Answers {
	return &Answers{Version: AnswersVersion, Values: map[string]Value{}, Notes: map[string]string{}}
}

// Get returns the answer to a question and whether there is one.
func (a *Answers) Get(id string) (Value, bool) {
	if a == nil {
		return Value{}, false
	}
	v, ok := a.Values[id]
	return v, ok
}

// Set records an answer.
func (a *Answers) Set(id string, v Value) {
	if a.Values == nil {
		a.Values = map[string]Value{}
	}
	a.Values[id] = v
}

// KeepItem keeps an unknown list item (YAML text) for question id.
func (a *Answers) KeepItem(id, raw string) {
	if a.KeptItems == nil {
		a.KeptItems = map[string][]string{}
	}
	a.KeptItems[id] = append(a.KeptItems[id], raw)
}

// Clear forgets an answer, so the question is "not asked yet" again.
func (a *Answers) Clear(id string) { delete(a.Values, id) }

// SetNote records a note for a question; an empty note removes it.
func (a *Answers) SetNote(id, note string) {
	if a.Notes == nil {
		a.Notes = map[string]string{}
	}
	if note == "" {
		delete(a.Notes, id)
		return
	}
	a.Notes[id] = note
}

// Len counts the answers given.
func (a *Answers) Len() int {
	if a == nil {
		return 0
	}
	return len(a.Values) + len(a.Notes)
}

// Clone returns a deep copy, so a caller can change answers while a scoring
// command works on the old ones.
func (a *Answers) Clone() *Answers {
	if a == nil {
		return NewAnswers()
	}
	c := &Answers{Version: a.Version, ResumeAt: a.ResumeAt, Vetted: a.Vetted, Service: a.Service.Clone(), Values: make(map[string]Value, len(a.Values)), Notes: make(map[string]string, len(a.Notes))}
	for k, v := range a.Values {
		v.List = slices.Clone(v.List)
		v.Unsure = slices.Clone(v.Unsure)
		c.Values[k] = v
	}
	for k, v := range a.Notes {
		c.Notes[k] = v
	}
	c.Unknown = slices.Clone(a.Unknown)
	if a.KeptItems != nil {
		c.KeptItems = make(map[string][]string, len(a.KeptItems))
		for k, v := range a.KeptItems {
			c.KeptItems[k] = slices.Clone(v)
		}
	}
	c.UnknownNotes = slices.Clone(a.UnknownNotes)
	return c
}

// known reports whether the answer is settled: given, and not "unknown".
func (v Value) known(q *Question) bool {
	switch q.Kind {
	case KindTristate, KindChoice:
		return v.Choice != "" && v.Choice != Unknown
	case KindText:
		return v.Text != ""
	case KindMulti:
		// Settled only when no item is left unknown: a partly known list
		// still has something to ask, and lacks never fires on the unknown.
		return len(v.Unsure) == 0
	}
	return true
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
