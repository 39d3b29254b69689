package accessible

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// ask prints one question and reads answers until one is valid or the user
// moves on. It reports what to do next and whether the answers changed.
func (s *session) ask(q *checklist.Question) (action, bool) {
	s.printQuestion(q)
	for {
		line, eof := s.read(s.t("a11y.prompt"))
		if eof {
			return actEOF, false
		}
		cur, has := s.a.Get(q.ID)
		// Commands work only where an answer is picked; in free text every
		// word is the answer (a circle called "Q" can be named), and a
		// command is written with a slash: /b, /q, /?.
		cmd := ""
		switch {
		case q.Kind != checklist.KindText:
			cmd = s.command(line)
		case strings.HasPrefix(line, "/"):
			cmd = s.command(line[1:])
		}
		switch {
		case line == "":
			if has {
				s.w.line(s.t("a11y.kept", "answer", s.describe(q, cur)))
			} else {
				s.w.line(s.t("a11y.skipped"))
			}
			return actNext, false
		case cmd == "back":
			return actBack, false
		case cmd == "quit":
			return actQuit, false
		case cmd == "help":
			// Help, then the whole question again, for a listener who
			// missed part of it.
			s.w.line(s.t("a11y.help"))
			s.printQuestion(q)
			continue
		case cmd == "note":
			if s.takeNote(q) {
				s.a.ResumeAt = q.ID
				s.changed() // a note is kept in the draft like an answer
			}
			continue
		case line == "-":
			if has {
				s.a.Clear(q.ID)
				s.w.line(s.t("a11y.cleared"))
				return actNext, true
			}
		}
		v, problem := s.parse(q, line)
		if problem != "" {
			// The problem says how to answer; the options are read again
			// for a listener, without saying how a second time.
			s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", problem))
			s.printOptions(q)
			continue
		}
		s.a.Set(q.ID, v)
		s.last = q.ID
		s.w.line(s.t("a11y.recorded", "answer", s.describe(q, v)))
		return actNext, !has || !cur.Equal(v)
	}
}

// read prints a prompt and returns the next line of input, cleaned of any
// terminal escapes, or eof when input has ended.
func (s *session) read(prompt string) (string, bool) {
	for {
		s.w.write(prompt)
		raw, tooLong, err := s.in.read()
		if err != nil {
			s.w.blank()
			return "", true
		}
		line := textclean.CleanLine(raw)
		if s.opts.Echo {
			s.w.write(line)
		}
		s.w.blank()
		if tooLong {
			s.w.line(s.t("a11y.too-long-line", "max", strconv.Itoa(MaxLine)))
			continue
		}
		return line, false
	}
}

// confirm asks a yes-or-no question until it gets y or n.
func (s *session) confirm(question string) (yes, eof bool) {
	s.w.line(question)
	for {
		line, eof := s.read(s.t("a11y.yn-prompt"))
		if eof {
			return false, true
		}
		switch s.command(line) {
		case "yes":
			return true, false
		case "no":
			return false, false
		}
		s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", s.t("a11y.yes-or-no")))
	}
}

func (s *session) printQuestion(q *checklist.Question) {
	n, total := s.position(q)
	s.w.blank()
	if s.stepTotal != 0 && total != s.stepTotal {
		s.w.line(s.t("a11y.step-changed", "n", strconv.Itoa(total)))
	}
	s.stepTotal = total
	s.w.line(s.t("a11y.question", "n", strconv.Itoa(n), "m", strconv.Itoa(total), "label", oneLine(q.Label)))
	s.w.line(oneLine(q.PromptFor(s.a)))
	// The words to say go to whoever puts the question to someone else:
	// anyone asking a facilitator, and a coordinator asking the person the
	// pack words their own questions for. A patient asking themselves
	// needs no script. What a good and a worrying answer sound like, and
	// why it matters, are read to everyone, as the screen shows them.
	if q.Ask == "facilitator" || (s.coordinator && q.SayCoordinator != "") {
		if say := q.SayFor(s.a); say != "" {
			key := "a11y.ask" // a patient asks the facilitator
			if s.coordinator {
				key = "a11y.say" // a coordinator reads it out
			}
			s.w.line(s.t(key, "text", oneLine(say)))
		}
	}
	if q.ListenGood != "" {
		s.w.line(s.t("a11y.listen-good", "text", oneLine(q.ListenGood)))
	}
	if q.ListenWorrying != "" {
		s.w.line(s.t("a11y.listen-worrying", "text", oneLine(q.ListenWorrying)))
	}
	if q.Why != "" {
		s.w.line(s.t("a11y.why", "text", oneLine(q.Why)))
	}
	if before := s.opts.Revet.BeforeLine(s.p, q); before != "" {
		s.w.line(oneLine(before))
	}
	if note, ok := s.a.Notes[q.ID]; ok {
		s.w.line(s.t("a11y.note-current", "text", oneLine(note)))
	}
	if v, ok := s.a.Get(q.ID); ok {
		s.w.line(s.t("a11y.current", "answer", s.describe(q, v)))
	}
	s.printChoices(q)
}

// printChoices lists the allowed answers and how to type them.
func (s *session) printChoices(q *checklist.Question) {
	s.printOptions(q)
	s.w.line(s.instructions(q))
}

// printOptions lists a choice's or a list's options, numbered.
func (s *session) printOptions(q *checklist.Question) {
	switch q.Kind {
	case checklist.KindChoice, checklist.KindMulti:
		for i, o := range q.Options {
			line := fmt.Sprintf("%d. %s", i+1, oneLine(o.Label))
			if o.Help != "" {
				line += ": " + oneLine(o.Help)
			}
			s.w.line(line)
		}
	}
}

// instructions says how to answer q, in one line.
func (s *session) instructions(q *checklist.Question) string {
	n := strconv.Itoa(len(q.Options))
	switch q.Kind {
	case checklist.KindChoice:
		return s.t("a11y.how-choice", "n", n)
	case checklist.KindMulti:
		return s.t("a11y.how-multi", "n", n)
	case checklist.KindTristate:
		return s.t("a11y.how-tristate")
	case checklist.KindNumber:
		return s.t("a11y.how-number", "range", s.rangeText(q), "example", cmp.Or(q.Example, "8"))
	}
	return s.t("a11y.how-text")
}

func (s *session) rangeText(q *checklist.Question) string {
	unit := ""
	if q.Unit != "" {
		unit = " " + q.Unit
	}
	var lo, hi string
	if q.Min != nil {
		lo = num(*q.Min)
	}
	if q.Max != nil {
		hi = num(*q.Max)
	}
	switch {
	case q.Min != nil && q.Max != nil:
		return s.t("a11y.range", "min", lo, "max", hi, "unit", unit)
	case q.Min != nil:
		return s.t("a11y.range-min", "min", lo, "unit", unit)
	case q.Max != nil:
		return s.t("a11y.range-max", "max", hi, "unit", unit)
	case q.Unit != "":
		return s.t("a11y.range-unit", "unit", q.Unit)
	}
	return ""
}

// parse reads a typed answer for q. problem is empty when it is valid, and
// otherwise says what is allowed.
func (s *session) parse(q *checklist.Question, line string) (v checklist.Value, problem string) {
	switch q.Kind {
	case checklist.KindTristate:
		switch s.command(line) {
		case "yes":
			return checklist.Value{Choice: checklist.Yes}, ""
		case "no":
			return checklist.Value{Choice: checklist.No}, ""
		case "unknown":
			return checklist.Value{Choice: checklist.Unknown}, ""
		}
		return v, s.instructions(q)
	case checklist.KindChoice:
		o, ok := option(q, line)
		if !ok {
			return v, s.instructions(q)
		}
		return checklist.Value{Choice: o}, ""
	case checklist.KindMulti:
		return s.parseMulti(q, line)
	case checklist.KindNumber:
		n, ok, inRange := s.p.NumberAnswer(q, line)
		if !ok {
			return v, s.instructions(q)
		}
		if !inRange {
			return v, s.t("a11y.out-of-range", "allowed", s.instructions(q))
		}
		return n, ""
	case checklist.KindText:
		line = textclean.CleanLine(line)
		if utf8.RuneCountInString(line) > checklist.MaxLineLen {
			return v, s.t("a11y.text-too-long", "max", strconv.Itoa(checklist.MaxLineLen))
		}
		return checklist.Value{Text: line}, ""
	}
	return v, s.instructions(q)
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

func (s *session) parseMulti(q *checklist.Question, line string) (checklist.Value, string) {
	words := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	if len(words) == 1 && (words[0] == "0" || s.command(words[0]) == "none") || s.command(line) == "none" {
		return checklist.Value{List: []string{}}, ""
	}
	chosen := map[string]bool{}
	for _, w := range words {
		id, ok := option(q, w)
		if !ok {
			return checklist.Value{}, s.t("a11y.not-an-option", "input", short(w), "allowed", s.instructions(q))
		}
		chosen[id] = true
	}
	// Pack order, so the same choices always read and save the same way.
	list := []string{}
	for _, o := range q.Options {
		if chosen[o.ID] {
			list = append(list, o.ID)
		}
	}
	return checklist.Value{List: list}, ""
}

// describe says an answer in words, for confirmations.
func (s *session) describe(q *checklist.Question, v checklist.Value) string {
	if q.Kind == checklist.KindText {
		return v.Text
	}
	return summary.AnswerText(s.p, q, v, "; ")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// short trims what the user typed for quoting it back in a message.
func short(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "..."
}

// takeNote reads a note for the question just answered (a note follows the
// answer it is about, as in the full-screen walkthrough), or for q when
// nothing has been answered yet. An empty note removes the note. It
// reports whether the notes changed.
func (s *session) takeNote(q *checklist.Question) bool {
	target := q
	if lq := s.p.Question(intake.NoteTarget(s.last, q.ID)); lq != nil {
		target = lq
	}
	line, eof := s.read(s.t("a11y.note-prompt", "label", oneLine(target.Label)))
	if eof {
		return false
	}
	line = textclean.CleanLine(line)
	if utf8.RuneCountInString(line) > checklist.MaxLineLen {
		s.w.line(s.t("a11y.text-too-long", "max", strconv.Itoa(checklist.MaxLineLen)))
		return false
	}
	s.a.SetNote(target.ID, line)
	if line == "" {
		s.w.line(s.t("a11y.note-removed", "label", oneLine(target.Label)))
	} else {
		s.w.line(s.t("a11y.noted", "label", oneLine(target.Label)))
	}
	return true
}
