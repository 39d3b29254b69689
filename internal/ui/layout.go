package ui

import (
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// wrap word-wraps plain text to width w (at least 1) and styles every
// line, so that a style never spans a line break.
func wrap(st lipgloss.Style, s string, w int) []string {
	w = max(w, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		for _, l := range strings.Split(ansi.Wrap(para, w, ""), "\n") {
			out = append(out, st.Render(strings.TrimRight(l, " ")))
		}
	}
	return out
}

// labelled renders "Label: text" wrapped to w, with the label styled on its
// own and the text indented under it when the label is long.
func labelled(t *theme, label, text string, textStyle lipgloss.Style, w int) []string {
	lw := ansi.StringWidth(label) + 1
	if w < singleCol || w-lw < 24 {
		// Narrow: the text flows on after the label, with no hanging
		// indent to eat the width.
		lines := strings.Split(ansi.Wrap(label+" "+text, max(w, 1), ""), "\n")
		for i, l := range lines {
			l = strings.TrimRight(l, " ")
			if i == 0 {
				if rest, ok := strings.CutPrefix(l, label); ok {
					lines[i] = t.label.Render(label) + textStyle.Render(rest)
					continue
				}
			}
			lines[i] = textStyle.Render(l)
		}
		return lines
	}
	lines := wrap(textStyle, text, w-lw)
	pad := strings.Repeat(" ", lw)
	for i := range lines {
		if i == 0 {
			lines[i] = t.label.Render(label) + " " + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return lines
}

// Block priorities: when a screen is too short, the lowest go first.
const (
	prioLow  = 1 // background: section intros, "why it matters"
	prioMid  = 2 // helpful: what to listen for
	prioHigh = 3 // the words to ask
	prioMust = 9 // the question and its options: never dropped
)

// block is a run of lines a screen wants to show, with a priority.
type block struct {
	lines []string
	prio  int
	// gap puts a blank line before the block when there is room.
	gap bool
	// scroll marks a list that, when even the must-show blocks do not
	// fit, is cut to a window around its highlight (line cursor) with a
	// mark for what is above and below, rather than cut at the bottom:
	// every option that can be picked can be seen.
	scroll bool
	cursor int
	more   func(n int, below bool) string
}

// listBlock is a list that scrolls to keep its highlight (the last line
// with the cursor mark) in view.
func (c *common) listBlock(lines []string) block {
	cur, mark := -1, c.theme.cursor.Render("›")
	for i, l := range lines {
		if strings.Contains(l, mark) {
			cur = i
		}
	}
	return block{lines: lines, prio: prioMust, gap: true, scroll: cur >= 0, cursor: max(cur, 0), more: moreMark(c.theme, c.pack)}
}

// moreMark makes the line that stands for n lines of a list out of view.
func moreMark(t *theme, p *checklist.Pack) func(n int, below bool) string {
	return func(n int, below bool) string {
		key := "ui.more-above"
		if below {
			key = "ui.more-below"
		}
		return "  " + t.faint.Render(p.Tf(key, "n", strconv.Itoa(n)))
	}
}

// scrollWindow cuts lines to n, keeping line cur (and as much after it as
// fits, for an option's help) in view, with a mark for each side cut.
func scrollWindow(lines []string, cur, n int, more func(int, bool) string) []string {
	total := len(lines)
	if n >= total || n < 1 {
		return lines
	}
	if n < 3 {
		// No room for marks: the highlight alone.
		return lines[cur : cur+1]
	}
	k := n - 1 // one mark
	off := window(0, min(cur+1, total-1), k, total)
	if off > 0 && off+k < total {
		k = n - 2 // both marks
		off = window(0, min(cur+1, total-1), k, total)
		if cur < off {
			off = cur
		}
	}
	off = max(0, min(off, total-k))
	var out []string
	if off > 0 {
		out = append(out, more(off, false))
	}
	out = append(out, lines[off:off+k]...)
	if rest := total - off - k; rest > 0 {
		out = append(out, more(rest, true))
	}
	return out
}

// stack lays blocks out top to bottom within h lines: it drops the gaps,
// then the lowest-priority blocks, until the rest fit. What still does not
// fit is cut at the bottom by the caller's clip, never wrapped or garbled.
func stack(h int, blocks ...block) []string {
	var bs []block
	for _, b := range blocks {
		if len(b.lines) > 0 {
			bs = append(bs, b)
		}
	}
	height := func(gaps bool) int {
		n := 0
		for i, b := range bs {
			n += len(b.lines)
			if gaps && b.gap && i > 0 {
				n++
			}
		}
		return n
	}
	// spare is how many blank separators fit; when not all do, the first
	// ones are kept, so a screen never loses every gap for want of one line.
	spare := -1 // all
	for {
		if height(true) <= h {
			break
		}
		if height(false) <= h {
			spare = h - height(false)
			break
		}
		// Drop the lowest-priority block, the last one among equals.
		low := -1
		for i, b := range bs {
			if b.prio < prioMust && (low < 0 || b.prio <= bs[low].prio) {
				low = i
			}
		}
		if low < 0 {
			spare = 0
			// Still too tall: the longest list scrolls.
			big := -1
			for i, b := range bs {
				if b.scroll && (big < 0 || len(b.lines) > len(bs[big].lines)) {
					big = i
				}
			}
			if big >= 0 {
				b := bs[big]
				keep := len(b.lines) - (height(false) - h)
				bs[big].lines = scrollWindow(b.lines, min(b.cursor, len(b.lines)-1), max(keep, 1), b.more)
			}
			break
		}
		bs = slices.Delete(bs, low, low+1)
	}
	var out []string
	for i, b := range bs {
		if b.gap && i > 0 && spare != 0 {
			out = append(out, "")
			spare--
		}
		out = append(out, b.lines...)
	}
	return out
}

// clipLines makes s fit a w-by-h cell area: longer lines are cut (with
// their styles closed), extra lines dropped. It is what guarantees that no
// frame wraps or scrolls, whatever the terminal size.
func clipLines(s string, w, h int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clipLine(l, w)
	}
	return lines
}

// clipLine cuts one line to w cells. A line of no more bytes than w cells
// cannot be wider, so most lines are not measured at all.
func clipLine(l string, w int) string {
	if len(l) <= w {
		return l
	}
	if ansi.StringWidth(l) > w {
		return ansi.Truncate(l, max(w, 0), "")
	}
	return l
}

// window returns the first index of a window of size n over total rows
// that keeps row cur visible, moving as little as possible from off.
func window(off, cur, n, total int) int {
	if n <= 0 {
		return 0
	}
	if cur < off {
		off = cur
	}
	if cur >= off+n {
		off = cur - n + 1
	}
	return max(0, min(off, total-n))
}

// joinCols places two blocks side by side with a gap, each line of the left
// one padded to lw cells.
func joinCols(left []string, lw int, right []string, gap int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	pad := strings.Repeat(" ", gap)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if r == "" {
			out[i] = l
			continue
		}
		if w := ansi.StringWidth(l); w < lw {
			l += strings.Repeat(" ", lw-w)
		} else if w > lw {
			l = ansi.Truncate(l, lw, "")
		}
		out[i] = l + pad + r
	}
	return out
}

// screenView frames a small program's screen (the draft picker, the
// check-in) in a w x h window: body clipped to rows lines of w-2 columns
// and padded down to them, the help line under it, one column of margin.
func screenView(body, helpLine string, w, h, rows int) tea.View {
	out := clipLines(body, max(w-2, 1), max(rows, 1))
	for len(out) < rows {
		out = append(out, "")
	}
	out = append(out, helpLine)
	for i := range out {
		out[i] = " " + out[i]
	}
	v := tea.NewView(strings.Join(clipLines(strings.Join(out, "\n"), w, h), "\n"))
	v.AltScreen = true
	return v
}
