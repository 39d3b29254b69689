package checklist_test

import "testing"

// TestSpokenNumbers: numbers are read as people say them, per unit.
func TestSpokenNumbers(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		question, in string
		lo, hi       float64
		ok           bool
	}{
		{"cost-usd", "free", 0, 0, true},
		{"cost-usd", "Free", 0, 0, true},
		{"cost-usd", "$45", 45, 45, true},
		{"cost-usd", "45 dollars", 45, 45, true},
		{"cost-usd", "45 USD", 45, 45, true},
		{"cost-usd", "$1,500", 1500, 1500, true},
		{"cost-usd", "$30-80", 30, 80, true},
		{"cost-usd", "30 to 80", 30, 80, true},
		{"cost-usd", "1,50", 0, 0, false},
		{"participants", "8", 8, 8, true},
		{"participants", "8 people", 8, 8, true},
		{"participants", "20-60", 20, 60, true},
		{"participants", "60-20", 20, 60, true},
		{"participants", "free", 0, 0, false},
		{"participants", "0x10", 0, 0, false},
		{"participants", "NaN", 0, 0, false},
		{"participants", "-", 0, 0, false},
		{"minutes", "90", 90, 90, true},
		{"minutes", "90 min", 90, 90, true},
		{"minutes", "2h", 120, 120, true},
		{"minutes", "2 hours", 120, 120, true},
		{"minutes", "1.5 hours", 90, 90, true},
		{"minutes", "1h30", 90, 90, true},
		{"minutes", "1 hour 30 minutes", 90, 90, true},
		{"minutes", "90-120 min", 90, 120, true},
		{"minutes", "2 days", 0, 0, false},
		{"integration-months", "6 months", 6, 6, true},
		{"integration-months", "six", 0, 0, false},
	}
	for _, tc := range tests {
		lo, hi, ok := p.SpokenNumber(p.Question(tc.question), tc.in)
		if ok != tc.ok || (ok && (lo != tc.lo || hi != tc.hi)) {
			t.Errorf("%s %q = %v, %v, %v; want %v, %v, %v", tc.question, tc.in, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

func FuzzSpokenNumber(f *testing.F) {
	for _, s := range []string{"free", "$45", "20-60", "2h", "1h30", "90 min", "1,200", "30 to 80", "--", "h", "1e999"} {
		f.Add(s)
	}
	p := defaultPack(f)
	qs := []string{"cost-usd", "minutes", "participants"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, id := range qs {
			lo, hi, ok := p.SpokenNumber(p.Question(id), s)
			if ok && (lo > hi || lo != lo || hi != hi) {
				t.Fatalf("%s %q = %v..%v", id, s, lo, hi)
			}
		}
	})
}
