package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// TestHeaderShowsTheVerdictOnEveryStep: where the side panel is not shown
// (below 100 columns), every step's header carries the running verdict and
// the red-flag count, shortened but never dropped, at 80x24 and at 60x20;
// and nothing is shown before the first answer.
func TestHeaderShowsTheVerdictOnEveryStep(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}, {40, 12}} {
		a := loadExample(t, "attending-should-leave.yaml")
		d := newDriver(t, size[0], size[1], Options{Options: intake.Options{Answers: a}})
		r := checklist.Evaluate(d.m.c.pack, a)
		sym, _, _ := strings.Cut(summary.VerdictBadge(d.m.c.pack, r.Verdict), " ")
		for i, st := range d.m.steps {
			if st.kind == stepSummary {
				continue // the summary's banner states the verdict in full
			}
			d.run(d.m.goTo(i, ""))
			head := strings.SplitN(d.view(), "\n", 2)[0]
			if !strings.Contains(head, sym) || (len(r.RedFlags) > 0 && !strings.Contains(head, "✘")) {
				t.Errorf("%dx%d step %s: header %q lacks the verdict %s", size[0], size[1], d.step(), head, sym)
			}
		}
		if len(d.m.steps) < 12 {
			t.Fatalf("%dx%d: only %d steps", size[0], size[1], len(d.m.steps))
		}
	}
	// The first screen, before any answer: no verdict yet.
	d := newDriver(t, 80, 24, Options{})
	head := strings.SplitN(d.view(), "\n", 2)[0]
	if strings.Contains(head, summary.VerdictWord(d.m.c.pack, checklist.VerdictIncomplete)) {
		t.Errorf("first screen's header shows a verdict before any answer: %q", head)
	}
}

// TestEditingFromTheReview: changing one answer from the review keeps the
// header whole at 80 columns and the help line says enter and esc go back
// to the review, not "next" and "back".
func TestEditingFromTheReview(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml"))
	if d.step() != "review" {
		t.Fatalf("at %s, want the review", d.step())
	}
	d.keys("g", "down", "enter") // change the first answer
	if !d.m.c.editing() {
		t.Fatalf("enter on the review did not open an answer to change (at %s)", d.step())
	}
	lines := strings.Split(d.view(), "\n")
	head := lines[0]
	if !strings.Contains(head, "editing") || strings.Contains(head, "…  ") {
		t.Errorf("header while editing: %q", head)
	}
	var helpLine string
	for _, l := range lines {
		if strings.Contains(l, "q quit") || strings.Contains(l, "ctrl+c quit") {
			helpLine = l
		}
	}
	if !strings.Contains(helpLine, "enter/esc review") || strings.Contains(helpLine, "next") {
		t.Errorf("help line while editing: %q", helpLine)
	}
}

// TestCoordinatorSectionTitles: in coordinator mode the fit step is the person's
// fit, not "your own", and its intro says whom to ask.
func TestCoordinatorSectionTitles(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.keys("2", "enter").goToStep("q:comfort-sharing")
	view := d.view()
	if !strings.Contains(view, "The person's fit") || strings.Contains(view, "Your own fit") {
		t.Errorf("coordinator's fit step:\n%s", view)
	}
	if !strings.Contains(view, "not the facilitator") {
		t.Errorf("the fit step does not say whom to ask:\n%s", view)
	}
}

// TestOneCompletenessFigure: the review's count is the same figure the
// panel, the summary and resume --list give.
func TestOneCompletenessFigure(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.fill(loadExample(t, "incomplete-intake.yaml"))
	r := d.m.Result()
	want := fmt.Sprintf("%d of %d known (%d%% complete)", r.Known, r.Asked, r.Completeness)
	if !strings.Contains(d.view(), want) || r.Asked == 0 || r.Completeness != r.Known*100/r.Asked {
		t.Errorf("review lacks %q:\n%s", want, d.view())
	}
}
