package compare

import (
	"image/color"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"charm.land/lipgloss/v2/table"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Markdown renders rows (already sorted) as a markdown table with every
// column. All user text is cleaned and escaped, so a circle name cannot
// break the table or inject markup.
func Markdown(p *checklist.Pack, rows []Row) string {
	keep := coreShown(rows)
	h := headingsFor(p, keep)
	var b strings.Builder
	stay := anyAttending(rows)
	head := []string{h.file, h.name, h.verdict, h.fit}
	if stay {
		head = append(head, h.stay)
	}
	head = append(head, h.score, h.completeness, h.redFlags)
	head = append(head, h.core...)
	head = append(head, h.format, h.size, h.cost)
	writeMarkdownRow(&b, head)
	align := make([]string, len(head))
	for i := range align {
		align[i] = "---"
	}
	// Numbers line up on the right: score, completeness, size and cost.
	scoreCol := 4
	if stay {
		scoreCol = 5
	}
	for _, i := range []int{scoreCol, scoreCol + 1, len(head) - 2, len(head) - 1} {
		align[i] = "---:"
	}
	b.WriteString("| " + strings.Join(align, " | ") + " |\n")

	missing := false
	for _, r := range rows {
		c := r.cells(p, func(v checklist.Verdict) string { return summary.VerdictBadge(p, v) }, keep)
		flags := c.noFlags
		if len(c.redFlags) > 0 {
			flags = strings.Join(c.redFlags, ", ")
		}
		line := []string{c.file, c.name, c.verdict, c.fit}
		if stay {
			line = append(line, c.stay)
		}
		line = append(line, c.score, c.completeness, flags)
		line = append(line, c.core...)
		line = append(line, c.format, c.size, c.cost)
		for _, s := range line {
			missing = missing || s == notAsked
		}
		writeMarkdownRow(&b, line)
	}
	if missing {
		b.WriteString("\n" + textclean.EscapeMarkdown(footnote(p)) + "\n")
	}
	return b.String()
}

func writeMarkdownRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		// One line per cell: a newline would end the table row.
		b.WriteString(" " + textclean.EscapeMarkdown(textclean.CleanLine(c)) + " |")
	}
	b.WriteString("\n")
}

// TableOptions shape the terminal table.
type TableOptions struct {
	// Width is the terminal's width in columns; the table never exceeds it.
	Width int
	// Styled makes the heading bold; off when the output is not a terminal.
	Styled bool
	// Color shows verdicts in colour (the symbol and word carry the meaning
	// on their own); off for NO_COLOR.
	Color bool
	// Padding puts a space either side of every cell.
	Padding bool
}

// column is one column of the terminal table.
type column struct {
	head  string
	cells []string // one per row; may hold several lines
	// shrink says the column may be narrowed and its text wrapped; numbers
	// and verdicts keep their width.
	shrink bool
	// verdict marks the column that shows the verdict, for its colour.
	verdict bool
	// keep marks the columns narrowed last: the circle, its file and the
	// verdict read worst when wrapped.
	keep  bool
	width int
}

// layout is one way to lay the table out.
type layout struct {
	cols []column
	// wrapHead puts the heading in the first row, where it may wrap onto
	// several lines; otherwise it is lipgloss's one-line header.
	wrapHead bool
	pad      int
}

// maxCellLines and maxPartLines bound how tall a wrapped cell, and each of
// its lines, may grow; the rest is cut with an ellipsis.
const (
	maxCellLines = 6
	maxPartLines = 3
)

// minShrunk is the narrowest a text column becomes before lines are cut.
const minShrunk = 4

// Table renders rows (already sorted) as a terminal table no wider than
// opt.Width. When every column fits side by side (text wrapped at word
// boundaries if need be) it shows all of them. When not, it folds the file
// under the circle's name, score and completeness under the verdict, size
// and cost under the format, shows lists as counts ("2/4"), and wraps the
// headings. Only on a very narrow screen are words broken and, at last,
// lines cut with an ellipsis.
func Table(p *checklist.Pack, rows []Row, opt TableOptions) string {
	width := opt.Width
	if width <= 0 {
		width = 80
	}
	keep := coreShown(rows)
	h := headingsFor(p, keep)
	stay := anyAttending(rows)
	cs := make([]cells, len(rows))
	missing := false
	for i, r := range rows {
		cs[i] = r.cells(p, func(v checklist.Verdict) string { return summary.VerdictBadge(p, v) }, keep)
		for _, s := range append([]string{cs[i].format, cs[i].size, cs[i].cost}, cs[i].core...) {
			missing = missing || s == notAsked
		}
	}
	// On a narrow screen, core questions that never apply to the same
	// circle share a column (a facilitator's agreements, an informal
	// group's safeguards).
	groups := shareColumns(rows, keep)
	compactCells := make([]cells, len(rows))
	for i, r := range rows {
		compactCells[i] = cs[i]
		compactCells[i].core = nil
		for _, g := range groups {
			pick := g[0]
			for _, k := range g {
				if r.Core[k].Applies || r.Core[k].Asked {
					pick = k
					break
				}
			}
			compactCells[i].core = append(compactCells[i].core, r.Core[pick].short(p))
		}
	}
	compactH := h
	compactH.core = nil
	all := headingsFor(p, coreAll(rows))
	for _, g := range groups {
		var heads []string
		for _, k := range g {
			heads = append(heads, all.core[k])
		}
		compactH.core = append(compactH.core, strings.Join(heads, " / "))
	}

	pad := 0
	if opt.Padding {
		pad = 1
	}
	candidates := []layout{
		{cols: fullColumns(h, cs, stay), pad: pad},
		{cols: compactColumns(compactH, compactCells, stay), wrapHead: true, pad: pad},
	}
	if pad > 0 {
		candidates = append(candidates, layout{cols: compactColumns(compactH, compactCells, stay), wrapHead: true})
	}
	var l layout
	for _, c := range candidates {
		if fitColumns(c, width, tierWords) {
			l = c
			break
		}
	}
	if l.cols == nil {
		l = candidates[len(candidates)-1]
		fitColumns(l, width, tierBreak)
	}

	out := render(l, rows, opt)
	if ansi.StringWidth(firstLine(out)) > width {
		// Even the narrowest columns do not fit: cut every line.
		lines := strings.Split(out, "\n")
		for i, line := range lines {
			lines[i] = ansi.Truncate(line, width, "…")
		}
		out = strings.Join(lines, "\n")
	}
	if missing {
		out += "\n" + footnote(p)
	}
	return out + "\n"
}

// shareColumns groups the shown core questions so that no two in a group
// apply to the same row; each group becomes one column.
func shareColumns(rows []Row, keep []int) [][]int {
	applies := func(r Row, k int) bool { return r.Core[k].Applies || r.Core[k].Asked }
	var groups [][]int
	for _, k := range keep {
		joined := false
		for gi, g := range groups {
			clash := false
			for _, r := range rows {
				for _, m := range g {
					clash = clash || (applies(r, m) && applies(r, k))
				}
			}
			if !clash {
				groups[gi] = append(groups[gi], k)
				joined = true
				break
			}
		}
		if !joined {
			groups = append(groups, []int{k})
		}
	}
	return groups
}

// coreAll is every core question's index.
func coreAll(rows []Row) []int {
	var all []int
	if len(rows) > 0 {
		for k := range rows[0].Core {
			all = append(all, k)
		}
	}
	return all
}

func render(l layout, rows []Row, opt TableOptions) string {
	first := 0 // the first row that holds a circle
	if l.wrapHead {
		first = 1
	}
	var cells [][]string
	if l.wrapHead {
		head := make([]string, len(l.cols))
		for j, c := range l.cols {
			head[j] = wrapCell(c.head, c.width)
		}
		cells = append(cells, head)
	}
	multiline := false
	for i := range rows {
		line := make([]string, len(l.cols))
		for j, c := range l.cols {
			line[j] = wrapCell(c.cells[i], c.width)
			multiline = multiline || strings.Contains(line[j], "\n")
		}
		cells = append(cells, line)
	}
	t := table.New().
		Border(lipgloss.RoundedBorder()).
		BorderRow(l.wrapHead || (multiline && len(rows) > 1)).
		Wrap(true).
		StyleFunc(func(row, col int) lipgloss.Style {
			s := lipgloss.NewStyle().Padding(0, l.pad)
			if col >= 0 && col < len(l.cols) {
				// Exact widths: the content was wrapped to fit already.
				s = s.Width(l.cols[col].width + 2*l.pad)
			}
			if row == table.HeaderRow || (l.wrapHead && row == 0) {
				if opt.Styled {
					s = s.Bold(true)
				}
				return s
			}
			if i := row - first; opt.Color && col < len(l.cols) && l.cols[col].verdict && i >= 0 && i < len(rows) {
				s = s.Foreground(verdictColor(rows[i].Verdict))
			}
			return s
		})
	if !l.wrapHead {
		head := make([]string, len(l.cols))
		for j, c := range l.cols {
			head[j] = c.head
		}
		t.Headers(head...)
	}
	t.Rows(cells...)
	return t.String()
}

func fullColumns(h headings, cs []cells, stay bool) []column {
	get := func(f func(c cells) string) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = textclean.CleanLine(f(c))
		}
		return out
	}
	cols := []column{
		{head: h.file, cells: get(func(c cells) string { return c.file }), shrink: true, keep: true},
		{head: h.name, cells: get(func(c cells) string { return c.name }), shrink: true, keep: true},
		{head: h.verdict, cells: get(func(c cells) string { return c.verdict }), verdict: true},
		{head: h.fit, cells: get(func(c cells) string { return c.fit }), shrink: true},
	}
	if stay {
		cols = append(cols, column{head: h.stay, cells: get(func(c cells) string { return c.stay }), shrink: true})
	}
	cols = append(cols,
		column{head: h.score, cells: get(func(c cells) string { return c.score })},
		column{head: h.completeness, cells: get(func(c cells) string { return c.completeness })},
		column{head: h.redFlags, cells: get(func(c cells) string { return flagsText(c) }), shrink: true},
	)
	for k, head := range h.core {
		cols = append(cols, column{head: head, cells: get(func(c cells) string { return c.core[k] }), shrink: true})
	}
	cols = append(cols,
		column{head: h.format, cells: get(func(c cells) string { return c.format }), shrink: true},
		column{head: h.size, cells: get(func(c cells) string { return c.size })},
		column{head: h.cost, cells: get(func(c cells) string { return c.cost })},
	)
	for j := range cols {
		cols[j].width = naturalWidth(cols[j])
	}
	return cols
}

// compactColumns folds the columns into a few for a narrow screen.
func compactColumns(h headings, cs []cells, stay bool) []column {
	get := func(f func(c cells) []string) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			parts := f(c)
			for k, s := range parts {
				parts[k] = textclean.CleanLine(s)
			}
			out[i] = strings.Join(parts, "\n")
		}
		return out
	}
	cols := []column{
		{head: h.name, cells: get(func(c cells) []string { return []string{c.name, filepath.Base(c.file)} }), shrink: true, keep: true},
		{head: h.verdict, cells: get(func(c cells) []string {
			if stay {
				// Whether to stay sits under the verdict it follows from.
				return []string{c.verdict, c.stay, c.score + " · " + c.completeness}
			}
			return []string{c.verdict, c.score + " · " + c.completeness}
		}), verdict: true, shrink: true, keep: true},
		{head: h.redFlags, cells: get(func(c cells) []string {
			if len(c.redFlags) == 0 {
				return []string{c.noFlags}
			}
			return append([]string(nil), c.redFlags...)
		}), shrink: true},
	}
	for k, head := range h.core {
		cols = append(cols, column{head: head, cells: get(func(c cells) []string { return []string{c.core[k]} }), shrink: true})
	}
	// The fit is the format's, for this person: it sits under the format.
	cols = append(cols, column{head: h.format + " · " + h.fit, cells: get(func(c cells) []string {
		return []string{c.format, c.fit, c.size + " · " + c.cost}
	}), shrink: true})
	for j := range cols {
		cols[j].width = naturalWidth(cols[j])
	}
	return cols
}

func flagsText(c cells) string {
	if len(c.redFlags) == 0 {
		return c.noFlags
	}
	return strings.Join(c.redFlags, ", ")
}

// naturalWidth is the widest line of a column's cells and heading.
func naturalWidth(c column) int {
	w := 1
	for _, cell := range append([]string{c.head}, c.cells...) {
		for _, l := range strings.Split(cell, "\n") {
			w = max(w, ansi.StringWidth(l))
		}
	}
	return w
}

// chrome is the width of the borders and padding around the columns.
func (l layout) chrome() int { return len(l.cols) + 1 + 2*l.pad*len(l.cols) }

func (l layout) width() int {
	w := l.chrome()
	for _, c := range l.cols {
		w += c.width
	}
	return w
}

// How far fitColumns may narrow a text column, in order.
const (
	// tierHeads wraps headings (when the layout lets them wrap) but no cell.
	tierHeads = iota
	// tierLists wraps cells of all but the kept columns, at spaces, hyphens
	// and slashes, never inside a word.
	tierLists
	// tierWords wraps the kept columns' cells too.
	tierWords
	// tierBreak breaks words, down to minShrunk.
	tierBreak
)

// floor is how narrow a column may get at a tier.
func (l layout) floor(c column, tier int) int {
	if !c.shrink {
		return c.width
	}
	head := ansi.StringWidth(c.head)
	if l.wrapHead {
		head = longestWord(c.head)
	}
	if tier == tierLists && c.keep {
		tier = tierHeads
	}
	switch tier {
	case tierHeads:
		w := head
		for _, cell := range c.cells {
			for _, line := range strings.Split(cell, "\n") {
				w = max(w, ansi.StringWidth(line))
			}
		}
		return w
	case tierLists, tierWords:
		w := head
		for _, cell := range c.cells {
			w = max(w, longestWord(cell))
		}
		return w
	}
	if l.wrapHead {
		return min(minShrunk, c.width)
	}
	return head
}

// fitColumns narrows text columns until the table fits width, tier by tier
// up to maxTier; at each tier it narrows the widest column that may still
// give a column. It reports whether the table fits.
func fitColumns(l layout, width, maxTier int) bool {
	for tier := tierHeads; tier <= maxTier; tier++ {
		floors := make([]int, len(l.cols))
		for j, c := range l.cols {
			floors[j] = min(c.width, l.floor(c, tier))
		}
		for l.width() > width {
			best := -1
			for j, c := range l.cols {
				if c.width > floors[j] && (best < 0 || c.width > l.cols[best].width) {
					best = j
				}
			}
			if best < 0 {
				break
			}
			l.cols[best].width--
		}
		if l.width() <= width {
			return true
		}
	}
	return false
}

// breakpoints are where a word may wrap besides spaces: after a hyphen (as
// in rf-vendor-dosing) or a slash (in a path).
const breakpoints = "-/"

// longestWord is the widest unbreakable piece of s.
func longestWord(s string) int {
	w := 0
	for _, word := range strings.Fields(s) {
		start := 0
		for i, r := range word {
			if strings.ContainsRune(breakpoints, r) {
				w = max(w, ansi.StringWidth(word[start:i+1]))
				start = i + 1
			}
		}
		w = max(w, ansi.StringWidth(word[start:]))
	}
	return w
}

// wrapCell wraps each line of a cell to width, at spaces, hyphens and
// slashes. Each line of the cell (a name, a file) keeps at most
// maxPartLines lines and the cell at most maxCellLines, a cut marked with
// an ellipsis, so one long name cannot make a row fill the screen.
func wrapCell(cell string, width int) string {
	var lines []string
	for _, part := range strings.Split(cell, "\n") {
		wrapped := strings.Split(ansi.Wrap(part, width, breakpoints), "\n")
		for i, l := range wrapped {
			wrapped[i] = strings.TrimRight(l, " ")
		}
		lines = append(lines, cut(wrapped, maxPartLines, width)...)
	}
	return strings.Join(cut(lines, maxCellLines, width), "\n")
}

// cut keeps the first n lines, ending the last kept one with an ellipsis.
func cut(lines []string, n, width int) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := lines[n-1]
	if ansi.StringWidth(last) >= width {
		last = ansi.Truncate(last, width-1, "")
	}
	lines[n-1] = last + "…"
	return lines
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

func verdictColor(v checklist.Verdict) color.Color {
	switch v {
	case checklist.VerdictPromising:
		return lipgloss.Green
	case checklist.VerdictCaution:
		return lipgloss.Yellow
	case checklist.VerdictAvoid:
		return lipgloss.Red
	}
	return lipgloss.BrightBlack
}
