package checklist

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// numberWords are the English words people use for numbers; a pack may
// replace each list under text: (number.free and so on, comma-separated),
// so a translated pack reads "gratis" as 0 and "una docena" as 12. Lists of
// the form "word=value" give a number word its value.
var numberWords = map[string]string{
	"number.free":    "free, nothing, none, no charge, zero",
	"number.dollars": "$, usd, dollar, dollars, bucks",
	"number.hours":   "h, hr, hrs, hour, hours",
	"number.minutes": "m, min, mins, minute, minutes",
	"number.to":      "-, –, —, to",
	"number.words": "zero=0, a=1, an=1, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, " +
		"ten=10, eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16, seventeen=17, " +
		"eighteen=18, nineteen=19, twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90",
	"number.scales": "hundred=100, thousand=1000, dozen=12, dozens=12, couple=2",
	"number.half":   "half",
	"number.and":    "and, of",
	"number.about":  "about, around, roughly, approximately, approx., approx, nearly, almost, maybe, some, ~, or so, ish, -ish",
	"number.each":   "a session, per session, each session, each, per person, a person, a head, per head, a meeting, per meeting, a time",
	"number.years":  "year, years, yr, yrs",
	"number.months": "month, months, mo, mos",
}

// NumberWordKeys lists the text keys a pack may give for reading numbers.
func NumberWordKeys() []string { return sortedKeys(numberWords) }

// isMoney and isLength say how a number question is read: by its circle
// field, which (unlike its unit's word) is the same in every language.
func (q *Question) isMoney() bool  { return q.CircleField == "cost_usd" }
func (q *Question) isLength() bool { return q.CircleField == "minutes" }

// wordList is a pack's comma-separated list under key, lower-cased.
func (p *Pack) wordList(key string) []string {
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

// wordValues is a pack's "word=value" list under key.
func (p *Pack) wordValues(key string) map[string]float64 {
	out := map[string]float64{}
	for _, w := range p.wordList(key) {
		word, val, ok := strings.Cut(w, "=")
		if !ok {
			continue
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
			out[strings.TrimSpace(word)] = f
		}
	}
	return out
}

// SpokenNumber reads a number as people say it, for question q: digits
// with thousands commas ("1,200"), number words ("a dozen", "four",
// "twenty-five", "una docena"), a currency sign or word for money ("$45",
// "45 dollars", "$150 a session"), "free" for no cost, hours and minutes
// for a length ("2h", "90 min", "1h30", "an hour and a half"), years for
// months ("a year and a half"), an approximation ("about 12"), and a range
// ("20-60", "20 to 60"). It returns the low and high ends (equal for one
// number) and whether it could read s. It never accepts hex, Inf or NaN.
func (p *Pack) SpokenNumber(q *Question, s string) (lo, hi float64, ok bool) {
	lo, hi, _, ok = p.spoken(q, s)
	return lo, hi, ok
}

// spoken is SpokenNumber that also says whether s was an approximation.
func (p *Pack) spoken(q *Question, s string) (lo, hi float64, approx, ok bool) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if s == "" {
		return 0, 0, false, false
	}
	s, approx = p.cutAbout(s)
	if q.isMoney() {
		for _, w := range p.wordList("number.free") {
			if s == w {
				return 0, 0, approx, true
			}
		}
		s = p.cutEach(s)
	}
	s = p.wordsToDigits(s)
	// A range: two readings around a separator word.
	for _, sep := range p.wordList("number.to") {
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
			a, okA := p.spokenOne(q, s[:i])
			b, okB := p.spokenOne(q, s[i+len(sep):])
			if okA && okB {
				return min(a, b), max(a, b), approx, true
			}
		}
	}
	f, ok := p.spokenOne(q, s)
	return f, f, approx, ok
}

// cutAbout takes an approximation word off either end ("about 12",
// "12 or so", "12ish", "unos 12").
func (p *Pack) cutAbout(s string) (string, bool) {
	for _, w := range p.wordList("number.about") {
		if t, cut := strings.CutPrefix(s, w); cut && (t == "" || t[0] == ' ' || !unicode.IsLetter(rune(w[len(w)-1]))) && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t), true
		}
		if t, cut := strings.CutSuffix(s, w); cut && strings.TrimSpace(t) != "" && (t[len(t)-1] == ' ' || !unicode.IsLetter(rune(w[0])) || unicode.IsDigit(rune(t[len(t)-1]))) {
			return strings.TrimSpace(t), true
		}
	}
	return s, false
}

// cutEach takes "a session", "per person" and the like off a price.
func (p *Pack) cutEach(s string) string {
	for _, w := range p.wordList("number.each") {
		if t, cut := strings.CutSuffix(s, " "+w); cut && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return s
}

// wordsToDigits rewrites runs of number words as digits, so that the rest
// of the reader sees "12" for "a dozen", "25" for "twenty-five", "0.5
// hour" for "half an hour" and "1.5 year" for "a year and a half".
func (p *Pack) wordsToDigits(s string) string {
	values, scales := p.wordValues("number.words"), p.wordValues("number.scales")
	half, and := p.wordList("number.half"), p.wordList("number.and")
	if len(values) == 0 && len(scales) == 0 {
		return s
	}
	isWord := func(w string) bool {
		_, v := values[w]
		_, sc := scales[w]
		return v || sc || contains(half, w)
	}
	// Hyphenated words: "twenty-five" is one number, "two-three" a range.
	var toks []string
	for _, t := range strings.Fields(s) {
		a, b, dash := strings.Cut(t, "-")
		switch va, vb := values[a], values[b]; {
		case !dash || !isWord(a) || !isWord(b):
			toks = append(toks, t)
		case va >= 20 && math.Mod(va, 10) == 0 && vb > 0 && vb < 10:
			toks = append(toks, a, b)
		case va > 0 && vb > 0:
			toks = append(toks, num(va)+"-"+num(vb))
		default:
			toks = append(toks, t)
		}
	}
	var out []string
	lastNum := -1 // index in out of the last number written
	cur, total, inRun := 0.0, 0.0, false
	flush := func() {
		if inRun {
			out = append(out, num(total+cur))
			lastNum = len(out) - 1
		}
		cur, total, inRun = 0, 0, false
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		switch v, isVal := values[t]; {
		case contains(half, t):
			// "half an hour", "half a dozen": the article after half is not one.
			if _, art := values[next]; art && values[next] == 1 && i+2 < len(toks) {
				i++
			}
			if !inRun && lastNum >= 0 {
				// "a year and a half", "hora y media": half of the unit just said.
				if f, err := strconv.ParseFloat(out[lastNum], 64); err == nil {
					out[lastNum] = num(f + 0.5)
					lastNum = -1
					continue
				}
			}
			cur += 0.5
			inRun = true
		case isVal:
			// An article before half belongs to it ("two and a half").
			if v == 1 && contains(half, next) {
				continue
			}
			cur += v
			inRun = true
		case scales[t] != 0:
			m := scales[t]
			if cur == 0 {
				cur = 1
			}
			if m >= 1000 {
				total += cur * m
				cur = 0
			} else {
				cur *= m
			}
			inRun = true
		case contains(and, t):
			article := values[next] == 1 && i+2 < len(toks) && contains(half, toks[i+2])
			switch {
			case contains(half, next) || article:
				// "two and a half", "an hour and a half": half joins what
				// came before.
			case inRun && isWord(next):
				// "one hundred and twenty": the joining word is dropped.
			default:
				flush()
				out = append(out, t)
			}
		default:
			if d, err := strconv.ParseFloat(t, 64); err == nil && !inRun && next != "" && scales[next] != 0 {
				cur, inRun = d, true // "2 dozen"
				continue
			}
			flush()
			out = append(out, t)
		}
	}
	flush()
	return strings.Join(out, " ")
}

// wordAt reports whether s[i:i+n] stands as a word (spaces either side).
func wordAt(s string, i, n int) bool {
	return i > 0 && s[i-1] == ' ' && i+n < len(s) && s[i+n] == ' '
}

func (p *Pack) spokenOne(q *Question, s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if q.isMoney() {
		for _, w := range p.wordList("number.dollars") {
			if strings.HasPrefix(s, w) && !unicode.IsLetter(rune(w[0])) {
				s = strings.TrimSpace(s[len(w):])
			} else if t, cut := strings.CutSuffix(s, w); cut && (len(t) == 0 || !unicode.IsLetter(rune(t[len(t)-1]))) {
				s = strings.TrimSpace(t)
			}
		}
	}
	if q.isLength() {
		if f, ok := measure(s, p.wordList("number.hours"), 60, p.wordList("number.minutes"), 1); ok {
			return f, true
		}
	}
	// Months as people say them: "a year and a half" is 18.
	if u := strings.ToLower(q.Unit); u != "" && contains(p.wordList("number.months"), u) {
		if f, ok := measure(s, p.wordList("number.years"), 12, p.wordList("number.months"), 1); ok {
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
// range is kept as a range (Number is its low end, Upper its high end),
// and an approximation as one (Approx).
func (p *Pack) NumberAnswer(q *Question, s string) (v Value, ok, inRange bool) {
	lo, hi, approx, ok := p.spoken(q, s)
	if !ok {
		return v, false, false
	}
	v = Value{Number: lo, Approx: approx}
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

// measure reads amounts in two units ("2h", "1h30", "1 hour 30 minutes",
// "90 min", "1.5 hours"; "1 year 6 months") as the smaller unit: big words
// count bigN each, small words smallN each.
func measure(s string, big []string, bigN float64, small []string, smallN float64) (float64, bool) {
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
		j := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		if j < 0 {
			j = len(s)
		}
		unit := s[:j]
		s = strings.TrimLeft(s[j:], " ,")
		switch {
		case contains(big, unit):
			total += n * bigN
		case contains(small, unit):
			total += n * smallN
		case unit == "" && seen && s == "":
			total += n * smallN // "1h30": the trailing number is the small unit
		default:
			return 0, false
		}
		seen = true
	}
	return math.Round(total*100) / 100, seen
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

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

// NumberText writes a number answer back as a person reads it, without its
// unit: "12", a range "10-15", an approximation "about 12" in the pack's
// words. SpokenNumber reads it back to the same answer; money is left to
// the caller, which knows the currency's format (see NumberWith).
func (p *Pack) NumberText(v Value) string {
	return p.NumberWith(v, num)
}

// NumberWith is NumberText with each end written by format.
func (p *Pack) NumberWith(v Value, format func(float64) string) string {
	s := format(v.Number)
	if v.Upper != nil {
		s += "-" + format(*v.Upper)
	}
	if v.Approx {
		if t, ok := p.Text["number.approx"]; ok {
			return strings.ReplaceAll(t, "{n}", s)
		}
		return "~" + s
	}
	return s
}
