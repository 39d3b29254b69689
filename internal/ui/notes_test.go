package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

// TestNotesRoundTrip: a note typed and pasted on a question is cleaned,
// kept when the box closes, saved to the draft at once, and shown on the
// question, in the review, in the summary and in the saved answers file.
func TestNotesRoundTrip(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	dir := t.TempDir()
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir, Drafts: intake.NewAutosaver(p, store, nil)}})
	d.keys("2").goToStep("q:training").keys("1")
	if !strings.Contains(d.view(), "ctrl+n note") {
		t.Errorf("the help line does not offer notes:\n%s", d.view())
	}
	d.keys("ctrl+n")
	if d.m.notes == nil {
		t.Fatal("ctrl+n did not open the notes box")
	}
	view := d.view()
	for _, want := range []string{"Note on Facilitator training", p.T("ui.say"), "esc done"} {
		if !strings.Contains(view, want) {
			t.Errorf("notes box screen lacks %q:\n%s", want, view)
		}
	}
	checkFits(t, d.m.View().Content, 80, 24)
	// q, y, n and digits are typed, not acted on.
	d.typeText("Fluence 2024, q y/n 3 ")
	d.send(tea.PasteMsg{Content: "\x1b]52;c;ZXZpbA==\x07pasted\x1b[2J\u202e ok"})
	if d.quit || d.m.top() != nil {
		t.Fatal("typing in the notes box quit or opened a dialog")
	}
	if v, _ := d.answer("training"); v.Choice != "named-program" {
		t.Errorf("typing a note changed the answer to %q", v.Choice)
	}
	want := "Fluence 2024, q y/n 3 pasted ok"
	if got := d.m.Answers().Notes["training"]; got != want {
		t.Errorf("note while typing = %q, want %q", got, want)
	}
	// Saved to the draft before the box is even closed.
	data, err := os.ReadFile(onlyDraft(t, store))
	if err != nil || !strings.Contains(string(data), "notes:\n  training: \""+want+"\"") {
		t.Errorf("draft does not hold the note (%v):\n%s", err, data)
	}
	d.keys("esc")
	if d.m.notes != nil || d.step() != "q:training" {
		t.Fatalf("esc did not close the box back to the question (at %s)", d.step())
	}
	if got := d.m.Answers().Notes["training"]; got != want {
		t.Errorf("closing the box lost the note: %q", got)
	}
	if !strings.Contains(d.view(), p.T("ui.notes.label")+" "+want) {
		t.Errorf("the question does not show its note:\n%s", d.view())
	}
	// Reopening edits the same note; emptying it removes it.
	d.keys("ctrl+n")
	if !strings.Contains(d.view(), "Fluence 2024") {
		t.Errorf("reopened box does not hold the note:\n%s", d.view())
	}
	d.keys("ctrl+n") // ctrl+n closes it too

	// A note on a red flag: n types into the note, not "no".
	d.goToStep("section:red-flags").keys("down", "ctrl+n").typeText("no sources named").keys("esc")
	if _, ok := d.answer("rf-vendor-dosing"); ok {
		t.Error("typing n in a note answered the red flag")
	}
	if d.m.Answers().Notes["rf-vendor-dosing"] != "no sources named" {
		t.Errorf("red-flag note = %q", d.m.Answers().Notes["rf-vendor-dosing"])
	}
	// And on a form field, from the basics.
	d.keys("esc")
	for d.step() != "section:basics" {
		d.keys("esc")
	}
	if d.m.screen().focused() != "setting" {
		t.Fatalf("back into the basics at %s, want its last field", d.m.screen().focused())
	}
	d.keys("ctrl+n").typeText("from the flyer").keys("esc")
	if d.m.Answers().Notes["setting"] != "from the flyer" {
		t.Errorf("form note not kept: %v", d.m.Answers().Notes)
	}

	// The review lists notes under their answers.
	d.goToStep("review")
	for range 40 {
		if strings.Contains(d.view(), want) {
			break
		}
		d.keys("down")
	}
	if !strings.Contains(d.view(), p.T("ui.notes.label")+" "+want) {
		t.Errorf("review does not show the note:\n%s", d.view())
	}
	d.keys("home", "enter")
	s := d.m.screens["summary"].(*summaryScreen)
	content := strings.Join(strings.Fields(ansi.Strip(s.vp.GetContent())), " ")
	if !strings.Contains(content, "Facilitator training: "+want) {
		t.Errorf("summary does not list the note under its question:\n%s", content)
	}
	// The saved answers file keeps every note.
	d.keys("s", "tab", "enter")
	data, err = os.ReadFile(filepath.Join(dir, "vetcircle-circle-2026-05-01.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, "answers.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Notes["training"] != want || a.Notes["rf-vendor-dosing"] != "no sources named" {
		t.Errorf("answers file notes = %v", a.Notes)
	}
}

// TestNotesKeyOnlyWithAQuestion: no notes box on the summary, and the
// help line offers it only where it works.
func TestNotesKeyOnlyWithAQuestion(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("summary").keys("ctrl+n")
	if d.m.notes != nil {
		t.Error("ctrl+n opened notes on the summary")
	}
	if strings.Contains(d.view(), "ctrl+n") {
		t.Errorf("summary help offers notes:\n%s", d.view())
	}
	// On a text field ctrl+n opens notes, and N is typed.
	d = newDriver(t, 80, 24, Options{})
	d.goToStep("section:basics").typeText("N").keys("ctrl+n")
	if v, _ := d.answer("circle-name"); v.Text != "N" || d.m.notes == nil {
		t.Errorf("name = %q, notes open %v", v.Text, d.m.notes != nil)
	}
	// ctrl+c from the notes box asks before quitting, and keeps the note.
	d.typeText("x").keys("ctrl+c")
	if _, ok := d.m.top().(*quitDialog); !ok {
		t.Fatalf("ctrl+c in the notes box did not ask:\n%s", d.view())
	}
	d.keys("n")
	if d.m.Answers().Notes["circle-name"] != "x" {
		t.Errorf("note = %q", d.m.Answers().Notes["circle-name"])
	}
}

// TestNotesAtTinySizes: the notes box never overflows the window.
func TestNotesAtTinySizes(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:training").keys("ctrl+n").typeText(strings.Repeat("long note ", 40))
	for _, sz := range [][2]int{{1, 1}, {5, 2}, {10, 4}, {20, 6}, {40, 12}, {59, 16}, {80, 24}, {120, 40}} {
		d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, d.m.View().Content, sz[0], sz[1])
	}
}
