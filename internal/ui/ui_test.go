package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/vetcircle/vetcircle/internal/packcheck"

	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
)

func TestPressNamesMatchBubbleTea(t *testing.T) {
	for name := range namedKeys {
		if got := press(name).String(); got != name {
			t.Errorf("press(%q).String() = %q", name, got)
		}
	}
}

func TestBackKeepsAnswers(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:training").keys("2", "enter") // general
	if d.step() != "q:agreements" {
		t.Fatalf("after enter at training: step %s", d.step())
	}
	d.keys("1", "3") // confidentiality, no-pressure
	for _, back := range []string{"esc", "shift+tab"} {
		d.keys(back)
		if d.step() != "q:training" {
			t.Fatalf("%s from agreements went to %s, want training", back, d.step())
		}
		if v, _ := d.answer("training"); v.Choice != "general" {
			t.Errorf("after %s, training = %q, want general", back, v.Choice)
		}
		if !strings.Contains(d.view(), "● Vague or general") {
			t.Errorf("training screen does not show the kept answer:\n%s", d.view())
		}
		d.keys("enter")
		if v, _ := d.answer("agreements"); !reflect.DeepEqual(v.List, []string{"confidentiality", "no-pressure"}) {
			t.Errorf("after going back and forward, agreements = %v", v.List)
		}
	}
	// Back through the basics form field by field, and on to the welcome.
	d.keys("esc") // training
	d.keys("esc") // basics, last field
	if d.step() != "section:basics" {
		t.Fatalf("esc from training went to %s", d.step())
	}
	for range 7 {
		d.keys("esc")
	}
	if d.step() != "section:welcome" {
		t.Errorf("esc through the basics fields went to %s, want welcome", d.step())
	}
	if got := len(d.m.c.answers.Values); got != 2 {
		t.Errorf("going back lost answers: %v", d.m.c.answers.Values)
	}
}

func TestChoiceKeys(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:training")
	// The arrows only move the highlight: nothing is chosen yet.
	d.keys("down", "up", "j", "k", "down")
	if v, ok := d.answer("training"); ok {
		t.Errorf("moving the highlight chose %q; the question must stay not asked", v.Choice)
	}
	if !strings.Contains(d.view(), "› 2 ○ Vague") {
		t.Errorf("the highlight is not on the second option:\n%s", d.view())
	}
	d.keys("space")
	if v, _ := d.answer("training"); v.Choice != "general" {
		t.Errorf("space chose %q, want the highlighted second option", v.Choice)
	}
	d.keys("k", "k")
	if v, _ := d.answer("training"); v.Choice != "general" {
		t.Errorf("k changed the answer to %q", v.Choice)
	}
	d.keys("5")
	if v, _ := d.answer("training"); v.Choice != "no-facilitator" {
		t.Errorf("5 chose %q", v.Choice)
	}
	d.keys("9") // no ninth option: nothing happens
	if v, _ := d.answer("training"); v.Choice != "no-facilitator" {
		t.Errorf("9 changed the answer to %q", v.Choice)
	}
	d.keys("backspace")
	if _, ok := d.answer("training"); ok {
		t.Error("backspace did not clear the answer back to not asked yet")
	}
	// Enter chooses the highlighted option, then moves on.
	d.keys("down", "down", "down", "enter")
	if v, _ := d.answer("training"); v.Choice != "personal-experience" {
		t.Errorf("enter on the third option chose %q", v.Choice)
	}
	if d.step() != "q:agreements" {
		t.Errorf("enter did not move on: at %s", d.step())
	}
	// Back again: the highlight starts on the answer, and enter keeps it.
	d.keys("esc", "enter")
	if v, _ := d.answer("training"); v.Choice != "personal-experience" {
		t.Errorf("enter without moving changed the answer to %q", v.Choice)
	}
}

// TestArrowsNeverAnswer: on every choice field of the forms and every
// question screen, ↑ and ↓ leave an unanswered question not asked yet.
func TestArrowsNeverAnswer(t *testing.T) {
	p := testPack(t)
	d := newDriver(t, 80, 24, Options{})
	for range 60 {
		st := d.m.steps[d.m.cur]
		if st.kind == stepReview {
			break
		}
		id := d.m.screen().focused()
		q := p.Question(id)
		if q != nil && !d.m.screen().typing() {
			d.keys("up", "down", "down", "up", "k", "j")
			if v, ok := d.answer(id); ok {
				t.Errorf("%s: arrows answered %+v", id, v)
			}
			d.keys("backspace") // drop the highlight, so enter only moves on
		}
		if st.kind == stepFlags {
			d.keys("enter")
			continue
		}
		d.keys("tab")
		if d.m.steps[d.m.cur].key == st.key && d.m.screen().focused() == id {
			d.keys("enter")
		}
	}
	if n := len(d.m.c.answers.Values); n != 0 {
		t.Errorf("arrows and tab answered %d questions: %v", n, d.m.c.answers.Values)
	}
	// The case found by hand: ↑ on the basics' unanswered Format field.
	d = newDriver(t, 80, 24, Options{})
	d.goToStep("section:basics").keys("tab")
	if d.m.screen().focused() != "circle-format" {
		t.Fatalf("tab from the name went to %s", d.m.screen().focused())
	}
	d.keys("up")
	if v, ok := d.answer("circle-format"); ok {
		t.Errorf("up on Format chose %q", v.Choice)
	}
	d.keys("down", "enter")
	if v, _ := d.answer("circle-format"); v.Choice != "ceremony" {
		t.Errorf("enter on the second format chose %q, want ceremony", v.Choice)
	}
	if d.m.screen().focused() != "facilitator" {
		t.Errorf("enter on Format did not move to the next field: %s", d.m.screen().focused())
	}
	// Tab leaves a highlight behind without choosing it.
	d = newDriver(t, 80, 24, Options{})
	d.goToStep("section:basics").keys("tab", "down", "tab", "shift+tab")
	if v, ok := d.answer("circle-format"); ok {
		t.Errorf("a highlight left with tab became the answer %q", v.Choice)
	}
	if strings.Contains(d.view(), "› 1 ○") {
		t.Errorf("the highlight left behind is still shown:\n%s", d.view())
	}
}

func TestMultiNotAskedNoneAndEmpty(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:agreements").keys("enter")
	if _, ok := d.answer("agreements"); ok {
		t.Error("an untouched checklist was answered")
	}
	d.keys("esc", "space") // tick the first, under the cursor
	if v, ok := d.answer("agreements"); !ok || !reflect.DeepEqual(v.List, []string{"confidentiality"}) {
		t.Errorf("space ticked %v", v.List)
	}
	d.keys("x") // untick it again: an answer, "none of these"
	if v, ok := d.answer("agreements"); !ok || v.List == nil || len(v.List) != 0 {
		t.Errorf("ticking then unticking = %#v (answered %v), want []", v.List, ok)
	}
	d.keys("4", "2")
	if v, _ := d.answer("agreements"); !reflect.DeepEqual(v.List, []string{"no-advice", "written"}) {
		t.Errorf("4, 2 ticked %v, want pack order no-advice, written", v.List)
	}
	d.keys("0")
	if v, ok := d.answer("agreements"); !ok || len(v.List) != 0 {
		t.Errorf("0 (none of these) = %v", v.List)
	}
	if !strings.Contains(d.view(), "[x] None of these") {
		t.Errorf("none of these is not shown ticked:\n%s", d.view())
	}
	d.keys("delete")
	if _, ok := d.answer("agreements"); ok {
		t.Error("delete did not clear the checklist to not asked yet")
	}
}

func TestRedFlagChecklist(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("section:red-flags")
	d.keys("y", "n", "u", "down", "y")
	want := map[string]string{"rf-no-training": "yes", "rf-vendor-dosing": "no", "rf-pressure-disclose": "unknown", "rf-no-consent": "yes"}
	for id, w := range want {
		if v, _ := d.answer(id); v.Choice != w {
			t.Errorf("%s = %q, want %q", id, v.Choice, w)
		}
	}
	if _, ok := d.answer("rf-charismatic-leader"); ok {
		t.Error("a flag skipped with down was answered")
	}
	d.keys("up", "backspace")
	if _, ok := d.answer("rf-no-consent"); ok {
		t.Error("backspace did not clear the flag under the cursor")
	}
	view := d.view()
	for _, s := range []string{"✘ yes", "✔ no", "? unknown"} {
		if !strings.Contains(view, s) {
			t.Errorf("checklist does not show %q:\n%s", s, view)
		}
	}
}

func TestNumbersValidateWithoutTrapping(t *testing.T) {
	p := testPack(t)
	d := newDriver(t, 80, 24, Options{})
	d.keys("enter", "enter")         // welcome
	d.keys("tab", "tab", "tab")      // to group size
	d.typeText("lots").keys("enter") // not a number
	if !strings.Contains(strings.Join(strings.Fields(d.view()), " "), p.Tf("ui.number-invalid", "example", p.Question("participants").Example)) {
		t.Errorf("no message for a non-number:\n%s", d.view())
	}
	if d.m.screen().focused() != "participants" {
		t.Errorf("enter with a bad number moved on to %s", d.m.screen().focused())
	}
	if _, ok := d.answer("participants"); ok {
		t.Error("a bad number was saved")
	}
	// Going back is always allowed, and drops the bad text.
	d.keys("shift+tab")
	if d.m.screen().focused() != "facilitator" {
		t.Errorf("shift+tab from a bad number went to %s", d.m.screen().focused())
	}
	d.keys("tab")
	d.keys("ctrl+u").typeText("0").keys("enter")
	if !strings.Contains(d.view(), "Type a number from 1 to 100000") {
		t.Errorf("no range message for 0 participants:\n%s", d.view())
	}
	d.keys("ctrl+u").typeText("15 people").keys("enter")
	if v, ok := d.answer("participants"); !ok || v.Number != 15 {
		t.Errorf("participants = %v, want 15", v.Number)
	}
	// Clearing the text makes it not asked again.
	d.keys("shift+tab", "ctrl+u")
	if _, ok := d.answer("participants"); ok {
		t.Error("emptying the field kept the number")
	}
	// The same on a question screen of its own: esc still goes back.
	d.goToStep("q:integration-months").typeText("-2").keys("enter")
	if d.step() != "q:integration-months" {
		t.Errorf("enter with a negative month count moved on to %s", d.step())
	}
	d.keys("esc")
	if d.step() != "q:individual-support" {
		t.Errorf("esc with a bad number went to %s", d.step())
	}
}

func TestTypingQAndQuestionMark(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.keys("enter", "enter").typeText("q?")
	if d.quit || d.m.top() != nil {
		t.Fatal("q in a text field quit or asked to")
	}
	if v, _ := d.answer("circle-name"); v.Text != "q?" {
		t.Errorf("circle name = %q, want q?", v.Text)
	}
	if d.m.help.ShowAll {
		t.Error("? in a text field opened the help")
	}
}

func TestQuitConfirmation(t *testing.T) {
	p := testPack(t)
	t.Run("nothing to lose", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.keys("q")
		if !d.quit {
			t.Error("q with no answers did not quit")
		}
	})
	t.Run("asks, stays, quits", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.keys("1", "q")
		if d.quit {
			t.Fatal("q with answers quit without asking")
		}
		if !strings.Contains(d.view(), p.T("ui.quit.title")) {
			t.Fatalf("no quit dialog:\n%s", d.view())
		}
		d.keys("n")
		if d.quit || d.m.top() != nil {
			t.Fatal("n did not close the dialog")
		}
		if _, ok := d.answer("user-role"); !ok {
			t.Error("staying lost the answer")
		}
		d.keys("ctrl+c", "esc")
		if d.quit || d.m.top() != nil {
			t.Fatal("esc did not close the dialog")
		}
		d.keys("q", "y")
		if !d.quit {
			t.Error("y in the dialog did not quit")
		}
	})
	t.Run("ctrl+c in another dialog asks", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.keys("2").goToStep("summary").keys("s", "ctrl+c")
		if _, ok := d.m.top().(*quitDialog); !ok || d.quit {
			t.Fatalf("ctrl+c in the save dialog did not ask (quit %v):\n%s", d.quit, d.view())
		}
		d.keys("ctrl+c")
		if !d.quit {
			t.Error("ctrl+c twice from the save dialog did not quit")
		}
	})
	t.Run("ctrl+c twice", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.keys("2", "ctrl+c")
		if d.quit {
			t.Fatal("ctrl+c with answers quit without asking")
		}
		d.keys("ctrl+c")
		if !d.quit {
			t.Error("ctrl+c in the dialog did not quit")
		}
	})
}

func TestHelpToggle(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:training")
	short := d.view()
	d.keys("?")
	full := d.view()
	if !d.m.help.ShowAll || !strings.Contains(full, "not asked yet") || strings.Contains(short, "⌫") {
		t.Errorf("? did not show the full help:\n%s", full)
	}
	checkFits(t, d.m.View().Content, 80, 24)
	d.keys("?")
	if d.m.help.ShowAll {
		t.Error("? again did not hide the full help")
	}
}

func TestAttendingSectionOnlyWhenAttending(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	if indexOf(d.m.steps, "q:sessions-attended") >= 0 {
		t.Error("attending questions shown before the stage is known")
	}
	d.keys("enter", "2") // stage: attending
	if indexOf(d.m.steps, "q:sessions-attended") < 0 {
		t.Error("attending questions missing for someone attending")
	}
	if !strings.Contains(d.view(), "of 22") {
		t.Errorf("step count did not grow:\n%s", d.view())
	}
	d.keys("1") // before joining
	if indexOf(d.m.steps, "q:leave-signs") >= 0 {
		t.Error("attending questions shown before joining")
	}
	// Retreat-only questions follow the format.
	d.keys("enter")
	d.keys("tab", "4")
	if indexOf(d.m.steps, "q:medical-backup") < 0 {
		t.Error("retreat questions missing for a retreat")
	}
}

func TestCoordinatorWording(t *testing.T) {
	p := testPack(t)
	for _, tc := range []struct {
		role      string
		want, not []string
	}{
		{"1", []string{p.T("ui.ask"), p.T("ui.listen-good"), p.T("ui.listen-worrying")}, []string{p.T("ui.say")}},
		{"2", []string{p.T("ui.say"), p.T("ui.listen-for"), "✔ A specific", "✘ \"My own"}, []string{p.T("ui.ask")}},
	} {
		d := newDriver(t, 80, 24, Options{})
		d.keys(tc.role).goToStep("q:training")
		view := d.view()
		for _, w := range tc.want {
			if !strings.Contains(view, w) {
				t.Errorf("role %s: training screen lacks %q:\n%s", tc.role, w, view)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(view, n) {
				t.Errorf("role %s: training screen shows %q", tc.role, n)
			}
		}
	}
}

func TestSidePanel(t *testing.T) {
	p := testPack(t)
	d := newDriver(t, 120, 40, Options{})
	d.goToStep("section:red-flags").keys("n", "y")
	view := d.view()
	for _, w := range []string{p.T("ui.panel.title"), "✘ AVOID", "Score ", "Medicine vendors"} {
		if !strings.Contains(view, w) {
			t.Errorf("side panel lacks %q:\n%s", w, view)
		}
	}
	checkFits(t, d.m.View().Content, 120, 40)
	d.send(tea.WindowSizeMsg{Width: 99, Height: 40})
	if strings.Contains(d.view(), p.T("ui.panel.title")) {
		t.Error("side panel shown at 99 columns")
	}
}

func TestReviewJumpAndReturn(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("q:training").keys("1")
	d.goToStep("review")
	if d.m.screen().focused() != "" {
		t.Fatal("review does not start on continue")
	}
	// Down to the training row and edit it.
	for range 30 {
		if d.m.screen().focused() == "training" {
			break
		}
		d.keys("down")
	}
	if !strings.Contains(d.view(), "Names a specific training program") {
		t.Errorf("review does not show the answer:\n%s", d.view())
	}
	d.keys("enter")
	if d.step() != "q:training" || !d.m.c.editing() {
		t.Fatalf("enter on a review row went to %s", d.step())
	}
	d.keys("3", "enter")
	if d.step() != "review" || d.m.screen().focused() != "training" {
		t.Fatalf("enter after editing went to %s (focus %q), want the review on training", d.step(), d.m.screen().focused())
	}
	if v, _ := d.answer("training"); v.Choice != "personal-experience" {
		t.Errorf("edit from review = %q", v.Choice)
	}
	// Editing a form field from the review, then esc.
	d.keys("home")
	for range 30 {
		if d.m.screen().focused() == "minutes" {
			break
		}
		d.keys("down")
	}
	d.keys("enter")
	if d.step() != "section:basics" || d.m.screen().focused() != "minutes" {
		t.Fatalf("enter on minutes went to %s / %s", d.step(), d.m.screen().focused())
	}
	d.typeText("90").keys("esc")
	if d.step() != "review" {
		t.Errorf("esc while editing from the review went to %s", d.step())
	}
	d.keys("end", "home", "enter")
	if d.step() != "summary" {
		t.Errorf("enter on continue went to %s", d.step())
	}
}

func TestPasteIsCleaned(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.keys("enter", "enter")
	d.send(tea.PasteMsg{Content: "\x1b]52;c;ZXZpbA==\x07Evil\r\n\x1b[2JCircle\u202e"})
	if v, _ := d.answer("circle-name"); v.Text != "Evil Circle" {
		t.Errorf("pasted name = %q, want %q", v.Text, "Evil Circle")
	}
}

func TestResumeAndOnChange(t *testing.T) {
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "general"})
	a.ResumeAt = "agreements"
	var got []*checklist.Answers
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: a, OnChange: func(c *checklist.Answers) {
		got = append(got, c)
	}}})
	if d.step() != "q:agreements" {
		t.Fatalf("resumed at %s, want agreements", d.step())
	}
	d.keys("1")
	if len(got) == 0 {
		t.Fatal("OnChange not called")
	}
	last := got[len(got)-1]
	if last == d.m.Answers() {
		t.Error("OnChange was given the live answers, not a copy")
	}
	if last.ResumeAt != "agreements" {
		t.Errorf("ResumeAt = %q, want agreements", last.ResumeAt)
	}
	if v, _ := last.Get("agreements"); !reflect.DeepEqual(v.List, []string{"confidentiality"}) {
		t.Errorf("OnChange copy has agreements = %v", v.List)
	}
	d.keys("enter")
	if last := got[len(got)-1]; last.ResumeAt != "difficult-experience" {
		t.Errorf("after moving on, ResumeAt = %q", last.ResumeAt)
	}
}

func TestNoColor(t *testing.T) {
	d := newDriver(t, 120, 40, Options{NoColor: true})
	d.goToStep("section:red-flags").keys("y")
	frame := d.m.View().Content
	if regexp.MustCompile(`\x1b\[[0-9;]*(38|48);`).MatchString(frame) {
		t.Errorf("NO_COLOR frame has colour codes: %q", frame)
	}
	if !strings.Contains(d.view(), "✘ yes") {
		t.Error("without colour the answer lost its symbol")
	}
}

// TestTinySizes resizes every kind of screen and dialog down to 1x1: no
// panic, and no line ever wider than the window.
func TestTinySizes(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {2, 1}, {1, 3}, {5, 2}, {10, 4}, {20, 6}, {30, 10}, {40, 12}, {59, 16}, {60, 20}, {80, 24}, {99, 30}, {100, 30}, {160, 50}}
	setups := map[string]func(d *driver){
		"welcome":  func(d *driver) {},
		"basics":   func(d *driver) { d.keys("enter", "enter", "tab") },
		"question": func(d *driver) { d.goToStep("q:agreements").keys("2") },
		"number":   func(d *driver) { d.goToStep("q:integration-months").typeText("x").keys("enter") },
		"flags":    func(d *driver) { d.goToStep("section:red-flags").keys("y") },
		"review":   func(d *driver) { d.goToStep("review").keys("down", "down") },
		"summary":  func(d *driver) { d.goToStep("summary").keys("pgdown") },
		"save":     func(d *driver) { d.goToStep("summary").keys("s") },
		"quit":     func(d *driver) { d.keys("1", "q") },
		"help":     func(d *driver) { d.goToStep("q:training").keys("?") },
	}
	for name, setup := range setups {
		t.Run(name, func(t *testing.T) {
			d := newDriver(t, 80, 24, Options{})
			setup(d)
			for _, sz := range sizes {
				d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				checkFits(t, d.m.View().Content, sz[0], sz[1])
			}
		})
	}
	// And a whole walkthrough at 1x1.
	d := newDriver(t, 1, 1, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter")
	if d.m.Result().Verdict != checklist.VerdictPromising {
		t.Errorf("at 1x1 the walkthrough gave %s", d.m.Result().Verdict)
	}
}

func TestSaveDialog(t *testing.T) {
	p := testPack(t)
	dir := t.TempDir()
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	before := d.m.Answers().Clone()
	d.keys("s")
	want := "vetcircle-thursday-kap-circle-2026-05-01.md"
	if !strings.Contains(d.view(), want) {
		t.Fatalf("save dialog does not offer %s:\n%s", want, d.view())
	}
	d.keys("enter")
	path := filepath.Join(dir, want)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("summary not saved: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("saved file mode = %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "✔ PROMISING") || strings.Contains(string(data), "\x1b") {
		t.Errorf("saved summary is not the plain markdown with its verdict:\n%s", data)
	}
	if !strings.Contains(d.m.status, "Saved the summary to "+path) || !strings.Contains(d.view(), "Saved the summary to ") {
		t.Errorf("no confirmation after saving:\n%s", d.view())
	}
	// Saving the summary offers to save the answers too; n declines.
	if !strings.Contains(d.view(), p.T("ui.save.offer.title")) {
		t.Fatalf("no offer to save the answers:\n%s", d.view())
	}
	d.keys("n")
	if d.m.top() != nil {
		t.Fatal("n did not close the offer")
	}
	d.keys("q")
	if !d.quit {
		t.Error("q after saving, with nothing changed, asked instead of quitting")
	}

	// Saving again asks before replacing.
	d.quit = false
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	d.keys("s", "enter")
	if !strings.Contains(d.view(), "already exists. Replace it?") {
		t.Fatalf("no overwrite prompt:\n%s", d.view())
	}
	d.keys("n")
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Error("n replaced the file")
	}
	d.keys("enter", "y")
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "PROMISING") {
		t.Error("y did not replace the file")
	}
	if _, ok := d.m.top().(*saveDialog); !ok || d.m.top().(*saveDialog).offer == "" {
		t.Error("no offer of the answers after replacing the summary")
	}
	d.keys("esc")

	// An unwritable folder: its path is a regular file (tests run as root,
	// so permissions alone would not stop the write).
	blocker := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d.keys("s", "ctrl+u").typeText(filepath.Join(blocker, "summary.md")).keys("enter")
	view := d.view()
	dlg, _ := d.m.top().(*saveDialog)
	if !strings.Contains(view, "Could not save") || dlg == nil || !strings.Contains(dlg.err, blocker+" is a file, not a folder") {
		t.Errorf("unwritable folder: message does not say why and where:\n%s", view)
	}
	if !strings.Contains(view, p.T("ui.save.kept")[:20]) {
		t.Errorf("unwritable folder: message does not say the answers are kept:\n%s", view)
	}
	if d.m.top() == nil {
		t.Error("the dialog closed after a failed save")
	}
	if !reflect.DeepEqual(d.m.Answers().Values, before.Values) {
		t.Error("a failed save changed the answers")
	}
	// Fix the name and save.
	d.keys("ctrl+u").typeText("ok.md").keys("enter")
	if _, err := os.Stat(filepath.Join(dir, "ok.md")); err != nil {
		t.Errorf("saving after a failure: %v", err)
	}
	d.keys("esc") // no answers file, thanks
	// An empty name says so.
	d.keys("s", "ctrl+u", "enter")
	if !strings.Contains(d.view(), p.T("ui.save.empty")) {
		t.Errorf("empty name: no message:\n%s", d.view())
	}
	d.keys("esc")
	if d.m.top() != nil {
		t.Error("esc did not close the save dialog")
	}
}

// TestUITextInPack: every ui.* sentence the walkthrough asks for exists in
// the built-in pack, so none shows up as [ui.key].
func TestUITextInPack(t *testing.T) {
	uses, err := packcheck.Keys(regexp.MustCompile(`"(ui\.[a-z0-9.-]+[a-z0-9])"`), ".") // not prefixes such as ui.key.
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range packcheck.Missing(uses, testPack(t).Text, 20, t.Fatal) {
		t.Errorf("%s: pack has no text %q", u.File, u.Key)
	}
}

// TestCoordinatorScriptOnEveryQuestion: in coordinator mode, every
// question put to the facilitator shows "Say:" with its words, and "Listen
// for:" with both cues when the pack has them, on whichever screen asks it
// (a form field, a question screen or the red-flag checklist).
func TestCoordinatorScriptOnEveryQuestion(t *testing.T) {
	p := testPack(t)
	a := checklist.NewAnswers()
	a.Set("user-role", checklist.Value{Choice: "coordinator"})
	a.Set("stage", checklist.Value{Choice: "attending"})
	a.Set("circle-format", checklist.Value{Choice: "retreat"}) // retreat-only questions too
	checked := 0
	for _, q := range p.Questions {
		if q.Say == "" || q.Ask != "facilitator" || q.Detail || !p.Applicable(q, a) {
			continue
		}
		t.Run(q.ID, func(t *testing.T) {
			b := a.Clone()
			b.ResumeAt = q.ID
			d := newDriver(t, 99, 60, Options{Options: intake.Options{Answers: b}}) // no side panel beside the words
			if d.m.screen().focused() != q.ID {
				t.Fatalf("resume at %s landed on %s", q.ID, d.m.screen().focused())
			}
			view := strings.Join(strings.Fields(d.view()), " ")
			want := []string{p.T("ui.say") + " “" + strings.Join(strings.Fields(q.Say), " ") + "”"}
			if q.ListenGood != "" || q.ListenWorrying != "" {
				want = append(want, p.T("ui.listen-for"))
			}
			if q.ListenGood != "" {
				want = append(want, "✔ "+strings.Join(strings.Fields(q.ListenGood), " "))
			}
			if q.ListenWorrying != "" {
				want = append(want, "✘ "+strings.Join(strings.Fields(q.ListenWorrying), " "))
			}
			for _, w := range want {
				if !strings.Contains(view, w) {
					t.Errorf("%s: screen lacks %q:\n%s", q.ID, w, d.view())
				}
			}
			if strings.Contains(view, p.T("ui.ask")) {
				t.Errorf("%s: a coordinator sees %q", q.ID, p.T("ui.ask"))
			}
		})
		checked++
	}
	if checked < 15 {
		t.Errorf("checked only %d questions put to the facilitator", checked)
	}
}

// TestSaveNameScrollsOnNarrowWindows: a file name longer than the dialog
// scrolls inside its field instead of wrapping onto a second line.
func TestSaveNameScrollsOnNarrowWindows(t *testing.T) {
	d := newDriver(t, 50, 20, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s")
	view := d.view()
	if !strings.Contains(view, "kap-circle-2026-05-01.md") || strings.Contains(view, "│ 01.md") {
		t.Errorf("the file name wraps or loses its end:\n%s", view)
	}
	checkFits(t, d.m.View().Content, 50, 20)
}

// TestScreensFollowChangedQuestions: when an answer changes which questions
// a form or checklist holds, its screen is built again, so a key never
// lands on another question (found in review: a flag answered on the wrong
// row, a session length typed into the circle name).
func TestScreensFollowChangedQuestions(t *testing.T) {
	t.Run("red flags come back when there is a facilitator again", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.goToStep("q:training").keys("5") // no facilitator
		d.goToStep("section:red-flags")
		if strings.Contains(d.view(), "No formal training") {
			t.Fatal("the training red flag is shown for a group with no facilitator")
		}
		for d.step() != "q:training" {
			d.keys("esc")
		}
		d.keys("1") // a named program
		d.goToStep("section:red-flags")
		view := d.view()
		for _, label := range []string{"No formal training", "Refuses to share credentials"} {
			if !strings.Contains(view, label) {
				t.Errorf("red-flag checklist lacks %q after training changed:\n%s", label, view)
			}
		}
		d.keys("y") // the first row: no formal training
		if v, _ := d.answer("rf-no-training"); v.Choice != checklist.Yes {
			t.Errorf("y on the first row set rf-no-training = %q, want yes", v.Choice)
		}
		if _, ok := d.answer("rf-vendor-dosing"); ok {
			t.Error("y on the first row answered another flag")
		}
	})
	t.Run("session length comes back for a facilitated circle", func(t *testing.T) {
		d := newDriver(t, 80, 24, Options{})
		d.goToStep("section:basics").typeText("Forum").keys("enter", "3") // online peer
		if strings.Contains(d.view(), "Session length") {
			t.Fatal("session length is asked of an online group")
		}
		d.keys("1") // a facilitated circle after all
		if !strings.Contains(d.view(), "Session length") {
			t.Fatalf("session length missing after choosing a circle:\n%s", d.view())
		}
		for d.m.screen().focused() != "minutes" {
			d.keys("enter")
		}
		d.typeText("90").keys("enter")
		if v, _ := d.answer("minutes"); v.Number != 90 {
			t.Errorf("minutes = %v, want 90", v.Number)
		}
		if v, _ := d.answer("circle-name"); v.Text != "Forum" {
			t.Errorf("circle name = %q, want Forum", v.Text)
		}
	})
}

// TestCoordinatorAsksThePerson: in coordinator mode the person's own
// questions are worded for them, with the words to say.
func TestCoordinatorAsksThePerson(t *testing.T) {
	p := testPack(t)
	q := p.Question("comfort-sharing")
	coord := newDriver(t, 80, 24, Options{})
	coord.keys("2", "enter", "1", "enter") // a coordinator, before joining
	coord.goToStep("q:comfort-sharing")
	view := flat(coord.view())
	for _, want := range []string{q.PromptCoordinator, q.SayCoordinator} {
		if !strings.Contains(view, flat(want)) {
			t.Errorf("coordinator screen lacks %q:\n%s", want, coord.view())
		}
	}
	patient := newDriver(t, 80, 24, Options{})
	patient.keys("1", "enter", "1", "enter")
	patient.goToStep("q:comfort-sharing")
	view = flat(patient.view())
	if !strings.Contains(view, flat(q.Prompt)) || strings.Contains(view, flat(q.SayCoordinator)) {
		t.Errorf("patient screen is not worded for the patient:\n%s", patient.view())
	}
}

// flat drops spaces and line breaks, so wrapped text can be searched.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// TestStatusLineDoesNotHideTheSummaryEnd: a status line (after copying)
// takes room from the summary, which must shrink rather than hide its last
// lines under the footer.
func TestStatusLineDoesNotHideTheSummaryEnd(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	d.keys("end", "c")
	if d.m.status == "" {
		t.Fatal("copying showed no status line")
	}
	if !strings.Contains(flat(d.view()), flat("(last reviewed 2026-05-27)")) {
		t.Errorf("the summary's last line is hidden at the bottom:\n%s", d.view())
	}
}

// TestStayingAfterCtrlCBringsTheDialogBack: ctrl+c in the save dialog asks
// before quitting; staying returns to the dialog with what was typed.
func TestStayingAfterCtrlCBringsTheDialogBack(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: t.TempDir()}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	d.keys("s", "ctrl+u").typeText("my-name.md").keys("ctrl+c")
	if _, ok := d.m.top().(*quitDialog); !ok {
		t.Fatalf("ctrl+c in the save dialog did not ask first:\n%s", d.view())
	}
	d.keys("n")
	if _, ok := d.m.top().(*saveDialog); !ok || !strings.Contains(d.view(), "my-name.md") {
		t.Errorf("staying did not bring back the save dialog with its name:\n%s", d.view())
	}
}

// TestDerivedRedFlagShownAnswered: a red flag implied by another answer is
// shown answered, with where the answer came from, not asked again.
func TestDerivedRedFlagShownAnswered(t *testing.T) {
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "personal-experience"})
	a.ResumeAt = "rf-no-training"
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: a}})
	if d.m.screen().focused() != "rf-no-training" {
		t.Fatalf("resume landed on %s", d.m.screen().focused())
	}
	view := d.view()
	for _, want := range []string{"✘ yes", "Already answered by another answer", "personal experience"} {
		if !strings.Contains(strings.Join(strings.Fields(view), " "), want) {
			t.Errorf("red-flag screen lacks %q:\n%s", want, view)
		}
	}
}

// TestPartlyKnownListKeepsUnknownItems: a list answered in part (loaded from
// a file, or marked with u) keeps its unknown items when another is ticked,
// and shows them as [?].
func TestPartlyKnownListKeepsUnknownItems(t *testing.T) {
	a := checklist.NewAnswers()
	a.Set("agreements", checklist.Value{List: []string{"confidentiality"}, Unsure: []string{"no-advice", "no-pressure", "written"}})
	a.ResumeAt = "agreements"
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: a}})
	if !strings.Contains(d.view(), "[?]") {
		t.Fatalf("unknown items not shown as [?]:\n%s", d.view())
	}
	d.keys("4") // written: now known and ticked
	v, _ := d.m.c.answers.Get("agreements")
	if !slices.Equal(v.List, []string{"confidentiality", "written"}) || !slices.Equal(v.Unsure, []string{"no-advice", "no-pressure"}) {
		t.Errorf("after ticking written: %+v, want the other unknown items kept", v)
	}
	d.keys("u") // the item under the cursor (written) back to unknown
	v, _ = d.m.c.answers.Get("agreements")
	if !slices.Equal(v.List, []string{"confidentiality"}) || !slices.Equal(v.Unsure, []string{"no-advice", "no-pressure", "written"}) {
		t.Errorf("after u on written: %+v", v)
	}
}

// TestNoteFollowsTheAnsweredFlag: on the red-flag checklist y/n/u moves the
// cursor on, and ctrl+n then notes the flag just answered, not the next.
func TestNoteFollowsTheAnsweredFlag(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("section:red-flags").keys("y", "ctrl+n").typeText("their own journeys").keys("esc")
	if got := d.m.c.answers.Notes["rf-no-training"]; got != "their own journeys" {
		t.Errorf("notes = %v, want the note under rf-no-training", d.m.c.answers.Notes)
	}
	// Moving by hand puts the note back under the cursor.
	d.keys("n", "up", "ctrl+n").typeText("checked twice").keys("esc")
	if got := d.m.c.answers.Notes["rf-vendor-dosing"]; got != "checked twice" {
		t.Errorf("notes = %v, want the second note under rf-vendor-dosing", d.m.c.answers.Notes)
	}
}

// TestLiveVerdictAt80Columns: without the side panel, the header carries
// the running verdict and the red flags confirmed so far.
func TestLiveVerdictAt80Columns(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("section:red-flags").keys("n", "y")
	header := strings.SplitN(d.view(), "\n", 2)[0]
	if !strings.Contains(header, "✘ AVOID") || !strings.Contains(header, "Red flags: 1") {
		t.Errorf("header = %q, want the live verdict and the red flag", header)
	}
	checkFits(t, d.m.View().Content, 80, 24)
}

// TestDialogsStack: ctrl+c in the save dialog asks to quit over it, and
// staying returns to the save dialog with the name as typed.
func TestDialogsStack(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s", "ctrl+u").typeText("half-typed")
	d.keys("ctrl+c")
	if _, ok := d.m.top().(*quitDialog); !ok || len(d.m.dlgs) != 2 {
		t.Fatalf("ctrl+c in the save dialog: %d dialogs, top %T; want the quit question over the save dialog", len(d.m.dlgs), d.m.top())
	}
	d.keys("n")
	s, ok := d.m.top().(*saveDialog)
	if !ok || s.in.Value() != "half-typed" {
		t.Fatalf("staying did not bring back the save dialog as it was: %T", d.m.top())
	}
	d.keys("esc")
	if d.m.top() != nil {
		t.Errorf("esc left %d dialogs open", len(d.m.dlgs))
	}
}
