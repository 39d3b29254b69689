package ui

import (
	"strings"
	"testing"
)

// TestNumbersAsPeopleSayThem: the basics take numbers in words, keep an
// approximation, and print a unit once ("12 people", never "12 people
// people"; "free", never "free USD").
func TestNumbersAsPeopleSayThem(t *testing.T) {
	tests := []struct {
		typed, field, want, never string
		number                    float64
		approx                    bool
	}{
		{"a dozen", "participants", "a dozen", "people people", 12, false},
		{"12 people", "participants", "12 people", "people people", 12, false},
		{"about 12", "participants", "about 12", "people people", 12, true},
		{"two hours", "minutes", "two hours", "hours minutes", 120, false},
		{"free", "cost-usd", "free", "free USD", 0, false},
	}
	tabs := map[string][]string{
		"participants": {"tab", "tab", "tab"},
		"minutes":      {"tab", "tab", "tab", "tab"},
		"cost-usd":     {"tab", "tab", "tab", "tab", "tab"},
	}
	for _, tc := range tests {
		d := newDriver(t, 80, 24, Options{})
		d.keys("enter", "enter").keys(tabs[tc.field]...).typeText(tc.typed)
		if v := d.view(); !strings.Contains(v, tc.want) || strings.Contains(v, tc.never) {
			t.Errorf("%q: the field shows:\n%s", tc.typed, v)
		}
		d.keys("tab")
		v, ok := d.answer(tc.field)
		if !ok || v.Number != tc.number || v.Approx != tc.approx {
			t.Errorf("%q recorded %+v (ok %v), want %v approx %v", tc.typed, v, ok, tc.number, tc.approx)
		}
	}
}
