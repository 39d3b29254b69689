package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// runCLI runs the command line as a script would: no terminal.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestScoreJSON(t *testing.T) {
	code, out, errs := runCLI(t, "", "score", "--format", "json", "../../examples/strong-kap-circle.yaml", "../../examples/red-flag-vendor.yaml")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d JSON lines, want one per file:\n%s", len(lines), out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"circle", "verdict", "score", "completeness", "findings", "red_flags", "follow_ups", "formats"} {
		if _, ok := first[k]; !ok {
			t.Errorf("JSON lacks key %q", k)
		}
	}
	if first["verdict"] != "promising" {
		t.Errorf("verdict = %v, want promising", first["verdict"])
	}
	finding := first["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "severity", "points", "message", "source"} {
		if _, ok := finding[k]; !ok {
			t.Errorf("finding lacks key %q: %v", k, finding)
		}
	}
	var second struct {
		Verdict  string   `json:"verdict"`
		RedFlags []string `json:"red_flags"`
	}
	json.Unmarshal([]byte(lines[1]), &second)
	if second.Verdict != "avoid" || len(second.RedFlags) != 1 {
		t.Errorf("second file = %+v, want avoid with one red flag", second)
	}
}

func TestScoreMarkdownFromStdin(t *testing.T) {
	data, err := os.ReadFile("../../examples/incomplete-intake.yaml")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, string(data), "score", "-", "--date", "2026-11-24")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"# Circle check: Eastside Integration Group", "… INCOMPLETE", "## What to ask next", "988"} {
		if !strings.Contains(out, w) {
			t.Errorf("markdown lacks %q", w)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("piped markdown contains terminal escapes; it must be plain")
	}
}

func TestScoreIsDeterministic(t *testing.T) {
	args := []string{"score", "--date", "2026-11-24", "../../examples/online-peer-group.yaml"}
	_, a, _ := runCLI(t, "", args...)
	_, b, _ := runCLI(t, "", args...)
	if a != b || a == "" {
		t.Error("two runs on the same file gave different output")
	}
}

func TestScoreBadFileStillScoresTheRest(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nanswers:\n  training: certified\n"), 0o600)
	code, out, errs := runCLI(t, "", "score", "--format", "json", bad, "../../examples/strong-kap-circle.yaml")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("stdout has %d lines, want the one good file", n)
	}
	want := bad + `:3:13: training: "certified" is not one of its options (allowed: named-program`
	if !strings.Contains(errs, want) {
		t.Errorf("stderr = %q, want it to contain %q", errs, want)
	}
	if lines := strings.Count(strings.TrimSpace(errs), "\n") + 1; lines != 1 {
		t.Errorf("stderr has %d lines, want 1: %q", lines, errs)
	}
}

func TestScoreUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"score"}, "give at least one answers file"},
		{"standard input twice", []string{"score", "-", "-"}, "standard input (-) can be read only once"},
		{"standard input twice with a list", []string{"score", "-", "--files-from", "-"}, "standard input (-) can be read only once"},
		{"bad format", []string{"score", "--format", "xml", "x.yaml"}, `--format "xml": use markdown, json, text or fhir`},
		{"missing file", []string{"score", "nope.yaml"}, "nope.yaml: no such file"},
		{"folder", []string{"score", "."}, ". is a folder"},
		{"bad date", []string{"score", "--date", "24/11/2026", "x"}, "use YYYY-MM-DD"},
		{"rules folder missing", []string{"score", "--rules", "/nonexistent", "x"}, "rules folder /nonexistent does not exist"},
		{"unknown command", []string{"scroe"}, `there is no command scroe; vetcircle --help lists them.`},
		{"unknown flag", []string{"score", "--bogus", "x"}, "vetcircle score has no flag --bogus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errs, tc.want) {
				t.Errorf("stderr = %q, want %q", errs, tc.want)
			}
			if n := strings.Count(errs, "\n"); n != 1 {
				t.Errorf("stderr has %d lines, want one: %q", n, errs)
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a crash: %s", errs)
			}
		})
	}
}

func TestRulesCheck(t *testing.T) {
	code, out, errs := runCLI(t, "", "rules", "check")
	if code != 0 || !strings.Contains(out, "built-in rules: ok") || !strings.Contains(out, "scoring rules") {
		t.Fatalf("rules check: exit %d, out %q, err %q", code, out, errs)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pack.yaml"), []byte("pack: {id: x}\nrules:\n  - id: bad id\n"), 0o600)
	code, out, errs = runCLI(t, "", "rules", "check", dir)
	if code != 2 {
		t.Errorf("broken pack: exit %d, want 2", code)
	}
	if out != "" {
		t.Errorf("broken pack printed %q to stdout", out)
	}
	// Every problem, one per line, each with its place.
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) < 5 {
		t.Errorf("want every problem reported, got %d lines:\n%s", len(lines), errs)
	}
	if !strings.Contains(errs, filepath.Join(dir, "pack.yaml")+":3:5: rule id \"bad id\" is not valid") {
		t.Errorf("stderr lacks the positioned rule-id error:\n%s", errs)
	}
}

func TestScoreWithCustomRules(t *testing.T) {
	dir := t.TempDir()
	entries, _ := os.ReadDir("../../rules")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			data, _ := os.ReadFile(filepath.Join("../../rules", e.Name()))
			// A stricter pack: every circle starts from nothing.
			if e.Name() == "pack.yaml" {
				data = []byte(strings.Replace(string(data), "base: 40", "base: 0", 1))
			}
			os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600)
		}
	}
	// The built-in pack calls this group caution (score 63).
	code, out, errs := runCLI(t, "", "score", "--format", "json", "--rules", dir, "../../examples/online-peer-group.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"verdict":"avoid"`) {
		t.Errorf("custom pack not used: %s", out[:200])
	}
}

// TestScoreTextAndCompareCSV: the note for a health record and the
// spreadsheet export, through the real command line.
func TestScoreTextAndCompareCSV(t *testing.T) {
	code, out, errs := runCLI(t, "", "score", "--format", "text", "../../examples/red-flag-vendor.yaml")
	if code != 0 {
		t.Fatalf("score --format text: exit %d: %s", code, errs)
	}
	if n := strings.Count(out, "\n"); n > 40 || strings.Contains(out, "**") || !strings.Contains(out, "AVOID") {
		t.Errorf("note (%d lines):\n%s", n, out)
	}
	code, out, errs = runCLI(t, "", "compare", "--format", "csv", "../../examples/strong-kap-circle.yaml", "../../examples/red-flag-vendor.yaml")
	if code != 0 {
		t.Fatalf("compare --format csv: exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "file,name,verdict,fit,stay,") || strings.Count(out, "\r\n") != 3 {
		t.Errorf("csv:\n%q", out)
	}
}

// TestCheckinsAndHistory: three sessions that left someone worse, then
// history shows the trend and says to consider leaving, with the crisis
// line first; JSON carries the same.
func TestCheckinsAndHistory(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for i, day := range []string{"2026-11-02", "2026-11-16", "2026-11-30"} {
		args := []string{"checkin", "Thursday KAP Circle", "--felt", "worse", "--date", day}
		if i == 0 {
			args = append(args, "--new")
		}
		if i == 2 {
			args = append(args, "--sign", "performing", "--seen", "allows-advice", "--note", "Left shaky")
		}
		if code, out, errs := runCLI(t, "", args...); code != 0 {
			t.Fatalf("checkin: exit %d: %s %s", code, out, errs)
		}
	}
	code, out, errs := runCLI(t, "", "history", "thursday kap circle")
	if code != 0 {
		t.Fatalf("history: exit %d: %s", code, errs)
	}
	for _, want := range []string{"988", "▼▼▼", "Consider leaving: Worse after 3 of the last 3 sessions", "Left shaky", "I find myself performing"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "988") > strings.Index(out, "2026-11-02") {
		t.Errorf("the crisis line does not come first:\n%s", out)
	}
	for l := range strings.Lines(out) {
		if w := utf8.RuneCountInString(strings.TrimRight(l, "\n")); w > 80 {
			t.Errorf("history: a line of %d columns: %q", w, l)
		}
	}
	code, out, _ = runCLI(t, "", "history", "Thursday KAP Circle", "--format", "json")
	if code != 0 || !strings.Contains(out, `"value": "leave"`) || !strings.Contains(out, `"felt": "worse"`) {
		t.Errorf("history json (exit %d):\n%s", code, out)
	}
	if code, _, errs := runCLI(t, "", "checkin", "Thursday", "--felt", "awful"); code != 2 || !strings.Contains(errs, `--felt "awful": use better, same or worse`) {
		t.Errorf("a bad --felt: exit %d, %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "history", "nobody"); code != 2 || !strings.Contains(errs, "no circle nobody") {
		t.Errorf("history of an unknown circle: exit %d, %s", code, errs)
	}
}
