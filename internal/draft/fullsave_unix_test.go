//go:build linux || darwin

package draft_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
)

// fullDiskChild marks the copy of the test binary that runs with a file
// size limit.
const fullDiskChild = "VETCIRCLE_TEST_FULL_DISK_CHILD"

// TestSaveThatFailsPartwayKeepsThePreviousDraft: a save that runs out of
// room halfway (here a file-size limit, which fails a write after its
// first bytes exactly as a full disk does) leaves the previous draft
// byte for byte and no temporary file. A draft written in place would be
// cut short: the answers saved so far, lost.
//
// The limit is set with setrlimit in a copy of the test binary, so that no
// other test, and not the test runner, shares it.
func TestSaveThatFailsPartwayKeepsThePreviousDraft(t *testing.T) {
	if os.Getenv(fullDiskChild) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveThatFailsPartwayKeepsThePreviousDraft$", "-test.count=1")
		cmd.Env = append(os.Environ(), fullDiskChild+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("with a full disk: %v\n%s", err, out)
		}
		if !bytes.Contains(out, []byte("PASS")) {
			t.Fatalf("the full-disk copy of the test did not run:\n%s", out)
		}
		return
	}

	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	d, err := s.Create(p, answers(t, p, "version: 1\ncircle: {name: Thursday KAP Circle}\nanswers: {training: named-program}\n"), now)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(d.Path)
	if err != nil {
		t.Fatal(err)
	}
	// The next save is much longer than the limit: long notes.
	for _, id := range []string{"training", "agreements", "difficult-experience", "screening"} {
		d.Answers.SetNote(id, strings.Repeat("a long note about "+id+". ", 300))
	}
	d.Answers.Set("screening", checklist.Value{Choice: checklist.Yes})
	limit := uint64(len(before) + 4096)
	if size := len(checklist.MarshalAnswers(p, d.Answers)); uint64(size) < 2*limit {
		t.Fatalf("the new draft is %d bytes, too short to fail partway under a %d-byte limit", size, limit)
	}

	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	lim := old
	lim.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	err = s.Save(p, d)
	// Lift the limit before anything else is written (the test log, a
	// coverage profile).
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if err == nil {
		t.Fatal("Save() over the file-size limit = nil, want an error")
	}
	if !strings.Contains(err.Error(), d.Path) {
		t.Errorf("Save() error = %q, want it to say where (%s)", err, d.Path)
	}

	after, rerr := os.ReadFile(d.Path)
	if rerr != nil {
		t.Fatalf("the previous draft is gone: %v", rerr)
	}
	if !bytes.Equal(after, before) {
		t.Errorf("a failed save changed the draft: %d bytes before, %d after:\n%.400s", len(before), len(after), after)
	}
	entries, rerr := os.ReadDir(s.Dir)
	if rerr != nil {
		t.Fatal(rerr)
	}
	lock := "." + filepath.Base(d.Path) + ".lock"
	for _, e := range entries {
		if e.Name() != filepath.Base(d.Path) && e.Name() != lock {
			t.Errorf("a failed save left %s behind", e.Name())
		}
	}
	// And the draft still reads as it did.
	if _, _, err := draft.Load(p, d.Path); err != nil {
		t.Errorf("Load() after the failed save: %v", err)
	}
}
