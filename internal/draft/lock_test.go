package draft_test

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/draft"
)

// TestMain lets this test binary act as a second vetcircle window: with
// VETCIRCLE_HOLD_LOCK set it takes the lock on that draft, says so, and
// holds it until its standard input closes.
func TestMain(m *testing.M) {
	draft.HoldLockIfAsked()
	os.Exit(m.Run())
}

// holdLock starts another process that holds the lock on path, and returns
// a function that makes it let go and waits for it to end.
func holdLock(t *testing.T, path string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+path)
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("the other process did not take the lock: %q", line)
	}
	return func() {
		in.Close()
		cmd.Wait()
	}
}

func TestLockAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "20261201-120000-thursday.yaml")
	os.WriteFile(path, []byte("version: 1\n"), 0o600)

	release := holdLock(t, path)
	if _, err := draft.TryLock(path); !errors.Is(err, draft.ErrLocked) {
		t.Errorf("TryLock while another process holds it = %v, want ErrLocked", err)
	}
	release()

	l, err := draft.TryLock(path)
	if err != nil {
		t.Fatalf("TryLock after the other process let go = %v, want the lock", err)
	}
	defer l.Unlock()
	// Now this process holds it: another process is refused.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+path)
	out, _ := cmd.Output()
	if string(out) != "error "+draft.ErrLocked.Error()+"\n" {
		t.Errorf("the other process got %q, want ErrLocked", out)
	}
}

func TestLockIsReleasedWhenTheHolderIsKilled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.yaml")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+path)
	cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the other process did not take the lock: %q", line)
	}
	cmd.Process.Kill() // kill -9
	cmd.Wait()
	l, err := draft.TryLock(path)
	if err != nil {
		t.Fatalf("TryLock after the holder was killed = %v, want the lock", err)
	}
	l.Unlock()
}

// TestCreatedDraftIsLocked: a draft a window has just made is locked
// against other processes at once, and free once it is removed.
func TestCreatedDraftIsLocked(t *testing.T) {
	store := draft.Store{Dir: t.TempDir()}
	p := pack(t)
	d, err := store.Create(p, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	try := func() string {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), draft.HoldLockEnv+"="+d.Path)
		cmd.Stdin = strings.NewReader("\n")
		out, _ := cmd.Output()
		return string(out)
	}
	if got := try(); got != "error "+draft.ErrLocked.Error()+"\n" {
		t.Errorf("another process on a new draft got %q, want ErrLocked", got)
	}
	// This process may take it again (the walkthrough continuing it).
	l, err := draft.TryLock(d.Path)
	if err != nil {
		t.Errorf("TryLock in the creating process = %v, want the lock", err)
	}
	l.Unlock()
	if err := store.Remove(d); err != nil {
		t.Fatal(err)
	}
	if got := try(); got != "locked\n" {
		t.Errorf("another process after the draft was removed got %q, want the lock", got)
	}
	if entries, _ := os.ReadDir(store.Dir); len(entries) != 1 {
		// Only the new lock file of the process that just let go.
		t.Errorf("left in the folder: %v", entries)
	}
}
