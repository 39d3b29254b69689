package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/draft"
)

// TestPickerScrolls: with more drafts than the window holds, the highlight
// never leaves the screen, a mark says how many are out of view, and enter
// opens the draft that is shown highlighted.
func TestPickerScrolls(t *testing.T) {
	var drafts []draft.Info
	for i := range 29 {
		drafts = append(drafts, draft.Info{Name: fmt.Sprintf("Circle %02d", i+1), Completeness: 50, Updated: time.Date(2026, 12, 1, 10, i, 0, 0, time.UTC)})
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		k := NewPicker(testPack(t), drafts, true, true)
		k.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i := range 29 {
			view := ansi.Strip(k.View().Content)
			if lines := strings.Split(view, "\n"); len(lines) > size[1] {
				t.Fatalf("%dx%d: %d lines", size[0], size[1], len(lines))
			}
			want := fmt.Sprintf("› Circle %02d", i+1)
			if !strings.Contains(view, want) {
				t.Fatalf("%dx%d: highlight on draft %d is not shown:\n%s", size[0], size[1], i+1, view)
			}
			if i > 5 && !strings.Contains(view, "more") {
				t.Errorf("%dx%d at %d: no mark for the drafts above:\n%s", size[0], size[1], i+1, view)
			}
			k.Update(press("down"))
		}
		if view := ansi.Strip(k.View().Content); !strings.Contains(view, "› Start a new check") || strings.Contains(view, "↓ ") && strings.Contains(view, " more") && strings.Index(view, "↓ ") < strings.Index(view, "›") {
			t.Errorf("%dx%d: at the end, the last row is not shown highlighted:\n%s", size[0], size[1], view)
		}
	}
}

// TestLongListsScrollAt40x12: every option of the longest lists can be
// seen with the highlight on it, at the smallest supported size.
func TestLongListsScrollAt40x12(t *testing.T) {
	for _, step := range []string{"q:training", "q:facilitation-good", "q:facilitation-poor", "q:leave-signs", "q:goals", "section:red-flags"} {
		d := newDriver(t, 40, 12, Options{})
		d.keys("enter", "2", "enter") // already attending: the attending steps apply
		if d.step() == "section:welcome" {
			d.keys("enter")
		}
		d.goToStep(step)
		for range 12 {
			d.keys("down")
			view := d.view()
			if !strings.Contains(view, "›") {
				t.Fatalf("%s: the highlight is not on screen:\n%s", step, view)
			}
		}
	}
}

// TestCirclePicker: the close names first, then a new circle named as
// typed; enter chooses, n starts the new circle, q leaves.
func TestCirclePicker(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want int
	}{{[]string{"enter"}, 0}, {[]string{"down", "enter"}, 1}, {[]string{"down", "down", "enter"}, PickNew}, {[]string{"n"}, PickNew}, {[]string{"q"}, PickQuit}} {
		k := NewCirclePicker(testPack(t), "thurzday", []string{"Thursday KAP Circle", "Thursday Harbor KAP Group"}, true, true)
		k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		view := ansi.Strip(k.View().Content)
		for _, want := range []string{"Which circle?", "› Thursday KAP Circle", "Thursday Harbor KAP Group", "Keep it as a new circle named thurzday"} {
			if !strings.Contains(view, want) {
				t.Fatalf("picker lacks %q:\n%s", want, view)
			}
		}
		for _, key := range tc.keys {
			k.Update(press(key))
		}
		if k.Chosen() != tc.want {
			t.Errorf("%v: chose %d, want %d", tc.keys, k.Chosen(), tc.want)
		}
	}
}
