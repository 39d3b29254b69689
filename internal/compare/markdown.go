package compare

import (
	"strings"

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
	if v := vettedLine(p, rows); v != "" {
		b.WriteString("\n" + textclean.EscapeMarkdown(v) + "\n")
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
