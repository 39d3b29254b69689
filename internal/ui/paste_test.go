package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPastedNoteKeepsItsLines: a multi-line paste into a note keeps its
// line breaks, however the terminal ends its lines.
func TestPastedNoteKeepsItsLines(t *testing.T) {
	for name, paste := range map[string]string{"LF": "first line\nsecond line", "CRLF": "first line\r\nsecond line", "CR": "first line\rsecond line"} {
		d := newDriver(t, 80, 24, Options{})
		d.goToStep("q:training").keys("1", "ctrl+n")
		d.send(tea.PasteMsg{Content: paste})
		if got := d.m.Answers().Notes["training"]; got != "first line\nsecond line" {
			t.Errorf("%s paste: note = %q", name, got)
		}
	}
}

// TestACutSaysSo: text past a field's limit is not kept, and the screen
// says so rather than dropping it without a word.
func TestACutSaysSo(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.keys("enter", "enter") // to the circle's name
	d.send(tea.PasteMsg{Content: strings.Repeat("Long circle name ", 20)})
	if !strings.Contains(d.view(), "was not kept") {
		t.Errorf("a name cut at its limit says nothing:\n%s", d.view())
	}
	d = newDriver(t, 80, 24, Options{})
	d.goToStep("q:training").keys("1", "ctrl+n")
	d.send(tea.PasteMsg{Content: strings.Repeat("a long note ", 200)})
	if n := len([]rune(d.m.Answers().Notes["training"])); n > maxNote {
		t.Errorf("note of %d characters kept, over %d", n, maxNote)
	}
	if !strings.Contains(d.view(), "was not kept") {
		t.Errorf("a note cut at its limit says nothing:\n%s", d.view())
	}
}

// TestTextFieldOnResize: a long name shows its start with an ellipsis when
// not being typed in, and a resize lays the field out again (never a
// stray tail such as "Circle name     y").
func TestTextFieldOnResize(t *testing.T) {
	name := "Greater Portland Ketamine Circle East"
	d := newDriver(t, 40, 12, Options{})
	d.keys("enter", "enter").typeText(name)
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !strings.Contains(d.view(), name) {
		t.Errorf("after growing to 120 columns the whole name is not shown:\n%s", d.view())
	}
	d.send(tea.WindowSizeMsg{Width: 50, Height: 20})
	d.keys("tab") // the name field loses focus
	if !strings.Contains(d.view(), "Greater Portland") || !strings.Contains(d.view(), "…") {
		t.Errorf("a long name out of focus does not show its start with an ellipsis:\n%s", d.view())
	}
}
