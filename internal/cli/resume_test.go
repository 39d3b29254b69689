package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/ui"
	"github.com/vetcircle/vetcircle/rules"
)

// runTerminal runs the command line as if both standard input and output
// were a terminal.
func runTerminal(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, isTTY: true, stdinTTY: true, resume: fakeResume}
	code := run(context.Background(), e, args)
	return out.String(), errOut.String(), code
}

// fakeWalkthrough stands in for the TUI and records what resume gave it.
type fakeWalkthrough struct {
	calls    int
	store    draft.Store
	draft    *draft.Draft
	warnings checklist.Errors
}

func (f *fakeWalkthrough) install(t *testing.T) {
	t.Helper()
	old := fakeResume
	fakeResume = func(_ *cobra.Command, _ env, p *checklist.Pack, s draft.Store, d *draft.Draft, w checklist.Errors) error {
		if p == nil {
			t.Error("walkthrough got no pack")
		}
		f.calls++
		f.store, f.draft, f.warnings = s, d, w
		return nil
	}
	t.Cleanup(func() { fakeResume = old })
}

// fakeResume, when set, stands in for the walkthrough in runTerminal.
var fakeResume resumeFunc

// draftFixture makes a state folder with four drafts, newest first:
// an old-rules draft, a broken one, Thursday (resume_at set) and Sunday.
type draftFixture struct {
	store                              draft.Store
	oldRules, broken, thursday, sunday string
	mtimes                             map[string]time.Time
}

func newDraftFixture(t *testing.T) draftFixture {
	t.Helper()
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	store, err := draft.DefaultStore()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(store.Dir, 0o700); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	f := draftFixture{store: store, mtimes: map[string]time.Time{}}
	write := func(name, content string, age time.Duration) string {
		path := filepath.Join(store.Dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		mt := base.Add(-age)
		if err := os.Chtimes(path, mt, mt); err != nil {
			t.Fatal(err)
		}
		f.mtimes[path] = mt
		return path
	}
	f.sunday = write("20261120-100000-sunday.yaml", "version: 1\ncircle:\n  name: \"Sunday Integration Collective\"\nanswers:\n  rf-vendor-dosing: yes\n", 96*time.Hour)
	f.thursday = write("20261124-180000-thursday-kap-circle.yaml", "version: 1\ncircle:\n  name: \"Thursday KAP Circle\"\n  format: kap-circle\nanswers:\n  training: named-program\nresume_at: agreements\n", 2*time.Hour)
	f.broken = write("20261124-190000-broken.yaml", "version: 1\nanswers: {training: [\n", time.Hour)
	f.oldRules = write("20261124-200000-old-rules.yaml", "version: 1\ncircle:\n  name: \"Old Rules Circle\"\nanswers:\n  rf-retired-flag: yes\n", 0)
	return f
}

func TestResumeList(t *testing.T) {
	f := newDraftFixture(t)
	tests := []struct {
		name     string
		args     []string
		want     []string // in this order on stdout
		lack     []string
		stderr   []string // each somewhere on stderr
		noStderr bool
	}{
		{
			name: "everything, newest first",
			args: []string{"resume", "--list"},
			want: []string{
				"Drafts in " + f.store.Dir + ", newest first:",
				"1.  Old Rules Circle", f.oldRules,
				"2.  (cannot be read)", f.broken,
				"3.  Thursday KAP Circle", when(f.mtimes[f.thursday]), f.thursday,
				"4.  Sunday Integration Collective", f.sunday,
			},
			stderr: []string{
				"vetcircle: " + f.broken + " cannot be read: " + f.broken + ":2:",
				"vetcircle: warning: " + f.oldRules + `:5:20: unknown question id "rf-retired-flag" (kept in the file, not scored)`,
			},
		},
		{
			name:     "filter ignores case and keeps list numbers",
			args:     []string{"resume", "--list", "THURSDAY"},
			want:     []string{"3.  Thursday KAP Circle"},
			lack:     []string{"Sunday", "Old Rules", "cannot be read"},
			noStderr: true,
		},
		{
			name: "filter on the file name",
			args: []string{"resume", "-l", "sunday.yaml"},
			want: []string{"4.  Sunday Integration Collective"},
			lack: []string{"Thursday"},
		},
		{
			name: "no match",
			args: []string{"resume", "--list", "nothing like it"},
			want: []string{`No draft in ` + f.store.Dir + ` matches "nothing like it".`},
		},
		{
			// Without a terminal resume only lists, and says why.
			name:   "piped without --list",
			args:   []string{"resume", "thursday"},
			want:   []string{"3.  Thursday KAP Circle"},
			stderr: []string{"continuing a draft needs a terminal"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs(t, "", tt.args...)
			if code != ExitOK {
				t.Errorf("exit = %d, want 0; stderr:\n%s", code, errOut)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Errorf("stdout lacks %q after byte %d:\n%s", w, at, out)
					continue
				}
				at += i + len(w)
			}
			for _, l := range tt.lack {
				if strings.Contains(out, l) {
					t.Errorf("stdout has %q:\n%s", l, out)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if tt.noStderr && errOut != "" {
				t.Errorf("stderr = %q, want nothing", errOut)
			}
		})
	}
}

func TestResumeListCompleteness(t *testing.T) {
	f := newDraftFixture(t)
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := draft.Load(p, f.thursday)
	if err != nil {
		t.Fatal(err)
	}
	pct := checklist.Evaluate(p, d.Answers).Completeness
	out, _, _ := runArgs(t, "", "resume", "--list", "thursday")
	if want := when(f.mtimes[f.thursday]) + "  " + strconv.Itoa(pct) + "%"; !strings.Contains(out, want) {
		t.Errorf("list lacks %q (time and completeness):\n%s", want, out)
	}
}

func TestResumeNoDrafts(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	out, errOut, code := runArgs(t, "", "resume", "--list")
	if code != ExitOK || errOut != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errOut)
	}
	if !strings.HasPrefix(out, "No drafts in ") {
		t.Errorf("stdout = %q, want it to say there are no drafts", out)
	}
}

func TestResumeFilePiped(t *testing.T) {
	f := newDraftFixture(t)
	out, errOut, code := runArgs(t, "", "resume", f.thursday)
	if code != ExitOK {
		t.Errorf("exit = %d, want 0", code)
	}
	if want := f.thursday + ": Thursday KAP Circle, "; !strings.HasPrefix(out, want) {
		t.Errorf("stdout = %q, want it to start %q", out, want)
	}
	if !strings.Contains(out, "stopped at Group agreements (agreements)") {
		t.Errorf("stdout = %q, want where the draft stopped", out)
	}
	if !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("stderr = %q, want it to say a terminal is needed", errOut)
	}

	// Answers from other rules are reported, one line each.
	_, errOut, _ = runArgs(t, "", "resume", f.oldRules)
	if !strings.Contains(errOut, "vetcircle: warning: "+f.oldRules+`:5:20: unknown question id "rf-retired-flag"`) {
		t.Errorf("stderr = %q, want the unknown ID's warning", errOut)
	}
}

func TestResumeFileErrors(t *testing.T) {
	f := newDraftFixture(t)
	tests := []struct {
		name, arg, want string
	}{
		{"missing", filepath.Join(t.TempDir(), "gone.yaml"), "gone.yaml: no such file"},
		{"broken", f.broken, f.broken + ":2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runArgs(t, "", "resume", tt.arg)
			if code != ExitBadInput {
				t.Errorf("exit = %d, want %d", code, ExitBadInput)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr = %q, want it to mention %q", errOut, tt.want)
			}
		})
	}
}

func TestResumeOpensWalkthrough(t *testing.T) {
	f := newDraftFixture(t)
	tests := []struct {
		name string
		arg  func() string
		want string // the draft the walkthrough gets; "" for none
	}{
		{"by filter", func() string { return "kap" }, f.thursday},
		{"by number", func() string { return "4" }, f.sunday},
		{"by file", func() string { return f.thursday }, f.thursday},
		{"several match", func() string { return "circle" }, ""},
		{"number out of range is a filter", func() string { return "99" }, ""},
	}
	old := pickDraft
	pickDraft = func(env, *checklist.Pack, []draft.Info) (int, error) { return ui.PickQuit, nil }
	t.Cleanup(func() { pickDraft = old })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fake fakeWalkthrough
			fake.install(t)
			_, errOut, code := runTerminal(t, "resume", tt.arg())
			if code != ExitOK {
				t.Errorf("exit = %d, want 0; stderr %q", code, errOut)
			}
			if tt.want == "" {
				if fake.calls != 0 {
					t.Errorf("walkthrough opened on %s, want no walkthrough", fake.draft.Path)
				}
				return
			}
			if fake.calls != 1 || fake.draft.Path != tt.want {
				t.Fatalf("walkthrough calls = %d with %+v, want one on %s", fake.calls, fake.draft, tt.want)
			}
			if fake.store.Dir != f.store.Dir {
				t.Errorf("walkthrough store = %q, want %q", fake.store.Dir, f.store.Dir)
			}
		})
	}

	t.Run("resume point and warnings", func(t *testing.T) {
		var fake fakeWalkthrough
		fake.install(t)
		runTerminal(t, "resume", f.thursday)
		if fake.draft == nil || fake.draft.Answers.ResumeAt != "agreements" {
			t.Errorf("walkthrough draft = %+v, want ResumeAt agreements", fake.draft)
		}
		runTerminal(t, "resume", f.oldRules)
		if len(fake.warnings) != 1 || len(fake.draft.Answers.Unknown) != 1 {
			t.Errorf("old-rules draft: %d warnings, %d kept answers; want 1 and 1", len(fake.warnings), len(fake.draft.Answers.Unknown))
		}
	})
}

func TestResumeCopiesUsersOwnFile(t *testing.T) {
	f := newDraftFixture(t)
	var fake fakeWalkthrough
	fake.install(t)
	own := filepath.Join(t.TempDir(), "my-intake.yaml")
	content := "# my notes, keep this comment\nversion: 1\ncircle:\n  name: \"Mine\"\nanswers:\n  training: general\n"
	if err := os.WriteFile(own, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runTerminal(t, "resume", own)
	if code != ExitOK {
		t.Fatalf("exit = %d; stderr %q", code, errOut)
	}
	if fake.draft == nil || !f.store.Contains(fake.draft.Path) {
		t.Fatalf("walkthrough got %+v, want a new draft in %s", fake.draft, f.store.Dir)
	}
	if v, _ := fake.draft.Answers.Get("training"); v.Choice != "general" {
		t.Errorf("copied draft lost the answers: training = %q", v.Choice)
	}
	if !strings.Contains(out, "Continuing in a new draft") {
		t.Errorf("stdout = %q, want it to say a new draft was made", out)
	}
	got, _ := os.ReadFile(own)
	if string(got) != content {
		t.Errorf("the user's file changed:\n%s", got)
	}
	st, err := os.Stat(fake.draft.Path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("new draft %s: mode %v, error %v; want 0600", fake.draft.Path, st.Mode().Perm(), err)
	}
}

// TestResumePicksAmongSeveral: when several drafts match in a terminal, the
// picker offers them, and the one chosen opens in the walkthrough.
func TestResumePicksAmongSeveral(t *testing.T) {
	newDraftFixture(t)
	var offered []draft.Info
	old := pickDraft
	pickDraft = func(_ env, _ *checklist.Pack, infos []draft.Info) (int, error) {
		offered = infos
		return 1, nil
	}
	t.Cleanup(func() { pickDraft = old })
	var fake fakeWalkthrough
	fake.install(t)
	if _, errOut, code := runTerminal(t, "resume", "circle"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if len(offered) < 2 {
		t.Fatalf("picker offered %d drafts, want every match", len(offered))
	}
	if fake.calls != 1 || fake.draft.Path != offered[1].Path {
		t.Errorf("walkthrough opened %d times on %+v, want the second draft offered (%s)", fake.calls, fake.draft, offered[1].Path)
	}
}
