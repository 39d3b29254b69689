package checklist

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Service is a circle's service record: how a person reaches and joins it,
// what a referral needs. It describes the circle only, never a person, and
// is kept in the circle block of an answers file or in a service file of
// the register. Every field is optional; an empty one is not known.
type Service struct {
	Contact   Contact  `json:"contact,omitzero"`
	Schedule  Schedule `json:"schedule,omitzero"`
	Languages []string `json:"languages,omitempty"` // BCP 47 tags, canonical ("en", "es")
	Cost      Cost     `json:"cost,omitzero"`
	// LastVerified is the date someone last checked these details with the
	// circle, YYYY-MM-DD.
	LastVerified string `json:"last_verified,omitempty"`
}

// Contact is how to reach a circle.
type Contact struct {
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Website string `json:"website,omitempty"` // an http or https URL
}

// Schedule is when a circle meets: in words as people say it, and where
// known as a weekday, a start time and a frequency. Nothing is guessed from
// the words: the structured fields are only what was written as such.
type Schedule struct {
	Text      string `json:"text,omitempty"`
	Weekday   string `json:"weekday,omitempty"`   // one of Weekdays
	Start     string `json:"start,omitempty"`     // HH:MM, 24-hour, the circle's local time
	Frequency string `json:"frequency,omitempty"` // one of Frequencies
}

// Cost is what joining costs: a model and, where known, an amount in US
// dollars (a range for a sliding scale: Amount to Upper).
type Cost struct {
	Model  string   `json:"model,omitempty"` // one of CostModels
	Amount *float64 `json:"amount,omitempty"`
	Upper  *float64 `json:"amount_max,omitempty"`
}

// The values the structured fields take, as written in files (English IDs
// in every language, like option IDs).
var (
	Weekdays    = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	Frequencies = []string{"weekly", "biweekly", "monthly"}
	// CostModels are the pricing question's options, so a vetting's answer
	// and a service record say the same thing the same way.
	CostModels = []string{"fixed", "donation", "sliding-scale", "membership", "free"}
)

// ServiceFields are the circle block's keys that make the service record.
var ServiceFields = []string{"contact", "schedule", "languages", "cost", "last_verified"}

// maxLanguages bounds the languages list; no circle runs in more.
const maxLanguages = 20

// IsZero reports whether nothing is known of the service.
func (s Service) IsZero() bool {
	return s.Contact == Contact{} && s.Schedule == Schedule{} && len(s.Languages) == 0 && s.Cost.IsZero() && s.LastVerified == ""
}

// IsZero reports whether nothing is known of the cost.
func (c Cost) IsZero() bool { return c.Model == "" && c.Amount == nil && c.Upper == nil }

// Clone is a deep copy.
func (s Service) Clone() Service {
	s.Languages = slices.Clone(s.Languages)
	if s.Cost.Amount != nil {
		a := *s.Cost.Amount
		s.Cost.Amount = &a
	}
	if s.Cost.Upper != nil {
		u := *s.Cost.Upper
		s.Cost.Upper = &u
	}
	return s
}

// WithAnswers is the service record as told with a vetting's answers: the
// cost, when the record has none, from how it is paid for (pricing) and
// what it costs (cost-usd). The record's own cost, checked more recently
// or on purpose, comes first. Nothing else is taken from the answers.
func (s Service) WithAnswers(a *Answers) Service {
	s = s.Clone()
	if !s.Cost.IsZero() || a == nil {
		return s
	}
	if v, ok := a.Get("pricing"); ok && slices.Contains(CostModels, v.Choice) {
		s.Cost.Model = v.Choice
	}
	if v, ok := a.Get("cost-usd"); ok && !v.Approx {
		amount := v.Number
		s.Cost.Amount = &amount
		if v.Upper != nil {
			upper := *v.Upper
			s.Cost.Upper = &upper
		}
		if amount == 0 && v.Upper == nil && s.Cost.Model == "" {
			s.Cost.Model = "free"
		}
	}
	if CheckCost(s.Cost) != nil {
		s.Cost = Cost{} // the answers disagree with each other: say nothing rather than something wrong
	}
	return s
}

// The checks below are shared by the answers file's reader and by the
// commands that set a field from a flag: each returns the value as kept,
// or an error in words (English; the file reader translates its own).

// CheckPhone accepts a phone number as people write it: digits, spaces,
// dots, dashes and brackets, a leading + for an international number, 7 to
// 15 digits (E.164's most), and an extension after "x" or "ext".
func CheckPhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if err := noControls(s); err != nil {
		return "", err
	}
	number, ext := s, ""
	if m := extension.FindStringSubmatch(s); m != nil {
		number, ext = m[1], m[2]
	}
	digits := 0
	for i, r := range number {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", fieldErr("%q is not a phone number: only digits, spaces, - . ( ) and a leading + belong in one", s)
		}
	}
	if digits < 7 || digits > 15 {
		return "", fieldErr("%q has %d digits; a phone number has 7 to 15", s, digits)
	}
	if ext != "" {
		return number + " x" + ext, nil
	}
	return number, nil
}

// extension is a phone number's extension written after it: "x12",
// "ext. 12", "extension 12".
var extension = regexp.MustCompile(`(?i)^(.*?)\s*(?:x|ext\.?|extension)\s*([0-9]{1,6})$`)

// PhoneParts splits a phone number as CheckPhone keeps it into the number
// and its extension.
func PhoneParts(s string) (number, ext string) {
	if i := strings.LastIndex(s, " x"); i >= 0 {
		return s[:i], s[i+2:]
	}
	return s, ""
}

// CheckEmail accepts one plain address, name@domain.tld: no display name,
// no quoted or bracketed parts, a domain of dotted ASCII labels (a domain
// in other letters is written as its xn-- form, as mail systems and the
// HSDS schema's email format expect). (Checked by hand:
// vetcircle links no mail or network code.)
func CheckEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if err := noControls(s); err != nil {
		return "", err
	}
	local, domain, ok := strings.Cut(s, "@")
	bad := !ok || len(s) > 254 || len(local) == 0 || len(local) > 64 || strings.Contains(domain, "@") ||
		strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") ||
		strings.Trim(local, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-") != ""
	labels := strings.Split(domain, ".")
	bad = bad || len(labels) < 2
	for _, l := range labels {
		bad = bad || l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") ||
			strings.Trim(l, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != ""
	}
	if bad {
		return "", fieldErr("%q is not an email address: a name, an @ and a domain with a dot", s)
	}
	return s, nil
}

// CheckWebsite accepts an absolute http or https URL with a host.
func CheckWebsite(s string) (string, error) {
	s = strings.TrimSpace(s)
	if err := noControls(s); err != nil {
		return "", err
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		strings.ContainsAny(s, " <>\"\\^`{|}") || len(s) > 2000 {
		return "", fieldErr("%q is not a web address starting with https:// or http://", s)
	}
	return s, nil
}

// CheckLanguage accepts a BCP 47 language tag ("en", "es", "es-MX") and
// returns its canonical form.
func CheckLanguage(s string) (string, error) {
	s = strings.TrimSpace(s)
	if err := noControls(s); err != nil {
		return "", err
	}
	t, err := language.Parse(s)
	if err != nil || len(s) > 35 || t == language.Und {
		return "", fieldErr("%q is not a language code such as en, es or es-MX", s)
	}
	return t.String(), nil
}

// CheckStart accepts a start time as HH:MM on a 24-hour clock.
func CheckStart(s string) (string, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return "", fieldErr("%q is not a time as HH:MM on a 24-hour clock, such as 18:30", s)
	}
	return t.Format("15:04"), nil
}

// CheckDate accepts a date as YYYY-MM-DD.
func CheckDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fieldErr("%q is not a date as YYYY-MM-DD", s)
	}
	return s, nil
}

// CheckScheduleText accepts the schedule in words: one line, no control
// characters, at most MaxLineLen characters.
func CheckScheduleText(s string) (string, error) {
	if err := noControls(s); err != nil {
		return "", err
	}
	s = textclean.CleanLine(s)
	if n := utf8.RuneCountInString(s); n > MaxLineLen {
		return "", fieldErr("the schedule is %d characters, over the %d limit", n, MaxLineLen)
	}
	return s, nil
}

// CheckCostAmount reads an amount in US dollars: a number, or a range such
// as 20-60 (a sliding scale), never negative.
func CheckCostAmount(s string) (low float64, high *float64, err error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	lo, hi, isRange := strings.Cut(s, "-")
	l, ok := ParseNumber(strings.TrimSpace(strings.TrimPrefix(lo, "$")))
	if !ok || l < 0 || l > 1e6 {
		return 0, nil, fieldErr("%q is not an amount in US dollars such as 40 or 20-60", s)
	}
	if !isRange {
		return l, nil, nil
	}
	h, ok := ParseNumber(strings.TrimSpace(strings.TrimPrefix(hi, "$")))
	if !ok || h < l || h > 1e6 {
		return 0, nil, fieldErr("%q is not a range of US dollars from low to high, such as 20-60", s)
	}
	return l, &h, nil
}

// CheckCost checks a cost as a whole: the model is known; free has no
// amount; a range belongs to a sliding scale.
func CheckCost(c Cost) error {
	if c.Model != "" && !slices.Contains(CostModels, c.Model) {
		return fieldErr("cost model %q is not one of %s", c.Model, strings.Join(CostModels, ", "))
	}
	if c.Model == "free" && c.Amount != nil && (*c.Amount != 0 || c.Upper != nil) {
		return fieldErr("a free circle has no amount")
	}
	if c.Upper != nil && c.Model != "" && c.Model != "sliding-scale" && c.Model != "donation" {
		return fieldErr("a range of amounts is a sliding scale or a suggested donation, not %s", c.Model)
	}
	return nil
}

// FieldError is a service field that does not check, as a format and its
// values, so the answers file's reader can say it in the pack's language.
type FieldError struct {
	Format string
	Args   []any
}

func (e *FieldError) Error() string { return fmt.Sprintf(e.Format, e.Args...) }

func fieldErr(format string, args ...any) error { return &FieldError{Format: format, Args: args} }

// noControls refuses control and invisible formatting characters, which
// have no place in a phone number, an address or a schedule and could
// reach a terminal.
func noControls(s string) error {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return fieldErr("%s holds a control character (%U)", textclean.Visible(fmt.Sprintf("%q", s)), r)
		}
	}
	return nil
}
