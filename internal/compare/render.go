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
	if v := vettedLine(p, rows); v != "" {
		out += "\n" + ansi.Wrap(v, max(width, 20), "")
	}
	return out + "\n"
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
