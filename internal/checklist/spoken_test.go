package checklist_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

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

// TestSpokenNumbersInAnswersFiles: an answers file takes the same forms, a
// range is kept as a range, and it is judged on both ends.
func TestSpokenNumbersInAnswersFiles(t *testing.T) {
	p := defaultPack(t)
	a := answers(t, p, "circle: {format: kap-circle, participants: 10-15, minutes: 2h, cost_usd: free}")
	if v, _ := a.Get("participants"); v.Number != 10 || v.Upper == nil || *v.Upper != 15 {
		t.Errorf("participants = %+v, want 10-15", v)
	}
	if v, _ := a.Get("minutes"); v.Number != 120 || v.Upper != nil {
		t.Errorf("minutes = %+v, want 120", v)
	}
	if v, _ := a.Get("cost-usd"); v.Number != 0 {
		t.Errorf("cost = %+v, want 0", v)
	}
	got := fired(checklist.Evaluate(p, a))
	if !slices.Contains(got, "SIZE-OVER-12") || slices.Contains(got, "SIZE-TYPICAL") {
		t.Errorf("fired %v: a group of 10-15 may be over 12, so it is not the typical size", got)
	}
	// The range is written back as a range.
	out := string(checklist.MarshalAnswers(p, a))
	if !strings.Contains(out, "participants: 10-15") {
		t.Errorf("marshalled:\n%s", out)
	}
	b, err := checklist.ParseAnswers(p, "again.yaml", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := b.Get("participants"); v.Upper == nil || *v.Upper != 15 {
		t.Errorf("round trip lost the range: %+v", v)
	}
	if _, err := checklist.ParseAnswers(p, "bad.yaml", []byte("version: 1\ncircle: {minutes: two hours}\n")); err == nil || !strings.Contains(err.Error(), "90, 2h or 1h30") {
		t.Errorf("error %v does not give the length's example", err)
	}
}
