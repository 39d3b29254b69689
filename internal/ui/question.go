package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// questionBlocks are the words around a question: the prompt, what to say,
// what to listen for and why it matters. A coordinator on a call reads
// "Say:" and "Listen for:"; someone vetting for themselves reads "Ask
// them:" and what a good and a worrying answer sound like. Questions put
// to oneself (ask: self) have no script, only the prompt and the why.
// compact is for forms, where the prompt is the only title.
func (c *common) questionBlocks(q *checklist.Question, w int, compact bool) []block {
	t := c.theme
	p := c.pack
	say, coord := intake.Script(q, c.answers)
	var out []block
	if compact {
		out = append(out, block{lines: wrap(t.title, q.PromptFor(c.answers), w), prio: prioHigh, gap: true})
	}
	// A coordinator reads out every question, the person's own too; a
	// patient asking themselves needs no script.
	if say != "" {
		label := p.T("ui.ask")
		if coord {
			label = p.T("ui.say")
		}
		out = append(out, block{lines: labelled(t, label, "“"+say+"”", t.say, w), prio: prioHigh, gap: !compact})
	}
	if q.ListenGood != "" || q.ListenWorrying != "" {
		var lines []string
		if coord {
			var body []string
			if q.ListenGood != "" {
				body = append(body, "✔ "+q.ListenGood)
			}
			if q.ListenWorrying != "" {
				body = append(body, "✘ "+q.ListenWorrying)
			}
			lines = listenLines(c, body, w)
		} else {
			if q.ListenGood != "" {
				lines = append(lines, labelled(t, p.T("ui.listen-good"), q.ListenGood, t.good, w)...)
			}
			if q.ListenWorrying != "" {
				lines = append(lines, labelled(t, p.T("ui.listen-worrying"), q.ListenWorrying, t.bad, w)...)
			}
		}
		out = append(out, block{lines: lines, prio: prioMid})
	}
	if compact && q.Why != "" {
		out = append(out, block{lines: labelled(t, p.T("ui.why"), q.Why, t.faint, w), prio: prioLow})
	}
	return out
}

// listenLines is "Listen for:" followed by the good and worrying answers,
// each marked with a symbol as well as a colour.
func listenLines(c *common, body []string, w int) []string {
	t := c.theme
	out := []string{t.label.Render(c.pack.T("ui.listen-for"))}
	for _, b := range body {
		st := t.good
		if strings.HasPrefix(b, "✘") {
			st = t.bad
		}
		lines := wrap(st, b, w-4)
		for i, l := range lines {
			if i == 0 {
				out = append(out, "  "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}
	return out
}

type questionKeys struct {
	Next, Back key.Binding
}

// questionScreen asks one question: its words, then its field (a radio
// list, a checklist, or a text or number input).
type questionScreen struct {
	c    *common
	st   step
	q    *checklist.Question
	f    field
	keys questionKeys
	w, h int
}

func newQuestionScreen(c *common, st step) *questionScreen {
	q := st.questions[0]
	return &questionScreen{c: c, st: st, q: q, f: newField(c, q), keys: c.keys.Question}
}

func (s *questionScreen) enter(string) tea.Cmd {
	s.f.reload()
	return s.f.focus()
}

func (s *questionScreen) setSize(w, h int) {
	s.w, s.h = w, h
	s.f.setWidth(w)
}

func (s *questionScreen) typing() bool    { return s.f.typing() }
func (s *questionScreen) focused() string { return s.q.ID }

func (s *questionScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.Next):
			acts, ok := s.f.leave(true, false)
			if !ok {
				return nil, nil
			}
			return append(acts, goNext{}), nil
		case key.Matches(k, s.keys.Back):
			s.f.leave(false, true)
			return []action{goBack{}}, nil
		}
	}
	return s.f.input(msg)
}

func (s *questionScreen) view(w, h int) string {
	t := s.c.theme
	var blocks []block
	if intro := s.st.section.IntroFor(s.c.answers); s.st.first && intro != "" {
		blocks = append(blocks, block{lines: wrap(t.faint, intro, w), prio: prioLow - 1})
	}
	blocks = append(blocks, block{lines: wrap(t.title, s.q.PromptFor(s.c.answers), w), prio: prioMust, gap: true})
	blocks = append(blocks, s.c.questionBlocks(s.q, w, false)...)
	blocks = append(blocks, s.c.listBlock(s.f.view(w, true)))
	blocks = append(blocks, s.c.noteBlock(s.q, w)...)
	if s.q.Why != "" {
		blocks = append(blocks, block{lines: labelled(t, s.c.pack.T("ui.why"), s.q.Why, t.faint, w), prio: prioLow, gap: true})
	}
	return strings.Join(stack(h, blocks...), "\n")
}

func (s *questionScreen) keyMap() help.KeyMap {
	short, full := s.f.bindings()
	short = append(short, s.keys.Next, s.keys.Back)
	return keyList{short: short, full: [][]key.Binding{full, {s.keys.Next, s.keys.Back}}}
}
