package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// The -update flag rewrites golden files. It is registered in init, after
// every package-level variable, and only if no other test file of this
// package registered it first, so two golden tests can share it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// testdataDir is this package's testdata folder, found before any test
// changes the working directory.
var testdataDir, _ = filepath.Abs("testdata")

// assertGolden compares got with testdata/<name>, or rewrites it with -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(testdataDir, filepath.FromSlash(name))
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./internal/cli -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./internal/cli -update if the change is intended):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first line where got and want part ways.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// runArgs runs the command line as a pipe would (no terminal) and returns
// standard output, standard error and the exit code.
func runArgs(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), e, args)
	return out.String(), errOut.String(), code
}

func TestQuestionsGolden(t *testing.T) {
	tests := []struct{ name, format, golden string }{
		{"markdown by default", "", "questions/markdown.golden"},
		{"markdown", "markdown", "questions/markdown.golden"},
		{"json", "json", "questions/json.golden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"questions"}
			if tt.format != "" {
				args = append(args, "--format", tt.format)
			}
			out, errOut, code := runArgs(t, "", args...)
			if code != ExitOK || errOut != "" {
				t.Fatalf("vetcircle %v = exit %d, stderr %q; want 0 and nothing", args, code, errOut)
			}
			assertGolden(t, tt.golden, out)
		})
	}
}

// TestQuestionsCoverThePack checks, independently of the golden files, that
// the script cannot drift from the pack: every section, question, option
// and sentence to say is in both formats.
func TestQuestionsCoverThePack(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	md, _, code := runArgs(t, "", "questions")
	if code != ExitOK {
		t.Fatalf("vetcircle questions exit %d", code)
	}
	for _, s := range p.Sections {
		if !strings.Contains(md, "(`"+s.ID+"`)") || !strings.Contains(md, s.Title) {
			t.Errorf("markdown lacks section %s (%q)", s.ID, s.Title)
		}
	}
	for _, q := range p.Questions {
		for _, want := range []string{"(`" + q.ID + "`)", q.Prompt, q.Say, q.ListenGood, q.ListenWorrying, q.Why} {
			if want != "" && !strings.Contains(md, want) {
				t.Errorf("markdown lacks %q of question %s", want, q.ID)
			}
		}
		for _, o := range q.Options {
			if !strings.Contains(md, "- `"+o.ID+"`: "+o.Label) {
				t.Errorf("markdown lacks option %s of question %s", o.ID, q.ID)
			}
		}
	}
	for _, v := range checklist.Verdicts {
		if !strings.Contains(md, "- `"+string(v)+"`") {
			t.Errorf("markdown lacks verdict %s", v)
		}
	}
	for _, f := range p.Formats {
		if !strings.Contains(md, "- `"+f.ID+"`") {
			t.Errorf("markdown lacks format %s", f.ID)
		}
	}
	for _, k := range checklist.CircleFields {
		if !strings.Contains(md, "- `"+k+"`") {
			t.Errorf("markdown lacks circle key %s", k)
		}
	}
	for _, marker := range []string{"**Core question**", "**Red flag**", "**Asked only when:** `stage` is `attending`."} {
		if !strings.Contains(md, marker) {
			t.Errorf("markdown lacks %q", marker)
		}
	}

	js, _, code := runArgs(t, "", "questions", "--format", "json")
	if code != ExitOK {
		t.Fatalf("vetcircle questions --format json exit %d", code)
	}
	var doc scriptJSON
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	seen := map[string]scriptQuestion{}
	for _, s := range doc.Sections {
		for _, q := range s.Questions {
			seen[q.ID] = q
		}
	}
	for _, q := range p.Questions {
		jq, ok := seen[q.ID]
		if !ok {
			t.Errorf("json lacks question %s", q.ID)
			continue
		}
		if jq.Say != q.Say || jq.Core != q.Core || jq.RedFlag != q.RedFlag || jq.Kind != q.Kind {
			t.Errorf("json question %s = %+v, want the pack's say, core, red_flag and kind", q.ID, jq)
		}
		if want := len(q.OptionIDs()); len(jq.Options) != want {
			t.Errorf("json question %s has %d options, want %d", q.ID, len(jq.Options), want)
		}
	}
	if len(doc.Verdicts) != len(checklist.Verdicts) || len(doc.Formats) != len(p.Formats) || len(doc.CircleFields) != len(checklist.CircleFields) {
		t.Errorf("json reference = %d verdicts, %d formats, %d circle keys; want %d, %d, %d",
			len(doc.Verdicts), len(doc.Formats), len(doc.CircleFields), len(checklist.Verdicts), len(p.Formats), len(checklist.CircleFields))
	}
	if doc.Sections[5].When == nil || doc.Sections[5].When.Question != "stage" {
		t.Errorf("json section %s has when %+v, want the stage condition", doc.Sections[5].ID, doc.Sections[5].When)
	}
}

// TestQuestionsTranslatedPack shows a pack can word the script itself.
func TestQuestionsTranslatedPack(t *testing.T) {
	dir := t.TempDir()
	entries, err := rules.Files.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := rules.Files.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "text.yaml" {
			text := strings.Replace(string(data), `script.say: "Say"`, "script.say: Sagen Sie", 1)
			data = []byte(strings.Replace(text, `script.title: "Phone script"`, "script.title: Telefonleitfaden", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runArgs(t, "", "questions", "--rules", dir)
	if code != ExitOK {
		t.Fatalf("vetcircle questions --rules = exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# Telefonleitfaden: ", "**Sagen Sie:**", "**Ask yourself:**"} {
		if !strings.Contains(out, want) {
			t.Errorf("script with a translated pack lacks %q", want)
		}
	}
	if strings.Contains(out, "**Say:**") {
		t.Error("script with a translated pack still says **Say:**")
	}
}

func TestQuestionsBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad format", []string{"questions", "--format", "pdf"}, `--format "pdf": use markdown, json or fhir`},
		{"stray argument", []string{"questions", "extra"}, "questions takes no arguments; extra is one too many."},
		{"missing rules folder", []string{"questions", "--rules", "/no/such/folder"}, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs(t, "", tt.args...)
			if code != ExitBadInput {
				t.Errorf("vetcircle %v exit = %d, want %d", tt.args, code, ExitBadInput)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("vetcircle %v stderr = %q, want it to mention %q", tt.args, errOut, tt.want)
			}
			if out != "" {
				t.Errorf("vetcircle %v wrote %q to stdout, want nothing", tt.args, out)
			}
		})
	}
}
