package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDatesComeFromTheCall: a vetting kept with --date is dated by the
// call everywhere it shows (circles, circles show and their JSON, the
// record note, compare), never by the day it is printed or kept; a year
// and a day after the call, circles and show say a re-vet is due, why and
// from when; a date in the future is refused.
func TestDatesComeFromTheCall(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	now := time.Now()
	call := now.AddDate(-1, 0, -1).Format(time.DateOnly)
	due := now.AddDate(0, 0, -1).Format(time.DateOnly)
	today := now.Format(time.DateOnly)
	f := answersNamed(t, t.TempDir(), "call.yaml", "Thursday KAP Circle", false)

	future := now.AddDate(0, 1, 0).Format(time.DateOnly)
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", future, f); code != 2 || !strings.Contains(errs, "--date "+future+" is in the future") {
		t.Errorf("circles add --date in the future: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "score", "--date", future, f); code != 2 || !strings.Contains(errs, "is in the future") {
		t.Errorf("score --date in the future: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", call, "--by", "Ana", "--source", "call", f); code != 0 {
		t.Fatalf("circles add --date: exit %d: %s", code, errs)
	}
	reason := "re-vet due: vetted " + call + ", over a year ago"

	_, out, _ := runCLI(t, "", "circles")
	if !strings.Contains(out, call) || !strings.Contains(out, reason) || strings.Contains(out, today) {
		t.Errorf("circles is not dated by the call, or gives no reason:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "circles", "--format", "json")
	var list []struct {
		Vetted   time.Time `json:"vetted"`
		RevetDue bool      `json:"revet_due"`
		Revet    []struct{ Reason, Since, Vetted, Words string }
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("circles --format json: %v\n%s", err, out)
	}
	if e := list[0]; e.Vetted.Format(time.DateOnly) != call || !e.RevetDue || len(e.Revet) != 1 || e.Revet[0].Reason != "year" ||
		e.Revet[0].Since != now.AddDate(0, 0, -1).Format(time.DateOnly) || e.Revet[0].Words != reason {
		t.Errorf("circles --format json: %+v (want vetted %s, due since %s)", e, call, due)
	}
	_, out, _ = runCLI(t, "", "circles", "show", "Thursday KAP Circle")
	if !strings.Contains(out, "Checked on "+call) || !strings.Contains(out, reason) || strings.Contains(out, today) {
		t.Errorf("circles show is not dated by the call:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "circles", "show", "Thursday KAP Circle", "--format", "json")
	for _, want := range []string{`"vetted": "` + call + `"`, `"vetted_at": "` + call + `"`, `"revet_due": true`, `"reason": "year"`, `"since": "` + due + `"`} {
		if !strings.Contains(out, want) {
			t.Errorf("circles show --format json lacks %s:\n%s", want, out)
		}
	}
	// The kept file holds the date: its note says it, whenever printed.
	kept, _ := filepath.Glob(filepath.Join(data, "vetcircle", "circles", "*", "vettings", "*.yaml"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	_, out, _ = runCLI(t, "", "score", "--format", "text", kept[0])
	if !strings.Contains(out, "Date of the call or visit: "+call) {
		t.Errorf("the note is not dated by the call:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "compare", "--format", "json", "Thursday KAP Circle", f)
	if !strings.Contains(out, `"vetted":"`+call+`"`) && !strings.Contains(out, `"vetted": "`+call+`"`) {
		t.Errorf("compare does not give the date of the call:\n%s", out)
	}
	// score --date is the date of the call for a file that records none.
	_, out, _ = runCLI(t, "", "score", "--format", "text", "--date", "2026-11-02", f)
	if !strings.Contains(out, "Date of the call or visit: 2026-11-02") {
		t.Errorf("score --date is not the date of the call:\n%s", out)
	}
}

// TestDiffShowsNotes: circles diff names a note changed, added or
// removed, and the dates of the two calls.
func TestDiffShowsNotes(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	f := answersNamed(t, dir, "a.yaml", "Thursday KAP Circle", false)
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", "2025-11-02", f); code != 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(f)
	s := strings.Replace(string(data), `training: "Fluence certificate, 2024; KAP training through Polaris"`, `training: "no program named"`, 1)
	s = strings.Replace(s, "  agreements: \"Emailed the written agreements before the first session\"\n", "", 1)
	if s == string(data) {
		t.Fatal("the example's notes have changed; update the test")
	}
	g := filepath.Join(dir, "b.yaml")
	os.WriteFile(g, []byte(s+"  screening: \"asks about medication first\"\n"), 0o600)
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", "2026-11-10", g); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, "", "circles", "diff", "Thursday KAP Circle")
	for _, want := range []string{
		"Vetted: 2025-11-02 → 2026-11-10",
		"Facilitator training, note: Fluence certificate, 2024; KAP training through Polaris → no program named",
		"Group agreements, note removed: Emailed the written agreements before the first session",
		"note added: asks about medication first",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("circles diff lacks %q (exit %d, %s):\n%s", want, code, errs, out)
		}
	}
}

// TestRevetFromAPipe: revet read from a pipe asks the circle's questions
// only, each with the answer and note of the vetting before and its date.
func TestRevetFromAPipe(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	f := answersNamed(t, t.TempDir(), "a.yaml", "Thursday KAP Circle", false)
	data, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(strings.Replace(string(data), "user-role: self", "user-role: coordinator", 1), "stage: before", "stage: attending", 1)), 0o600)
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", "2025-11-02", f); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, strings.Repeat("\n", 100), "--no-draft", "revet", "thursday kap circle")
	if code != 0 {
		t.Fatalf("revet: exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"Before (2025-11-02): Names a specific training program. Note then: Fluence certificate", "Step 1 of 4: Circle basics"} {
		if !strings.Contains(out, want) {
			t.Errorf("revet does not say %q:\n%s", want, out)
		}
	}
	for _, person := range []string{"Who is filling this in?", "Where are you with this circle?", "Your own fit", "Since the person started attending"} {
		if strings.Contains(out, person) {
			t.Errorf("revet asks the person's %q:\n%s", person, out)
		}
	}
}

// TestSameAnswersFromALaterCall: a re-vet that finds nothing changed is
// kept when its call is later (the circle's date moves on, and so does its
// re-vet due); the same answers on the same date are kept once.
func TestSameAnswersFromALaterCall(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	f := answersNamed(t, t.TempDir(), "a.yaml", "Thursday KAP Circle", false)
	old := time.Now().AddDate(-1, 0, -1).Format(time.DateOnly)
	today := time.Now().Format(time.DateOnly)
	for _, d := range []string{old, old, today} {
		if code, _, errs := runCLI(t, "", "circles", "add", "--date", d, f); code != 0 {
			t.Fatal(errs)
		}
	}
	// (The person's part is in their own record, beside the register.)
	if n := registerFiles(t, filepath.Join(data, "vetcircle", "circles")); n != 1+2 { // circle.yaml and two vettings
		t.Errorf("%d files in the register, want circle.yaml and two vettings", n)
	}
	if _, out, _ := runCLI(t, "", "circles"); strings.Contains(out, "re-vet due") || !strings.Contains(out, today) {
		t.Errorf("after a re-vet today that found nothing changed:\n%s", out)
	}
}

// TestUndatedVettingShowsItsFileDate: a kept vetting that records no date
// of the call (kept by an older version) shows its file's date, said as
// such, never the day it is printed.
func TestUndatedVettingShowsItsFileDate(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	f := answersNamed(t, t.TempDir(), "a.yaml", "Thursday KAP Circle", false)
	if code, _, errs := runCLI(t, "", "circles", "add", "--date", "2025-11-02", f); code != 0 {
		t.Fatal(errs)
	}
	kept, _ := filepath.Glob(filepath.Join(data, "vetcircle", "circles", "*", "vettings", "*.yaml"))
	body, _ := os.ReadFile(f) // the answers without a vetted block
	os.Remove(kept[0])
	os.WriteFile(filepath.Join(filepath.Dir(kept[0]), "20251102-100000.000000000-00000000.yaml"), body, 0o600)
	_, out, _ := runCLI(t, "", "circles", "show", "Thursday KAP Circle")
	if !strings.Contains(out, "Checked on 2025-11-02 (the file's date; the date of the call was not recorded)") || strings.Contains(out, time.Now().Format(time.DateOnly)) {
		t.Errorf("an undated vetting is not shown with its file's date:\n%s", out)
	}
}
