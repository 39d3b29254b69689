package checklist

import (
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// number reads a finite decimal number such as 8, -2.5, 1_000 or 1e3.
// Hexadecimal, octal and binary forms, Inf and NaN are not numbers here:
// nobody counts participants in hex, and accepting 0x1p4 but not 0x10
// would only surprise. -0 is 0.
func number(n *yamlread.Node) (float64, bool) {
	if n.Kind != yamlread.ScalarNode || n.Quoted {
		return 0, false
	}
	return ParseNumber(n.Value)
}

// ParseNumber reads a finite decimal number as an answers file, the
// walkthrough and the accessible mode all accept it: digits with an
// optional sign, fraction, exponent and _ between digits; never hex,
// octal, binary, Inf or NaN. -0 reads as 0, so nothing prints "$-0".
func ParseNumber(s string) (float64, bool) {
	if !decimal(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || f != f || f > 1e15 || f < -1e15 {
		return 0, false
	}
	if f == 0 {
		f = 0 // not -0
	}
	return f, true
}

// decimal reports whether s is [+-]digits[.digits][e[+-]digits], with
// underscores allowed between digits.
func decimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_' && n > 0) {
			i++
			n++
		}
		return n
	}
	whole := digits()
	frac := 0
	if i < len(s) && s[i] == '.' {
		i++
		frac = digits()
	}
	if whole == 0 && frac == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
