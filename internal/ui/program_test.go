package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// TestProgram runs the walkthrough as a real Bubble Tea program (teatest):
// keys go through the program's input handling and frames through its
// renderer, as in a terminal.
func TestProgram(t *testing.T) {
	m := New(testPack(t), Options{Options: intake.Options{Now: func() time.Time { return testDate }, Dir: t.TempDir()}})
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

// TestProgramRevet: a re-vet in the full-screen walkthrough opens at the
// circle's first question, shows each question's earlier answer and note,
// and never asks who is using vetcircle or the person's fit.
func TestProgramRevet(t *testing.T) {
	p := testPack(t)
	prev := loadExample(t, "strong-kap-circle.yaml")
	prev.Set("user-role", checklist.Value{Choice: "coordinator"})
	prev.Set("stage", checklist.Value{Choice: "attending"})
	prev.Notes["training"] = "no program named"
	r := intake.NewRevet(prev, "2025-11-02")
	m := New(p, Options{Options: intake.Options{Now: func() time.Time { return testDate }, Dir: t.TempDir(), Answers: r.Start(p), Revet: r}})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	var seen bytes.Buffer
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			seen.Write(b)
			return bytes.Contains(seen.Bytes(), []byte(s))
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	waitFor("Circle basics")
	waitFor("Vetting again: the circle's questions only")
	waitFor("Before (2025-11-02): Thursday KAP Circle.")
	for range 7 { // through the seven fields the vetting answered
		tm.Send(press("enter"))
	}
	waitFor("What training does the facilitator have?")
	waitFor("no program named")
	tm.Send(press("q"))
	waitFor("Quit vetcircle?")
	tm.Send(press("y"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	for _, person := range []string{"Who is filling this in?", "Getting started", "Your own fit"} {
		if bytes.Contains(seen.Bytes(), []byte(person)) {
			t.Errorf("the re-vet showed %q, which is about the person", person)
		}
	}
	if _, ok := tm.FinalModel(t).(*Model).Answers().Get("stage"); ok {
		t.Error("the person's stage is in the re-vet's answers")
	}
}
