package checklist

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// numberWords are the English words people use for numbers; a pack may
// replace each list under text: (number.free and so on, comma-separated),
// so a translated pack reads "gratis" as 0.
var numberWords = map[string]string{
	"number.free":    "free, nothing, none, no charge, zero",
	"number.dollars": "$, usd, dollar, dollars, bucks",
	"number.hours":   "h, hr, hrs, hour, hours",
	"number.minutes": "m, min, mins, minute, minutes",
	"number.to":      "-, –, —, to",
}

// NumberWordKeys lists the text keys a pack may give for reading numbers.
func NumberWordKeys() []string { return sortedKeys(numberWords) }

// isMoney and isLength say how a number question is read: by its circle
// field, which (unlike its unit's word) is the same in every language.
func (q *Question) isMoney() bool  { return q.CircleField == "cost_usd" }
func (q *Question) isLength() bool { return q.CircleField == "minutes" }

// SpokenNumber reads a number as people say it, for question q: digits
// with thousands commas ("1,200"), a currency sign or word for money ("$45",
// "45 dollars"), "free" for no cost, hours and minutes for a length ("2h",
// "90 min", "1h30", "1.5 hours"), and a range ("20-60", "20 to 60"). It
// returns the low and high ends (equal for one number) and whether it could
// read s. It never accepts hex, Inf or NaN.
func (p *Pack) SpokenNumber(q *Question, s string) (lo, hi float64, ok bool) {
	words := func(key string) []string {
		list := numberWords[key]
		if p != nil {
			if t, found := p.Text[key]; found {
				list = t
			}
		}
		var out []string
		for _, w := range strings.Split(list, ",") {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, 0, false
	}
	if q.isMoney() {
		for _, w := range words("number.free") {
			if s == w {
				return 0, 0, true
			}
		}
	}
	// A range: two readings around a separator word.
	for _, sep := range words("number.to") {
		for from := 1; from < len(s); {
			i := strings.Index(s[from:], sep)
			if i < 0 {
				break
			}
			i += from
			from = i + len(sep)
			if sep != "-" && sep != "–" && sep != "—" && !wordAt(s, i, len(sep)) {
				continue
			}
			a, okA := p.spokenOne(q, s[:i], words)
			b, okB := p.spokenOne(q, s[i+len(sep):], words)
			if okA && okB {
				return min(a, b), max(a, b), true
			}
		}
	}
	f, ok := p.spokenOne(q, s, words)
	return f, f, ok
}

// wordAt reports whether s[i:i+n] stands as a word (spaces either side).
func wordAt(s string, i, n int) bool {
	return i > 0 && s[i-1] == ' ' && i+n < len(s) && s[i+n] == ' '
}

func (p *Pack) spokenOne(q *Question, s string, words func(string) []string) (float64, bool) {
	s = strings.TrimSpace(s)
	if q.isMoney() {
		for _, w := range words("number.dollars") {
			if strings.HasPrefix(s, w) && !unicode.IsLetter(rune(w[0])) {
				s = strings.TrimSpace(s[len(w):])
			} else if t, cut := strings.CutSuffix(s, w); cut && (len(t) == 0 || !unicode.IsLetter(rune(t[len(t)-1]))) {
				s = strings.TrimSpace(t)
			}
		}
	}
	if q.isLength() {
		if f, ok := duration(s, words("number.hours"), words("number.minutes")); ok {
			return f, true
		}
	}
	// A unit word the question names ("8 people", "6 months") may follow.
	if u := strings.ToLower(q.Unit); u != "" {
		if t, cut := strings.CutSuffix(s, u); cut {
			s = strings.TrimSpace(t)
		}
	}
	// Thousands commas, only where they group three digits.
	if strings.Contains(s, ",") {
		parts := strings.Split(s, ",")
		for _, part := range parts[1:] {
			if len(part) < 3 || !isDigits(part[:3]) {
				return 0, false
			}
		}
		s = strings.Join(parts, "")
	}
	return ParseNumber(s)
}

// NumberAnswer reads a number answer as people write it (see SpokenNumber)
// and checks both ends against q's bounds. ok is false when s is not a
// number; inRange is false when it is one but lies outside min..max. A
// range is kept as a range: Number is its low end, Upper its high end.
func (p *Pack) NumberAnswer(q *Question, s string) (v Value, ok, inRange bool) {
	lo, hi, ok := p.SpokenNumber(q, s)
	if !ok {
		return v, false, false
	}
	v = Value{Number: lo}
	if hi != lo {
		v.Upper = &hi
	}
	for _, f := range []float64{lo, hi} {
		if (q.Min != nil && f < *q.Min) || (q.Max != nil && f > *q.Max) {
			return v, true, false
		}
	}
	return v, true, true
}

// duration reads hours and minutes ("2h", "1h30", "1 hour 30 minutes",
// "90 min", "1.5 hours") as minutes.
func duration(s string, hours, minutes []string) (float64, bool) {
	total, seen := 0.0, false
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, err := strconv.ParseFloat(s[:i], 64)
		if err != nil || math.IsInf(n, 0) {
			return 0, false
		}
		s = strings.TrimLeft(s[i:], " ")
		j := 0
		for j < len(s) && unicode.IsLetter(rune(s[j])) {
			j++
		}
		unit := s[:j]
		s = strings.TrimLeft(s[j:], " ,")
		switch {
		case contains(hours, unit):
			total += n * 60
		case contains(minutes, unit):
			total += n
		case unit == "" && seen && s == "":
			total += n // "1h30": the trailing number is minutes
		default:
			return 0, false
		}
		seen = true
	}
	return math.Round(total*100) / 100, seen
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
