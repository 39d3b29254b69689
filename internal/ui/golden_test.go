package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// goldenCases put the walkthrough on every kind of screen and dialog.
var goldenCases = []struct {
	name  string
	w, h  int
	setup func(d *driver)
}{
	{"welcome", 80, 24, func(d *driver) {}},
	{"basics", 80, 24, func(d *driver) {
		d.keys("enter", "enter").typeText("Thursday KAP Circle").keys("tab", "1")
	}},
	{"basics-number-error", 80, 24, func(d *driver) {
		d.keys("enter", "enter", "tab", "tab", "tab").typeText("a dozen").keys("enter")
	}},
	{"question-choice", 80, 24, func(d *driver) { d.goToStep("q:training").keys("2") }},
	{"question-coordinator", 80, 24, func(d *driver) { d.keys("2").goToStep("q:training").keys("1") }},
	{"question-multi", 80, 24, func(d *driver) { d.goToStep("q:agreements").keys("1", "4", "down") }},
	{"question-tristate", 80, 24, func(d *driver) { d.goToStep("q:screening").keys("u") }},
	{"question-number", 80, 24, func(d *driver) { d.goToStep("q:integration-months").typeText("4") }},
	{"red-flags", 80, 24, func(d *driver) { d.goToStep("section:red-flags").keys("n", "y", "u") }},
	{"review", 80, 24, func(d *driver) {
		d.fill(loadExample(d.tb, "red-flag-vendor.yaml")).keys("down", "down", "down")
	}},
	{"summary", 80, 24, func(d *driver) { d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter") }},
	{"save-dialog", 80, 24, func(d *driver) { d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter", "s") }},
	{"quit-dialog", 80, 24, func(d *driver) { d.keys("1", "q") }},
	{"full-help", 80, 24, func(d *driver) { d.goToStep("q:agreements").keys("?") }},
	{"side-panel", 120, 40, func(d *driver) { d.goToStep("section:red-flags").keys("n", "y") }},
	{"narrow", 50, 20, func(d *driver) { d.goToStep("q:training").keys("1") }},
}

// TestGolden compares every screen, on a light and a dark background, with
// its golden file (testdata/TestGolden/<case>/<light|dark>.golden), as a
// 256-colour terminal would get it. Refresh with: go test ./internal/ui -update
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, bg := range []string{"light", "dark"} {
			t.Run(tc.name+"/"+bg, func(t *testing.T) {
				d := newDriver(t, tc.w, tc.h, Options{SaveDir: "/home/you/circles"})
				d.dark(bg == "dark")
				tc.setup(d)
				frame := d.m.View().Content
				checkFits(t, frame, tc.w, tc.h)
				golden.RequireEqual(t, downsample(frame))
			})
		}
	}
}
