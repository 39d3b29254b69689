package cli

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// hostile runs the real command line with no terminal and no environment,
// as a script or CI job would.
func hostile(t *testing.T, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{stdin: bytes.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// position matches the file:line:col every placed problem starts with.
var position = regexp.MustCompile(`^vetcircle: \S+:\d+:\d+: `)

// checkProblems asserts the contract for bad input: exit code 2, exactly
// want lines on stderr, each naming the file, its place when it has one,
// and a hint; no sign of a panic; nothing on stdout.
func checkProblems(t *testing.T, code int, stdout, stderr string, want int, file string, placed bool, hint string) {
	t.Helper()
	if code != ExitBadInput {
		t.Errorf("exit code %d, want %d", code, ExitBadInput)
	}
	if stdout != "" {
		t.Errorf("stdout is not empty:\n%s", stdout)
	}
	for _, bad := range []string{"panic", "goroutine", "runtime/", ".go:"} {
		if strings.Contains(stdout+stderr, bad) {
			t.Errorf("output mentions %q:\n%s", bad, stderr)
		}
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if stderr == "" {
		lines = nil
	}
	if len(lines) != want {
		t.Errorf("%d lines on stderr, want %d:\n%s", len(lines), want, stderr)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "vetcircle: ") || !strings.Contains(l, file) {
			t.Errorf("line does not name %s: %q", file, l)
		}
		if placed && !position.MatchString(l) {
			t.Errorf("line has no file:line:col: %q", l)
		}
		if !strings.Contains(l, hint) {
			t.Errorf("line lacks the hint %q: %q", hint, l)
		}
	}
}

func TestBadAnswersFiles(t *testing.T) {
	tmp := t.TempDir()
	// Over the size limit: generated, not committed.
	big := filepath.Join(tmp, "huge.yaml")
	data := append([]byte("version: 1\n# "), bytes.Repeat([]byte("x"), checklist.MaxFileSize)...)
	if err := os.WriteFile(big, data, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(tmp, "folder.yaml")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	bad := func(name string) string { return filepath.Join("testdata", "bad", name) }

	cases := []struct {
		name   string
		file   string
		lines  int
		at     string // file:line:col of the first problem, or "" when it has no place
		hint   string
		reason string
	}{
		{"unknown id", bad("unknown-id.yaml"), 1, ":5:3:", "vetcircle questions", `unknown question id "facilitator-vibes"`},
		{"list where a choice is expected", bad("list-for-choice.yaml"), 1, ":4:13:", "allowed: named-program, general", "training: a list is not one of its options"},
		{"text where a number is expected", bad("text-for-number.yaml"), 1, ":5:17:", "write a number such as 8", `participants: expected a number, found "lots"`},
		{"YAML syntax error", bad("syntax-error.yaml"), 1, ":5:3:", "check indentation and quoting", "YAML syntax"},
		{"binary data", bad("png-header.yaml"), 1, ":1:1:", "save it as UTF-8", "not UTF-8 text"},
		{"latin-1 text", bad("latin1.yaml"), 1, ":4:13:", "save it as UTF-8", "not UTF-8 text"},
		{"duplicate keys", bad("duplicate-keys.yaml"), 1, ":6:3:", "each key may appear once", `"training" already defined`},
		{"future version", bad("future-version.yaml"), 1, ":2:10:", "update vetcircle", "version 99 was written by a newer vetcircle"},
		{"empty file", bad("empty.yaml"), 1, ":1:1:", "start with 'version: 1'", "file is empty"},
		{"billion laughs", bad("billion-laughs.yaml"), 1, ":3:4:", "write the values out in full", "anchors, aliases and merge keys"},
		{"over the size limit", big, 1, "", "is this the right file?", "over the 1048576-byte limit"},
		{"a folder", folder, 1, "", "give an answers file", "is a folder"},
		{"a missing file", filepath.Join(tmp, "missing.yaml"), 1, "", "check the name", "no such file"},
	}
	for _, c := range cases {
		for _, format := range []string{"markdown", "json"} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				code, stdout, stderr := hostile(t, nil, "score", "--format", format, c.file)
				checkProblems(t, code, stdout, stderr, c.lines, c.file, c.at != "", c.hint)
				if c.at != "" && !strings.Contains(stderr, c.file+c.at) {
					t.Errorf("stderr lacks the place %s%s:\n%s", c.file, c.at, stderr)
				}
				if !strings.Contains(stderr, c.reason) {
					t.Errorf("stderr lacks %q:\n%s", c.reason, stderr)
				}
			})
		}
	}

	t.Run("binary data on standard input", func(t *testing.T) {
		png, _ := os.ReadFile(bad("png-header.yaml"))
		code, stdout, stderr := hostile(t, png, "score", "-")
		checkProblems(t, code, stdout, stderr, 1, "<stdin>:1:1:", true, "save it as UTF-8")
	})
	t.Run("too much on standard input", func(t *testing.T) {
		code, stdout, stderr := hostile(t, data, "score", "-")
		checkProblems(t, code, stdout, stderr, 1, "<stdin>", false, "is this the right file?")
	})
	t.Run("one line per problem", func(t *testing.T) {
		// Three problems in one file and one in another: four lines, and no
		// "3 problems:" heading without a place.
		f := filepath.Join(tmp, "three.yaml")
		os.WriteFile(f, []byte("version: 1\ncircle:\n  participants: \"lots\"\nanswers:\n  training: [named-program]\n  nope: yes\n"), 0o600)
		code, stdout, stderr := hostile(t, nil, "score", f, bad("empty.yaml"))
		checkProblems(t, code, stdout, stderr, 4, ".yaml", true, "")
	})
	t.Run("a good file among bad ones is still scored", func(t *testing.T) {
		code, stdout, stderr := hostile(t, nil, "score", "--format", "json", bad("empty.yaml"), "../../examples/strong-kap-circle.yaml")
		if code != ExitBadInput || strings.Count(stdout, "\n") != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("exit %d, %d JSON lines, %d error lines; want 2, 1, 1", code, strings.Count(stdout, "\n"), strings.Count(stderr, "\n"))
		}
	})
}

// badPack builds the rule pack for a folder under testdata/badrules: the
// built-in YAML files with the case's files laid over them.
func badPack(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	err := fs.WalkDir(rules.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.Files, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	over, _ := filepath.Glob(filepath.Join("testdata", "badrules", name, "*.yaml"))
	for _, f := range over {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestBadRulePacks(t *testing.T) {
	// The base is sound: every failure below is the case's own.
	if code, _, stderr := hostile(t, nil, "rules", "check", badPack(t, "none")); code != 0 {
		t.Fatalf("the built-in pack copied to a folder does not check: %s", stderr)
	}
	outside := filepath.Join(t.TempDir(), "outside.yaml")
	os.WriteFile(outside, []byte("rules: []\n"), 0o600)

	cases := []struct {
		name, file, at, hint, reason string
		setup                        func(t *testing.T, dir string)
	}{
		{name: "unknown-field", file: "zz-extra.yaml", at: ":7:5:", hint: "allowed keys here: id, title", reason: `unknown key "wieght"`},
		{name: "duplicate-rule-id", file: "zz-extra.yaml", at: ":3:5:", hint: "rule ids must be unique", reason: `duplicate rule id "TRAIN-NAMED"`},
		{name: "missing-question", file: "zz-extra.yaml", at: ":7:12:", hint: "name a question defined under questions:", reason: `condition names unknown question "facilitator-vibes"`},
		{name: "missing-option", file: "zz-extra.yaml", at: ":7:12:", hint: "allowed: named-program", reason: `question training has no option "phd"`},
		{name: "unreachable-band", file: "pack.yaml", at: ":49:8:", hint: "give each band its own min", reason: "band promising cannot be reached"},
		{name: "empty-list-item", file: "zz-extra.yaml", at: ":3:5:", hint: "remove the empty item, or fill it in", reason: "empty list item"},
		{name: "empty-message", file: "zz-extra.yaml", at: ":3:5:", hint: "fill it in", reason: "rule EXTRA-SILENT message is missing or empty"},
		{name: "entity-escape", file: "text.yaml", at: ":38:19:", hint: "remove them", reason: "text holds control characters",
			setup: func(t *testing.T, dir string) {
				// &#27; is ESC once the markdown renderer decodes it: an OSC 52
				// clipboard write and an OSC 0 title in the summary.
				replaceIn(t, filepath.Join(dir, "text.yaml"), "summary.crisis: \"", "summary.crisis: \"&#27;]52;c;ZXZpbA==&#7;&#x1b;]0;pwned&#7;")
			}},
		{name: "pack-id-newline", file: "pack.yaml", at: ":3:3:", hint: "write it on one line", reason: "pack id must be a single line",
			setup: func(t *testing.T, dir string) {
				replaceIn(t, filepath.Join(dir, "pack.yaml"), "id: vetcircle-en", "id: \"vetcircle-en\\nversion: 99\"")
			}},
		{name: "pack-version-escape", file: "pack.yaml", at: ":3:3:", hint: "write it on one line", reason: "pack version must be a single line",
			setup: func(t *testing.T, dir string) {
				replaceIn(t, filepath.Join(dir, "pack.yaml"), `version: "2.1.0"`, `version: "2.1\t0"`)
			}},
		{name: "symlink-outside", file: "linked.yaml", hint: "copy the file into the folder instead", reason: "symbolic links are not followed",
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink(outside, filepath.Join(dir, "linked.yaml")); err != nil {
					t.Skipf("cannot make a symbolic link here: %v", err)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := badPack(t, c.name)
			if c.setup != nil {
				c.setup(t, dir)
			}
			file := filepath.Join(dir, c.file)
			for _, args := range [][]string{
				{"rules", "check", dir},
				{"score", "--rules", dir, "../../examples/strong-kap-circle.yaml"},
				{"score", "--format", "json", "--rules", dir, "../../examples/strong-kap-circle.yaml"},
			} {
				code, stdout, stderr := hostile(t, nil, args...)
				checkProblems(t, code, stdout, stderr, 1, file, c.at != "", c.hint)
				if c.at != "" && !strings.Contains(stderr, file+c.at) {
					t.Errorf("%s: stderr lacks the place %s%s:\n%s", args[0], c.file, c.at, stderr)
				}
				if !strings.Contains(stderr, c.reason) {
					t.Errorf("%s: stderr lacks %q:\n%s", args[0], c.reason, stderr)
				}
			}
		})
	}
}

// escapePayloads are what must never reach a terminal from an answers file:
// clipboard writes (OSC 52), hidden links (OSC 8), window titles, screen
// clears and cursor moves (CSI), the alternate screen, 8-bit C1 controls and
// bare carriage returns that overwrite a line.
// osc8 matches a hyperlink as glamour writes it: target, then visible text.
var osc8 = regexp.MustCompile("\x1b\\]8;[^;]*;([^\a\x1b]*)\a([^\x1b]*)\x1b\\]8;;\a")

var escapePayloads = []string{"\x1b", "\a", "\r", "\u009b", "]52;", "]8;;", "]0;", "[2J", "[?1049h"}

func TestEscapesNeverReachStdout(t *testing.T) {
	tmp := t.TempDir()
	// The same payloads written as raw bytes rather than YAML escapes.
	raw := filepath.Join(tmp, "raw.yaml")
	os.WriteFile(raw, []byte("version: 1\ncircle:\n  name: \x1b]52;c;ZXZpbA==\x07Raw \x1b[2JCircle\r\n  format: kap-circle\nnotes:\n  training: \"\x1b]8;;http://evil.example/\x1b\\\\link\x1b]8;;\x1b\\\\\"\n"), 0o600)
	files := []string{filepath.Join("testdata", "bad", "escapes.yaml"), raw}
	for _, f := range files {
		for _, format := range []string{"markdown", "json"} {
			t.Run(filepath.Base(f)+"/"+format, func(t *testing.T) {
				code, stdout, stderr := hostile(t, nil, "score", "--format", format, "--date", "2026-01-02", f)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				for _, p := range escapePayloads {
					if strings.Contains(stdout, p) {
						t.Errorf("stdout contains %q:\n%s", p, stdout)
					}
				}
				if format == "json" {
					for _, p := range []string{`\u001b`, `\u0007`, `\r`, `\u009b`} {
						if strings.Contains(stdout, p) {
							t.Errorf("JSON contains the escaped control %s", p)
						}
					}
				}
			})
		}
	}

	t.Run("markdown specials in the circle name are escaped", func(t *testing.T) {
		_, stdout, _ := hostile(t, nil, "score", "--date", "2026-01-02", files[0])
		title := strings.SplitN(stdout, "\n", 2)[0]
		want := "# Circle check: \\# \\*Evil\\* \\[Circle\\](http://evil.example) \\<b\\>\\_x\\_\\</b\\> \\| \\`rm\\` Overwritten"
		if title != want {
			t.Errorf("title line:\n got %q\nwant %q", title, want)
		}
		if !strings.Contains(stdout, "Facilitator: A. Rivera ·") && !strings.Contains(stdout, "Facilitator: A. Rivera\n") {
			t.Errorf("facilitator with an OSC 8 link was not reduced to its text")
		}
	})

	t.Run("styled for a terminal", func(t *testing.T) {
		// On a terminal glamour adds its own escapes; the payloads' must
		// still be gone.
		var out, errb bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, isTTY: true}
		if code := run(context.Background(), e, []string{"score", files[0]}); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		styled := out.String()
		for _, p := range []string{"]52;", "]0;", "[2J", "[?1049h", "\r", "evil.example/"} {
			if strings.Contains(styled, p) {
				t.Errorf("styled output contains %q", p)
			}
		}
		// glamour links a URL written out in the text, and such a link
		// shows its own target. A link whose text hides its target (the
		// facilitator's OSC 8 payload) must not survive.
		links := osc8.FindAllStringSubmatch(styled, -1)
		for _, m := range links {
			if m[1] != m[2] {
				t.Errorf("styled output has a link to %q shown as %q", m[1], m[2])
			}
		}
		if strings.Count(styled, "\x1b]8;") != 2*len(links) {
			t.Errorf("styled output has %d OSC 8 sequences that are not whole, visible links", strings.Count(styled, "\x1b]8;")-2*len(links))
		}
	})

	t.Run("file names and quoted input in errors", func(t *testing.T) {
		evil := filepath.Join(tmp, "evil\x1b]0;pwned\a.yaml")
		os.WriteFile(evil, []byte("version: 1\nanswers:\n  \"\x1b[2Jk\": 1\n  \"\x1b[2Jk\": 2\n"), 0o600)
		code, stdout, stderr := hostile(t, nil, "score", evil)
		if code != ExitBadInput || stdout != "" {
			t.Errorf("exit %d, stdout %q", code, stdout)
		}
		for _, p := range escapePayloads[:4] {
			if strings.Contains(stderr, p) {
				t.Errorf("stderr contains %q: %q", p, stderr)
			}
		}
	})
}

// TestPackTextEntitiesRenderInert renders, with glamour as a terminal would
// get it, pack text holding character references to ESC and BEL, after the
// pack loader's cleaning: no escape sequence but glamour's own styling may
// come out.
func TestPackTextEntitiesRenderInert(t *testing.T) {
	hostileText := []string{
		"Call **988** &#27;]52;c;ZXZpbA==&#7; now",
		"&#x1b;]0;pwned&#x07;title &#x1B;[2J&#X9b;31m",
		"&#8238;gpj.exe &#x202e; &#65279; &#8203; &NewLine;&Tab; ok &amp; &#233;",
	}
	for _, style := range []string{"dark", "notty"} {
		r, err := mdrender.New(80, style)
		if err != nil {
			t.Fatal(err)
		}
		// Uncleaned, the renderer does decode the references into a real
		// OSC 52: otherwise this test would prove nothing.
		if raw, _ := r.Render(hostileText[0]); !strings.Contains(raw, "\x1b]52;") {
			t.Fatalf("%s: the renderer no longer decodes &#27;; got %q", style, raw)
		}
		for _, s := range hostileText {
			out, err := r.Render(textclean.CleanMarkdown(s))
			if err != nil {
				t.Fatal(err)
			}
			plain := ansi.Strip(out)
			for _, bad := range []string{"\x1b]", "\a", "\u009b", "\u202e", "\ufeff", "\u200b"} {
				if strings.Contains(out, bad) || strings.Contains(plain, bad) {
					t.Errorf("%s: rendering %q holds %q:\n%q", style, s, bad, out)
				}
			}
			if strings.Contains(plain, "\x1b") {
				t.Errorf("%s: rendering %q holds an escape beyond styling: %q", style, s, plain)
			}
			if !strings.Contains(plain, "&") && strings.Contains(s, "&amp;") {
				t.Errorf("%s: a harmless &amp; was lost: %q", style, plain)
			}
		}
	}
}
