// Package accessible runs vetcircle's walkthrough as plain numbered line
// prompts, for screen readers, braille displays, dumb terminals and scripts.
//
// Everything it prints is a whole line of plain text: no alternate screen, no
// cursor movement, no colour, no spinners, and no box-drawing or braille
// glyphs. Progress is said in words ("Step 3 of 7: The three questions").
// Every answer is typed and confirmed ("Recorded: yes."), so a screen reader
// reads the same transcript a sighted user sees, and a script can answer it:
//
//	printf '1\n\n...' | vetcircle --accessible
//
// At every prompt, Enter alone skips (the question stays "not asked yet",
// or keeps the answer it already has), "b" goes back one question, "q" quits
// and "?" repeats the help. Invalid input is never fatal: the prompt is asked
// again with the allowed answers.
//
// The package uses the same engine and summary as the rest of vetcircle; it
// saves nothing on its own except a summary the user agrees to save. Drafts
// are the caller's job, through Options.OnChange.
package accessible

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/report"
)

// MaxLine bounds one line of input, in bytes. A longer line (a stray paste)
// is discarded and the question asked again; it never ends the walkthrough.
const MaxLine = 16 << 10

// ErrQuit is returned when the user typed q. The answers so far have been
// handed to Options.OnChange; a command line should exit 0.
var ErrQuit = errors.New("walkthrough stopped by the user")

// ErrInputEnded is returned (wrapped, naming the question) when input ended
// before the last question was answered or skipped. The answers so far have
// been handed to Options.OnChange; a command line should exit 2, because a
// script that feeds too few lines has given incomplete input.
//
// Input that ends later, at the offer to save the summary, is not an error:
// the walkthrough is finished and the summary has been printed.
var ErrInputEnded = errors.New("input ended before the walkthrough finished")

// Options configure a run. The zero value is usable.
type Options struct {
	// Answers to start from, such as a resumed draft; nil starts afresh.
	// Run works on a copy. If Answers.ResumeAt names a question, the
	// walkthrough starts there and "b" can still go back before it.
	Answers *checklist.Answers

	// OnChange, if set, is called with the current answers after every
	// change, and once more when the user quits or input ends. The caller
	// uses it to save a draft. Answers.ResumeAt names the question to
	// continue from. The hook must not keep the pointer beyond the call.
	OnChange func(*checklist.Answers)

	// DraftPath names where OnChange keeps the draft, for the messages
	// printed on quitting; nil if the caller does not say. Once there are
	// answers, "" means the draft could not be written, and the messages
	// say so. It is a function because a draft is made on the first change.
	DraftPath func() string

	// OnSaved, if set, is called after the summary was saved to path (the
	// caller may then remove the draft).
	OnSaved func(path string)

	// Date is printed on the summary and used in the default file name;
	// the zero value means today.
	Date time.Time

	// Dir is the folder a summary is saved in when the user gives a bare
	// file name; empty means the current folder.
	Dir string

	// ResultJSON encodes a score as `vetcircle score --format json` does,
	// for saving the score beside the summary; nil uses the result's own
	// JSON.
	ResultJSON func(file string, rep *report.Report) ([]byte, error)

	// Echo repeats each line read after its prompt. Set it when input is
	// not a terminal (a pipe or a file), so the transcript shows what was
	// answered; a terminal already echoes what the user types.
	Echo bool

	// Keep keeps the answers in the register of vetted circles under the
	// circle's name, with how they were gathered (one of
	// checklist.Sources, or ""), and returns the file it wrote; nil leaves
	// the offer out.
	Keep func(name, source string, answers []byte) (string, error)

	// Revet, when set, makes the run a re-vet of a kept circle: only the
	// circle's questions are asked, each with its earlier answer and note
	// said first; Answers should be Revet.Start's.
	Revet *intake.Revet
}

// Run asks every applicable question of p, one line prompt at a time, reading
// answers from in and writing to out; then it prints the summary and offers
// to save it. It returns the answers as they stand when it stops, with
// ErrQuit, ErrInputEnded, the context's error, or an error writing out.
func Run(ctx context.Context, p *checklist.Pack, in io.Reader, out io.Writer, opts Options) (*checklist.Answers, error) {
	s := newSession(p, in, out, opts)
	err := s.run(ctx)
	if err == nil && s.w.err != nil {
		err = fmt.Errorf("write: %w", s.w.err)
	}
	return s.a, err
}

// action is what the user asked for at a prompt.
type action int

const (
	actNext action = iota // answered, skipped or kept: go on
	actBack               // "b"
	actQuit               // "q"
	actEOF                // input ended
)

// session is one run of the walkthrough.
type session struct {
	p    *checklist.Pack
	a    *checklist.Answers
	in   *lineReader
	w    *writer
	opts Options
	// coordinator shows the words to say and what to listen for.
	coordinator bool
	// last is the question answered last, which a note is about.
	last string
	// savedPath is the file saved last; ended is set when input ended at
	// an offer to save.
	savedPath string
	ended     bool
	// stepTotal is how many questions the current step was said to have;
	// an answer that changes it (an online group has no session length)
	// is announced rather than left to a count that jumps.
	stepTotal int
}

func newSession(p *checklist.Pack, in io.Reader, out io.Writer, opts Options) *session {
	a := opts.Answers.Clone()
	if a.Version == 0 {
		a.Version = checklist.AnswersVersion
	}
	if opts.Date.IsZero() {
		opts.Date = time.Now()
	}
	return &session{p: p, a: a, in: newLineReader(in, MaxLine), w: &writer{w: out}, opts: opts}
}

func (s *session) run(ctx context.Context) error {
	qs := s.p.Questions
	idx, history := s.start()
	switch {
	case s.opts.Revet != nil:
		s.w.line(s.t("a11y.revet", "date", cmp.Or(s.opts.Revet.On, s.t("report.date-unknown"))))
	case len(history) == 0:
		s.w.line(s.t("a11y.start"))
	default:
		s.w.line(s.t("a11y.resume"))
	}
	s.w.line(s.t("a11y.help"))
	section := ""
	for idx < len(qs) {
		if err := ctx.Err(); err != nil {
			s.a.ResumeAt = qs[idx].ID
			s.changed()
			return err
		}
		if s.w.err != nil {
			return fmt.Errorf("write: %w", s.w.err)
		}
		q := qs[idx]
		if !s.applies(q) {
			idx++
			continue
		}
		s.coordinator = s.role() == "coordinator"
		if q.Section != section {
			section = q.Section
			s.step(q)
		}
		act, changed := s.ask(q)
		switch act {
		case actNext:
			history = append(history, idx)
			idx = s.nextApplicable(idx + 1)
			if changed {
				s.a.ResumeAt = s.idAt(idx)
				s.changed()
			}
		case actBack:
			// Skip questions that no longer apply: going back and changing
			// the format from retreat drops the retreat-only questions.
			for len(history) > 0 && !s.applies(qs[history[len(history)-1]]) {
				history = history[:len(history)-1]
			}
			if len(history) == 0 {
				s.w.line(s.t("a11y.first"))
				continue
			}
			idx = history[len(history)-1]
			history = history[:len(history)-1]
			s.w.line(s.t("a11y.back"))
		case actQuit:
			s.a.ResumeAt = q.ID
			if err := s.quit(q); err != errCarryOn {
				return err
			}
		case actEOF:
			s.a.ResumeAt = q.ID
			return s.inputEnded(q)
		}
	}
	s.w.blank()
	s.w.line(s.t("a11y.last"))
	return s.finish()
}

// start returns the question to begin at and the applicable questions before
// it, so that "b" works after resuming a draft.
func (s *session) start() (int, []int) {
	qs := s.p.Questions
	at := 0
	if s.a.ResumeAt == checklist.ResumeReview {
		at = len(qs) // every question was passed: on to the end
	} else if id := s.a.ResumeAt; id != "" {
		for i, q := range qs {
			if q.ID == id {
				at = i
				break
			}
		}
	}
	var history []int
	for i := range at {
		if s.applies(qs[i]) {
			history = append(history, i)
		}
	}
	return s.nextApplicable(at), history
}

func (s *session) nextApplicable(i int) int {
	for i < len(s.p.Questions) && !s.applies(s.p.Questions[i]) {
		i++
	}
	return i
}

// idAt is the ID of question i, or the review past the end.
func (s *session) idAt(i int) string {
	if i < len(s.p.Questions) {
		return s.p.Questions[i].ID
	}
	return checklist.ResumeReview
}

func (s *session) role() string {
	v, _ := s.a.Get("user-role")
	return v.Choice
}

func (s *session) changed() {
	if s.opts.OnChange != nil {
		s.opts.OnChange(s.a)
	}
}

// applies reports whether q is asked for the answers so far, as the
// intake plan judges it (answers implied by others included).
func (s *session) applies(q *checklist.Question) bool {
	return intake.AppliesFor(s.p, q, s.a, s.opts.Revet)
}

// step prints the heading and introduction of q's section, numbered in the
// plan of sections that apply (it grows as answers do: saying you attend
// adds a step).
func (s *session) step(q *checklist.Question) {
	n, total := intake.Step(intake.PlanFor(s.p, s.a, s.opts.Revet), q.ID)
	title := q.Section
	intro := ""
	if sec := s.p.Section(q.Section); sec != nil {
		title, intro = sec.TitleFor(s.a), sec.IntroFor(s.a)
	}
	s.w.blank()
	s.stepTotal = 0 // a new step: its count is said with its first question
	s.w.line(s.t("a11y.step", "n", strconv.Itoa(n), "m", strconv.Itoa(total), "title", oneLine(title)))
	if intro != "" {
		s.w.line(oneLine(intro))
	}
}

// position returns q's number among the questions of its section that
// apply, and how many there are.
func (s *session) position(q *checklist.Question) (int, int) {
	return intake.Position(intake.PlanFor(s.p, s.a, s.opts.Revet), q.ID)
}

// quit stops the walkthrough, or returns errCarryOn when there is nowhere to
// keep the answers and the user thinks better of it.
func (s *session) quit(q *checklist.Question) error {
	if s.opts.OnChange == nil {
		s.w.line(s.t("a11y.quit-unsaved"))
		yes, eof := s.confirm(s.t("a11y.quit-confirm"))
		switch {
		case eof:
			return s.inputEnded(q)
		case !yes:
			return errCarryOn
		}
		s.w.line(s.t("a11y.stopped-unsaved"))
		return ErrQuit
	}
	s.changed()
	s.w.line(s.t("a11y.stopped", "saved", s.savedWhere()))
	return ErrQuit
}

func (s *session) inputEnded(q *checklist.Question) error {
	s.w.blank()
	if s.opts.OnChange == nil {
		s.w.line(s.t("a11y.ended-unsaved"))
	} else {
		s.changed()
		s.w.line(s.t("a11y.ended", "saved", s.savedWhere()))
	}
	return fmt.Errorf("%w (it stopped at question %s)", ErrInputEnded, q.ID)
}

func (s *session) savedWhere() string {
	if s.opts.DraftPath != nil {
		if path := s.opts.DraftPath(); path != "" {
			return s.t("a11y.saved-in", "path", path)
		}
		if s.a.Len() == 0 {
			return s.t("a11y.saved-nothing")
		}
		// Answers, and no draft to name: it could not be written (an
		// unwritable state folder), and saying otherwise would be a lie.
		return s.t("a11y.saved-failed")
	}
	return s.t("a11y.saved-draft")
}

// errCarryOn is never returned from Run: quit uses it to say "not really",
// and the same question is asked again.
var errCarryOn = errors.New("carry on")

// oneLine keeps pack text on one line, so each printed line is one thought.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
