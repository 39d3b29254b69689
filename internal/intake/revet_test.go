package intake_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// attendingVetting is a kept vetting that holds a person's answers beside
// the circle's: the role, the stage, attending and fit answers, a note on
// the person's fit and a note on the training.
func attendingVetting(t *testing.T, p *checklist.Pack) *checklist.Answers {
	t.Helper()
	path := filepath.Join("..", "..", "examples", "strong-kap-circle.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, path, data)
	if err != nil {
		t.Fatal(err)
	}
	a.Set("user-role", checklist.Value{Choice: "coordinator"})
	a.Set("stage", checklist.Value{Choice: "attending"})
	a.Set("training", checklist.Value{Choice: "general"})
	a.Notes["training"] = "no program named"
	a.Notes["goals"] = "Pt wants to taper"
	a.Vetted = checklist.Provenance{On: "2025-11-02", By: "Ana", Source: "call"}
	return a
}

func TestRevetAsksOnlyTheCircle(t *testing.T) {
	p := pack(t)
	prev := attendingVetting(t, p)
	r := intake.NewRevet(prev, "2025-11-02")
	start := r.Start(p)
	plan := intake.PlanFor(p, start, r)
	got := ids(plan)
	for _, person := range []string{"welcome:", "attending:", "fit:", "user-role", "stage", "goals", "distress", "leave-signs"} {
		if strings.Contains(got, person) {
			t.Errorf("a re-vet plans %s, a question about the person: %s", person, got)
		}
	}
	for _, circle := range []string{"basics:", "training", "red-flags:", "screening"} {
		if !strings.Contains(got, circle) {
			t.Errorf("a re-vet does not plan %s: %s", circle, got)
		}
	}
	if start.ResumeAt != plan[0].Questions[0].ID {
		t.Errorf("a re-vet starts at %q, want the first circle question %q", start.ResumeAt, plan[0].Questions[0].ID)
	}
	// The circle's answers are carried; the person's are not, nor are
	// their notes; the role is kept, for it words the questions.
	if v, _ := start.Get("training"); v.Choice != "general" {
		t.Errorf("training carried as %q", v.Choice)
	}
	if _, ok := start.Get("stage"); ok {
		t.Error("the stage (the person's) was carried into the re-vet")
	}
	if _, ok := start.Notes["goals"]; ok {
		t.Error("a note on the person's fit was carried into the re-vet")
	}
	if v, _ := start.Get("user-role"); v.Choice != "coordinator" {
		t.Error("the role was not kept")
	}
	if !start.Vetted.IsZero() {
		t.Errorf("the re-vet starts with the old provenance %+v", start.Vetted)
	}
	// A carried note says it is old, once, however often it is carried.
	want := "From the vetting on 2025-11-02: no program named"
	if got := start.Notes["training"]; got != want {
		t.Errorf("carried note = %q, want %q", got, want)
	}
	again := intake.NewRevet(start, "2026-11-10").Start(p)
	if got := again.Notes["training"]; got != want {
		t.Errorf("a note carried twice = %q, want %q", got, want)
	}
	// Beside each question: the answer and note before.
	line := r.BeforeLine(p, p.Question("training"))
	if !strings.Contains(line, "2025-11-02") || !strings.Contains(line, "no program named") || !strings.Contains(line, summaryWord(p, "training", "general")) {
		t.Errorf("before line = %q", line)
	}
	if l := r.BeforeLine(p, p.Question("goals")); l != "" {
		t.Errorf("before line for a person's question = %q", l)
	}
	var none *intake.Revet
	if l := none.BeforeLine(p, p.Question("training")); l != "" || !none.Asks(p, p.Question("goals")) {
		t.Error("outside a re-vet, nothing is shown before and every question is asked")
	}
}

func summaryWord(p *checklist.Pack, id, option string) string {
	return p.Question(id).Option(option).Label
}

func TestCallDate(t *testing.T) {
	p := pack(t)
	now := time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ typed, want, err string }{
		{"", "2026-12-03", ""},
		{" 2025-11-02 ", "2025-11-02", ""},
		{"2026-12-04", "2026-12-04", ""}, // a day's grace for time zones
		{"2027-01-10", "", "2027-01-10 is in the future: give the date the call or visit happened"},
		{"11/02/2025", "", "11/02/2025 is not a date: type it as YYYY-MM-DD, such as 2026-12-03"},
		{"2025-02-30", "", "is not a date"},
		{"1999-12-31", "", "1999-12-31 is before 2000-01-01: give the real date"},
	} {
		got, err := intake.CallDate(p, tc.typed, now)
		if got != tc.want || (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("CallDate(%q) = %q, %v; want %q, %q", tc.typed, got, err, tc.want, tc.err)
		}
	}
}
