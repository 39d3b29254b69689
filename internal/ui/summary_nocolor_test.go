package ui

import (
	"strings"
	"testing"
)

// TestNoColorSummaryKeepsStructure: with NO_COLOR the summary loses its
// colours, not its structure: the answers' questions are bold, and no
// markdown asterisks reach the screen.
func TestNoColorSummaryKeepsStructure(t *testing.T) {
	d := newDriver(t, 80, 24, Options{NoColor: true})
	d.fill(loadExample(t, "red-flag-vendor.yaml")).goToStep("summary")
	s := d.m.screens["summary"].(*summaryScreen)
	raw := s.vp.GetContent()
	if raw == "" {
		t.Fatal("the summary did not render")
	}
	if strings.Contains(raw, "**") {
		t.Errorf("NO_COLOR summary shows **:\n%s", raw)
	}
	if !strings.Contains(raw, "\x1b[1m") {
		t.Errorf("NO_COLOR summary has no bold:\n%q", raw)
	}
	if strings.Contains(raw, "38;5;") || strings.Contains(raw, "38;2;") {
		t.Errorf("NO_COLOR summary holds colour:\n%q", raw)
	}
}
