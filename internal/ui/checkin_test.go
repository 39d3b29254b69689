package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// checkinKeys presses keys on a check-in screen and reports whether the
// last one quit the program.
func checkinKeys(k *Checkin, names ...string) (quit bool) {
	for _, n := range names {
		_, cmd := k.Update(press(n))
		quit = false
		if cmd != nil {
			_, quit = cmd().(tea.QuitMsg)
		}
	}
	return quit
}

// TestCheckinScreen: the one-screen check-in in a terminal. Enter on the
// last field without saying how the session felt keeps nothing and says
// what is needed; then 3 (worse), a sign, a poor habit, distress and a
// note are kept; ctrl+c leaves with nothing kept. It fits 80x24.
func TestCheckinScreen(t *testing.T) {
	p := testPack(t)
	k := NewCheckin(p, "Thursday KAP Circle", true, true)
	k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	k.Init()
	view := func() string { return ansi.Strip(k.View().Content) }
	if v := view(); !strings.Contains(v, "Check-in · Thursday KAP Circle") || !strings.Contains(v, "ctrl+c quit") {
		t.Fatalf("first frame:\n%s", v)
	}
	checkFits(t, k.View().Content, 80, 24)
	for _, size := range [][2]int{{40, 12}, {10, 3}, {1, 1}, {80, 24}} {
		k.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, k.View().Content, size[0], size[1])
	}
	if checkinKeys(k, "enter", "enter", "enter", "enter", "enter", "enter") {
		t.Fatal("enter through every field kept a check-in without how it felt")
	}
	if !strings.Contains(view(), "is needed") || k.Result() != nil {
		t.Fatalf("no word on the needed answer:\n%s", view())
	}
	// Back at the top: worse, then a sign, nothing good, a poor habit,
	// distress yes and a note.
	checkinKeys(k, "3", "enter", "4", "enter", "enter", "2", "enter", "y", "enter")
	for _, r := range "left shaky" {
		checkinKeys(k, string(r))
	}
	if !checkinKeys(k, "enter") {
		t.Fatalf("enter on the note did not finish:\n%s", view())
	}
	c := k.Result()
	if c == nil || c.Felt != "worse" || strings.Join(c.Signs, ",") != "performing" || strings.Join(c.Seen, ",") != "allows-advice" ||
		c.Distress != "yes" || c.Note != "left shaky" {
		t.Fatalf("Result = %+v", c)
	}

	q := NewCheckin(p, "Thursday", false, true)
	q.Init()
	if !checkinKeys(q, "2", "ctrl+c") || q.Result() != nil {
		t.Errorf("ctrl+c did not leave with nothing kept")
	}
}
