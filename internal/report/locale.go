package report

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Money writes an amount of US dollars as the pack's language does: digits
// grouped for the locale (golang.org/x/text), placed by the pack's
// summary.money text ("${amount}" in English).
func Money(p *checklist.Pack, f float64) string {
	amount := Number(p, f)
	if tmpl, ok := p.Text["summary.money"]; ok {
		return strings.ReplaceAll(tmpl, "{amount}", amount)
	}
	return "$" + amount
}

// Number writes a number with the locale's grouping and decimal marks.
func Number(p *checklist.Pack, f float64) string {
	if f == 0 {
		return "0" // never "-0"
	}
	if p.Lang().IsRoot() {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return message.NewPrinter(p.Lang()).Sprint(number.Decimal(f, number.MaxFractionDigits(2)))
}

// Date writes a day as the pack's date.format text says ({year}, {month}
// as a number, {month-name} from date.months, {day}); ISO 8601 when the pack
// has none, which is also the English pack's choice for records.
func Date(p *checklist.Pack, t time.Time) string {
	tmpl, ok := p.Text["date.format"]
	if !ok {
		return t.Format("2006-01-02")
	}
	months := strings.Split(p.Text["date.months"], ",")
	name := ""
	if m := int(t.Month()); m-1 < len(months) {
		name = strings.TrimSpace(months[m-1])
	}
	return strings.NewReplacer("{year}", strconv.Itoa(t.Year()), "{month}", t.Format("01"),
		"{month-name}", name, "{day}", strconv.Itoa(t.Day())).Replace(tmpl)
}
