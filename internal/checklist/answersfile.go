package checklist

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// MaxTextLen bounds one note, in bytes.
const MaxTextLen = 8 << 10

// MaxLineLen bounds a one-line text answer (a circle or facilitator name),
// in characters: the walkthrough's field holds as much.
const MaxLineLen = 200

// ParseAnswers reads an answers file strictly: any unknown ID, invalid option
// or wrong shape is an error, each with file:line:col. All problems are
// reported at once as Errors.
func ParseAnswers(p *Pack, file string, data []byte) (*Answers, error) {
	a, warnings, err := parseAnswers(p, file, data, false)
	if err != nil {
		return nil, err
	}
	if len(warnings) > 0 {
		return nil, warnings
	}
	return a, nil
}

// ParseAnswersLenient reads an answers file (a draft, say) made under other
// rules: answers whose ID or option this pack does not know are kept in
// a.Unknown, never dropped, and returned as warnings. Everything else is as
// strict as ParseAnswers.
func ParseAnswersLenient(p *Pack, file string, data []byte) (*Answers, Errors, error) {
	return parseAnswers(p, file, data, true)
}

func parseAnswers(p *Pack, file string, data []byte, lenient bool) (*Answers, Errors, error) {
	root, err := yamlread.Parse(file, data, yamlread.AnswersLimits)
	if err != nil {
		return nil, nil, err
	}
	if root.Kind != yamlread.MapNode {
		return nil, nil, &Error{Pos: root.Pos, Msg: "expected a mapping with version, circle, answers and notes, found " + root.Kind.String(), Hint: "see examples/ for the format"}
	}
	l, warn := errorList{p: p}, errorList{p: p}
	a := NewAnswers()
	a.Values = make(map[string]Value, len(p.Questions))
	a.Version = 0
	for i, k := range root.Keys {
		v := root.Vals[i]
		switch k.Value {
		case "version":
			f, ok := number(v)
			switch {
			case !ok || f != math.Trunc(f):
				l.add(v.Pos, "write version: 1", "version must be a whole number, found %q", v.Value)
			case f > AnswersVersion:
				l.addHint(v.Pos, "this build reads version %d; update vetcircle", []any{AnswersVersion}, "answers file version %v was written by a newer vetcircle", f)
			case f < 1:
				l.add(v.Pos, "write version: 1", "version %v is not valid", f)
			default:
				a.Version = int(f)
			}
		case "circle":
			parseCircle(p, a, v, &l, &warn, lenient)
		case "answers":
			if v.Kind == yamlread.NullNode {
				continue
			}
			if v.Kind != yamlread.MapNode {
				l.add(v.Pos, "write one question id: answer per line", "answers must be a mapping, found %s", v.Kind)
				continue
			}
			for j, ak := range v.Keys {
				q := p.byID[ak.Value]
				if q != nil && q.CircleField != "" {
					l.addHint(ak.Pos, "move it under circle: as %s", []any{q.CircleField}, "%s belongs in the circle block", ak.Value)
					continue
				}
				parseAnswer(p, a, ak, v.Vals[j], &l, &warn, lenient)
			}
		case "notes":
			parseNotes(p, a, v, &l, &warn, lenient)
		case "vetted":
			parseVetted(a, v, &l)
		case "resume_at":
			s, ok := v.Str()
			if !ok {
				l.add(v.Pos, "write a question id", "resume_at must be a question id, found %s", v.Kind)
				continue
			}
			if p.byID[s] != nil || s == ResumeReview {
				a.ResumeAt = s
			}
		default:
			l.add(k.Pos, "allowed: version, circle, vetted, answers, notes, resume_at", "unknown key %q", k.Value)
		}
	}
	if root.Get("version") == nil {
		l.add(root.Pos, "add version: 1 at the top", "answers file has no version")
	}
	if err := l.err(); err != nil {
		return nil, nil, err
	}
	return a, warn.errs, nil
}

// writeProvenance writes a vetted (answers) or recorded (check-in) block,
// nothing when every field is empty.
func writeProvenance(b *bytes.Buffer, key string, v Provenance) {
	var lines []string
	for _, f := range [][2]string{{"on", v.On}, {"by", v.By}, {"source", v.Source}, {"rules", v.Rules}} {
		if f[1] != "" {
			lines = append(lines, fmt.Sprintf("  %s: %s\n", f[0], quote(f[1])))
		}
	}
	writeBlock(b, key, lines)
}

// parseVetted reads the vetted block: on (YYYY-MM-DD), by (a name), source
// (one of Sources), rules (the pack's id and version). Check-ins' recorded
// block is read the same way.
func parseVetted(a *Answers, n *yamlread.Node, l *errorList) {
	if n.Kind == yamlread.NullNode {
		return
	}
	if n.Kind != yamlread.MapNode {
		l.add(n.Pos, "write vetted: {on: 2026-11-30, by: ..., source: call}", "vetted must be a mapping, found %s", n.Kind)
		return
	}
	for i, k := range n.Keys {
		v := n.Vals[i]
		s, ok := v.Str()
		if !ok {
			l.add(v.Pos, "write it as text", "vetted %s must be text, found %s", k.Value, v.Kind)
			continue
		}
		switch k.Value {
		case "on":
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				l.add(v.Pos, "write the date of the call or visit as YYYY-MM-DD", "vetted on %q is not a date", s)
				continue
			}
			a.Vetted.On = s
		case "by":
			if utf8.RuneCountInString(s) > MaxLineLen {
				l.add(v.Pos, "shorten it", "vetted by is over %d characters", MaxLineLen)
				continue
			}
			a.Vetted.By = textclean.CleanLine(s)
		case "source":
			if !slices.Contains(Sources, s) {
				l.addHint(v.Pos, "allowed: %s", []any{strings.Join(Sources, ", ")}, "vetted source %q is not known", s)
				continue
			}
			a.Vetted.Source = s
		case "rules":
			if utf8.RuneCountInString(s) > MaxLineLen || textclean.CleanLine(s) != s {
				l.add(v.Pos, "write the rules pack's id and version, such as vetcircle-en 2.0.0", "vetted rules is not a pack id and version")
				continue
			}
			a.Vetted.Rules = s
		default:
			l.add(k.Pos, "allowed: on, by, source, rules", "unknown key %q under vetted", k.Value)
		}
	}
}

func parseCircle(p *Pack, a *Answers, n *yamlread.Node, l, warn *errorList, lenient bool) {
	if n.Kind == yamlread.NullNode {
		return
	}
	if n.Kind != yamlread.MapNode {
		l.add(n.Pos, "write circle: {name: ..., format: ...}", "circle must be a mapping, found %s", n.Kind)
		return
	}
	for i, k := range n.Keys {
		if slices.Contains(ServiceFields, k.Value) {
			parseService(a, k, n.Vals[i], l)
			continue
		}
		q := circleQuestion(p, k.Value)
		if q == nil {
			if lenient {
				keepUnknown(a, Extra{ID: k.Value, Circle: true}, n.Vals[i], warn, "unknown circle field "+strconv.Quote(k.Value))
				continue
			}
			l.addHint(k.Pos, "allowed: %s", []any{strings.Join(slices.Concat(CircleFields, ServiceFields), ", ")}, "unknown circle field %q", k.Value)
			continue
		}
		parseValue(p, a, q, k, n.Vals[i], l, warn, lenient)
	}
}

// circleQuestion is the question behind a circle field, or nil. A scan of
// the questions costs less than building a map for every file.
func circleQuestion(p *Pack, field string) *Question {
	for _, q := range p.Questions {
		if q.CircleField == field {
			return q
		}
	}
	return nil
}

func parseAnswer(p *Pack, a *Answers, k, v *yamlread.Node, l, warn *errorList, lenient bool) {
	q := p.byID[k.Value]
	if q == nil {
		if lenient {
			keepUnknown(a, Extra{ID: k.Value}, v, warn, "unknown question id "+strconv.Quote(k.Value))
			return
		}
		l.add(k.Pos, "run 'vetcircle questions' to list every id", "unknown question id %q", k.Value)
		return
	}
	parseValue(p, a, q, k, v, l, warn, lenient)
}

// parseValue checks one answer against its question and records it.
func parseValue(p *Pack, a *Answers, q *Question, k, v *yamlread.Node, l, warn *errorList, lenient bool) {
	if v.Kind == yamlread.NullNode {
		return // written but empty: still "not asked yet"
	}
	// A value kept from a circle field goes back into the circle block.
	keep := Extra{ID: k.Value, Circle: q.CircleField != ""}
	bad := func(hint string, hintArgs []any, format string, args ...any) {
		if lenient {
			keepUnknown(a, keep, v, warn, fmt.Sprintf(l.tr("err:", format), args...))
			return
		}
		l.addHint(v.Pos, hint, hintArgs, format, args...)
	}
	switch q.Kind {
	case KindTristate:
		s, ok := v.Str()
		if b, isBool := v.Bool(); isBool {
			s = map[bool]string{true: Yes, false: No}[b]
		} else {
			s = strings.ToLower(s)
		}
		if !ok || (s != Yes && s != No && s != Unknown) {
			bad("answer yes, no or unknown", nil, "%s: %q is not yes, no or unknown", q.ID, v.Value)
			return
		}
		a.Set(q.ID, Value{Choice: s})
	case KindChoice:
		s, ok := v.Str()
		if !ok || q.Option(s) == nil {
			bad("allowed: %s", []any{strings.Join(q.OptionIDs(), ", ")}, "%s: %s is not one of its options", q.ID, yamlread.Describe(v))
			return
		}
		a.Set(q.ID, Value{Choice: s})
	case KindMulti:
		if v.Kind == yamlread.MapNode {
			parseMultiMap(a, q, v, l, warn, lenient)
			return
		}
		if v.Kind != yamlread.SeqNode {
			bad("write a list such as [a, b], [] for none, or {a: yes, b: unknown}", nil, "%s: expected a list of options, found %s", q.ID, v.Kind)
			return
		}
		list := []string{}
		for _, it := range v.Items {
			s, ok := it.Str()
			if !ok || q.Option(s) == nil {
				if lenient {
					// Keep the options these rules know as the answer, and
					// the rest beside it, written back on every save.
					a.KeepItem(q.ID, rawJSON(it))
					warn.add(it.Pos, "kept in the file, not scored", "%s: %s is not one of its options", q.ID, yamlread.Describe(it))
					continue
				}
				l.addHint(it.Pos, "allowed: %s", []any{strings.Join(q.OptionIDs(), ", ")}, "%s: %s is not one of its options", q.ID, yamlread.Describe(it))
				continue
			}
			if !slices.Contains(list, s) {
				list = append(list, s)
			}
		}
		a.Set(q.ID, Value{List: list})
	case KindNumber:
		// A number, or a number as people write it: "free", "$45",
		// "20-60", "2h".
		val, ok, inRange := Value{}, false, false
		if f, isNum := number(v); isNum {
			val, ok, inRange = Value{Number: f}, true, (q.Min == nil || f >= *q.Min) && (q.Max == nil || f <= *q.Max)
		} else if s, isStr := v.Str(); isStr {
			val, ok, inRange = p.NumberAnswer(q, s)
		}
		if !ok {
			bad("write a number such as %s", []any{cmp.Or(q.Example, "8")}, "%s: expected a number, found %s", q.ID, yamlread.Describe(v))
			return
		}
		if !inRange {
			bad("use a number from %s to %s", []any{fmtNum(q.Min), fmtNum(q.Max)}, "%s: %s is out of range", q.ID, yamlread.Describe(v))
			return
		}
		a.Set(q.ID, val)
	case KindText:
		s, ok := v.Str()
		if !ok {
			bad("quote the text", nil, "%s: expected text, found %s", q.ID, v.Kind)
			return
		}
		// A text answer is one line (a name): cleaned as one, and never
		// longer than the walkthrough's field, which would otherwise cut
		// it silently on the first edit.
		s = textclean.CleanLine(s)
		if n := utf8.RuneCountInString(s); n > MaxLineLen {
			bad("shorten it to at most %d characters", []any{MaxLineLen}, "%s: text is %d characters, over the %d limit", q.ID, n, MaxLineLen)
			return
		}
		a.Set(q.ID, Value{Text: s})
	}
}

// parseMultiMap reads the mapping form of a list answer, where each item is
// yes, no or unknown: what a page or a call said item by item. Items left
// out are unknown, so silence never counts as "no".
func parseMultiMap(a *Answers, q *Question, v *yamlread.Node, l, warn *errorList, lenient bool) {
	val := Value{List: []string{}}
	said := map[string]bool{}
	for i, k := range v.Keys {
		it := v.Vals[i]
		if q.Option(k.Value) == nil {
			if lenient {
				a.KeepItem(q.ID, rawJSON(k))
				warn.add(k.Pos, "kept in the file, not scored", "%s: %s is not one of its options", q.ID, yamlread.Describe(k))
				continue
			}
			l.addHint(k.Pos, "allowed: %s", []any{strings.Join(q.OptionIDs(), ", ")}, "%s: %s is not one of its options", q.ID, yamlread.Describe(k))
			continue
		}
		s, ok := it.Str()
		if b, isBool := it.Bool(); isBool {
			s, ok = map[bool]string{true: Yes, false: No}[b], true
		}
		s = strings.ToLower(s)
		if !ok || (s != Yes && s != No && s != Unknown) {
			l.add(it.Pos, "answer yes, no or unknown for each item", "%s: %s: %s is not yes, no or unknown", q.ID, k.Value, yamlread.Describe(it))
			continue
		}
		said[k.Value] = true
		switch s {
		case Yes:
			val.List = append(val.List, k.Value)
		case Unknown:
			val.Unsure = append(val.Unsure, k.Value)
		}
	}
	for _, o := range q.Options {
		if !said[o.ID] {
			val.Unsure = append(val.Unsure, o.ID)
		}
	}
	// Keep pack order, so a round trip writes the same file.
	order := func(ids []string) []string {
		out := []string{}
		for _, o := range q.Options {
			if slices.Contains(ids, o.ID) {
				out = append(out, o.ID)
			}
		}
		return out
	}
	val.List = order(val.List)
	val.Unsure = order(val.Unsure)
	if len(val.Unsure) == 0 {
		val.Unsure = nil
	}
	a.Set(q.ID, val)
}

func parseNotes(p *Pack, a *Answers, n *yamlread.Node, l, warn *errorList, lenient bool) {
	if n.Kind == yamlread.NullNode {
		return
	}
	if n.Kind != yamlread.MapNode {
		l.add(n.Pos, "write question id: \"note\"", "notes must be a mapping, found %s", n.Kind)
		return
	}
	for i, k := range n.Keys {
		v := n.Vals[i]
		if p.byID[k.Value] == nil {
			if lenient {
				a.UnknownNotes = append(a.UnknownNotes, Extra{ID: k.Value, Raw: rawJSON(v), Pos: k.Pos})
				warn.add(k.Pos, "kept in the file", "note for unknown question id %q", k.Value)
				continue
			}
			l.add(k.Pos, "run 'vetcircle questions' to list every id", "note for unknown question id %q", k.Value)
			continue
		}
		s, ok := v.Str()
		if !ok {
			l.add(v.Pos, "quote the note", "note for %s must be text, found %s", k.Value, v.Kind)
			continue
		}
		if len(s) > MaxTextLen {
			l.add(v.Pos, "shorten it", "note for %s is %d bytes, over the %d limit", k.Value, len(s), MaxTextLen)
			continue
		}
		a.SetNote(k.Value, textclean.Clean(s))
	}
}

func keepUnknown(a *Answers, e Extra, v *yamlread.Node, warn *errorList, msg string) {
	e.Raw, e.Pos = rawJSON(v), v.Pos
	a.Unknown = append(a.Unknown, e)
	warn.add(v.Pos, "kept in the file, not scored", "%s", msg)
}

func fmtNum(f *float64) string {
	if f == nil {
		return "any"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// rawJSON renders a node as JSON, which is valid YAML flow text: unknown
// answers are written back exactly as they were given.
func rawJSON(n *yamlread.Node) string {
	b, _ := json.Marshal(plain(n))
	return string(b)
}

func plain(n *yamlread.Node) any {
	switch n.Kind {
	case yamlread.ScalarNode:
		if !n.Quoted {
			if f, ok := number(n); ok {
				return f
			}
		}
		return n.Value
	case yamlread.SeqNode:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = plain(it)
		}
		return out
	case yamlread.MapNode:
		// An ordered object keeps the author's key order.
		var b bytes.Buffer
		b.WriteByte('{')
		for i, k := range n.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k.Value)
			vb, _ := json.Marshal(plain(n.Vals[i]))
			b.Write(kb)
			b.WriteByte(':')
			b.Write(vb)
		}
		b.WriteByte('}')
		return json.RawMessage(b.Bytes())
	}
	return nil
}
