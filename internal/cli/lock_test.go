package cli

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
)

// holdDraftLock starts a second process (this test binary, as a second
// vetcircle window) that holds the lock on the draft at path.
func holdDraftLock(t *testing.T, path string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+path)
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the other window did not take the lock: %q", line)
	}
	return func() { in.Close(); cmd.Wait() }
}

// lockedByOther reports whether another process is refused the lock.
func lockedByOther(t *testing.T, path string) bool {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+path)
	out, _ := cmd.Output()
	return strings.HasPrefix(string(out), "error ")
}

// TestSecondWindowOnADraft: while another process has a draft open,
// resuming it says so and offers a copy or read-only; it never continues
// in the same file.
func TestSecondWindowOnADraft(t *testing.T) {
	f := newDraftFixture(t)
	type seen struct {
		calls int
		path  string
		off   bool
	}
	tests := []struct {
		name, input string
		calls       int
		samePath    bool
		draftsOff   bool
	}{
		{"copy", "1\n", 1, false, false},
		{"read-only", "2\n", 1, true, true},
		{"quit", "q\n", 0, false, false},
		{"no answer", "", 0, false, false},
		{"a wrong answer, then copy", "5\n1\n", 1, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			release := holdDraftLock(t, f.thursday)
			defer release()
			var s seen
			fake := func(cmd *cobra.Command, _ env, _ *checklist.Pack, _ draft.Store, d *draft.Draft, _ checklist.Errors) error {
				s.calls++
				s.path, s.off = d.Path, draftsOff(cmd)
				return nil
			}
			var out, errb bytes.Buffer
			e := env{stdin: strings.NewReader(tc.input), stdout: &out, stderr: &errb, isTTY: true, stdinTTY: true, resume: fake}
			code := run(context.Background(), e, []string{"resume", f.thursday})
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if !strings.Contains(out.String(), "is open in another vetcircle window") {
				t.Errorf("no word of the other window:\n%s", out.String())
			}
			if s.calls != tc.calls {
				t.Fatalf("walkthrough ran %d times, want %d", s.calls, tc.calls)
			}
			if tc.calls == 0 {
				return
			}
			if (s.path == f.thursday) != tc.samePath {
				t.Errorf("continued in %s (the locked draft is %s); want same path %v", s.path, f.thursday, tc.samePath)
			}
			if s.off != tc.draftsOff {
				t.Errorf("drafts off = %v, want %v", s.off, tc.draftsOff)
			}
		})
	}
}

// TestResumeHoldsTheLock: the window that continues a draft holds its lock
// while the walkthrough runs, and lets go afterwards.
func TestResumeHoldsTheLock(t *testing.T) {
	f := newDraftFixture(t)
	held := false
	old := fakeResume
	fakeResume = func(*cobra.Command, env, *checklist.Pack, draft.Store, *draft.Draft, checklist.Errors) error {
		held = lockedByOther(t, f.thursday)
		return nil
	}
	t.Cleanup(func() { fakeResume = old })
	if _, stderr, code := runTerminal(t, "resume", f.thursday); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !held {
		t.Error("another process could take the lock while the walkthrough ran")
	}
	if lockedByOther(t, f.thursday) {
		t.Error("the lock is still held after the walkthrough ended")
	}
}
