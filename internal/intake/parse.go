package intake

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// ProblemKind says what is wrong with a typed answer.
type ProblemKind int

const (
	// NotUnderstood: the text is not an answer of the question's kind
	// (not a number, not one of the options, not yes, no or unknown).
	NotUnderstood ProblemKind = iota + 1
	// OutOfRange: a number the question does not allow.
	OutOfRange
	// NotAnOption: one word of a list is not an option (Problem.Input).
	NotAnOption
	// TooLong: text over Problem.Limit characters.
	TooLong
)

// Problem is why a typed answer was refused; the front ends word it (the
// pack's ui.* and a11y.* sentences), from the same facts.
type Problem struct {
	Kind  ProblemKind
	Input string // the word that is not an option
	Limit int    // the most characters allowed
}

// Parse reads what was typed for q, of any kind: a choice's number or ID,
// a list's numbers or IDs (0 or "none" for none of them), yes, no or
// unknown in the pack's words, a number as people say it ("a dozen",
// "20-60", "$150 a session", "about 12"), or one line of text. The text
// is cleaned of terminal controls first. empty is set when nothing was
// typed (the question stays as it was); otherwise either v or problem.
func Parse(p *checklist.Pack, q *checklist.Question, text string) (v checklist.Value, empty bool, problem *Problem) {
	text = strings.TrimSpace(textclean.CleanLine(text))
	if text == "" {
		return v, true, nil
	}
	bad := &Problem{Kind: NotUnderstood}
	switch q.Kind {
	case checklist.KindTristate:
		switch w := Word(p, text); w {
		case checklist.Yes, checklist.No, checklist.Unknown:
			return Choice(w), false, nil
		}
		return v, false, bad
	case checklist.KindChoice:
		if o, ok := option(q, text); ok {
			return Choice(o), false, nil
		}
		return v, false, bad
	case checklist.KindMulti:
		words := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
		if len(words) == 1 && (words[0] == "0" || Word(p, words[0]) == "none") || Word(p, text) == "none" {
			return None(), false, nil
		}
		var chosen []string
		for _, w := range words {
			id, ok := option(q, w)
			if !ok {
				return v, false, &Problem{Kind: NotAnOption, Input: w}
			}
			chosen = append(chosen, id)
		}
		return List(q, chosen, nil), false, nil
	case checklist.KindNumber:
		n, ok, inRange := p.NumberAnswer(q, text)
		switch {
		case !ok:
			return v, false, bad
		case !inRange:
			return v, false, &Problem{Kind: OutOfRange}
		}
		return n, false, nil
	}
	if utf8.RuneCountInString(text) > checklist.MaxLineLen {
		return v, false, &Problem{Kind: TooLong, Limit: checklist.MaxLineLen}
	}
	return checklist.Value{Text: text}, false, nil
}

// Parse is Parse over the session's pack.
func (s *Session) Parse(q *checklist.Question, text string) (checklist.Value, bool, *Problem) {
	return Parse(s.p, q, text)
}

// Typed is a typed answer applied: parsed, then answered, or cleared when
// the text is empty. It reports whether the answers changed, and the
// problem that kept the answer as it was.
func (s *Session) Typed(q *checklist.Question, text string) (changed bool, problem *Problem) {
	v, empty, problem := s.Parse(q, text)
	switch {
	case problem != nil:
		return false, problem
	case empty:
		return s.Clear(q.ID), nil
	}
	return s.Answer(q.ID, v), nil
}

// Choice is the answer that picks option id (yes, no and unknown too).
func Choice(id string) checklist.Value { return checklist.Value{Choice: id} }

// Text is a text answer, cleaned to one line.
func Text(s string) checklist.Value { return checklist.Value{Text: textclean.CleanLine(s)} }

// None is a list answer with none of the options.
func None() checklist.Value { return checklist.Value{List: []string{}} }

// List is a list answer with the chosen options and those not known yet
// (unsure), in the pack's order, so the same choices always read and save
// the same way.
func List(q *checklist.Question, chosen, unsure []string) checklist.Value {
	v := checklist.Value{List: make([]string, 0, len(chosen))}
	for _, o := range q.Options {
		switch {
		case slices.Contains(chosen, o.ID):
			v.List = append(v.List, o.ID)
		case slices.Contains(unsure, o.ID):
			v.Unsure = append(v.Unsure, o.ID)
		}
	}
	return v
}

// Toggle is a list answer v with option id ticked or unticked; an item not
// known yet becomes ticked.
func Toggle(q *checklist.Question, v checklist.Value, id string) checklist.Value {
	list := slices.Clone(v.List)
	unsure := slices.DeleteFunc(slices.Clone(v.Unsure), func(s string) bool { return s == id })
	if j := slices.Index(list, id); j >= 0 {
		list = slices.Delete(list, j, j+1)
	} else {
		list = append(list, id)
	}
	return List(q, list, unsure)
}

// ToggleUnsure is a list answer v with option id flipped between "not
// known yet" and not ticked, so a list can be answered in part.
func ToggleUnsure(q *checklist.Question, v checklist.Value, id string) checklist.Value {
	list := slices.DeleteFunc(slices.Clone(v.List), func(s string) bool { return s == id })
	unsure := slices.Clone(v.Unsure)
	if j := slices.Index(unsure, id); j >= 0 {
		unsure = slices.Delete(unsure, j, j+1)
	} else {
		unsure = append(unsure, id)
	}
	return List(q, list, unsure)
}

// AnswerText is an answer as a field shows it for editing: a number as
// typed back (a range stays a range, "about 12" stays approximate), text
// as it is.
func AnswerText(p *checklist.Pack, q *checklist.Question, v checklist.Value) string {
	if q.Kind == checklist.KindNumber {
		return p.NumberText(v)
	}
	return v.Text
}

// option finds the option a typed word names: its number, or its ID.
func option(q *checklist.Question, word string) (string, bool) {
	if n, err := strconv.Atoi(word); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return q.Options[n-1].ID, true
		}
		return "", false
	}
	if o := q.Option(strings.ToLower(word)); o != nil {
		return o.ID, true
	}
	return "", false
}

// OptionNumber reads a 1-based number from 1 to n, as numbered offers are
// answered ("2"); ok is false for anything else.
func OptionNumber(word string, n int) (int, bool) {
	i, err := strconv.Atoi(strings.TrimSpace(word))
	return i, err == nil && i >= 1 && i <= n
}

// Words are the commands and answers a user may type at a line prompt;
// the words for each come from the pack (a11y.words.<name>,
// comma-separated), and the English words always work too, so "y" answers
// yes in any language.
var Words = []string{"yes", "no", "unknown", "back", "quit", "help", "none", "note"}

// Word returns the command or answer typed in text ("yes", "back", ...),
// or "" for none.
func Word(p *checklist.Pack, text string) string {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return ""
	}
	en := englishText()
	for _, c := range Words {
		for _, list := range []string{p.Text["a11y.words."+c], en["a11y.words."+c]} {
			for _, w := range strings.Split(list, ",") {
				if strings.TrimSpace(strings.ToLower(w)) == text {
					return c
				}
			}
		}
	}
	return ""
}

func englishText() map[string]string {
	if en, err := rules.Default(); err == nil {
		return en.Text
	}
	return nil
}

// RangeText is the allowed range of a number question, in the pack's words
// (" from 1 to 200 people", " of at least 0 USD"), "" when any number goes:
// the one phrase both front ends put into their messages.
func RangeText(p *checklist.Pack, q *checklist.Question) string {
	t := func(key string, pairs ...string) string { return T(p, key, pairs...) }
	unit := ""
	if q.Unit != "" {
		unit = " " + q.Unit
	}
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	switch {
	case q.Min != nil && q.Max != nil:
		return t("a11y.range", "min", num(q.Min), "max", num(q.Max), "unit", unit)
	case q.Min != nil:
		return t("a11y.range-min", "min", num(q.Min), "unit", unit)
	case q.Max != nil:
		return t("a11y.range-max", "max", num(q.Max), "unit", unit)
	case q.Unit != "":
		return t("a11y.range-unit", "unit", q.Unit)
	}
	return ""
}

// Example is the example number a question's messages give.
func Example(q *checklist.Question) string { return cmp.Or(q.Example, "8") }

// T is the pack's sentence for key, with {name} placeholders replaced from
// pairs of name, value; a custom pack that leaves the sentence out falls
// back to the built-in English pack's.
func T(p *checklist.Pack, key string, pairs ...string) string { return fill(text(p, key), pairs...) }

// text is the pack's sentence for key, or the built-in English one when a
// custom pack leaves it out.
func text(p *checklist.Pack, key string) string {
	if s, ok := p.Text[key]; ok {
		return s
	}
	return englishText()[key]
}

// fill replaces {name} placeholders from pairs of name, value, in one
// pass, so a value that happens to contain "{name}" stays as typed.
func fill(msg string, pairs ...string) string {
	if len(pairs) == 0 {
		return msg
	}
	var r []string
	for i := 0; i+1 < len(pairs); i += 2 {
		r = append(r, "{"+pairs[i]+"}", pairs[i+1])
	}
	return strings.NewReplacer(r...).Replace(msg)
}

// Script is the words the user reads out for q, and whether they read them
// as a coordinator ("Say:") rather than ask them ("Ask them:"); say is ""
// when there is no script. A patient asking themselves needs none; a
// coordinator reads out every question the pack words for them, the
// person's own included.
func Script(q *checklist.Question, a *checklist.Answers) (say string, coordinator bool) {
	coordinator = checklist.Coordinator(a)
	if q.Ask == "self" && !(coordinator && q.SayCoordinator != "") {
		return "", coordinator
	}
	return q.SayFor(a), coordinator
}
