package intake

import (
	"errors"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// CallDate reads the date of a call or visit as a person types it in the
// walkthrough: YYYY-MM-DD, or nothing for today. A date that does not
// read, one before checklist.EarliestDate, or one in the future (a day's
// grace for time zones) is refused in the pack's words, saying what to
// type: a vetting is dated by when it happened, never by when it is kept.
func CallDate(p *checklist.Pack, typed string, now time.Time) (string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return now.Format(time.DateOnly), nil
	}
	shown := textclean.CleanLine(typed)
	if len([]rune(shown)) > 20 {
		shown = string([]rune(shown)[:20]) + "…"
	}
	d, err := time.Parse(time.DateOnly, typed)
	switch {
	case err != nil:
		return "", errors.New(p.Tf("date.bad", "value", shown, "example", now.Format(time.DateOnly)))
	case d.Before(checklist.EarliestDate):
		return "", errors.New(p.Tf("date.early", "value", shown, "earliest", checklist.EarliestDate.Format(time.DateOnly)))
	case d.After(now.AddDate(0, 0, 1)):
		return "", errors.New(p.Tf("date.future", "value", shown))
	}
	return d.Format(time.DateOnly), nil
}
