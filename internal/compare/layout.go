package compare

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

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
