package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// panel is the live side panel: the verdict and score as they stand, and
// the sections with the current one marked. It is drawn only when the
// window is at least panelMin wide.
func (m *Model) panel(h int) []string {
	// The panel changes only with the score, the section and the size, so
	// it is drawn once for each and reused: its border costs a third of a
	// frame.
	k := panelKey{scored: m.scored, step: m.steps[m.cur].key, h: h, theme: m.c.theme}
	if m.panelCache.key == k && m.panelCache.lines != nil {
		return m.panelCache.lines
	}
	lines := m.drawPanel(h)
	m.panelCache.key, m.panelCache.lines = k, lines
	return lines
}

type panelKey struct {
	scored int
	step   string
	h      int
	theme  *theme
}

type panelCache struct {
	key   panelKey
	lines []string
}

func (m *Model) drawPanel(h int) []string {
	t := m.c.theme
	p := m.c.pack
	rep := &m.c.rep
	inner := panelWidth - 4 // border and padding
	var lines []string
	lines = append(lines, t.title.Render(p.T("ui.panel.title")), "")
	lines = append(lines, t.verdict(checklist.Verdict(rep.Verdict.Value)).Render(rep.Verdict.Symbol+" "+rep.Verdict.Words))
	lines = append(lines,
		t.text.Render(p.Tf("ui.panel.score", "score", strconv.Itoa(rep.Trace.Score))),
		t.text.Render(p.Tf("ui.panel.answered", "completeness", strconv.Itoa(rep.Trace.Completeness))))
	if n := len(rep.RedFlags); n > 0 {
		lines = append(lines, t.bad.Bold(true).Render("✘ "+p.Tf("ui.panel.flags", "n", strconv.Itoa(n))))
		for _, f := range rep.RedFlags {
			lines = append(lines, t.bad.Render("  "+ansi.Truncate(f.Label, inner-2, "…")))
		}
	} else {
		lines = append(lines, t.text.Render(p.T("ui.panel.no-flags")))
	}
	lines = append(lines, t.faint.Render(p.Tf("ui.panel.ask", "n", strconv.Itoa(len(m.c.rep.FollowUps())))))

	// The sections, with the one on screen marked.
	cur := m.steps[m.cur]
	var secs []string
	seen := map[string]bool{}
	for _, st := range m.steps {
		name, id := "", st.key
		switch {
		case st.section != nil:
			name, id = st.section.TitleFor(m.c.answers), st.section.ID
		case st.kind == stepReview:
			name = p.T("ui.review.title")
		default:
			continue
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		here := (cur.section != nil && cur.section.ID == id) || (cur.section == nil && cur.key == id)
		if here {
			secs = append(secs, t.cursor.Render("› "+ansi.Truncate(name, inner-2, "…")))
		} else {
			secs = append(secs, t.faint.Render("  "+ansi.Truncate(name, inner-2, "…")))
		}
	}
	if len(lines)+len(secs)+4 <= h {
		lines = append(lines, "", t.label.Render(p.T("ui.panel.sections")))
		lines = append(lines, secs...)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > inner {
			lines[i] = ansi.Truncate(l, inner, "…")
		}
	}
	box := t.panel.Width(panelWidth).Render(strings.Join(lines, "\n"))
	return strings.Split(box, "\n")
}
