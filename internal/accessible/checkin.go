package accessible

import (
	"errors"
	"io"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// ErrNoCheckin is returned when a check-in ends before its one required
// answer (how the session left them): nothing is kept.
var ErrNoCheckin = errors.New("no check-in kept: how you felt after the session is needed")

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
	c := &checklist.Checkin{Circle: textclean.CleanLine(circle), Signs: []string{}, Seen: []string{}}
	s.w.line(s.t("a11y.checkin.intro", "circle", c.Circle))
	felt := &checklist.Question{ID: "felt", Kind: checklist.KindChoice, Label: s.t("a11y.checkin.felt")}
	for _, id := range []string{"better", "same", "worse"} {
		felt.Options = append(felt.Options, &checklist.Option{ID: id, Label: p.T("felt." + id)})
	}
	v, quit, eof := s.askLine(felt, true)
	if quit || eof || v.Choice == "" {
		s.w.line(s.t("a11y.checkin.nothing-kept"))
		return nil, ErrNoCheckin
	}
	c.Felt = v.Choice
	for _, id := range []string{"leave-signs", "facilitation-good", "facilitation-poor", "distress"} {
		q := p.Question(id)
		if q == nil {
			continue
		}
		v, quit, eof := s.askLine(q, false)
		if quit {
			s.w.line(s.t("a11y.checkin.nothing-kept"))
			return nil, ErrNoCheckin
		}
		switch id {
		case "leave-signs":
			c.Signs = append(c.Signs, v.List...)
		case "distress":
			if v.Choice == checklist.Yes || v.Choice == checklist.No {
				c.Distress = v.Choice
			}
			if v.Choice == checklist.Yes {
				// Said at once, before another question: the crisis line
				// comes first wherever distress appears.
				s.w.blank()
				s.w.line(strings.ReplaceAll(s.p.T("summary.crisis"), "**", ""))
			}
		default:
			c.Seen = append(c.Seen, v.List...)
		}
		if eof {
			return c, s.w.err
		}
	}
	s.w.blank()
	s.w.line(s.t("a11y.checkin.note"))
	if line, eof := s.read(s.t("a11y.prompt")); !eof {
		if s.command(line) == "quit" {
			s.w.line(s.t("a11y.checkin.nothing-kept"))
			return nil, ErrNoCheckin
		}
		c.Note = line
	}
	return c, s.w.err
}

// askLine asks one check-in question until it gets a valid answer, an empty
// line (a skip, unless required), q, or the end of input.
func (s *session) askLine(q *checklist.Question, required bool) (v checklist.Value, quit, eof bool) {
	s.w.blank()
	label := q.Label
	if q.Prompt != "" && q.ID == "distress" {
		label = q.Prompt
	}
	s.w.line(oneLine(label))
	s.printChoices(q)
	for {
		line, eof := s.read(s.t("a11y.prompt"))
		if eof {
			return v, false, true
		}
		switch {
		case s.command(line) == "quit":
			return v, true, false
		case strings.TrimSpace(line) == "" && required:
			s.w.line(s.t("a11y.checkin.required"))
			continue
		case strings.TrimSpace(line) == "":
			s.w.line(s.t("a11y.checkin.skipped"))
			return v, false, false
		}
		v, problem := s.parse(q, line)
		if problem != "" {
			s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", problem))
			continue
		}
		s.w.line(s.t("a11y.recorded", "answer", s.describe(q, v)))
		return v, false, false
	}
}
