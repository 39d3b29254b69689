package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// answersNamed is the example answers file (AVOID with avoid) renamed to
// name, written into dir.
func answersNamed(t *testing.T, dir, file, name string, avoid bool) string {
	t.Helper()
	src := "../../examples/strong-kap-circle.yaml"
	if avoid {
		src = "../../examples/red-flag-vendor.yaml"
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "  name: ")
	j := i + strings.Index(s[i:], "\n")
	q, _ := json.Marshal(name)
	path := filepath.Join(dir, file)
	if err := os.WriteFile(path, []byte(s[:i]+"  name: "+string(q)+s[j:]), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// registerFiles counts the files in the register under data.
func registerFiles(t *testing.T, root string) int {
	n := 0
	filepath.Walk(root, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// TestSimilarCirclesStayApart (issue 17, item 1): circles whose old slugs
// were the same keep their own verdicts; the AVOID one never disappears
// behind the PROMISING one, and their check-ins never mix.
func TestSimilarCirclesStayApart(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	long := "Greater Portland Ketamine Integration Peer Circle, Eastside "
	pairs := [][2]string{{"A+B Circle", "A&B Circle"}, {long + "Tuesday Evenings", long + "Thursday Mornings"}, {"🌿", "🌊"}}
	for i, pair := range pairs {
		for j, name := range pair {
			f := answersNamed(t, dir, strings.Repeat("x", i+1)+string(rune('a'+j))+".yaml", name, j == 0)
			if code, _, errs := runCLI(t, "", "circles", "add", f); code != 0 {
				t.Fatalf("circles add %s: exit %d: %s", name, code, errs)
			}
		}
	}
	code, out, errs := runCLI(t, "", "circles", "--format", "json")
	if code != 0 {
		t.Fatalf("circles: %d %s", code, errs)
	}
	var all []struct {
		Name, Verdict string
	}
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("circles lists %d circles, want 6:\n%s", len(all), out)
	}
	for _, pair := range pairs {
		for j, name := range pair {
			want := map[int]string{0: "avoid", 1: "promising"}[j]
			found := false
			for _, c := range all {
				if c.Name == name {
					found = true
					if c.Verdict != want {
						t.Errorf("%s lists as %s, want %s", name, c.Verdict, want)
					}
				}
			}
			if !found {
				t.Errorf("%s is not listed", name)
			}
		}
	}
	if code, _, errs := runCLI(t, "", "checkin", "A+B Circle", "--felt", "worse"); code != 0 {
		t.Fatalf("checkin: %d %s", code, errs)
	}
	if code, _, _ := runCLI(t, "", "history", "A&B Circle"); code != 2 {
		t.Errorf("A&B Circle has the A+B check-in (exit %d)", code)
	}
}

// TestNamesLookedUpNeverInvented (issue 17, item 2): a typo, a part of a
// name, ".", "..", "/", "" or a control character is refused with exit 2
// and nothing is written; the close names are suggested; --new starts a
// circle on purpose; any case and no accents find one.
func TestNamesLookedUpNeverInvented(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	if code, _, errs := runCLI(t, "", "checkin", "--new", "Thursday Harbor KAP Group", "--felt", "same", "--date", "2026-11-05"); code != 0 {
		t.Fatalf("checkin --new: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "checkin", "--new", "Café Luna", "--felt", "better", "--date", "2026-11-05"); code != 0 {
		t.Fatalf("checkin --new: %d %s", code, errs)
	}
	before := registerFiles(t, data)
	for _, args := range [][]string{
		{"checkin", "thurzday", "--felt", "worse"},
		{"checkin", "thursday", "--felt", "worse"},
		{"checkin", ".", "--felt", "worse"},
		{"checkin", "..", "--felt", "worse"},
		{"checkin", "/", "--felt", "worse"},
		{"checkin", "", "--felt", "worse"},
		{"checkin", "x\x1b]0;PWNED\a", "--felt", "worse"},
		{"checkin", "--new", ".", "--felt", "worse"},
		{"checkin", "--new", "/", "--felt", "worse"},
		{"checkin", "--new", "", "--felt", "worse"},
		{"history", "thurzday"},
		{"history", "."},
		{"circles", "show", "thurzday harbor"},
		{"circles", "diff", "/"},
		{"revet", "..", "--no-draft"},
		{"compare", "thurzday"},
	} {
		code, out, errs := runCLI(t, "", args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2: %s", args, code, errs)
		}
		if strings.Contains(out+errs, "\x1b") {
			t.Errorf("%q: an escape reached the output", args)
		}
		if strings.Contains(strings.Join(args, " "), "thurzday") && !strings.Contains(errs, "did you mean Thursday Harbor KAP Group?") {
			t.Errorf("%q: no suggestion: %s", args, errs)
		}
	}
	if after := registerFiles(t, data); after != before {
		t.Errorf("refused names wrote %d files", after-before)
	}
	for _, name := range []string{"THURSDAY HARBOR KAP GROUP", "cafe luna", "  café   luna "} {
		if code, _, errs := runCLI(t, "", "history", name); code != 0 {
			t.Errorf("history %q: exit %d: %s", name, code, errs)
		}
	}
	// By ID, as circles --format json gives it.
	_, out, _ := runCLI(t, "", "circles", "--format", "json")
	var all []struct{ ID string }
	json.Unmarshal([]byte(out), &all)
	if len(all) != 2 {
		t.Fatalf("circles: %s", out)
	}
	if code, _, errs := runCLI(t, "", "history", all[0].ID); code != 0 {
		t.Errorf("history by ID: exit %d: %s", code, errs)
	}
}

// TestRegisterFolderAndLinks (issue 17, item 3): --register and
// VETCIRCLE_REGISTER choose the register's folder; a circle folder or a
// checkins folder that is a symbolic link is refused, naming the link, and
// nothing is written outside.
func TestRegisterFolderAndLinks(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	team := filepath.Join(t.TempDir(), "clinic-register")
	if code, _, errs := runCLI(t, "", "--register", team, "checkin", "--new", "Thursday", "--felt", "same"); code != 0 {
		t.Fatalf("checkin --register: %d %s", code, errs)
	}
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		return map[string]string{registerEnv: team}[k]
	}}
	if code := run(context.Background(), e, []string{"history", "thursday"}); code != 0 {
		t.Errorf("history with %s: exit %d: %s", registerEnv, code, errb.String())
	}
	entries, _ := os.ReadDir(team)
	if len(entries) != 1 {
		t.Fatalf("the team register holds %v", entries)
	}
	folder := filepath.Join(team, entries[0].Name())
	outside := t.TempDir()
	// A seen folder (what check-ins saw of the circle) that is a link.
	os.RemoveAll(filepath.Join(folder, "seen"))
	os.Symlink(outside, filepath.Join(folder, "seen"))
	code, _, errs := runCLI(t, "", "--register", team, "checkin", "Thursday", "--felt", "worse", "--seen", "allows-advice")
	if code == 0 || !strings.Contains(errs, filepath.Join(folder, "seen")) || !strings.Contains(errs, "symbolic link") {
		t.Errorf("a linked seen folder: exit %d: %s", code, errs)
	}
	// A circle folder that is a link.
	os.RemoveAll(folder)
	os.Symlink(outside, folder)
	code, _, errs = runCLI(t, "", "--register", team, "checkin", "--new", "Thursday", "--felt", "worse")
	if code == 0 || !strings.Contains(errs, folder) || !strings.Contains(errs, "symbolic link") {
		t.Errorf("a linked circle folder: exit %d: %s", code, errs)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written outside the register: %v", entries)
	}
}

// TestCirclesAddBounded (issue 17, item 4): circles add reads no more than
// the size limit: /dev/zero and a huge file are refused at once.
func TestCirclesAddBounded(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	big := filepath.Join(t.TempDir(), "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(1 << 30) // sparse: a gigabyte that costs nothing to make
	f.Close()
	for _, name := range []string{"/dev/zero", big} {
		if _, err := os.Stat(name); err != nil {
			continue
		}
		start := time.Now()
		code, _, errs := runCLI(t, "", "circles", "add", name)
		if code != 2 || !strings.Contains(errs, "limit") {
			t.Errorf("circles add %s: exit %d: %s", name, code, errs)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("circles add %s took %v", name, d) // a hang, not a timing budget
		}
	}
}

// TestHonestExitsAndMessages (issue 17, item 7).
func TestHonestExitsAndMessages(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	f := answersNamed(t, dir, "a.yaml", "Thursday KAP Circle", false)
	// Filters: an unknown value is exit 2 with the allowed ones; any case.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"circles", "--verdict", "bogus"}, "use one of"},
		{[]string{"circles", "--circle-format", "bogus"}, "use one of"},
		{[]string{"history", "x", "--format", "bogus"}, `--format "bogus": use table, text or json`},
	} {
		if code, _, errs := runCLI(t, "", tc.args...); code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d: %s, want %q", tc.args, code, errs, tc.want)
		}
	}
	if code, _, errs := runCLI(t, "", "circles", "add", "--source", "call", "--by", "Ana", "--on", "2026-11-30", f); code != 0 {
		t.Fatalf("circles add: %d %s", code, errs)
	}
	if code, out, _ := runCLI(t, "", "circles", "--verdict", "PROMISING"); code != 0 || !strings.Contains(out, "Thursday KAP Circle") {
		t.Errorf("--verdict PROMISING: exit %d:\n%s", code, out)
	}
	// The same answers again: said, and kept once.
	before := registerFiles(t, data)
	code, out, _ := runCLI(t, "", "circles", "add", "--source", "website", f)
	if code != 0 || !strings.Contains(out, "the same answers as its latest vetting; nothing added") || registerFiles(t, data) != before {
		t.Errorf("the same vetting again: exit %d, %d files more:\n%s", code, registerFiles(t, data)-before, out)
	}
	// Provenance in show --format json.
	code, out, _ = runCLI(t, "", "circles", "show", "thursday kap circle", "--format", "json")
	for _, want := range []string{`"vetted_at": "2026-11-30"`, `"vetted_by": "Ana"`, `"source": "call"`, `"rules": "vetcircle-en `} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show --format json lacks %s (exit %d):\n%s", want, code, out)
		}
	}
	// circles shows who and when.
	if _, out, _ := runCLI(t, "", "circles"); !strings.Contains(out, "2026-11-30") || !strings.Contains(out, "Ana · call") {
		t.Errorf("circles does not say who and when:\n%s", out)
	}
	// Two identical vettings (kept apart in time by hand): "no changes".
	c := filepath.Join(data, "vetcircle", "circles")
	entries, _ := os.ReadDir(c)
	vdir := filepath.Join(c, entries[0].Name(), "vettings")
	vs, _ := os.ReadDir(vdir)
	kept, _ := os.ReadFile(filepath.Join(vdir, vs[0].Name()))
	os.WriteFile(filepath.Join(vdir, "20300101-000000.000000000-00000000.yaml"), kept, 0o600)
	if code, out, errs := runCLI(t, "", "circles", "diff", "Thursday KAP Circle"); code != 0 || !strings.Contains(out, "No changes") {
		t.Errorf("diff of identical vettings: exit %d: %s\n%s", code, errs, out)
	}
	// Dates: 2000-01-01 to today.
	for _, d := range []string{"0001-01-01", "1999-12-31", time.Now().AddDate(0, 0, 3).Format(time.DateOnly)} {
		if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--felt", "same", "--date", d); code != 2 {
			t.Errorf("--date %s: exit %d: %s", d, code, errs)
		}
	}
	// Counts count readable files: a corrupt file of what was seen in a
	// session is not a session.
	runCLI(t, "", "checkin", "Thursday KAP Circle", "--felt", "same", "--date", "2026-11-20", "--seen", "runs-over")
	cdir := filepath.Join(c, entries[0].Name(), "seen")
	os.WriteFile(filepath.Join(cdir, "20260101-000000.000000000-bad00000.yaml"), []byte("felt: awful\n"), 0o600)
	_, out, _ = runCLI(t, "", "circles", "--format", "json")
	if !strings.Contains(out, `"checkins": 1`) {
		t.Errorf("the count includes the unreadable check-in:\n%s", out)
	}
	// Control characters in circles add errors are escaped, not dropped.
	bad := filepath.Join(dir, "bad\nname.yaml")
	os.WriteFile(bad, []byte("version: 1\nanswers: [\n"), 0o600)
	code, _, errs := runCLI(t, "", "circles", "add", bad)
	if code != 2 || !strings.Contains(errs, `bad\nname.yaml`) || strings.Count(errs, "\n") != strings.Count(errs, "vetcircle:") {
		t.Errorf("circles add of a file with a newline in its name: exit %d:\n%s", code, errs)
	}
}

// TestOutputLostAfterKeep (issue 17, item 7): when the output cannot be
// written after a check-in was kept, the exit is 3 and stderr says it was
// kept, so no one records it twice.
func TestOutputLostAfterKeep(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: failingWriter{}, stderr: &errb}
	code := run(context.Background(), e, []string{"checkin", "--new", "Thursday", "--felt", "same"})
	if code != ExitKeptOutputLost || !strings.Contains(errb.String(), "kept all the same in") || !strings.Contains(errb.String(), "do not record it again") {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// TestRulesCheckRefusesLenientReferences (issue 17, item 5): a pack whose
// text holds a character reference without its ";" (which the markdown
// renderer still decodes into an escape) is refused by rules check.
func TestRulesCheckRefusesLenientReferences(t *testing.T) {
	for _, ref := range []string{"&#27]0;PWNED&#07 ", "&#x9d", "&#X1B[2J"} {
		dir := badPack(t, "none")
		replaceIn(t, filepath.Join(dir, "ui.yaml"), `a11y.keep-done: "Kept`, `a11y.keep-done: "`+ref+`Kept`)
		if code, _, errs := runCLI(t, "", "rules", "check", dir); code != 2 || !strings.Contains(errs, "ui.yaml:") {
			t.Errorf("rules check of a pack holding %q: exit %d: %s", ref, code, errs)
		}
	}
}

// TestResumeListOutputLost (issue 17, item 7): resume --list to a full
// disk or a closed output exits non-zero.
func TestResumeListOutputLost(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	var errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: failingWriter{}, stderr: &errb}
	if code := run(context.Background(), e, []string{"resume", "--list"}); code == 0 || !strings.Contains(errb.String(), "cannot write") {
		t.Errorf("resume --list to a closed output: exit %d: %s", code, errb.String())
	}
}
