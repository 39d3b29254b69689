package register_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// TestRevetDue: a re-vet is due a year after the call (by the vetting's
// own date, not when its file was kept), or when a rule that touches what
// the vetting answered changed after it, and only then; each reason says
// why and from when, the same from the listing cache.
func TestRevetDue(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	strong, err := os.ReadFile("../../examples/strong-kap-circle.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dated := func(on string) []byte {
		return []byte(strings.Replace(string(strong), "answers:", "vetted:\n  on: \""+on+"\"\nanswers:", 1))
	}
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	// The pack was reviewed on 2026-12-01; of its rules, one about the
	// training answer changed on 2026-11-20, one about a question these
	// answers leave out on 2026-11-25.
	// The built-in pack is shared by the package's tests: put it back.
	reviewed := p.Meta.LastReviewed
	t.Cleanup(func() {
		p.Meta.LastReviewed = reviewed
		for _, r := range p.Rules {
			r.Changed = ""
		}
	})
	p.Meta.LastReviewed = "2026-12-01"
	touched, untouched := "", ""
	for _, r := range p.Rules {
		qs := map[string]bool{}
		r.When.Questions(qs)
		switch {
		case touched == "" && qs["training"]:
			r.Changed, touched = "2026-11-20", r.ID
		case untouched == "" && len(qs) == 1 && qs["medicine-sessions"]:
			r.Changed, untouched = "2026-11-25", r.ID
		}
	}
	if touched == "" || untouched == "" {
		t.Fatalf("no rule to change: %q %q", touched, untouched)
	}
	for _, cache := range []string{"", t.TempDir()} {
		g := register.Register{Dir: filepath.Join(t.TempDir(), "circles"), CacheDir: cache}
		add := func(name string, data []byte) {
			c, err := g.Ensure(name)
			if err != nil {
				t.Fatal(err)
			}
			// Kept today: the date that counts is the call's.
			if _, err := g.AddVetting(c, data, now); err != nil {
				t.Fatal(err)
			}
		}
		add("year-and-a-day", dated("2025-12-02"))
		add("eleven-months", dated("2026-01-03"))
		add("eighteen-days", dated("2026-11-15"))
		add("after-the-change", dated("2026-11-21"))
		for range 2 { // fresh, then from the cache
			all, _, err := g.Circles(p, now)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]register.Entry{}
			for _, e := range all {
				got[e.Name] = e
			}
			year := got["year-and-a-day"]
			if !year.RevetDue || len(year.Revet) == 0 || year.Revet[0].Reason != "year" || year.Revet[0].Since != "2026-12-02" ||
				year.Revet[0].Words != "re-vet due: vetted 2025-12-02, over a year ago" {
				t.Errorf("a vetting a year and a day old: %+v", year.Revet)
			}
			if e := got["eleven-months"]; e.RevetDue && e.Revet[0].Reason == "year" {
				t.Errorf("a vetting eleven months old is due for its age: %+v", e.Revet)
			}
			rules := got["eighteen-days"]
			if !rules.RevetDue || len(rules.Revet) != 1 || rules.Revet[0].Reason != "rules" || rules.Revet[0].Since != "2026-11-20" ||
				strings.Join(rules.Revet[0].Rules, ",") != touched || !strings.Contains(rules.Revet[0].Words, "2026-11-20") {
				t.Errorf("a vetting before a change to a rule on its answers: %+v", rules.Revet)
			}
			if e := got["after-the-change"]; e.RevetDue || len(e.Revet) != 0 {
				t.Errorf("a vetting 12 days old, after every rule change that touches it and before the pack's review, is due: %+v", e.Revet)
			}
		}
	}
}
