package checklist

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// MarshalAnswers writes answers as a YAML answers file that ParseAnswers reads
// back to the same answers: circle facts first, then answers and notes in
// pack order, then anything kept from other rules.
func MarshalAnswers(p *Pack, a *Answers) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# vetcircle answers (rules: %s %s)\n", p.Meta.ID, p.Meta.Version)
	fmt.Fprintf(&b, "version: %d\n", AnswersVersion)
	var circle, answers []string
	for _, q := range p.Questions {
		v, ok := a.Get(q.ID)
		if !ok {
			continue
		}
		value := yamlValue(q, v)
		if kept := a.KeptItems[q.ID]; len(kept) > 0 {
			if len(v.Unsure) > 0 {
				// Items these rules do not know go back as keys of the
				// mapping form; what they were said to be is not scored.
				value = strings.TrimSuffix(value, "}")
				for _, k := range kept {
					value += ", " + k + ": unknown"
				}
				value += "}"
			} else {
				value = "[" + strings.Join(append(slices.Clone(v.List), kept...), ", ") + "]"
			}
		}
		if q.CircleField != "" {
			circle = append(circle, fmt.Sprintf("  %s: %s\n", q.CircleField, value))
		} else {
			answers = append(answers, fmt.Sprintf("  %s: %s\n", q.ID, value))
		}
	}
	// Each block's keys are written once: a kept answer is dropped when it
	// has been answered again, or when an earlier kept one has its key.
	var extraCircle []Extra
	written := map[Extra]bool{}
	for _, e := range a.Unknown {
		if superseded(p, a, e) {
			continue // answered again since: the new answer replaces what was kept
		}
		k := Extra{ID: e.ID, Circle: e.Circle}
		if written[k] {
			continue
		}
		written[k] = true
		if e.Circle {
			extraCircle = append(extraCircle, e)
			continue
		}
		answers = append(answers, fmt.Sprintf("  %s: %s\n", yamlKey(e.ID), e.Raw))
	}
	circle = append(circle, serviceLines(a.Service)...)
	for _, e := range extraCircle {
		circle = append(circle, fmt.Sprintf("  %s: %s\n", yamlKey(e.ID), e.Raw))
	}
	writeBlock(&b, "circle", circle)
	writeProvenance(&b, "vetted", a.Vetted)
	writeBlock(&b, "answers", answers)
	var notes []string
	for _, q := range p.Questions {
		if n, ok := a.Notes[q.ID]; ok {
			notes = append(notes, fmt.Sprintf("  %s: %s\n", q.ID, quote(n)))
		}
	}
	for _, e := range a.UnknownNotes {
		notes = append(notes, fmt.Sprintf("  %s: %s\n", yamlKey(e.ID), e.Raw))
	}
	writeBlock(&b, "notes", notes)
	if a.ResumeAt != "" {
		fmt.Fprintf(&b, "resume_at: %s\n", yamlKey(a.ResumeAt))
	}
	return b.Bytes()
}

// superseded reports whether a kept unknown answer has since been answered
// under this pack, so writing both would repeat a key.
func superseded(p *Pack, a *Answers, e Extra) bool {
	if e.Circle {
		if q := circleQuestion(p, e.ID); q != nil {
			_, answered := a.Values[q.ID]
			return answered
		}
		return false
	}
	if q := p.byID[e.ID]; q == nil || q.CircleField != "" {
		return false // not a question of the answers block
	}
	_, answered := a.Values[e.ID]
	return answered
}

func writeBlock(b *bytes.Buffer, name string, lines []string) {
	if len(lines) == 0 {
		return
	}
	b.WriteString(name + ":\n")
	for _, l := range lines {
		b.WriteString(l)
	}
}

func yamlValue(q *Question, v Value) string {
	switch q.Kind {
	case KindMulti:
		if len(v.Unsure) > 0 {
			// The mapping form keeps which items are still unknown.
			var parts []string
			for _, o := range q.Options {
				switch {
				case slices.Contains(v.List, o.ID):
					parts = append(parts, o.ID+": yes")
				case slices.Contains(v.Unsure, o.ID):
					parts = append(parts, o.ID+": unknown")
				default:
					parts = append(parts, o.ID+": no")
				}
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		return "[" + strings.Join(v.List, ", ") + "]"
	case KindNumber:
		s := num(v.Number)
		if v.Upper != nil {
			s += "-" + num(*v.Upper)
		}
		if v.Approx {
			return quote("~" + s) // read back as approximate in any language
		}
		return s
	case KindText:
		return quote(v.Text)
	}
	return v.Choice
}

// quote writes text as a double-quoted scalar; JSON string syntax is valid
// YAML and escapes every control character.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func yamlKey(s string) string {
	if idPattern.MatchString(s) {
		return s
	}
	return quote(s)
}
