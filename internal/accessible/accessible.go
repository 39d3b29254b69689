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
// It reads lines and prints; the intake core's session (intake.Session), the
// same one the full-screen walkthrough draws, parses every answer, keeps the
// answers, notes and the place to resume, keeps the draft (Options.Drafts)
// and writes what the user agrees to save.
package accessible

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	vmsg "github.com/vetcircle/vetcircle/internal/msg"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/report"
)

// MaxLine bounds one line of input, in bytes. A longer line (a stray paste)
// is discarded and the question asked again; it never ends the walkthrough.
const MaxLine = 16 << 10

// ErrQuit is returned when the user typed q. The answers so far have been
// handed to the draft (Options.Drafts) and Options.OnChange; a command line
// should exit 0.
var ErrQuit error = vmsg.New("a11y.err.quit")

// ErrInputEnded is returned (wrapped, naming the question) when input ended
// before the last question was answered or skipped. The answers so far have
// been handed to the draft (Options.Drafts) and Options.OnChange; a command
// line should exit 2, because a script that feeds too few lines has given
// incomplete input.
//
// Input that ends later, at the offer to save the summary, is not an error:
// the walkthrough is finished and the summary has been printed.
var ErrInputEnded error = vmsg.New("a11y.err.input-ended")

// Options configure a run: the walkthrough's options, shared with the
// full-screen walkthrough (answers to continue, the clock, the folder,
// drafts, the JSON encoder, the register), and the two that only line
// prompts have. Run works on a copy of Options.Answers; with
// Options.WalkFinished unset a finished answers file is still walked from
// its first question, enter keeping each answer, as there is no review
// screen to edit from.
type Options struct {
	intake.Options

	// Echo repeats each line read after its prompt. Set it when input is
	// not a terminal (a pipe or a file), so the transcript shows what was
	// answered; a terminal already echoes what the user types.
	Echo bool

	// Problems is where a draft that could not be written or removed is
	// reported (once per distinct problem; the walkthrough goes on, the
	// answers stay in memory); nil means the output.
	Problems io.Writer
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

// session is one run of the walkthrough: line prompts over the intake
// core's session, which owns the answers, the cursor, parsing, notes, the
// resume point and saving.
type session struct {
	core *intake.Session
	p    *checklist.Pack
	a    *checklist.Answers // core's answers, read only
	in   *lineReader
	w    *writer
	opts Options
	// ended is set when input ended at an offer to save.
	ended bool
	// stepTotal is how many questions the current step was said to have;
	// an answer that changes it (an online group has no session length)
	// is announced rather than left to a count that jumps.
	stepTotal int
	// draftProblem is the draft problem reported last, so each is said once.
	draftProblem string
}

func newSession(p *checklist.Pack, in io.Reader, out io.Writer, opts Options) *session {
	o := opts.Options
	o.Answers = o.Answers.Clone()
	o.WalkFinished = true
	if o.ResultJSON == nil {
		o.ResultJSON = func(_ string, r *report.Report) ([]byte, error) {
			b, err := json.Marshal(r)
			return append(b, '\n'), err
		}
	}
	core := intake.NewSession(p, o)
	return &session{core: core, p: p, a: core.Answers(), in: newLineReader(in, MaxLine), w: &writer{w: out}, opts: opts}
}

func (s *session) run(ctx context.Context) error {
	switch {
	case s.opts.Revet != nil:
		s.w.line(s.t("a11y.revet", "date", cmp.Or(s.opts.Revet.On, s.t("report.date-unknown"))))
	case s.core.AtFirst():
		s.w.line(s.t("a11y.start"))
	default:
		s.w.line(s.t("a11y.resume"))
	}
	s.w.line(s.t("a11y.help"))
	section := ""
	for s.core.At().AtQuestion() {
		q := s.p.Question(s.core.At().Question)
		if err := ctx.Err(); err != nil {
			s.sync(true)
			return err
		}
		if s.w.err != nil {
			return fmt.Errorf("write: %w", s.w.err)
		}
		if q.Section != section {
			section = q.Section
			s.step(q)
		}
		act, changed := s.ask(q)
		switch act {
		case actNext:
			s.core.Next()
			if changed {
				s.sync(true)
			}
		case actBack:
			if _, ok := s.core.Back(); !ok {
				s.w.line(s.t("a11y.first"))
				continue
			}
			s.w.line(s.t("a11y.back"))
		case actQuit:
			if err := s.quit(q); err != errCarryOn {
				return err
			}
		case actEOF:
			return s.inputEnded(q)
		}
	}
	s.w.blank()
	s.w.line(s.t("a11y.last"))
	return s.finish()
}

// sync hands the answers and the place to resume from to the draft (and
// OnChange), at once: line prompts have no update loop to run writes on.
func (s *session) sync(changed bool) {
	if w := s.core.Sync(changed); w != nil {
		s.drafted(w())
	}
}

// drafted reports a draft write that failed, once per distinct problem.
func (s *session) drafted(w intake.Written) {
	if w.Err == nil {
		s.draftProblem = ""
		return
	}
	msg := s.p.Tf("cli.draft-failed", "reason", vmsg.Say(s.p, w.Err))
	if w.Removed {
		msg = s.p.Tf("cli.draft-not-removed", "path", w.Path, "reason", vmsg.Say(s.p, w.Err))
	}
	if msg == s.draftProblem {
		return
	}
	s.draftProblem = msg
	to := s.opts.Problems
	if to == nil {
		to = s.w.w
	}
	fmt.Fprintln(to, "vetcircle: "+msg)
}

// step prints the heading and introduction of q's section, numbered in the
// plan of sections that apply (it grows as answers do: saying you attend
// adds a step).
func (s *session) step(q *checklist.Question) {
	n, total := s.core.Step(q.ID)
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

// quit stops the walkthrough, or returns errCarryOn when there is nowhere to
// keep the answers and the user thinks better of it.
func (s *session) quit(q *checklist.Question) error {
	if !s.keeping() {
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
	s.sync(true)
	s.w.line(s.t("a11y.stopped", "saved", s.savedWhere()))
	return ErrQuit
}

func (s *session) inputEnded(q *checklist.Question) error {
	s.w.blank()
	if !s.keeping() {
		s.w.line(s.t("a11y.ended-unsaved"))
	} else {
		s.sync(true)
		s.w.line(s.t("a11y.ended", "saved", s.savedWhere()))
	}
	return vmsg.Wrap(ErrInputEnded, "a11y.err.input-ended-at", "question", q.ID)
}

// keeping reports whether the answers are handed to someone on quitting:
// a draft, or the OnChange hook.
func (s *session) keeping() bool { return s.opts.Drafts != nil || s.opts.OnChange != nil }

func (s *session) savedWhere() string {
	if d := s.opts.Drafts; d != nil {
		if path := d.Path(); path != "" && d.Err() == nil {
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
