package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestFramesCoalesce: changes within a frame interval of the last frame
// reuse it and ask for one later frame, which then draws; a change after
// the interval draws at once.
func TestFramesCoalesce(t *testing.T) {
	var f frames
	t0 := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	if cmd := f.changed(t0); cmd != nil {
		t.Fatal("the first change held back a frame with none drawn")
	}
	f.drawn(tea.NewView("one"), t0)
	cmd := f.changed(t0.Add(time.Millisecond))
	if cmd == nil {
		t.Fatal("a change right after a frame asked for no later frame")
	}
	if v, ok := f.reuse(); !ok || v.Content != "one" {
		t.Fatalf("a held-back change drew anew (%v)", ok)
	}
	// More changes in the same interval ask for nothing more.
	for i := 2; i < 50; i++ {
		if f.changed(t0.Add(time.Duration(i)*100*time.Microsecond)) != nil {
			t.Fatal("a second frame was asked for within one interval")
		}
	}
	f.due()
	if _, ok := f.reuse(); ok {
		t.Fatal("the due frame was not drawn")
	}
	f.drawn(tea.NewView("two"), t0.Add(FrameInterval))
	if f.changed(t0.Add(3*FrameInterval)) != nil {
		t.Error("a change long after the last frame was held back")
	}
}

// TestKeyFloodEndsOnTheLatestFrame: with coalescing on, a flood of typed
// keys leaves the screen showing every key once the frame is due.
func TestKeyFloodEndsOnTheLatestFrame(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Coalesce: true})
	d.keys("enter", "enter")
	_ = d.m.View()
	name := strings.Repeat("x", 150)
	d.typeText(name)
	d.send(frameMsg{})
	if v, _ := d.answer("circle-name"); v.Text != name {
		t.Fatalf("typed %d keys, the answer holds %d", len(name), len(v.Text))
	}
	if !strings.Contains(d.view(), "xxxxxxxxxxxx") {
		t.Errorf("the frame after the flood does not show the typing:\n%s", d.view())
	}
}
