package checklist

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// Seen is what was seen of a circle in one session: the circle
// observations of a check-in or of an attending vetting (advice-giving,
// pressure, coercion), and the day. It belongs to the circle's record, and
// so holds nothing about the person who saw it: no name, no note, no felt.
type Seen struct {
	Date string   `json:"date"` // YYYY-MM-DD
	IDs  []string `json:"seen"`
	// File is where it is kept; not part of the file.
	File string `json:"file,omitempty"`
}

// SeenVersion is the seen-in-a-session file format this build writes.
const SeenVersion = 1

// MarshalSeen writes what ParseSeen reads.
func MarshalSeen(s *Seen) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# vetcircle: seen in a session of this circle (no one's name or notes)\nversion: %d\n", SeenVersion)
	fmt.Fprintf(&b, "date: %s\nseen: [%s]\n", s.Date, strings.Join(s.IDs, ", "))
	return b.Bytes()
}

// ParseSeen reads a seen-in-a-session file strictly: only the circle
// observations the pack marks, a date, a version.
func ParseSeen(p *Pack, file string, data []byte) (*Seen, error) {
	root, err := yamlread.Parse(file, data, yamlread.AnswersLimits)
	if err != nil {
		return nil, err
	}
	l := errorList{p: p}
	if root.Kind != yamlread.MapNode {
		return nil, &Error{Pos: root.Pos, Msg: "expected a mapping with version, date and seen, found " + root.Kind.String()}
	}
	var allowed []string
	for _, q := range p.Questions {
		for _, o := range q.Options {
			if o.CircleObservation {
				allowed = append(allowed, o.ID)
			}
		}
	}
	s := &Seen{File: file, IDs: []string{}}
	for i, k := range root.Keys {
		v := root.Vals[i]
		str, isStr := v.Str()
		switch k.Value {
		case "version":
			if f, ok := number(v); !ok || f != SeenVersion {
				l.add(v.Pos, "write version: 1", "version %v is not valid", v.Value)
			}
		case "date":
			if d, err := time.Parse(time.DateOnly, str); !isStr || err != nil || d.Before(EarliestDate) {
				l.add(v.Pos, "write the date as YYYY-MM-DD", "date %q is not a session's date", v.Value)
			}
			s.Date = str
		case "seen":
			if v.Kind != yamlread.SeqNode {
				l.add(v.Pos, "write a list, such as [allows-advice]", "seen must be a list")
				continue
			}
			for _, it := range v.Items {
				id, ok := it.Str()
				if !ok || !slices.Contains(allowed, id) {
					l.addHint(it.Pos, "allowed: %s", []any{strings.Join(allowed, ", ")}, "%s is not something seen of a circle", yamlread.Describe(it))
					continue
				}
				if !slices.Contains(s.IDs, id) {
					s.IDs = append(s.IDs, id)
				}
			}
		default:
			l.add(k.Pos, "allowed: version, date, seen", "unknown key %q", k.Value)
		}
	}
	if s.Date == "" {
		l.add(root.Pos, "add date:", "no date")
	}
	if err := l.err(); err != nil {
		yamlread.SortErrors(l.errs)
		return nil, err
	}
	return s, nil
}

// Referral statuses: where a person stands with a circle they were
// referred to ("closing the loop").
const (
	ReferralReferred = "referred"
	ReferralJoined   = "joined"
	ReferralDeclined = "declined"
	ReferralLeft     = "left"
)

// ReferralStatuses and ReferralBy are the values a referral takes.
var (
	ReferralStatuses = []string{ReferralReferred, ReferralJoined, ReferralDeclined, ReferralLeft}
	// ReferralBy says who declined: the person, the circle or the
	// coordinator.
	ReferralBy = []string{"person", "circle", "coordinator"}
)

// Referral is one step of a person's referral to a circle: its status, on
// what date, who declined (for declined), and a note. It belongs to the
// person's record only.
type Referral struct {
	Circle string `json:"circle"`
	Status string `json:"status"`
	Date   string `json:"date"`
	By     string `json:"by,omitempty"`
	Note   string `json:"note,omitempty"`
	// Recorded says when and by whom the step was kept.
	Recorded Provenance `json:"recorded,omitzero"`
	File     string     `json:"file,omitempty"`
}

// ReferralVersion is the referral file format this build writes.
const ReferralVersion = 1

// MarshalReferral writes what ParseReferral reads.
func MarshalReferral(r *Referral) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# vetcircle referral\nversion: %d\n", ReferralVersion)
	fmt.Fprintf(&b, "circle: %s\nstatus: %s\ndate: %s\n", quote(r.Circle), r.Status, r.Date)
	if r.By != "" {
		fmt.Fprintf(&b, "by: %s\n", r.By)
	}
	if r.Note != "" {
		fmt.Fprintf(&b, "note: %s\n", quote(r.Note))
	}
	writeProvenance(&b, "recorded", r.Recorded)
	return b.Bytes()
}

// ParseReferral reads a referral file strictly.
func ParseReferral(p *Pack, file string, data []byte) (*Referral, error) {
	root, err := yamlread.Parse(file, data, yamlread.AnswersLimits)
	if err != nil {
		return nil, err
	}
	l := errorList{p: p}
	if root.Kind != yamlread.MapNode {
		return nil, &Error{Pos: root.Pos, Msg: "expected a mapping with version, circle, status and date, found " + root.Kind.String()}
	}
	r := &Referral{File: file}
	for i, k := range root.Keys {
		v := root.Vals[i]
		s, isStr := v.Str()
		switch k.Value {
		case "version":
			if f, ok := number(v); !ok || f != ReferralVersion {
				l.add(v.Pos, "write version: 1", "version %v is not valid", v.Value)
			}
		case "circle":
			if !isStr || strings.TrimSpace(s) == "" || len(s) > 200 {
				l.add(v.Pos, "write the circle's name", "circle must be a name of at most 200 characters")
			}
			r.Circle = s
		case "status":
			if !slices.Contains(ReferralStatuses, s) {
				l.add(v.Pos, "allowed: "+strings.Join(ReferralStatuses, ", "), "status %q is not valid", v.Value)
			}
			r.Status = s
		case "date":
			if d, err := time.Parse(time.DateOnly, s); !isStr || err != nil || d.Before(EarliestDate) {
				l.add(v.Pos, "write the date as YYYY-MM-DD", "date %q is not a date", v.Value)
			}
			r.Date = s
		case "by":
			if !slices.Contains(ReferralBy, s) {
				l.add(v.Pos, "allowed: "+strings.Join(ReferralBy, ", "), "by %q is not valid", v.Value)
			}
			r.By = s
		case "note":
			r.Note = recordNote(v, s, isStr, &l)
		case "recorded":
			r.Recorded = recorded(v, &l)
		default:
			l.add(k.Pos, "allowed: version, circle, status, date, by, note, recorded", "unknown key %q", k.Value)
		}
	}
	for key, v := range map[string]string{"circle": r.Circle, "status": r.Status, "date": r.Date} {
		if v == "" && root.Get(key) == nil {
			l.add(root.Pos, "add "+key+":", "referral has no %s", key)
		}
	}
	if err := l.err(); err != nil {
		yamlread.SortErrors(l.errs)
		return nil, err
	}
	return r, nil
}
