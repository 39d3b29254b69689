package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/vetcircle/vetcircle/internal/draft"
)

// pickerPress presses keys on a picker and reports whether the last one
// ended it.
func pickerPress(k *Picker, names ...string) (quit bool) {
	for _, n := range names {
		_, cmd := k.Update(press(n))
		quit = false
		if cmd != nil {
			_, quit = cmd().(tea.QuitMsg)
		}
	}
	return quit
}

func pickerDrafts() []draft.Info {
	at := time.Date(2026, 11, 24, 20, 30, 0, 0, time.UTC)
	return []draft.Info{
		{Path: "/d/20261124-203000-thursday.yaml", Name: "Thursday KAP Circle", Completeness: 40, Updated: at},
		{Path: "/d/20261120-090000.yaml", Name: "", Completeness: 5, Updated: at.Add(-4 * 24 * time.Hour)},
		{Path: "/d/20261101-090000-evil.yaml", Name: "Evil\x1b]52;c;SGVsbG8=\a\x1b[2J circle", Completeness: 100, Updated: at.Add(-23 * 24 * time.Hour)},
	}
}

// TestPickerShowsDraftsInOrder: the picker lists the drafts in the order
// given (newest first), each with its name (an unnamed one says so), how
// much is answered and when it was saved, then a row to start anew; the
// cursor starts on the newest. A name's escape sequences never reach the
// terminal. It fits 80x24 down to 1x1.
func TestPickerShowsDraftsInOrder(t *testing.T) {
	p := testPack(t)
	k := NewPicker(p, pickerDrafts(), true, true)
	k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	frame := k.View().Content
	checkFits(t, frame, 80, 24)
	view := ansi.Strip(frame)
	rows := []string{
		"› Thursday KAP Circle · 40% answered · saved 2026-11-24 20:30",
		"  an unnamed circle · 5% answered · saved 2026-11-20 20:30",
		"  Evil circle · 100% answered · saved 2026-11-01 20:30",
		"  Start a new check",
	}
	prev := -1
	for _, r := range rows {
		at := strings.Index(view, r)
		if at < 0 {
			t.Fatalf("the picker lacks the row %q:\n%s", r, view)
		}
		if at < prev {
			t.Errorf("the row %q is out of order:\n%s", r, view)
		}
		prev = at
	}
	if strings.Contains(frame, "\x1b]52") || strings.Contains(frame, "\x1b[2J") || strings.Contains(frame, "\a") {
		t.Errorf("a draft's name put an escape sequence on the screen: %q", frame)
	}
	if !strings.Contains(view, "Unfinished checks") || !strings.Contains(view, "n new check") || !strings.Contains(view, "q quit") {
		t.Errorf("no title or help line:\n%s", view)
	}
	for _, size := range [][2]int{{40, 12}, {20, 5}, {1, 1}} {
		k.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, k.View().Content, size[0], size[1])
	}
}

// TestPickerChooses: the keys pick what the help line says. enter takes
// the highlighted draft, or a new check on the last row; n starts a new
// check from anywhere; q, esc and ctrl+c leave; arrows and j/k move and
// stop at the ends.
func TestPickerChooses(t *testing.T) {
	p := testPack(t)
	tests := []struct {
		name string
		keys []string
		want int
	}{
		{"enter takes the newest", []string{"enter"}, 0},
		{"down then enter", []string{"down", "enter"}, 1},
		{"j twice then enter", []string{"j", "j", "enter"}, 2},
		{"down past the drafts is a new check", []string{"down", "down", "down", "enter"}, PickNew},
		{"down stops at the last row", []string{"down", "down", "down", "down", "down", "enter"}, PickNew},
		{"up stops at the first", []string{"up", "k", "enter"}, 0},
		{"down, up, enter", []string{"down", "down", "k", "enter"}, 1},
		{"n from a draft row", []string{"down", "n"}, PickNew},
		{"q", []string{"down", "q"}, PickQuit},
		{"esc", []string{"esc"}, PickQuit},
		{"ctrl+c", []string{"ctrl+c"}, PickQuit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k := NewPicker(p, pickerDrafts(), false, true)
			k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			if got := k.Chosen(); got != PickQuit {
				t.Fatalf("before any key Chosen() = %d, want PickQuit (a picker closed from outside starts nothing)", got)
			}
			if !pickerPress(k, tc.keys...) {
				t.Fatalf("%v did not end the picker", tc.keys)
			}
			if got := k.Chosen(); got != tc.want {
				t.Errorf("%v chose %d, want %d", tc.keys, got, tc.want)
			}
		})
	}
	// With no drafts, enter is a new check.
	k := NewPicker(p, nil, false, true)
	if !pickerPress(k, "enter") || k.Chosen() != PickNew {
		t.Errorf("enter with no drafts chose %d, want PickNew", k.Chosen())
	}
}
