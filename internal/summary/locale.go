package summary

import (
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
)

// Money, Number and Date live in report, which builds every fact a
// summary shows; these names stay for the renderers that format them.
func Money(p *checklist.Pack, f float64) string { return report.Money(p, f) }

// Number writes a number with the locale's grouping and decimal marks.
func Number(p *checklist.Pack, f float64) string { return report.Number(p, f) }

// Date writes a day as the pack's date.format text says.
func Date(p *checklist.Pack, t time.Time) string { return report.Date(p, t) }
