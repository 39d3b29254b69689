package accessible_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/rules"
)

// TestRevetFromAPipe: a re-vet read from a pipe asks the circle's
// questions only (no role, stage, attending or fit question), says each
// one's earlier answer and note, keeps every answer on Enter, and the note
// it carries says it is from the earlier vetting.
func TestRevetFromAPipe(t *testing.T) {
	p := pack(t)
	prev := example(t, p, "strong-kap-circle.yaml")
	prev.Set("user-role", checklist.Value{Choice: "coordinator"})
	prev.Set("stage", checklist.Value{Choice: "attending"})
	prev.Set("goals", checklist.Value{List: []string{}})
	prev.Notes["training"] = "no program named"
	r := intake.NewRevet(prev, "2025-11-02")
	lines := make([]string, 80) // Enter alone at every prompt
	a, out, err := run(t, p, lines, accessible.Options{Options: intake.Options{Answers: r.Start(p), Revet: r}})
	if err != nil {
		t.Fatalf("re-vet: %v\n%s", err, out)
	}
	for _, q := range p.Questions {
		if intake.CircleQuestion(p, q) || !p.Applicable(q, prev) {
			continue
		}
		if strings.Contains(out, "\n"+q.PromptFor(a)+"\n") {
			t.Errorf("the re-vet asked %s, a question about the person:\n%s", q.ID, out)
		}
	}
	for _, want := range []string{
		"Vetting this circle again",
		"Before (2025-11-02): " + p.Question("training").Option("named-program").Label + ". Note then: no program named",
		"Your note: From the vetting on 2025-11-02: no program named",
		p.Question("screening").PromptFor(a),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the re-vet does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Your own fit") || strings.Contains(out, "Getting started") {
		t.Errorf("the re-vet shows a person's step:\n%s", out)
	}
	if v, _ := a.Get("training"); v.Choice != "named-program" {
		t.Errorf("Enter did not keep the training answer: %q", v.Choice)
	}
	if _, ok := a.Get("stage"); ok {
		t.Error("the person's stage came back in the re-vet's answers")
	}
	if got := a.Notes["training"]; got != "From the vetting on 2025-11-02: no program named" {
		t.Errorf("the carried note is %q", got)
	}
}

// TestKeepAsksTheDate: keeping asks the date of the call or visit (enter:
// today), refuses a future date or one that does not read in words, and
// keeps the date given as the vetting's vetted on.
func TestKeepAsksTheDate(t *testing.T) {
	p := pack(t)
	a := example(t, p, "strong-kap-circle.yaml")
	a.Vetted = checklist.Provenance{}
	var kept []string
	keep := func(name, source string, answers []byte) (string, error) {
		got, err := checklist.ParseAnswers(p, "kept", answers)
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, got.Vetted.On)
		return "/reg/x.yaml", nil
	}
	opts := accessible.Options{Options: intake.Options{Dir: t.TempDir(), Keep: keep}}
	_, out, err := run(t, p, append(script(p, a), "n", "", "y", "1", "2027-01-01", "11/02/2025", "2025-11-02"), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, want := range []string{
		"Date of the call or visit, YYYY-MM-DD (enter: today, 2026-01-02): ",
		"2027-01-01 is in the future: give the date the call or visit happened",
		"11/02/2025 is not a date: type it as YYYY-MM-DD, such as 2026-01-02",
		"Dated 2025-11-02.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("keeping does not say %q:\n%s", want, out[max(0, len(out)-800):])
		}
	}
	_, _, _ = run(t, p, append(script(p, a), "n", "", "y", "1"), opts)
	if len(kept) != 2 || kept[0] != "2025-11-02" || kept[1] != "2026-01-02" {
		t.Errorf("kept with dates %q, want the date given, then today", kept)
	}
}

// TestRevetInSpanish: the re-vet's words come from the Spanish pack.
func TestRevetInSpanish(t *testing.T) {
	p, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	prev := example(t, p, "strong-kap-circle.yaml")
	prev.Notes["training"] = "no nombra ningún programa"
	r := intake.NewRevet(prev, "2025-11-02")
	_, out, err := run(t, p, make([]string, 80), accessible.Options{Options: intake.Options{Answers: r.Start(p), Revet: r}})
	if err != nil {
		t.Fatalf("re-vet: %v\n%s", err, out)
	}
	for _, want := range []string{"Nueva revisión de este círculo", "Antes (2025-11-02): ", "Nota de entonces: no nombra ningún programa", "De la revisión del 2025-11-02: no nombra ningún programa"} {
		if !strings.Contains(out, want) {
			t.Errorf("the Spanish re-vet does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Before (") || strings.Contains(out, "From the vetting") {
		t.Errorf("English in the Spanish re-vet:\n%s", out)
	}
}
