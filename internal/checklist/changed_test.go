package checklist_test

import (
	"slices"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// TestRulesChangedSince: a rule changed after the vetting counts when it
// reaches a question the vetting answered, and only then; one changed
// before the vetting never counts.
func TestRulesChangedSince(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	var training, seller *checklist.Rule
	for _, r := range p.Rules {
		qs := map[string]bool{}
		r.When.Questions(qs)
		switch {
		case training == nil && qs["training"]:
			training = r
		case seller == nil && len(qs) == 1 && qs["seller-run"]:
			seller = r
		}
	}
	if training == nil || seller == nil {
		t.Fatal("no rule on training or seller-run alone")
	}
	// The built-in pack is shared by the package's tests: put it back.
	t.Cleanup(func() { training.Changed, seller.Changed = "", "" })
	training.Changed, seller.Changed = "2026-11-20", "2026-11-25"
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "general"})
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, tc := range []struct {
		since string
		want  []string
		on    string
	}{
		{"2026-11-02", []string{training.ID}, "2026-11-20"}, // before the change, and it reaches training
		{"2026-11-20", nil, ""},                             // on the day of the change: made under it
		{"2026-11-21", nil, ""},                             // after: seller-run was not answered
	} {
		ids, latest := p.RulesChangedSince(a, day(tc.since))
		if !slices.Equal(ids, tc.want) || (tc.on != "" && latest.Format(time.DateOnly) != tc.on) {
			t.Errorf("since %s: %v, %v; want %v, %s", tc.since, ids, latest, tc.want, tc.on)
		}
	}
}
