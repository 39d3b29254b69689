package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func draftFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "vetcircle", "drafts", "*.yaml"))
	return files
}

func TestAccessibleKeepsADraft(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())

	// Quitting before answering anything leaves nothing behind.
	if code, _, errs := runWith(t, "q\ny\n", false, false, nil, "--accessible"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if files := draftFiles(t); len(files) != 0 {
		t.Fatalf("drafts after an empty session: %v", files)
	}

	// Input ends midway: every answer so far is in a private draft.
	code, stdout, _ := runWith(t, "2\n1\nThursday KAP\n1\n", false, false, nil, "--accessible")
	if code != ExitBadInput {
		t.Errorf("exit %d, want %d", code, ExitBadInput)
	}
	files := draftFiles(t)
	if len(files) != 1 {
		t.Fatalf("want one draft, found %v", files)
	}
	if !strings.Contains(stdout, files[0]) {
		t.Errorf("stdout does not say where the draft is (%s):\n%s", files[0], stdout)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"user-role: coordinator", "stage: before", `name: "Thursday KAP"`, "format: kap-circle"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("draft lacks %q:\n%s", want, data)
		}
	}
	st, _ := os.Stat(files[0])
	if st.Mode().Perm() != 0o600 {
		t.Errorf("draft mode %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(files[0]))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("drafts folder mode %v, want 0700", dir.Mode().Perm())
	}

	// A finished walkthrough whose summary is saved removes its draft.
	t.Chdir(t.TempDir())
	saveIt := strings.TrimSuffix(strongCircle, "n\n") + "y\n"
	code, stdout, errs := runWith(t, saveIt, false, false, nil, "--accessible")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "Saved the summary to") {
		t.Fatalf("summary not saved:\n%s", stdout[max(0, len(stdout)-400):])
	}
	if files := draftFiles(t); len(files) != 1 {
		t.Errorf("drafts after a saved summary: %v, want only the unfinished one", files)
	}
}

func TestAccessibleDraftErrorKeepsGoing(t *testing.T) {
	// The state folder is a file: drafts cannot be made, the walkthrough
	// still finishes and says why once.
	blocker := filepath.Join(t.TempDir(), "state")
	os.WriteFile(blocker, []byte("not a folder"), 0o600)
	t.Setenv("XDG_STATE_HOME", blocker)
	t.Chdir(t.TempDir())
	code, stdout, errs := runWith(t, strongCircle, false, false, nil, "--accessible")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "Is the circle safe and well run? PROMISING") {
		t.Error("walkthrough did not finish")
	}
	if n := strings.Count(errs, "could not save the draft"); n != 1 {
		t.Errorf("draft error reported %d times, want once:\n%s", n, errs)
	}
}

// TestAccessibleNeverClaimsAnUnwrittenDraft (issue 17, item 6): with a
// state folder that cannot be written, input that ends early says the
// answers are not kept anywhere, never that they are saved as a draft.
func TestAccessibleNeverClaimsAnUnwrittenDraft(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "state")
	os.WriteFile(blocker, []byte("not a folder"), 0o600)
	t.Setenv("XDG_STATE_HOME", blocker)
	t.Chdir(t.TempDir())
	code, stdout, errs := runWith(t, "1\n", false, false, nil, "--accessible")
	if code != ExitBadInput {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(stdout, "so far are saved") || !strings.Contains(stdout, "could not be saved as a draft") {
		t.Errorf("input ended with an unwritable state folder:\n%s", stdout[max(0, len(stdout)-400):])
	}
}
