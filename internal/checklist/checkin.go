package checklist

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// CheckinVersion is the check-in file format this build writes and reads.
const CheckinVersion = 1

// How someone felt after a session, as a check-in records it.
const (
	FeltBetter = "better"
	FeltSame   = "same"
	FeltWorse  = "worse"
)

// Checkin is one session of a circle someone attends: the day, how they
// felt afterwards, the signs to leave they noticed, what they saw of the
// facilitation, whether they are in acute distress now, and a note. The
// IDs are the pack's (leave-signs, facilitation-good, facilitation-poor),
// so check-ins score in every language.
type Checkin struct {
	Circle   string   `json:"circle"`
	Date     string   `json:"date"` // YYYY-MM-DD
	Felt     string   `json:"felt"`
	Signs    []string `json:"signs"`
	Seen     []string `json:"seen"`
	Distress string   `json:"distress,omitempty"` // yes, no, or "" (not asked)
	Note     string   `json:"note,omitempty"`
	// Recorded says when the check-in was kept (on), by whom, from what
	// (source) and under which rules; every field optional.
	Recorded Provenance `json:"recorded,omitzero"`
	// File is where the check-in is kept; not part of the file.
	File string `json:"file,omitempty"`
}

// The pack's questions a check-in records: the signs to leave noticed
// (Checkin.Signs), the facilitation seen (Checkin.Seen, good and poor
// together) and distress now. The walkthrough's check-in asks them, check-in
// files and flags take their option IDs, and the stay rules judge them.
const (
	CheckinSigns    = "leave-signs"
	CheckinDistress = "distress"
)

// CheckinSeen are the questions whose options Checkin.Seen records.
var CheckinSeen = []string{"facilitation-good", "facilitation-poor"}

// CheckinOptions are the option IDs a check-in may record: as signs (the
// leave-signs question's) and as seen (the facilitation questions'), in
// the pack's order.
func CheckinOptions(p *Pack) (signs, seen []string) {
	options := func(ids ...string) []string {
		var out []string
		for _, id := range ids {
			if q := p.Question(id); q != nil {
				out = append(out, q.OptionIDs()...)
			}
		}
		return out
	}
	return options(CheckinSigns), options(CheckinSeen...)
}

// EarliestDate is the first date a session or a vetting can have: a date
// before it is a typing slip (0001-01-01), not a session.
var EarliestDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseCheckin reads a check-in file strictly: every problem at once, each
// with file:line:col and a hint, in the pack's language where it has one.
func ParseCheckin(p *Pack, file string, data []byte) (*Checkin, error) {
	root, err := yamlread.Parse(file, data, yamlread.AnswersLimits)
	if err != nil {
		return nil, err
	}
	l := errorList{p: p}
	if root.Kind != yamlread.MapNode {
		return nil, &Error{Pos: root.Pos, Msg: "expected a mapping with version, circle, date and felt, found " + root.Kind.String(), Hint: "see README, Check-ins"}
	}
	c := &Checkin{File: file, Signs: []string{}, Seen: []string{}}
	version := false
	signs, seen := CheckinOptions(p)
	list := func(v *yamlread.Node, allowed []string) []string {
		out := []string{}
		if v.Kind != yamlread.SeqNode {
			l.addHint(v.Pos, "allowed: %s", []any{strings.Join(allowed, ", ")}, "expected a list, found %s", v.Kind)
			return out
		}
		for _, it := range v.Items {
			s, ok := it.Str()
			if !ok || !slices.Contains(allowed, s) {
				l.addHint(it.Pos, "allowed: %s", []any{strings.Join(allowed, ", ")}, "%s is not one of the options", yamlread.Describe(it))
				continue
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	for i, k := range root.Keys {
		v := root.Vals[i]
		s, isStr := v.Str()
		switch k.Value {
		case "version":
			f, ok := number(v)
			if !ok || f != CheckinVersion {
				l.add(v.Pos, "write version: 1", "version %v is not valid", v.Value)
			}
			version = true
		case "circle":
			if !isStr || strings.TrimSpace(s) == "" || len(s) > 200 {
				l.add(v.Pos, "write the circle's name", "circle must be a name of at most 200 characters")
			}
			c.Circle = s
		case "date":
			if d, err := time.Parse(time.DateOnly, s); !isStr || err != nil {
				l.add(v.Pos, "write the date as YYYY-MM-DD", "date %q is not a date", v.Value)
			} else if d.Before(EarliestDate) {
				l.add(v.Pos, "write the date the session was held", "date %s is before %s", s, EarliestDate.Format(time.DateOnly))
			}
			c.Date = s
		case "felt":
			if !isStr || (s != FeltBetter && s != FeltSame && s != FeltWorse) {
				l.add(v.Pos, "allowed: better, same, worse", "felt %q is not better, same or worse", v.Value)
			}
			c.Felt = s
		case "signs":
			c.Signs = list(v, signs)
		case "seen":
			c.Seen = list(v, seen)
		case "distress":
			if b, ok := v.Bool(); ok {
				s = map[bool]string{true: Yes, false: No}[b]
			}
			if s != Yes && s != No {
				l.add(v.Pos, "answer yes or no", "distress %q is not yes or no", v.Value)
			}
			c.Distress = s
		case "note":
			c.Note = recordNote(v, s, isStr, &l)
		case "recorded":
			c.Recorded = recorded(v, &l)
		default:
			l.add(k.Pos, "allowed: version, circle, date, felt, signs, seen, distress, note, recorded", "unknown key %q", k.Value)
		}
	}
	if !version {
		l.add(root.Pos, "add version: 1 at the top", "check-in has no version")
	}
	for key, v := range map[string]string{"circle": c.Circle, "date": c.Date, "felt": c.Felt} {
		if v == "" && root.Get(key) == nil {
			l.add(root.Pos, "add "+key+":", "check-in has no %s", key)
		}
	}
	if err := l.err(); err != nil {
		yamlread.SortErrors(l.errs)
		return nil, err
	}
	return c, nil
}

// MarshalCheckin writes a check-in as the file ParseCheckin reads back.
func MarshalCheckin(c *Checkin) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# vetcircle check-in\nversion: %d\n", CheckinVersion)
	fmt.Fprintf(&b, "circle: %s\ndate: %s\nfelt: %s\n", quote(c.Circle), c.Date, c.Felt)
	fmt.Fprintf(&b, "signs: [%s]\nseen: [%s]\n", strings.Join(c.Signs, ", "), strings.Join(c.Seen, ", "))
	if c.Distress != "" {
		fmt.Fprintf(&b, "distress: %s\n", c.Distress)
	}
	if c.Note != "" {
		fmt.Fprintf(&b, "note: %s\n", quote(c.Note))
	}
	writeProvenance(&b, "recorded", c.Recorded)
	return b.Bytes()
}

// historyAnswers turns the latest check-ins into the answers the stay rules
// judge: the person attends, has been to as many sessions as there are
// check-ins (at least), noticed the signs of the recent ones, and has seen
// what the recent ones record of the facilitation.
func historyAnswers(p *Pack, a *Answers, recent []Checkin, total int) *Answers {
	out := a.Clone()
	out.Set("stage", Value{Choice: "attending"})
	if v, ok := out.Get("sessions-attended"); !ok || v.Number < float64(total) {
		out.Set("sessions-attended", Value{Number: float64(total)})
	}
	var signs, seen []string
	for _, c := range recent {
		signs = append(signs, c.Signs...)
		seen = append(seen, c.Seen...)
	}
	pick := func(id string, from []string) {
		q := p.Question(id)
		if q == nil {
			return
		}
		v := Value{List: []string{}}
		for _, o := range q.OptionIDs() {
			if slices.Contains(from, o) {
				v.List = append(v.List, o)
			}
		}
		out.Set(id, v)
	}
	pick(CheckinSigns, signs)
	for _, id := range CheckinSeen {
		pick(id, seen)
	}
	if last := recent[len(recent)-1]; last.Distress != "" {
		out.Set(CheckinDistress, Value{Choice: last.Distress})
	}
	return out
}

// EvaluateHistory scores a circle for someone attending it over time: the
// answers of its latest vetting (or none), with the recent check-ins as
// what the person has seen, and the stay answer judged over the history as
// the pack's stay.history says: feeling worse after most of the recent
// sessions is a trend and a reason to leave; one bad session is not; and
// with the check-ins counted as sessions, the first ones are early days
// (EARLY-DAYS) and enough of them prompt judging fit. checkins are in date
// order, oldest first.
func EvaluateHistory(p *Pack, a *Answers, checkins []Checkin) Result {
	if len(checkins) == 0 || p.Stay == nil || p.Stay.History == nil {
		return Evaluate(p, a)
	}
	h := p.Stay.History
	if a == nil {
		a = NewAnswers()
	}
	recent := checkins[max(0, len(checkins)-h.Last):]
	r := Evaluate(p, historyAnswers(p, a, recent, len(checkins)))
	coord := Coordinator(a)
	worse := 0
	for _, c := range recent {
		if c.Felt == FeltWorse {
			worse++
		}
	}
	// add gives a history reason: first when it makes the answer worse or
	// is as bad as the answer, after the others when it is milder.
	add := func(t *HistoryRule, v StayValue, n int) {
		text := t.Reason
		if coord && t.ReasonCoordinator != "" {
			text = t.ReasonCoordinator
		}
		text = strings.NewReplacer("{n}", strconv.Itoa(n), "{last}", strconv.Itoa(len(recent))).Replace(text)
		reason := Reason{Rule: t.ID, Text: text, Source: t.Source}
		if v.Rank() <= r.Stay.Value.Rank() {
			r.Stay.Value = v
			r.Stay.Reasons = append([]Reason{reason}, r.Stay.Reasons...)
		} else {
			r.Stay.Reasons = append(r.Stay.Reasons, reason)
		}
	}
	switch {
	case worse >= h.Worse:
		// Feeling worse again and again is itself a sign to leave: the
		// "no sign applies" of the check-ins' own signs would contradict it.
		r.Stay.Reasons = slices.DeleteFunc(r.Stay.Reasons, func(x Reason) bool { return x.Rule == "LEAVE-NONE" })
		add(&h.Trend, StayLeave, worse)
		r.Crisis = true // feeling worse, again and again: the crisis line first
	case recent[len(recent)-1].Felt == FeltWorse:
		add(&h.OneBad, StayWatch, worse)
	}
	// Fit is judged over months, not a count of sessions: six weekly
	// sessions are five weeks, not the guide's three to six months.
	r.Stay.Reasons = slices.DeleteFunc(r.Stay.Reasons, func(x Reason) bool { return slices.Contains(h.JudgeReplaces, x.Rule) })
	// Months in, the time has come to judge fit: a prompt among the
	// reasons, which leaves the answer as it is.
	if h.JudgeAfterDays > 0 && h.Judge.ID != "" {
		first, err1 := time.Parse(time.DateOnly, checkins[0].Date)
		last, err2 := time.Parse(time.DateOnly, checkins[len(checkins)-1].Date)
		if err1 == nil && err2 == nil && last.Sub(first) >= time.Duration(h.JudgeAfterDays)*24*time.Hour {
			text := h.Judge.Reason
			if coord && h.Judge.ReasonCoordinator != "" {
				text = h.Judge.ReasonCoordinator
			}
			r.Stay.Reasons = append(r.Stay.Reasons, Reason{Rule: h.Judge.ID, Text: text, Source: h.Judge.Source})
		}
	}
	r.Headline = p.headline(r)
	return r
}

// recordNote reads a check-in's or a referral's note: quoted text, short.
func recordNote(v *yamlread.Node, s string, isStr bool, l *errorList) string {
	if !isStr || len(s) > MaxTextLen {
		l.add(v.Pos, "quote the note, and keep it short", "note must be text of at most %d bytes", MaxTextLen)
	}
	return s
}

// recorded reads a record's "recorded:" block, written as an answers
// file's "vetted:" is: when it was kept, by whom, from what.
func recorded(v *yamlread.Node, l *errorList) Provenance {
	var a Answers
	parseVetted(&a, v, l)
	return a.Vetted
}
