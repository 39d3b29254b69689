package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

var (
	strongFile = filepath.Join("..", "..", "examples", "strong-kap-circle.yaml")
	vendorFile = filepath.Join("..", "..", "examples", "red-flag-vendor.yaml")
	onlineFile = filepath.Join("..", "..", "examples", "online-peer-group.yaml")
	brokenFile = filepath.Join("testdata", "compare", "broken.yaml")
)

// brokenErrors are the lines vetcircle must print for broken.yaml: one per
// problem, each with file:line:col.
var brokenErrors = []string{
	"vetcircle: " + brokenFile + `:5:11: circle-format: "kap-circel" is not one of its options`,
	"vetcircle: " + brokenFile + `:7:13: training: "named-programme" is not one of its options`,
	"vetcircle: " + brokenFile + `:8:3: unknown question id "rf-made-up"`,
}

func checkStderrLines(t *testing.T, stderr string, want []string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != len(want) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(want), stderr)
	}
	for i := range min(len(lines), len(want)) {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("stderr line %d = %q, want it to start %q", i+1, lines[i], want[i])
		}
	}
}

// order returns the position of each needle in s, or -1.
func order(s string, needles ...string) []int {
	out := make([]int, len(needles))
	for i, n := range needles {
		out[i] = strings.Index(s, n)
	}
	return out
}

func TestCompareExamplesAndBrokenFile(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	// First words only: a narrow table wraps the names.
	names := []string{"Thursday", "Ketamine", "Sunday"}
	tests := []struct {
		name string
		args []string
	}{
		{"markdown when piped", nil},
		{"markdown", []string{"--format", "markdown"}},
		{"table", []string{"--format", "table"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The broken file comes first: the rest must still be compared.
			args := append([]string{"compare", brokenFile, vendorFile, onlineFile, strongFile}, tt.args...)
			out, errOut, code := runArgs(t, "", args...)
			if code != ExitBadInput {
				t.Errorf("exit = %d, want %d (a file failed)", code, ExitBadInput)
			}
			checkStderrLines(t, errOut, brokenErrors)
			pos := order(out, names...)
			if slices.Contains(pos, -1) || !slices.IsSorted(pos) {
				t.Errorf("circles at %v in the output, want all three, best first (%q):\n%s", pos, names, out)
			}
			if strings.Contains(out, "Broken") {
				t.Errorf("the broken file's circle appears in the table:\n%s", out)
			}
			if strings.Contains(out, "\x1b[") {
				t.Errorf("piped output holds escape sequences:\n%q", out)
			}
			for _, want := range []string{"PROMISING", "CAUTION", "AVOID"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); tt.name == "table" && w > 80 {
					t.Errorf("table line %d is %d wide, want at most 80: %q", i+1, w, line)
				}
			}
		})
	}
}

func TestCompareJSON(t *testing.T) {
	out, errOut, code := runArgs(t, "", "compare", "--format", "json", onlineFile, brokenFile, strongFile, vendorFile)
	if code != ExitBadInput {
		t.Errorf("exit = %d, want %d", code, ExitBadInput)
	}
	checkStderrLines(t, errOut, brokenErrors)
	var rows []struct {
		File         string         `json:"file"`
		Name         string         `json:"name"`
		Verdict      string         `json:"verdict"`
		Score        int            `json:"score"`
		Completeness int            `json:"completeness"`
		RedFlags     []string       `json:"red_flags"`
		Core         map[string]any `json:"core"`
		Format       string         `json:"format"`
		Participants *float64       `json:"participants"`
		CostUSD      *float64       `json:"cost_usd"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("json output does not parse: %v\n%s", err, out)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.File+" "+r.Verdict)
	}
	want := []string{strongFile + " promising", onlineFile + " caution", vendorFile + " avoid"}
	if !slices.Equal(got, want) {
		t.Errorf("json rows = %q, want %q", got, want)
	}
	if len(rows) == 3 {
		if rows[2].RedFlags == nil || rows[2].RedFlags[0] != "rf-vendor-dosing" {
			t.Errorf("red flags = %v, want [rf-vendor-dosing]", rows[2].RedFlags)
		}
		if rows[0].Core["training"] != "named-program" || rows[0].Participants == nil || *rows[0].Participants != 8 || *rows[0].CostUSD != 45 {
			t.Errorf("first row = %+v, want training named-program, 8 people, $45", rows[0])
		}
		if rows[1].RedFlags == nil {
			t.Errorf("no red flags is null, want []")
		}
	}
}

func TestCompareJSONAllFailed(t *testing.T) {
	out, _, code := runArgs(t, "", "compare", "--format", "json", brokenFile, "no-such-file.yaml")
	if code != ExitBadInput {
		t.Errorf("exit = %d, want %d", code, ExitBadInput)
	}
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("json with every file failed = %q, want []", out)
	}
}

func TestCompareEscapesUserText(t *testing.T) {
	piped := filepath.Join("testdata", "compare", "piped.yaml")
	out, errOut, code := runArgs(t, "", "compare", piped, strongFile)
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, errOut)
	}
	if !strings.Contains(out, `Piped \*circle\* \| \<b\>`) {
		t.Errorf("circle name not escaped for markdown:\n%s", out)
	}
	// Every row has exactly the header's number of unescaped pipes.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	cols := strings.Count(lines[0], "|")
	for _, l := range lines[:4] {
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != cols {
			t.Errorf("row %q has %d cell borders, want %d", l, n, cols)
		}
	}
}

func TestCompareStdinAndMissing(t *testing.T) {
	data, err := os.ReadFile(strongFile)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runArgs(t, string(data), "compare", "-", "missing.yaml")
	if code != ExitBadInput {
		t.Errorf("exit = %d, want %d", code, ExitBadInput)
	}
	if !strings.Contains(out, `| \<stdin\> | Thursday KAP Circle |`) {
		t.Errorf("stdin row missing:\n%s", out)
	}
	if !strings.HasPrefix(errOut, "vetcircle: missing.yaml: ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr = %q, want one line naming missing.yaml", errOut)
	}
}

func TestCompareBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no files", []string{"compare"}, "compare needs FILE|NAME|-. (usage: vetcircle compare"},
		{"bad format", []string{"compare", "--format", "xml", strongFile}, `--format "xml": use table, markdown, json or csv`},
		{"stdin twice", []string{"compare", "-", "-"}, "only once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs(t, "", tt.args...)
			if code != ExitBadInput {
				t.Errorf("exit = %d, want %d", code, ExitBadInput)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want it to mention %q", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
		})
	}
}

func TestCompareGolden(t *testing.T) {
	files := []string{"examples/strong-kap-circle.yaml", "examples/red-flag-vendor.yaml", "examples/online-peer-group.yaml"}
	tests := []struct {
		name, columns string
		args          []string
	}{
		{"markdown", "80", []string{"--format", "markdown"}},
		{"table-80", "80", []string{"--format", "table"}},
		{"table-120", "120", []string{"--format", "table"}},
		{"table-220", "220", []string{"--format", "table"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("COLUMNS", tt.columns)
			// From the repository's root, the files are named as in README.
			t.Chdir(filepath.Join("..", ".."))
			out, errOut, code := runArgs(t, "", append(append([]string{"compare"}, files...), tt.args...)...)
			if code != ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, errOut)
			}
			assertGolden(t, "compare/"+tt.name+".golden", out)
		})
	}
}
