package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
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
	coord := c.coordinator()
	var out []block
	if compact {
		out = append(out, block{lines: wrap(t.title, q.PromptFor(c.answers), w), prio: prioHigh, gap: true})
	}
	// A coordinator reads out every question, the person's own too; a
	// patient asking themselves needs no script.
	if say := q.SayFor(c.answers); say != "" && (q.Ask != "self" || (coord && q.SayCoordinator != "")) {
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

// questionScreen asks one question: its words, then its options (a radio
// list, a checklist, or a text or number field).
type questionScreen struct {
	c      *common
	st     step
	q      *checklist.Question
	choice *choiceList
	multi  *multiList
	text   *textField
	keys   questionKeys
	w, h   int
}

func newQuestionScreen(c *common, st step) *questionScreen {
	q := st.questions[0]
	s := &questionScreen{c: c, st: st, q: q, keys: questionKeys{Next: nextKey(), Back: backKey()}}
	switch q.Kind {
	case checklist.KindChoice, checklist.KindTristate:
		s.choice = newChoiceList(c, q)
	case checklist.KindMulti:
		s.multi = newMultiList(c, q)
	default:
		s.text = newTextField(c, q)
	}
	return s
}

func (s *questionScreen) enter(string) tea.Cmd {
	if s.choice != nil {
		s.choice.reset()
	}
	if s.text != nil {
		s.text.load()
		return s.text.focus()
	}
	return nil
}

func (s *questionScreen) setSize(w, h int) {
	s.w, s.h = w, h
	if s.text != nil {
		s.text.setWidth(w)
	}
}

func (s *questionScreen) typing() bool    { return s.text != nil }
func (s *questionScreen) focused() string { return s.q.ID }

func (s *questionScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.Next):
			if s.text != nil && !s.text.validate() {
				return nil, nil
			}
			var acts []action
			if s.choice != nil {
				acts = s.choice.confirm() // enter chooses the highlighted option
			}
			return append(acts, goNext{}), nil
		case key.Matches(k, s.keys.Back):
			if s.text != nil {
				s.text.load()
			}
			return []action{goBack{}}, nil
		}
		switch {
		case s.choice != nil:
			acts, _ := s.choice.handle(k)
			return acts, nil
		case s.multi != nil:
			acts, _ := s.multi.handle(k)
			return acts, nil
		}
	}
	if s.text != nil {
		return s.text.update(msg)
	}
	return nil, nil
}

func (s *questionScreen) view(w, h int) string {
	t := s.c.theme
	var blocks []block
	if intro := s.st.section.IntroFor(s.c.answers); s.st.first && intro != "" {
		blocks = append(blocks, block{lines: wrap(t.faint, intro, w), prio: prioLow - 1})
	}
	blocks = append(blocks, block{lines: wrap(t.title, s.q.PromptFor(s.c.answers), w), prio: prioMust, gap: true})
	blocks = append(blocks, s.c.questionBlocks(s.q, w, false)...)
	var opts []string
	switch {
	case s.choice != nil:
		opts = s.choice.view(w, true)
	case s.multi != nil:
		opts = s.multi.view(w, true)
	default:
		opts = s.text.view(w, true)
	}
	blocks = append(blocks, block{lines: opts, prio: prioMust, gap: true})
	blocks = append(blocks, s.c.noteBlock(s.q, w)...)
	if s.q.Why != "" {
		blocks = append(blocks, block{lines: labelled(t, s.c.pack.T("ui.why"), s.q.Why, t.faint, w), prio: prioLow, gap: true})
	}
	return strings.Join(stack(h, blocks...), "\n")
}

func (s *questionScreen) keyMap() help.KeyMap {
	var short, full []key.Binding
	switch {
	case s.choice != nil:
		short, full = s.choice.bindings()
	case s.multi != nil:
		short, full = s.multi.bindings()
	}
	short = append(short, s.keys.Next, s.keys.Back)
	return keyList{short: short, full: [][]key.Binding{full, {s.keys.Next, s.keys.Back}}}
}
