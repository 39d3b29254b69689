package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/rules"
)

// goldenCases put the walkthrough on every kind of screen and dialog.
// Drafts are on (in a temporary home) unless a case's opts say otherwise.
var goldenCases = []struct {
	name  string
	w, h  int
	setup func(d *driver)
	opts  func(o *Options)
}{
	{"welcome", 80, 24, func(d *driver) {}, nil},
	{"welcome-no-drafts", 80, 24, func(d *driver) {}, func(o *Options) { o.Drafts = nil }},
	{"basics", 80, 24, func(d *driver) {
		d.keys("enter", "enter").typeText("Thursday KAP Circle").keys("tab", "1")
	}, nil},
	{"basics-number-error", 80, 24, func(d *driver) {
		d.keys("enter", "enter", "tab", "tab", "tab").typeText("lots").keys("enter")
	}, nil},
	{"question-choice", 80, 24, func(d *driver) { d.goToStep("q:training").keys("2") }, nil},
	{"question-coordinator", 80, 24, func(d *driver) { d.keys("2").goToStep("q:training").keys("1") }, nil},
	{"question-multi", 80, 24, func(d *driver) { d.goToStep("q:agreements").keys("1", "4", "down") }, nil},
	{"question-tristate", 80, 24, func(d *driver) { d.goToStep("q:screening").keys("u") }, nil},
	{"question-number", 80, 24, func(d *driver) { d.goToStep("q:integration-months").typeText("4") }, nil},
	{"red-flags", 80, 24, func(d *driver) { d.goToStep("section:red-flags").keys("n", "y", "u") }, nil},
	{"review", 80, 24, func(d *driver) {
		d.fill(loadExample(d.tb, "red-flag-vendor.yaml")).keys("down", "down", "down")
	}, nil},
	{"summary", 80, 24, func(d *driver) { d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter") }, nil},
	{"save-dialog", 80, 24, func(d *driver) { d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter", "s") }, nil},
	{"quit-dialog", 80, 24, func(d *driver) { d.keys("1", "q") }, nil},
	{"full-help", 80, 24, func(d *driver) { d.goToStep("q:agreements").keys("?") }, nil},
	{"side-panel", 120, 40, func(d *driver) { d.goToStep("section:red-flags").keys("n", "y") }, nil},
	{"narrow", 50, 20, func(d *driver) { d.goToStep("q:training").keys("1") }, nil},
	{"notes", 80, 24, func(d *driver) {
		d.keys("2").goToStep("q:training").keys("1", "ctrl+n").typeText("Fluence certificate, 2024; trains others now")
	}, nil},
	{"notes-wide", 120, 40, func(d *driver) {
		d.keys("2").goToStep("q:training").keys("1", "ctrl+n").typeText("Fluence certificate, 2024")
	}, nil},
	{"notes-narrow", 50, 20, func(d *driver) {
		d.goToStep("section:red-flags").keys("ctrl+n").typeText("Said they trained with a named program")
	}, nil},
	{"question-with-note", 80, 24, func(d *driver) {
		d.keys("2").goToStep("q:screening").keys("y", "ctrl+n").typeText("Short phone call and a form before the first session.").keys("esc")
	}, nil},
	{"review-notes", 80, 24, func(d *driver) {
		d.goToStep("q:training").keys("1", "ctrl+n").typeText("Fluence certificate, 2024").keys("esc")
		d.goToStep("review").keys("down", "down", "down", "down", "down", "down", "down", "down", "down")
	}, nil},
	{"save-answers", 80, 24, func(d *driver) {
		d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter", "s", "tab")
	}, nil},
	{"save-offer", 80, 24, func(d *driver) {
		// Saved for real, in a circles folder in the test's home, which the
		// status and the offer show as ~/circles.
		dir := d.m.c.s.Options().Dir
		if err := os.Mkdir(dir, 0o700); err != nil {
			d.tb.Fatal(err)
		}
		d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter", "s", "ctrl+u").typeText("summary.md").keys("enter")
		if _, err := os.Stat(filepath.Join(dir, "summary.md")); err != nil {
			d.tb.Fatalf("the summary was not saved: %v", err)
		}
	}, func(o *Options) {
		home, err := os.UserHomeDir()
		if err != nil {
			panic(err)
		}
		o.Dir = filepath.Join(home, "circles")
	}},
	{"summary-copied", 80, 24, func(d *driver) {
		d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter", "c")
	}, nil},
	{"notice", 80, 24, func(d *driver) {}, func(o *Options) {
		file := "/home/you/.local/state/vetcircle/drafts/20261124-203001-thursday.yaml"
		o.Warnings = checklist.Errors{
			{Pos: checklist.Pos{File: file, Line: 9, Col: 3}, Msg: `unknown question id "facilitator-vibes"`, Hint: "kept in the file"},
			{Pos: checklist.Pos{File: file, Line: 14, Col: 15}, Msg: `agreements: "consent-form" is not one of its options`, Hint: "kept in the file"},
		}
	}},
	{"draft-error", 80, 24, func(d *driver) { d.keys("1", "enter", "2", "enter").typeText("Kept") }, func(o *Options) {
		p, _ := rules.Default()
		o.Drafts = intake.NewAutosaver(p, draft.Store{Dir: "/dev/null/vetcircle/drafts"}, nil)
	}},
}

// TestGolden compares every screen, on a light and a dark background, with
// its golden file (testdata/TestGolden/<case>/<light|dark>.golden), as a
// 256-colour terminal would get it. Refresh with: go test ./internal/ui -update
func TestGolden(t *testing.T) {
	p := testPack(t)
	for _, tc := range goldenCases {
		for _, bg := range []string{"light", "dark"} {
			t.Run(tc.name+"/"+bg, func(t *testing.T) {
				// Drafts go to ~/.local/state/vetcircle/drafts in a home of
				// the test's own, so the welcome screen reads the same on
				// every machine.
				t.Setenv("HOME", t.TempDir())
				t.Setenv("XDG_STATE_HOME", "")
				store, err := draft.DefaultStore()
				if err != nil {
					t.Fatal(err)
				}
				opts := Options{Options: intake.Options{Dir: "/home/you/circles", Drafts: intake.NewAutosaver(p, store, nil), ResultJSON: stubJSON}}
				if tc.opts != nil {
					tc.opts(&opts)
				}
				d := newDriver(t, tc.w, tc.h, opts)
				d.dark(bg == "dark")
				tc.setup(d)
				frame := d.m.View().Content
				checkFits(t, frame, tc.w, tc.h)
				golden.RequireEqual(t, downsample(frame))
			})
		}
	}
}

// stubJSON stands in for the command line's JSON encoder.
func stubJSON(file string, r *report.Report) ([]byte, error) {
	return []byte(`{"file":"` + file + `","verdict":"` + r.Verdict.Value + `"}`), nil
}
