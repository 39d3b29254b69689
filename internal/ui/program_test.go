package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgram runs the walkthrough as a real Bubble Tea program (teatest):
// keys go through the program's input handling and frames through its
// renderer, as in a terminal.
func TestProgram(t *testing.T) {
	m := New(testPack(t), Options{Now: func() time.Time { return testDate }, SaveDir: t.TempDir()})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	waitFor("Who is filling this in?")
	tm.Send(press("2"))     // coordinator
	tm.Send(press("enter")) // to the stage
	tm.Send(press("enter")) // to the basics
	waitFor("Circle basics")
	tm.Type("Q Circle") // q types, it does not quit
	tm.Send(press("enter"))
	tm.Send(press("1"))
	for range 6 { // through the other six fields
		tm.Send(press("enter"))
	}
	waitFor("What training does the facilitator have?")
	tm.Send(press("1"))
	tm.Send(press("q"))
	waitFor("Quit vetcircle?")
	tm.Send(press("y"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	final := tm.FinalModel(t).(*Model)
	a := final.Answers()
	for id, want := range map[string]string{"user-role": "coordinator", "circle-format": "kap-circle", "training": "named-program"} {
		if v, _ := a.Get(id); v.Choice != want {
			t.Errorf("%s = %q, want %q", id, v.Choice, want)
		}
	}
	if v, _ := a.Get("circle-name"); v.Text != "Q Circle" {
		t.Errorf("circle name = %q, want %q", v.Text, "Q Circle")
	}
}
