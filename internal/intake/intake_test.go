package intake_test

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/rules"
)

func pack(t *testing.T) *checklist.Pack {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(plan []intake.Section) string {
	var out []string
	for _, s := range plan {
		var qs []string
		for _, q := range s.Questions {
			qs = append(qs, q.ID)
		}
		out = append(out, s.Section.ID+":"+strings.Join(qs, ","))
	}
	return strings.Join(out, " ")
}

func TestPlan(t *testing.T) {
	p := pack(t)
	a := checklist.NewAnswers()
	plan := ids(intake.Plan(p, a))
	if strings.Contains(plan, "attending:") || strings.Contains(plan, "peer-safeguards") {
		t.Errorf("plan for no answers holds the attending step or the informal group's question: %s", plan)
	}
	// No facilitator makes the group an informal one (a derived answer):
	// the plan asks what it offers instead of the facilitator questions.
	a.Set("training", checklist.Value{Choice: "no-facilitator"})
	plan = ids(intake.Plan(p, a))
	if !strings.Contains(plan, "peer-safeguards") || strings.Contains(plan, "difficult-experience") || strings.Contains(plan, "rf-no-training") {
		t.Errorf("plan for an informal group: %s", plan)
	}
	// A leave sign means the person attends, whatever the stage says.
	a.Set("stage", checklist.Value{Choice: "before"})
	a.Set("leave-signs", checklist.Value{List: []string{"performing"}})
	full := intake.Plan(p, a)
	if !strings.Contains(ids(full), "attending:") {
		t.Errorf("plan with a leave sign lacks the attending step: %s", ids(full))
	}
	if n, total := intake.Step(full, "leave-signs"); n == 0 || total != len(full) {
		t.Errorf("Step(leave-signs) = %d of %d", n, total)
	}
	if n, total := intake.Position(full, "agreements"); n != 0 || total != 0 {
		t.Errorf("Position of a question not asked = %d of %d", n, total)
	}
	if n, total := intake.Position(full, "training"); n != 1 || total != 2 {
		t.Errorf("Position(training) = %d of %d, want 1 of 2 (training, peer-safeguards)", n, total)
	}
}

func TestWorthKeeping(t *testing.T) {
	p := pack(t)
	a := checklist.NewAnswers()
	a.Set("user-role", checklist.Value{Choice: "self"})
	a.Set("stage", checklist.Value{Choice: "before"})
	if intake.WorthKeeping(p, a) {
		t.Error("who is using vetcircle and the stage alone made a draft")
	}
	b := a.Clone()
	b.Set("circle-name", checklist.Value{Text: "Thursday"})
	if !intake.WorthKeeping(p, b) {
		t.Error("a circle name is worth keeping")
	}
	c := a.Clone()
	c.SetNote("stage", "")
	c.SetNote("training", "Fluence")
	if !intake.WorthKeeping(p, c) {
		t.Error("a note is worth keeping")
	}
}

func TestNoteTarget(t *testing.T) {
	if got := intake.NoteTarget("rf-no-training", "rf-vendor-dosing"); got != "rf-no-training" {
		t.Errorf("NoteTarget = %s, want the question just answered", got)
	}
	if got := intake.NoteTarget("", "rf-vendor-dosing"); got != "rf-vendor-dosing" {
		t.Errorf("NoteTarget = %s, want the current question", got)
	}
}

func TestFileName(t *testing.T) {
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	for name, want := range map[string]string{
		"Thursday KAP Circle":     "vetcircle-thursday-kap-circle-2026-01-02.md",
		"":                        "vetcircle-circle-2026-01-02.md",
		"../../etc/passwd":        "vetcircle-etc-passwd-2026-01-02.md",
		"Café «Ünïcode» ✨":        "vetcircle-café-ünïcode-2026-01-02.md",
		"\x1b]52;c;x\aSafe":       "vetcircle-safe-2026-01-02.md",
		strings.Repeat("ab ", 40): "vetcircle-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-a-2026-01-02.md",
	} {
		if got := intake.FileName(name, day, ".md"); got != want {
			t.Errorf("FileName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestNoTerminalCode: the core both front ends share imports no Charm or
// terminal package.
func TestNoTerminalCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range []string{"charm.land/", "github.com/charmbracelet/", "golang.org/x/term", "github.com/muesli/"} {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("internal/intake depends on %s", dep)
			}
		}
	}
}

// TestAutosaver: no draft for saying who you are; the first real answer
// makes one; a stale write never overwrites a newer state; removing it and
// answering again starts a new draft; Flush writes what is pending.
func TestAutosaver(t *testing.T) {
	p := pack(t)
	store := draft.Store{Dir: t.TempDir() + "/drafts"}
	s := intake.NewAutosaver(p, store, nil)
	a := checklist.NewAnswers()
	a.Set("user-role", checklist.Value{Choice: "self"})
	if w := s.Queue(a, true); w != nil || s.Path() != "" {
		t.Fatal("saying who you are queued a draft")
	}
	a.Set("circle-name", checklist.Value{Text: "One"})
	first := s.Queue(a, true)
	a.Set("circle-name", checklist.Value{Text: "Two"})
	second := s.Queue(a, true)
	if w := second(); w.Err != nil || w.Path == "" {
		t.Fatalf("second write: %+v", w)
	}
	if w := first(); w.Path != "" {
		t.Errorf("the stale first write ran after the second: %+v", w)
	}
	d, _, err := draft.Load(p, s.Path())
	if err != nil || d.Answers.Values["circle-name"].Text != "Two" {
		t.Fatalf("draft holds %+v, %v; want the newest name", d, err)
	}
	if w := s.Remove()(); !w.Removed || w.Err != nil {
		t.Fatalf("remove: %+v", w)
	}
	a.Set("circle-name", checklist.Value{Text: "Three"})
	s.Queue(a, true) // not run: Flush must write it
	if err := s.Flush(); err != nil || s.Path() == "" {
		t.Fatalf("flush after removal: %v, path %q", err, s.Path())
	}
	if d, _, err := draft.Load(p, s.Path()); err != nil || d.Answers.Values["circle-name"].Text != "Three" {
		t.Errorf("new draft holds %+v, %v", d, err)
	}
}
