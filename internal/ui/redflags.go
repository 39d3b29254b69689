package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

type flagsKeys struct {
	Up, Down, Yes, No, Unknown, Clear, Next, Back key.Binding
}

func newFlagsKeys() flagsKeys {
	return flagsKeys{
		Up:      upKey(),
		Down:    downKey(),
		Yes:     newKey("y", "yes, seen it", "y"),
		No:      newKey("n", "no", "n"),
		Unknown: newKey("u", "unknown", "u"),
		Clear:   clearKey(),
		Next:    nextKey(),
		Back:    backKey(),
	}
}

// flagsScreen is the red-flag checklist: every flag on one screen, y/n/u
// answering the one under the cursor and moving to the next, so a whole
// checklist takes eight keys. The flag under the cursor shows its
// question, the words to ask and why it matters.
type flagsScreen struct {
	c    *common
	st   step
	cur  int
	keys flagsKeys
	w, h int
}

func newFlagsScreen(c *common, st step) *flagsScreen {
	return &flagsScreen{c: c, st: st, keys: c.keys.Flags}
}

func (s *flagsScreen) enter(focus string) tea.Cmd {
	for i, q := range s.st.questions {
		if q.ID == focus {
			s.cur = i
		}
	}
	return nil
}

func (s *flagsScreen) setSize(w, h int) { s.w, s.h = w, h }
func (s *flagsScreen) typing() bool     { return false }
func (s *flagsScreen) focused() string  { return s.st.questions[s.cur].ID }

func (s *flagsScreen) update(msg tea.Msg) ([]action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	q := s.st.questions[s.cur]
	set := func(v string) []action {
		// Answering moves on down the checklist, except when the flag was
		// opened from the review: the review then comes back to it.
		if !s.c.editing() {
			s.cur = min(s.cur+1, len(s.st.questions)-1)
		}
		return []action{setAnswer{id: q.ID, v: intake.Choice(v)}}
	}
	switch {
	case key.Matches(k, s.keys.Up):
		s.cur = max(s.cur-1, 0)
	case key.Matches(k, s.keys.Down):
		s.cur = min(s.cur+1, len(s.st.questions)-1)
	case key.Matches(k, s.keys.Yes):
		return set(checklist.Yes), nil
	case key.Matches(k, s.keys.No):
		return set(checklist.No), nil
	case key.Matches(k, s.keys.Unknown):
		return set(checklist.Unknown), nil
	case key.Matches(k, s.keys.Clear):
		return []action{clearAnswer{id: q.ID}}, nil
	case key.Matches(k, s.keys.Next):
		return []action{goNext{}}, nil
	case key.Matches(k, s.keys.Back):
		return []action{goBack{}}, nil
	}
	return nil, nil
}

// derived is the derivation that answers q from another answer (training
// "personal experience is enough" confirms no training), if one decides it.
// The flag is shown answered, with where the answer came from, rather than
// asked again.
func (s *flagsScreen) derived(q *checklist.Question) (checklist.Derived, bool) {
	for _, d := range s.c.rep.Result.Derived {
		if d.Question == q.ID && !d.Kept {
			return d, true
		}
	}
	return checklist.Derived{}, false
}

// badge states a flag's answer in a symbol and a word, fixed width.
func (s *flagsScreen) badge(q *checklist.Question) string {
	t := s.c.theme
	p := s.c.pack
	v, ok := s.c.answers.Get(q.ID)
	if d, isDerived := s.derived(q); isDerived {
		v, ok = intake.Choice(d.Value), true
	}
	var sym, word string
	st := t.notAsked
	switch {
	case !ok:
		sym, word = "·", p.T("answer.not-asked")
	case v.Choice == checklist.Yes:
		sym, word, st = "✘", p.T("answer.yes"), t.bad.Bold(true)
	case v.Choice == checklist.No:
		sym, word, st = "✔", p.T("answer.no"), t.good
	default:
		sym, word, st = "?", p.T("answer.unknown"), t.warn
	}
	// Every badge takes the same width so the labels line up.
	bw := 0
	for _, k := range []string{"answer.not-asked", "answer.yes", "answer.no", "answer.unknown"} {
		bw = max(bw, ansi.StringWidth(p.T(k)))
	}
	bw = min(bw, max(s.w/4, 3))
	word = ansi.Truncate(word, bw, "…")
	return st.Render(sym+" "+word) + strings.Repeat(" ", max(bw-ansi.StringWidth(word), 0))
}

func (s *flagsScreen) view(w, h int) string {
	t := s.c.theme
	var list []string
	for i, q := range s.st.questions {
		marker := "  "
		lst := t.text
		if i == s.cur {
			marker = t.cursor.Render("›") + " "
			lst = t.cursor
		}
		head := marker + s.badge(q) + " "
		list = append(list, head+lst.Render(ansi.Truncate(q.Label, max(w-ansi.StringWidth(head), 1), "…")))
	}
	q := s.st.questions[s.cur]
	var detail []block
	detail = append(detail, block{lines: wrap(t.title, q.PromptFor(s.c.answers), w), prio: prioHigh, gap: true})
	if d, ok := s.derived(q); ok {
		line := s.c.pack.Tf("ui.derived", "from", d.From)
		if d.Given != "" {
			line += " " + s.c.pack.Tf("ui.derived-given", "given", s.c.pack.T("answer."+d.Given))
		}
		detail = append(detail, block{lines: wrap(t.warn, line, w), prio: prioHigh, gap: true})
	}
	detail = append(detail, s.c.questionBlocks(q, w, false)...)
	detail = append(detail, s.c.noteBlock(q, w)...)
	if q.Why != "" {
		detail = append(detail, block{lines: labelled(t, s.c.pack.T("ui.why"), q.Why, t.faint, w), prio: prioMid})
	}
	blocks := []block{{lines: wrap(t.faint, s.st.section.IntroFor(s.c.answers), w), prio: prioLow}}
	blocks = append(blocks, s.c.listBlock(list))
	blocks = append(blocks, detail...)
	return strings.Join(stack(h, blocks...), "\n")
}

func (s *flagsScreen) keyMap() help.KeyMap {
	k := s.keys
	ynu := ynuKey()
	nav := editingKeys(s.c.editing(), k.Next, k.Back)
	return keyList{
		short: append([]key.Binding{ynu}, nav...), // ↑/↓ is in the full help: the line must keep q quit at 80 columns
		full:  [][]key.Binding{{k.Yes, k.No, k.Unknown, k.Clear}, append([]key.Binding{k.Up, k.Down}, nav...)},
	}
}
