package checklist_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
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
		{"integration-months", "six", 6, 6, true},
		// Numbers as people say them (issue 20).
		{"participants", "a dozen", 12, 12, true},
		{"participants", "about 12", 12, 12, true},
		{"participants", "four", 4, 4, true},
		{"participants", "twenty-five", 25, 25, true},
		{"participants", "two-three", 2, 3, true},
		{"participants", "half a dozen", 6, 6, true},
		{"participants", "a dozen people", 12, 12, true},
		{"participants", "ten to fifteen", 10, 15, true},
		{"participants", "one hundred and twenty", 120, 120, true},
		{"participants", "2 dozen", 24, 24, true},
		{"participants", "12ish", 12, 12, true},
		{"participants", "around 10-15", 10, 15, true},
		{"participants", "a lot", 0, 0, false},
		{"participants", "some", 0, 0, false},
		{"cost-usd", "$150 a session", 150, 150, true},
		{"cost-usd", "$150 per session", 150, 150, true},
		{"cost-usd", "forty-five dollars", 45, 45, true},
		{"cost-usd", "about $40", 40, 40, true},
		{"minutes", "two hours", 120, 120, true},
		{"minutes", "an hour and a half", 90, 90, true},
		{"minutes", "half an hour", 30, 30, true},
		{"minutes", "two and a half hours", 150, 150, true},
		{"integration-months", "a year and a half", 18, 18, true},
		{"integration-months", "six months", 6, 6, true},
		{"integration-months", "2 years", 24, 24, true},
		{"integration-months", "about a year", 12, 12, true},
		{"sessions-attended", "three", 3, 3, true},
	}
	for _, tc := range tests {
		lo, hi, ok := p.SpokenNumber(p.Question(tc.question), tc.in)
		if ok != tc.ok || (ok && (lo != tc.lo || hi != tc.hi)) {
			t.Errorf("%s %q = %v, %v, %v; want %v, %v, %v", tc.question, tc.in, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

func FuzzSpokenNumber(f *testing.F) {
	for _, s := range []string{"free", "$45", "20-60", "2h", "1h30", "90 min", "1,200", "30 to 80", "--", "h", "1e999",
		"a dozen", "about 12", "an hour and a half", "half a dozen", "a year and a half", "two-three", "and and half", "half half"} {
		f.Add(s)
	}
	p := defaultPack(f)
	qs := []string{"cost-usd", "minutes", "participants", "integration-months"}
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
	if _, err := checklist.ParseAnswers(p, "bad.yaml", []byte("version: 1\ncircle: {minutes: two days}\n")); err == nil || !strings.Contains(err.Error(), "90, 2h or 1h30") {
		t.Errorf("error %v does not give the length's example", err)
	}
}

// TestSpokenNumbersInSpanish: the Spanish pack reads numbers as Spanish
// speakers say them.
func TestSpokenNumbersInSpanish(t *testing.T) {
	p := spanishPack(t)
	for _, tc := range []struct {
		question, in string
		lo, hi       float64
		approx       bool
	}{
		{"participants", "una docena", 12, 12, false},
		{"participants", "media docena", 6, 6, false},
		{"participants", "unos 12", 12, 12, true},
		{"participants", "doce a quince", 12, 15, false},
		{"participants", "veinticinco personas", 25, 25, false},
		{"participants", "ciento veinte", 120, 120, false},
		{"minutes", "dos horas", 120, 120, false},
		{"minutes", "una hora y media", 90, 90, false},
		{"minutes", "media hora", 30, 30, false},
		{"cost-usd", "gratis", 0, 0, false},
		{"cost-usd", "$150 por sesión", 150, 150, false},
		{"integration-months", "seis meses", 6, 6, false},
		{"integration-months", "un año y medio", 18, 18, false},
		{"integration-months", "más o menos un año", 12, 12, true},
	} {
		v, ok, _ := p.NumberAnswer(p.Question(tc.question), tc.in)
		hi := v.Number
		if v.Upper != nil {
			hi = *v.Upper
		}
		if !ok || v.Number != tc.lo || hi != tc.hi || v.Approx != tc.approx {
			t.Errorf("%s %q = %+v (ok %v); want %v-%v approx %v", tc.question, tc.in, v, ok, tc.lo, tc.hi, tc.approx)
		}
	}
}

// TestSpokenNumbersWrittenInAnswersFiles: an answers file may say a number
// in words, and an approximation is kept as one through a save.
func TestSpokenNumbersWrittenInAnswersFiles(t *testing.T) {
	p := defaultPack(t)
	a := answers(t, p, "circle: {participants: about a dozen, cost_usd: $150 a session, minutes: two hours}")
	for id, want := range map[string]float64{"participants": 12, "cost-usd": 150, "minutes": 120} {
		if v, _ := a.Get(id); v.Number != want {
			t.Errorf("%s = %+v, want %v", id, v, want)
		}
	}
	v, _ := a.Get("participants")
	if !v.Approx {
		t.Fatalf("about a dozen lost its approximation: %+v", v)
	}
	out := checklist.MarshalAnswers(p, a)
	if !strings.Contains(string(out), `participants: "~12"`) {
		t.Errorf("marshalled:\n%s", out)
	}
	b, err := checklist.ParseAnswers(p, "again.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := b.Get("participants"); !w.Equal(v) {
		t.Errorf("round trip: %+v, want %+v", w, v)
	}
	// The Spanish pack reads the same file.
	if _, err := checklist.ParseAnswers(spanishPack(t), "es.yaml", out); err != nil {
		t.Errorf("Spanish pack refuses an English-written file: %v", err)
	}
}

// TestValueEqual: a changed range end, an unsure item or an approximation
// is a change, so a draft is rewritten for it.
func TestValueEqual(t *testing.T) {
	hi, hi2 := 60.0, 80.0
	base := checklist.Value{Number: 20, Upper: &hi}
	for name, o := range map[string]checklist.Value{
		"range end": {Number: 20, Upper: &hi2},
		"no range":  {Number: 20},
		"approx":    {Number: 20, Upper: &hi, Approx: true},
	} {
		if base.Equal(o) {
			t.Errorf("%s: %+v equals %+v", name, base, o)
		}
	}
	same := 60.0
	if !base.Equal(checklist.Value{Number: 20, Upper: &same}) {
		t.Error("the same range on another pointer is not equal")
	}
	l := checklist.Value{List: []string{"a"}}
	if l.Equal(checklist.Value{List: []string{"a"}, Unsure: []string{"b"}}) {
		t.Error("an item now unsure is no change")
	}
}

func spanishPack(t testing.TB) *checklist.Pack {
	t.Helper()
	p, err := rules.ForLanguage("es")
	if err != nil {
		t.Fatalf("Spanish pack: %v", err)
	}
	return p
}
