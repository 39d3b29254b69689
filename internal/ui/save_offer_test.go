package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"
)

// TestSaveOfferUnderHome: a summary saved in the home folder is reported
// as ~/..., and the offer that follows, whose name reads ~/....yaml, saves
// the answers beside it (the ~ is the home folder, not a folder named ~).
func TestSaveOfferUnderHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	dir := filepath.Join(home, "circles")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s", "ctrl+u").typeText("summary.md").keys("enter")
	sep := string(filepath.Separator)
	if want := "Saved the summary to ~" + sep + "circles" + sep + "summary.md."; !strings.Contains(d.m.status, want) {
		t.Errorf("status = %q, want %q", d.m.status, want)
	}
	dlg, ok := d.m.top().(*saveDialog)
	if !ok || dlg.in.Value() != "~"+sep+"circles"+sep+"summary.yaml" {
		t.Fatalf("no offer of ~/circles/summary.yaml:\n%s", d.view())
	}
	d.keys("y")
	st, err := os.Stat(filepath.Join(dir, "summary.yaml"))
	if err != nil {
		t.Fatalf("y did not save the answers beside the summary: %v\n%s", err, d.view())
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("answers saved with mode %v, want 0600", st.Mode().Perm())
	}
	if _, err := os.Stat(filepath.Join(dir, "~")); err == nil {
		t.Error("a folder named ~ was made")
	}
}
