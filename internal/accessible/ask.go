package accessible

import (
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
				s.sync(true) // a note is kept in the draft like an answer
			}
			continue
		case line == "-":
			if s.core.Clear(q.ID) {
				s.w.line(s.t("a11y.cleared"))
				return actNext, true
			}
		}
		v, _, problem := s.core.Parse(q, line)
		if problem != nil {
			// The problem says how to answer; the options are read again
			// for a listener, without saying how a second time.
			s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", s.problem(q, problem)))
			s.printOptions(q)
			continue
		}
		changed := s.core.Answer(q.ID, v)
		s.w.line(s.t("a11y.recorded", "answer", s.describe(q, v)))
		return actNext, changed
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
	n, total := s.core.Position(q.ID)
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
	if say, coordinator := intake.Script(q, s.a); say != "" {
		key := "a11y.ask" // a patient asks the facilitator
		if coordinator {
			key = "a11y.say" // a coordinator reads it out
		}
		s.w.line(s.t(key, "text", oneLine(say)))
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
		return s.t("a11y.how-number", "range", intake.RangeText(s.p, q), "example", intake.Example(q))
	}
	return s.t("a11y.how-text")
}

// problem says what is allowed, for an answer the core refused.
func (s *session) problem(q *checklist.Question, p *intake.Problem) string {
	switch p.Kind {
	case intake.OutOfRange:
		return s.t("a11y.out-of-range", "allowed", s.instructions(q))
	case intake.NotAnOption:
		return s.t("a11y.not-an-option", "input", short(p.Input), "allowed", s.instructions(q))
	case intake.TooLong:
		return s.t("a11y.text-too-long", "max", strconv.Itoa(p.Limit))
	}
	return s.instructions(q)
}

// describe says an answer in words, for confirmations.
func (s *session) describe(q *checklist.Question, v checklist.Value) string {
	if q.Kind == checklist.KindText {
		return v.Text
	}
	return summary.AnswerText(s.p, q, v, "; ")
}

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
	if lq := s.p.Question(s.core.NoteTarget(q.ID)); lq != nil {
		target = lq
	}
	line, eof := s.read(s.t("a11y.note-prompt", "label", oneLine(target.Label)))
	if eof {
		return false
	}
	changed, problem := s.core.Note(target.ID, line)
	if problem != nil {
		s.w.line(s.t("a11y.text-too-long", "max", strconv.Itoa(problem.Limit)))
		return false
	}
	if s.a.Notes[target.ID] == "" {
		s.w.line(s.t("a11y.note-removed", "label", oneLine(target.Label)))
	} else {
		s.w.line(s.t("a11y.noted", "label", oneLine(target.Label)))
	}
	return changed
}
