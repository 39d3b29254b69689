package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	hostilefiles "github.com/vetcircle/vetcircle/internal/hostile"
)

// errLines splits stderr into its lines.
func errLines(stderr string) []string {
	if stderr == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
}

// TestHostileInputSuite holds every hostile input of issue 9 with the exit
// code and the number of error lines a user sees. Time and memory for the
// same files: BenchmarkHostile in internal/checklist.
func TestHostileInputSuite(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(tmp, "state"))
	drafts := filepath.Join(tmp, "state", "vetcircle", "drafts")
	if err := os.MkdirAll(drafts, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var many strings.Builder
	many.WriteString("version: 1\nanswers:\n")
	for i := range 30 {
		fmt.Fprintf(&many, "  unknown-%d: yes\n", i)
	}
	type tcase struct {
		name  string
		args  []string
		code  int
		lines int    // lines on stderr
		say   string // on stderr
	}
	var cases []tcase
	for _, f := range hostilefiles.Files() {
		if f.Pack {
			dir := badPack(t, "none")
			if err := os.WriteFile(filepath.Join(dir, "zz-hostile.yaml"), f.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			cases = append(cases, tcase{"rules check " + f.Name, []string{"rules", "check", dir}, 2, 1, "zz-hostile.yaml:"})
			continue
		}
		p := write(f.Name+".yaml", f.Data)
		lines := 1
		if f.Name == "duplicate-keys-88k" {
			lines = maxProblemLines + 1
		}
		cases = append(cases,
			tcase{"score " + f.Name, []string{"score", p}, 2, lines, f.Name + ".yaml:"},
			tcase{"score json " + f.Name, []string{"score", "--format", "json", p}, 2, lines, f.Name + ".yaml:"},
			tcase{"compare " + f.Name, []string{"compare", p, "../../examples/strong-kap-circle.yaml"}, 2, lines, f.Name + ".yaml:"},
		)
	}
	// The deepest of them as a draft: resume --list names it unreadable.
	deep := hostilefiles.Files()[2].Data
	if err := os.WriteFile(filepath.Join(drafts, "2026-11-30-deep.yaml"), deep, 0o600); err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "version: 1\n" {
		utf16 = append(utf16, byte(c), 0)
	}
	newline := filepath.Join(tmp, "x\nvetcircle: all is well")
	os.Mkdir(newline, 0o700)
	cases = append(cases,
		tcase{"resume --list with a hostile draft", []string{"resume", "--list"}, 0, 1, "cannot be read"},
		tcase{"30 problems in one file", []string{"score", write("many.yaml", []byte(many.String()))}, 2, maxProblemLines + 1, "and 10 more problems"},
		tcase{"UTF-16", []string{"score", write("utf16.yaml", utf16)}, 2, 1, "file is UTF-16 text"},
		tcase{"%YAML directive and ---", []string{"score", write("directive.yaml", []byte("%YAML 1.2\n---\nversion: 1\n"))}, 0, 0, ""},
		tcase{"hexadecimal number", []string{"score", write("hex.yaml", []byte("version: 1\ncircle:\n  participants: 0x10\n"))}, 2, 1, `expected a number, found "0x10"`},
		tcase{"hexadecimal float", []string{"score", write("hexfloat.yaml", []byte("version: 1\ncircle:\n  participants: 0x1p4\n"))}, 2, 1, `expected a number, found "0x1p4"`},
		tcase{"standard input twice", []string{"score", "-", "-"}, 2, 1, "read only once"},
		tcase{"a name longer than the field", []string{"score", write("longname.yaml", []byte("version: 1\ncircle:\n  name: "+strings.Repeat("n", 201)+"\n"))}, 2, 1, "text is 201 characters, over the 200 limit"},
		tcase{"newline in a folder name", []string{"rules", "check", newline}, 2, 1, `x\nvetcircle: all is well`},
		tcase{"newline in a missing file name", []string{"score", newline + "/a.yaml"}, 2, 1, `x\nvetcircle: all is well/a.yaml: no such file`},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := hostile(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%.2000s", code, c.code, stderr)
			}
			lines := errLines(stderr)
			if len(lines) != c.lines {
				t.Errorf("%d lines on stderr, want %d:\n%.2000s", len(lines), c.lines, stderr)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "vetcircle: ") {
					t.Errorf("a line that is not ours: %q", l)
				}
			}
			if !strings.Contains(stderr, c.say) {
				t.Errorf("stderr lacks %q:\n%.2000s", c.say, stderr)
			}
			if strings.ContainsAny(stdout+stderr, "\x1b\a") {
				t.Errorf("an escape reached the output")
			}
		})
	}
}

// TestHostileNamesNeverReachTheTerminal: file and folder names holding
// escapes are shown escaped in every message and listing.
func TestHostileNamesNeverReachTheTerminal(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(tmp, "state"))
	drafts := filepath.Join(tmp, "state", "vetcircle", "drafts")
	os.MkdirAll(drafts, 0o700)
	evil := "evil\x1b]0;pwned\a\x1b[2J\u202e"
	good, _ := os.ReadFile("../../examples/strong-kap-circle.yaml")
	os.WriteFile(filepath.Join(drafts, evil+"-ok.yaml"), good, 0o600)
	os.WriteFile(filepath.Join(drafts, evil+"-bad.yaml"), []byte("version: [\n"), 0o600)
	os.WriteFile(filepath.Join(drafts, evil+"-old.yaml"), []byte("version: 1\nanswers:\n  retired: yes\n"), 0o600)
	packDir := filepath.Join(tmp, evil+"pack")
	os.Rename(badPack(t, "none"), packDir)
	for _, args := range [][]string{
		{"resume", "--list"},
		{"resume", filepath.Join(drafts, evil+"-ok.yaml")},
		{"resume", filepath.Join(drafts, evil+"-old.yaml")},
		{"rules", "check", packDir},
		{"score", filepath.Join(tmp, evil+".yaml")},
		{"score", filepath.Join(drafts, evil+"-bad.yaml")},
	} {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			_, stdout, stderr := hostile(t, nil, args...)
			for _, bad := range []string{"\x1b", "\a", "\u202e"} {
				if strings.Contains(stdout+stderr, bad) {
					t.Errorf("%q reached the output:\nstdout %q\nstderr %q", bad, stdout, stderr)
				}
			}
			if !strings.Contains(stdout+stderr, `evil\x1b]0;pwned\x07\x1b[2J\u202e`) {
				t.Errorf("the name is not shown escaped:\nstdout %q\nstderr %q", stdout, stderr)
			}
		})
	}
}

// failWriter fails every write, as /dev/full or a closed pipe does.
type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

// TestOutputCannotBeWritten: a command whose result cannot be written exits
// 1 with one line saying so, never 0 having written nothing.
func TestOutputCannotBeWritten(t *testing.T) {
	commands := [][]string{
		{"score", "../../examples/strong-kap-circle.yaml"},
		{"score", "--format", "json", "../../examples/strong-kap-circle.yaml"},
		{"compare", "../../examples/strong-kap-circle.yaml", "../../examples/red-flag-vendor.yaml"},
		{"compare", "--format", "json", "../../examples/strong-kap-circle.yaml"},
		{"rules", "check"},
		{"questions"},
		{"questions", "--format", "json"},
		{"--version"},
	}
	for _, reason := range []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "no space left"},
		{syscall.EPIPE, "closed the pipe"},
		{os.ErrClosed, "standard output is closed"},
	} {
		for _, args := range commands {
			t.Run(strings.Join(args, " ")+"/"+reason.want, func(t *testing.T) {
				var errb bytes.Buffer
				e := env{stdin: strings.NewReader(""), stdout: failWriter{reason.err}, stderr: &errb}
				code := run(context.Background(), e, args)
				if code != ExitFailure {
					t.Errorf("exit %d, want %d", code, ExitFailure)
				}
				lines := errLines(errb.String())
				if len(lines) != 1 || !strings.Contains(lines[0], "vetcircle: cannot write the output: ") || !strings.Contains(lines[0], reason.want) {
					t.Errorf("stderr = %q, want one line saying the output cannot be written (%s)", errb.String(), reason.want)
				}
			})
		}
	}
}

// TestRealOutputFailures runs the built binary with standard output on
// /dev/full and on a pipe whose reader has gone. (A standard output closed
// before the program starts is reopened on /dev/null by the Go runtime, so
// it is indistinguishable from "> /dev/null": the in-process test above
// covers a closed descriptor.)
func TestRealOutputFailures(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "vetcircle")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/vetcircle").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatalf("no /dev/full: %v", err)
	}
	defer full.Close()
	for _, args := range [][]string{
		{"score", "../../examples/strong-kap-circle.yaml"},
		{"compare", "../../examples/strong-kap-circle.yaml"},
		{"rules", "check"},
		{"questions"},
		{"--version"},
	} {
		for _, how := range []string{"/dev/full", "pipe"} {
			t.Run(strings.Join(args, " ")+"/"+how, func(t *testing.T) {
				var cmd *exec.Cmd
				var errb bytes.Buffer
				switch how {
				case "/dev/full":
					cmd = exec.Command(bin, args...)
					cmd.Stdout = full
				case "pipe":
					r, w, err := os.Pipe()
					if err != nil {
						t.Fatal(err)
					}
					r.Close() // the reader is gone before anything is written
					defer w.Close()
					cmd = exec.Command(bin, args...)
					cmd.Stdout = w
				}
				cmd.Stderr = &errb
				err := cmd.Run()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != ExitFailure {
					t.Errorf("%v: exit %v, want %d", args, err, ExitFailure)
				}
				lines := errLines(errb.String())
				if len(lines) != 1 || !strings.Contains(lines[0], "vetcircle: cannot write the output") {
					t.Errorf("stderr = %q, want one line saying the output cannot be written", errb.String())
				}
			})
		}
	}
}

// TestMinusZeroIsZero: a cost of -0 is free, never "$-0".
func TestMinusZeroIsZero(t *testing.T) {
	f := filepath.Join(t.TempDir(), "zero.yaml")
	os.WriteFile(f, []byte("version: 1\ncircle:\n  name: Zero\n  cost_usd: -0\n"), 0o600)
	for _, args := range [][]string{{"score", f}, {"compare", "--format", "markdown", f}, {"score", "--format", "json", f}} {
		code, stdout, stderr := hostile(t, nil, args...)
		if code != 0 || strings.Contains(stdout, "$-0") || strings.Contains(stdout, ":-0") {
			t.Errorf("%v: exit %d, output holds -0:\n%s%s", args, code, stdout, stderr)
		}
	}
}

// TestScoreKeepsInputOrder: files scored on every core still come out in
// the order given, bad ones reported in between, from arguments and from
// --files-from alike.
func TestScoreKeepsInputOrder(t *testing.T) {
	examples, _ := filepath.Glob("../../examples/*.yaml")
	var names []string
	for i := range 300 {
		if i%37 == 5 {
			names = append(names, fmt.Sprintf("missing-%d.yaml", i))
			continue
		}
		names = append(names, examples[i%len(examples)])
	}
	list := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(list, []byte(strings.Join(names[100:], "\n")+"\n"), 0o600)
	code, stdout, stderr := hostile(t, nil, append([]string{"score", "--format", "json", "--files-from", list}, names[:100]...)...)
	if code != ExitBadInput {
		t.Errorf("exit %d, want %d (some files are missing)", code, ExitBadInput)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r struct{ File string }
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not JSON: %q", l)
		}
		got = append(got, r.File)
	}
	var want, missing []string
	for _, n := range names {
		if strings.HasPrefix(n, "missing-") {
			missing = append(missing, n)
		} else {
			want = append(want, n)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("results out of order:\n got %q\nwant %q", got, want)
	}
	lines := errLines(stderr)
	if len(lines) != len(missing) {
		t.Fatalf("%d error lines, want %d", len(lines), len(missing))
	}
	for i, m := range missing {
		if !strings.Contains(lines[i], m) {
			t.Errorf("error line %d = %q, want it about %s", i, lines[i], m)
		}
	}
}
