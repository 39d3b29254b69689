package compare

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// CSV renders rows (already sorted) for a spreadsheet, as RFC 4180 text
// with a header row of stable IDs: file, name, verdict, fit, stay, score,
// completeness, red_flags, one column per core question, format,
// participants, cost_usd and the verdict's headline. A list is its items
// joined by "; ", an answer not given is empty. Every cell is one line of
// cleaned text, and a cell a spreadsheet would read as a formula (starting
// with =, +, -, @, a tab or a carriage return) is prefixed with ' so it
// stays text.
func CSV(p *checklist.Pack, rows []Row) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true // RFC 4180
	head := []string{"file", "name", "verdict", "fit", "stay", "score", "completeness", "red_flags"}
	for _, q := range p.Questions {
		if q.Core {
			head = append(head, q.ID)
		}
	}
	head = append(head, "format", "participants", "cost_usd", "headline", "vetted")
	_ = w.Write(head)
	for _, r := range rows {
		line := []string{r.File, r.Name, string(r.Verdict), string(r.Fit), string(r.Stay),
			strconv.Itoa(r.Score), strconv.Itoa(r.Completeness), strings.Join(r.RedFlags, "; ")}
		for _, a := range r.Core {
			switch {
			case !a.Asked:
				line = append(line, "")
			case a.kind == checklist.KindMulti:
				line = append(line, strings.Join(a.List, "; "))
			default:
				line = append(line, a.Choice)
			}
		}
		line = append(line, r.Format, report.Range(r.Participants, r.ParticipantsMax), report.Range(r.CostUSD, r.CostUSDMax), r.Headline.Verdict, r.Vetted)
		for i, cell := range line {
			line[i] = safeCell(cell)
		}
		_ = w.Write(line)
	}
	w.Flush()
	return b.String()
}

// safeCell makes a cell one line of plain text that no spreadsheet runs as a
// formula.
func safeCell(s string) string {
	s = textclean.CleanLine(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
