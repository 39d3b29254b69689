package checklist

// Reading and writing the service record: the circle block's service
// fields in an answers file, and the register's service files.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// parseService reads one service field of the circle block into a.Service.
func parseService(a *Answers, k, v *yamlread.Node, l *errorList) {
	s := &a.Service
	if v.Kind == yamlread.NullNode {
		return
	}
	// text reads a scalar with check, reporting a problem at v's place.
	text := func(n *yamlread.Node, what string, check func(string) (string, error)) (string, bool) {
		str, ok := n.Str()
		if !ok {
			l.add(n.Pos, "write it as text", "%s must be text, found %s", what, n.Kind)
			return "", false
		}
		out, err := check(str)
		if err != nil {
			fieldProblem(l, n.Pos, "see docs/register.md, the service record", what, err)
			return "", false
		}
		return out, true
	}
	// fields walks a mapping's keys with one reader per allowed key.
	fields := func(n *yamlread.Node, block string, allowed []string, read func(key string, v *yamlread.Node)) {
		for i, fk := range n.Keys {
			if !slices.Contains(allowed, fk.Value) {
				l.addHint(fk.Pos, "allowed: %s", []any{strings.Join(allowed, ", ")}, "unknown key %q under %s", fk.Value, block)
				continue
			}
			read(fk.Value, n.Vals[i])
		}
	}
	switch k.Value {
	case "contact":
		if v.Kind != yamlread.MapNode {
			l.add(v.Pos, "write contact: {phone: ..., email: ..., website: ...}", "contact must be a mapping, found %s", v.Kind)
			return
		}
		fields(v, "contact", []string{"phone", "email", "website"}, func(key string, fv *yamlread.Node) {
			if fv.Kind == yamlread.NullNode {
				return
			}
			switch key {
			case "phone":
				s.Contact.Phone, _ = text(fv, "contact phone", CheckPhone)
			case "email":
				s.Contact.Email, _ = text(fv, "contact email", CheckEmail)
			case "website":
				s.Contact.Website, _ = text(fv, "contact website", CheckWebsite)
			}
		})
	case "schedule":
		if v.Kind == yamlread.ScalarNode {
			s.Schedule.Text, _ = text(v, "schedule", CheckScheduleText)
			return
		}
		if v.Kind != yamlread.MapNode {
			l.add(v.Pos, "write schedule: \"Every other Thursday, 6 pm\" or {text: ..., weekday: thursday, start: \"18:00\", frequency: biweekly}", "schedule must be text or a mapping, found %s", v.Kind)
			return
		}
		fields(v, "schedule", []string{"text", "weekday", "start", "frequency"}, func(key string, fv *yamlread.Node) {
			if fv.Kind == yamlread.NullNode {
				return
			}
			switch key {
			case "text":
				s.Schedule.Text, _ = text(fv, "schedule text", CheckScheduleText)
			case "weekday":
				s.Schedule.Weekday, _ = text(fv, "schedule weekday", oneOf(Weekdays))
			case "start":
				s.Schedule.Start, _ = text(fv, "schedule start", CheckStart)
			case "frequency":
				s.Schedule.Frequency, _ = text(fv, "schedule frequency", oneOf(Frequencies))
			}
		})
	case "languages":
		items := []*yamlread.Node{v}
		if v.Kind == yamlread.SeqNode {
			items = v.Items
		}
		if len(items) > maxLanguages {
			l.add(v.Pos, "list the languages sessions are held in", "languages lists %d, over the %d limit", len(items), maxLanguages)
			return
		}
		var langs []string
		for _, it := range items {
			if t, ok := text(it, "languages", CheckLanguage); ok && !slices.Contains(langs, t) {
				langs = append(langs, t)
			}
		}
		s.Languages = langs
	case "cost":
		var c Cost
		switch v.Kind {
		case yamlread.ScalarNode:
			c.Model, _ = text(v, "cost", oneOf(CostModels))
		case yamlread.MapNode:
			fields(v, "cost", []string{"model", "amount"}, func(key string, fv *yamlread.Node) {
				if fv.Kind == yamlread.NullNode {
					return
				}
				switch key {
				case "model":
					c.Model, _ = text(fv, "cost model", oneOf(CostModels))
				case "amount":
					str, ok := fv.Str()
					if !ok {
						l.add(fv.Pos, "write an amount such as 40 or 20-60", "cost amount must be a number or a range, found %s", fv.Kind)
						return
					}
					lo, hi, err := CheckCostAmount(str)
					if err != nil {
						fieldProblem(l, fv.Pos, "write an amount such as 40 or 20-60", "cost amount", err)
						return
					}
					c.Amount, c.Upper = &lo, hi
				}
			})
		default:
			l.add(v.Pos, "write cost: free, or {model: sliding-scale, amount: 20-60}", "cost must be a model or a mapping, found %s", v.Kind)
			return
		}
		if err := CheckCost(c); err != nil {
			fieldProblem(l, v.Pos, "write cost: free, or {model: sliding-scale, amount: 20-60}", "cost", err)
			return
		}
		s.Cost = c
	case "last_verified":
		s.LastVerified, _ = text(v, "last_verified", CheckDate)
	}
}

// fieldProblem reports a check's error as what: its message, translated.
func fieldProblem(l *errorList, pos Pos, hint, what string, err error) {
	var fe *FieldError
	if errors.As(err, &fe) {
		l.add(pos, hint, "%s: "+fe.Format, append([]any{what}, fe.Args...)...)
		return
	}
	l.add(pos, hint, "%s: %s", what, err.Error())
}

// FieldMessage is a check's error about what (a field or a flag) in the
// pack's language, as the answers file's reader says it.
func (p *Pack) FieldMessage(what string, err error) string {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return what + ": " + err.Error()
	}
	l := errorList{p: p}
	return fmt.Sprintf(l.tr("err:", "%s: "+fe.Format), append([]any{what}, fe.Args...)...)
}

// oneOf is a check that accepts one of values, in any case.
func oneOf(values []string) func(string) (string, error) {
	return func(s string) (string, error) {
		if l := strings.ToLower(strings.TrimSpace(s)); slices.Contains(values, l) {
			return l, nil
		}
		return "", fieldErr("%q is not one of %s", s, strings.Join(values, ", "))
	}
}

// serviceLines writes the service record as circle block lines, in the
// order ServiceFields lists them, so a round trip writes the same file.
func serviceLines(s Service) []string {
	var lines []string
	var sub []string
	for _, f := range [][2]string{{"phone", s.Contact.Phone}, {"email", s.Contact.Email}, {"website", s.Contact.Website}} {
		if f[1] != "" {
			sub = append(sub, f[0]+": "+quote(f[1]))
		}
	}
	if len(sub) > 0 {
		lines = append(lines, "  contact: {"+strings.Join(sub, ", ")+"}\n")
	}
	sub = nil
	for _, f := range [][2]string{{"text", s.Schedule.Text}, {"weekday", s.Schedule.Weekday}, {"start", s.Schedule.Start}, {"frequency", s.Schedule.Frequency}} {
		if f[1] != "" {
			sub = append(sub, f[0]+": "+quote(f[1]))
		}
	}
	if len(sub) > 0 {
		lines = append(lines, "  schedule: {"+strings.Join(sub, ", ")+"}\n")
	}
	if len(s.Languages) > 0 {
		q := make([]string, len(s.Languages))
		for i, t := range s.Languages {
			q[i] = quote(t)
		}
		lines = append(lines, "  languages: ["+strings.Join(q, ", ")+"]\n")
	}
	if !s.Cost.IsZero() {
		sub = nil
		if s.Cost.Model != "" {
			sub = append(sub, "model: "+s.Cost.Model)
		}
		if s.Cost.Amount != nil {
			amount := num(*s.Cost.Amount)
			if s.Cost.Upper != nil {
				amount += "-" + num(*s.Cost.Upper)
			}
			sub = append(sub, "amount: "+quote(amount))
		}
		lines = append(lines, "  cost: {"+strings.Join(sub, ", ")+"}\n")
	}
	if s.LastVerified != "" {
		lines = append(lines, "  last_verified: "+quote(s.LastVerified)+"\n")
	}
	return lines
}

// MarshalService writes a service file of the register: the circle's name
// and its service record, a circle block that ParseService reads back.
func MarshalService(name string, s Service) []byte {
	var b bytes.Buffer
	b.WriteString("# vetcircle service record: how to reach and join the circle\n")
	fmt.Fprintf(&b, "version: %d\n", AnswersVersion)
	b.WriteString("circle:\n")
	b.WriteString("  name: " + quote(name) + "\n")
	for _, l := range serviceLines(s) {
		b.WriteString(l)
	}
	return b.Bytes()
}

// ParseService reads a service file: version, and a circle block holding
// the name and service fields only, as strictly as an answers file.
func ParseService(p *Pack, file string, data []byte) (name string, s Service, err error) {
	root, err := yamlread.Parse(file, data, yamlread.AnswersLimits)
	if err != nil {
		return "", Service{}, err
	}
	l := errorList{p: p}
	if root.Kind != yamlread.MapNode {
		return "", Service{}, &Error{Pos: root.Pos, Msg: "expected a mapping with version and circle, found " + root.Kind.String(), Hint: "see docs/register.md, the service record"}
	}
	a := NewAnswers()
	for i, k := range root.Keys {
		v := root.Vals[i]
		switch k.Value {
		case "version":
			if f, ok := number(v); !ok || f != 1 {
				l.add(v.Pos, "write version: 1", "version must be a whole number, found %q", v.Value)
			}
		case "circle":
			if v.Kind != yamlread.MapNode {
				l.add(v.Pos, "write circle: {name: ..., format: ...}", "circle must be a mapping, found %s", v.Kind)
				continue
			}
			for j, ck := range v.Keys {
				cv := v.Vals[j]
				switch {
				case ck.Value == "name":
					if str, ok := cv.Str(); ok && utf8.RuneCountInString(str) <= MaxLineLen {
						name = textclean.CleanLine(str)
					} else {
						l.add(cv.Pos, "quote the text", "name: expected text, found %s", cv.Kind)
					}
				case slices.Contains(ServiceFields, ck.Value):
					parseService(a, ck, cv, &l)
				default:
					l.addHint(ck.Pos, "allowed: %s", []any{"name, " + strings.Join(ServiceFields, ", ")}, "unknown circle field %q", ck.Value)
				}
			}
		default:
			l.add(k.Pos, "allowed: version, circle", "unknown key %q", k.Value)
		}
	}
	if err := l.err(); err != nil {
		return "", Service{}, err
	}
	return name, a.Service, nil
}
