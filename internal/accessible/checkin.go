package accessible

import (
	"io"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// ErrNoCheckin is returned when a check-in ends before its one required
// answer (how the session left them): nothing is kept.
var ErrNoCheckin error = msg.New("a11y.err.no-checkin")

// Checkin asks, one line at a time, for one session's check-in: how the
// person felt afterwards (required), the signs to leave they noticed, the
// facilitation they saw, whether they are in acute distress now, and a note.
// The questions are the pack's own (leave-signs, facilitation-good,
// facilitation-poor, distress), so their words and IDs are those of the
// walkthrough and of checkin's flags. An empty line skips an optional
// question; q quits without keeping anything; input that ends after the
// required answer keeps what was given.
func Checkin(p *checklist.Pack, in io.Reader, out io.Writer, circle string, opts Options) (*checklist.Checkin, error) {
	s := newSession(p, in, out, opts)
	qs := intake.CheckinQuestions(p)
	s.w.line(s.t("a11y.checkin.intro", "circle", textclean.CleanLine(circle)))
	done := func() (*checklist.Checkin, error) { return intake.Checkin(circle, s.a), s.w.err }
	for _, q := range qs {
		if q.ID == intake.CheckinNote {
			break
		}
		required := q.ID == intake.CheckinFelt
		quit, eof := s.askLine(q, required)
		if quit || (required && eof) {
			s.w.line(s.t("a11y.checkin.nothing-kept"))
			return nil, ErrNoCheckin
		}
		if v, ok := s.a.Get(q.ID); ok && q.ID == checklist.CheckinDistress && v.Choice == checklist.Yes {
			// Said at once, before another question: the crisis line
			// comes first wherever distress appears.
			s.w.blank()
			s.w.line(strings.ReplaceAll(s.p.T("summary.crisis"), "**", ""))
		}
		if eof {
			return done()
		}
	}
	s.w.blank()
	s.w.line(s.t("a11y.checkin.note"))
	if line, eof := s.read(s.t("a11y.prompt")); !eof {
		if intake.Word(p, line) == "quit" {
			s.w.line(s.t("a11y.checkin.nothing-kept"))
			return nil, ErrNoCheckin
		}
		if line != "" {
			s.core.Answer(intake.CheckinNote, intake.Text(line))
		}
	}
	return done()
}

// askLine asks one check-in question until it gets a valid answer, an empty
// line (a skip, unless required), q, or the end of input.
func (s *session) askLine(q *checklist.Question, required bool) (quit, eof bool) {
	s.w.blank()
	label := q.Label
	if q.Prompt != "" && (q.ID == checklist.CheckinDistress || q.ID == intake.CheckinFelt) {
		label = q.Prompt
	}
	s.w.line(oneLine(label))
	s.printChoices(q)
	for {
		line, eof := s.read(s.t("a11y.prompt"))
		if eof {
			return false, true
		}
		switch {
		case intake.Word(s.p, line) == "quit":
			return true, false
		case strings.TrimSpace(line) == "" && required:
			s.w.line(s.t("a11y.checkin.required"))
			continue
		case strings.TrimSpace(line) == "":
			s.w.line(s.t("a11y.checkin.skipped"))
			return false, false
		}
		v, _, problem := s.core.Parse(q, line)
		if problem != nil {
			s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", s.problem(q, problem)))
			continue
		}
		s.core.Answer(q.ID, v)
		s.w.line(s.t("a11y.recorded", "answer", s.describe(q, v)))
		return false, false
	}
}
