package draft_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
)

// TestDraftFollowsTheCircleName: a draft made before the circle has a name
// (or at its first letter) is renamed as the name is typed and changed,
// keeping its start time; there is only ever one file, and a clash with
// another draft gets a number rather than replacing it.
func TestDraftFollowsTheCircleName(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	now := time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC)
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "general"})
	d, err := s.Create(p, a, now)
	if err != nil {
		t.Fatal(err)
	}
	sv := s.NewSaver(p, d)
	files := func() []string {
		m, _ := filepath.Glob(filepath.Join(s.Dir, "*.yaml"))
		return m
	}
	for _, step := range []struct{ name, want string }{
		{"K", "20261203-093000-k.yaml"},
		{"Kept Circle", "20261203-093000-kept-circle.yaml"},
		{"Kept Circle", "20261203-093000-kept-circle.yaml"},
		{"", "20261203-093000.yaml"},
	} {
		if step.name == "" {
			a.Clear("circle-name")
		} else {
			a.Set("circle-name", checklist.Value{Text: step.name})
		}
		if err := sv.Save(a); err != nil {
			t.Fatal(err)
		}
		got := sv.Draft().Path
		if filepath.Base(got) != step.want || len(files()) != 1 {
			t.Fatalf("name %q: draft at %s (files %v), want %s", step.name, filepath.Base(got), files(), step.want)
		}
		back, _, err := draft.Load(p, got)
		if err != nil || draft.CircleName(p, back.Answers) != step.name {
			t.Fatalf("name %q: the renamed draft reads %v, %v", step.name, back, err)
		}
	}
	// Another draft already has the name: this one gets a number.
	other := filepath.Join(s.Dir, "20261203-093000-harbor.yaml")
	if err := os.WriteFile(other, []byte("version: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a.Set("circle-name", checklist.Value{Text: "Harbor"})
	if err := sv.Save(a); err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(sv.Draft().Path); got != "20261203-093000-harbor-2.yaml" {
		t.Errorf("clash: draft at %s", got)
	}
	if data, _ := os.ReadFile(other); string(data) != "version: 1\n" {
		t.Errorf("the other draft was replaced: %q", data)
	}
}
