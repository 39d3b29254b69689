package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/ui"
)

// TestCirclesRegister: a coordinator keeps two vettings of one circle a year
// apart and one of another; circles lists both with their verdicts, filters
// by verdict, shows the latest summary, and diff names the new red flag and
// the changed answer.
func TestCirclesRegister(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	strong, err := os.ReadFile("../../examples/strong-kap-circle.yaml")
	if err != nil {
		t.Fatal(err)
	}
	worse := strings.Replace(string(strong), "seller-run: no", "seller-run: yes", 1)
	worse = strings.Replace(worse, "rf-vendor-dosing: no", "rf-vendor-dosing: yes", 1)
	if worse == string(strong) || !strings.Contains(worse, "rf-vendor-dosing: yes") {
		t.Fatal("the edited copy did not change; the example moved")
	}
	later := filepath.Join(dir, "thursday-2027.yaml")
	if err := os.WriteFile(later, []byte(worse), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "", "circles", "add", "../../examples/strong-kap-circle.yaml", "../../examples/online-peer-group.yaml"); code != 0 {
		t.Fatalf("circles add: exit %d: %s %s", code, out, errs)
	} else if !strings.Contains(out, "kept as Thursday KAP Circle") {
		t.Errorf("circles add says:\n%s", out)
	}
	code, out, errs := runCLI(t, "", "circles")
	if code != 0 {
		t.Fatalf("circles: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Thursday KAP Circle") || !strings.Contains(out, "PROMISING") {
		t.Errorf("circles lacks the Thursday circle and its verdict:\n%s", out)
	}
	if lines := strings.Count(strings.TrimSpace(out), "\n"); lines != 2 {
		t.Errorf("want a header and two circles, got %d lines:\n%s", lines+1, out)
	}

	if code, _, errs := runCLI(t, "", "circles", "add", later); code != 0 {
		t.Fatalf("circles add (later): exit %d: %s", code, errs)
	}
	code, out, _ = runCLI(t, "", "circles", "--verdict", "avoid")
	if code != 0 || !strings.Contains(out, "Thursday") || strings.Contains(out, "online") {
		t.Errorf("circles --verdict avoid (exit %d):\n%s", code, out)
	}
	if !strings.Contains(out, "\n    Red flags: Medicine vendors or dosing advice") {
		t.Errorf("the red flag is not under its circle:\n%s", out)
	}
	for _, lang := range []string{"en", "es"} {
		_, out, _ := runCLI(t, "", "circles", "--lang", lang)
		for l := range strings.Lines(out) {
			if w := utf8.RuneCountInString(strings.TrimRight(l, "\n")); w > 80 {
				t.Errorf("circles --lang %s: a line of %d columns: %q", lang, w, l)
			}
		}
	}
	// A part of a name finds nothing, and says what is close (issue 17).
	if code, out, errs := runCLI(t, "", "circles", "show", "thursday"); code != 2 || out != "" || !strings.Contains(errs, "did you mean Thursday KAP Circle?") {
		t.Errorf("circles show thursday: exit %d, %q, %s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "circles", "show", "thursday kap circle")
	if code != 0 || !strings.Contains(out, "RF-VENDOR-DOSING") {
		t.Errorf("circles show: the latest vetting's red flag is missing (exit %d):\n%s", code, out)
	}
	code, out, errs = runCLI(t, "", "circles", "diff", "Thursday KAP Circle")
	if code != 0 {
		t.Fatalf("circles diff: exit %d: %s", code, errs)
	}
	for _, want := range []string{"New red flag", "→"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "circles", "--format", "json")
	if code != 0 || !strings.Contains(out, `"vettings": 2`) || !strings.Contains(out, `"revet_due": false`) {
		t.Errorf("circles json (exit %d):\n%s", code, out)
	}
	code, out, errs = runCLI(t, "", "compare", "--format", "csv", "Thursday KAP Circle", "../../examples/in-distress.yaml", "ketamine integration forum")
	if code != 0 || strings.Count(out, "\r\n") != 4 || !strings.Contains(out, "Thursday KAP Circle") {
		t.Errorf("compare by register names (exit %d): %s\n%s", code, errs, out)
	}
	if code, _, errs := runCLI(t, "", "compare", "nobody-here.yaml"); code != 2 || !strings.Contains(errs, "nobody-here.yaml") {
		t.Errorf("compare of a missing file that is no circle either: exit %d, %s", code, errs)
	}
	// Without a terminal, revet walks the line prompts from the kept
	// answers: enter keeps each one, so the summary is the kept circle's.
	code, out, errs = runCLI(t, strings.Repeat("\n", 80), "revet", "THURSDAY KAP CIRCLE", "--no-draft")
	if code != 0 || !strings.Contains(out, "Current answer: Thursday KAP Circle.") || !strings.Contains(out, "AVOID") ||
		!strings.Contains(out, "Keep these answers in your circles") {
		t.Errorf("revet through a pipe (exit %d): %s\n%s", code, errs, out[max(0, len(out)-1500):])
	}
	if code, _, errs := runCLI(t, "", "circles", "show", "nobody"); code != 2 || !strings.Contains(errs, "no circle") {
		t.Errorf("show of an unknown circle: exit %d, %s", code, errs)
	}
}

// TestCheckinAsked: without --felt, checkin asks line by line; distress
// reported there brings the crisis line before anything else it says
// after the questions, and nothing answered means nothing kept (exit 2).
func TestCheckinAsked(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code, out, errs := runCLI(t, "3\n\n\n\ny\n\n", "checkin", "--new", "Thursday KAP Circle")
	if code != 0 {
		t.Fatalf("checkin: exit %d: %s", code, errs)
	}
	after := out[strings.Index(out, "Kept in"):]
	if !strings.Contains(after, "988") {
		t.Errorf("distress in a check-in brings no crisis line:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "history", "thursday kap circle", "--format", "json")
	if code != 0 || !strings.Contains(out, `"distress": "yes"`) {
		t.Errorf("history json (exit %d):\n%s", code, out)
	}
	// A name that finds no circle is refused before any question, with
	// the close names.
	runCLI(t, "", "checkin", "--new", "Sunday KAP Circle", "--felt", "same")
	code, out, errs = runCLI(t, "3\n\n\n\nn\n\n", "checkin", "Sunday KAP Circel")
	if code != 2 || strings.Contains(out, "How did you feel") || !strings.Contains(errs, "did you mean Sunday KAP Circle?") {
		t.Errorf("an ambiguous name: exit %d, out %q, errs %s", code, out, errs)
	}
	// A session in the future is not a session held.
	if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--felt", "same", "--date", "2099-01-01"); code != 2 || !strings.Contains(errs, "--date 2099-01-01 is in the future") {
		t.Errorf("a future date: exit %d, %s", code, errs)
	}
	// A wrong flag is named before anything is asked or kept.
	code, out, errs = runCLI(t, "3\n", "checkin", "Thursday KAP Circle", "--date", "2026-13-01", "--felt", "worse", "--seen", "monopolize")
	if code != 2 || !strings.Contains(errs, `--date "2026-13-01": use YYYY-MM-DD`) || !strings.Contains(errs, `--seen "monopolize" is not one of the options; use one of: `) || out != "" {
		t.Errorf("bad flags: exit %d, out %q, errs:\n%s", code, out, errs)
	}
	if code, _, errs := runCLI(t, "q\n", "checkin", "Thursday KAP Circle"); code != 2 || !strings.Contains(errs, "no check-in kept") {
		t.Errorf("q at the first question: exit %d, %s", code, errs)
	}
}

// TestCirclesShowsWhatTheCheckinsDecide: after three check-ins that felt
// worse, history says consider leaving; the register's line and its JSON do
// not, for the stay answer is that person's, not the circle's (issue 19).
func TestCirclesShowsWhatTheCheckinsDecide(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	if code, out, errs := runCLI(t, "", "circles", "add", "../../examples/strong-kap-circle.yaml"); code != 0 {
		t.Fatalf("circles add: exit %d: %s %s", code, out, errs)
	}
	for _, d := range []string{"2026-09-01", "2026-09-08", "2026-09-15"} {
		if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--felt", "worse", "--date", d); code != 0 {
			t.Fatalf("checkin: exit %d: %s", code, errs)
		}
	}
	_, hist, _ := runCLI(t, "", "history", "Thursday KAP Circle", "--format", "text")
	_, table, _ := runCLI(t, "", "circles")
	_, js, _ := runCLI(t, "", "circles", "--format", "json")
	if !strings.Contains(strings.ToLower(hist), "consider leaving") {
		t.Errorf("history does not say consider leaving:\n%s", hist)
	}
	if strings.Contains(strings.ToLower(table), "consider leaving") || !strings.Contains(js, `"stay": null`) || strings.Contains(js, `"leave"`) {
		t.Errorf("the register shows a person's stay answer as the circle's:\n%s\n%s", table, js)
	}
	for l := range strings.Lines(table) {
		if w := utf8.RuneCountInString(strings.TrimRight(l, "\n")); w > 80 {
			t.Errorf("circles line of %d columns: %q", w, l)
		}
	}
}

// TestCheckinPicksFromTheRegister: on a terminal, a check-in whose name
// finds no circle offers the close names and a new circle; choosing keeps
// it under the circle chosen, and leaving keeps nothing.
func TestCheckinPicksFromTheRegister(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	if code, _, errs := runCLI(t, "", "checkin", "--new", "Thursday Harbor KAP Group", "--felt", "same"); code != 0 {
		t.Fatalf("first check-in: %s", errs)
	}
	oldPicker, oldScreen := circlePicker, checkinScreen
	t.Cleanup(func() { circlePicker, checkinScreen = oldPicker, oldScreen })
	var offered []string
	checkinScreen = func(_ *checklist.Pack, circle string) (*checklist.Checkin, error) {
		return &checklist.Checkin{Circle: circle, Felt: checklist.FeltBetter, Signs: []string{}, Seen: []string{}}, nil
	}
	terminal := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, isTTY: true, stdinTTY: true, getenv: os.Getenv}
		return run(context.Background(), e, args), out.String(), errb.String()
	}
	for _, tc := range []struct {
		pick     int
		code     int
		circles  int
		sessions int
	}{
		{0, 0, 1, 2},           // the close name: kept under Thursday Harbor KAP Group
		{ui.PickQuit, 2, 1, 2}, // left: nothing kept
		{ui.PickNew, 0, 2, 2},  // a new circle, on purpose
	} {
		circlePicker = func(_ *checklist.Pack, typed string, names []string) (int, error) {
			offered = names
			return tc.pick, nil
		}
		code, _, errs := terminal("checkin", "Thursday Harbour KAP Group")
		if code != tc.code {
			t.Fatalf("pick %d: exit %d, %s", tc.pick, code, errs)
		}
		if len(offered) == 0 || offered[0] != "Thursday Harbor KAP Group" {
			t.Errorf("offered %v, want the close name first", offered)
		}
		_, out, _ := runCLI(t, "", "circles", "--format", "json")
		if n := strings.Count(out, `"name":`); n != tc.circles {
			t.Errorf("pick %d: %d circles kept, want %d:\n%s", tc.pick, n, tc.circles, out)
		}
		_, hist, _ := runCLI(t, "", "history", "Thursday Harbor KAP Group", "--format", "json")
		if n := strings.Count(hist, `"felt":`); n != tc.sessions {
			t.Errorf("pick %d: Thursday Harbor has %d sessions, want %d", tc.pick, n, tc.sessions)
		}
	}
}

// TestCirclesCachedLineReadsTheSame: with the listing cache on (the user's
// cache folder), the second listing, from the cache, prints what the first
// did: fit words and red flags' labels included.
func TestCirclesCachedLineReadsTheSame(t *testing.T) {
	data, cache := t.TempDir(), t.TempDir()
	vars := map[string]string{"XDG_DATA_HOME": data, "XDG_CACHE_HOME": cache}
	t.Setenv("XDG_DATA_HOME", data)
	if code, _, errs := runWith(t, "", false, false, vars, "circles", "add", "../../examples/red-flag-vendor.yaml", "../../examples/strong-kap-circle.yaml"); code != 0 {
		t.Fatalf("add: %s", errs)
	}
	_, first, _ := runWith(t, "", false, false, vars, "circles")
	if files, _ := filepath.Glob(filepath.Join(cache, "vetcircle", "register-*.json")); len(files) != 1 {
		t.Fatalf("no listing cache was written in %s", cache)
	}
	_, second, _ := runWith(t, "", false, false, vars, "circles")
	if first != second || !strings.Contains(second, "Medicine vendors or dosing advice") || !strings.Contains(second, "AVOID") {
		t.Errorf("cached listing differs:\n%s\nwant:\n%s", second, first)
	}
}
