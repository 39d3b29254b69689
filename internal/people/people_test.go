package people_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// copyTree copies testdata into a temporary folder (0700/0600, as a
// register is).
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o700)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func grep(t *testing.T, dir string, words ...string) []string {
	t.Helper()
	var hits []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, w := range words {
			if strings.Contains(string(data), w) {
				hits = append(hits, filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path)+": "+w)
			}
		}
		return nil
	})
	return hits
}

// TestSplitARegisterFromBeforeIssue19: a register written by the build
// before circles and people were kept apart (a vetting holding a patient's
// fit answers and note, a check-in in the circle's folder) is split on
// first use: the person's parts to the user's own record, the circle's
// kept, what was seen of the circle in seen/.
func TestSplitARegisterFromBeforeIssue19(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	g := register.Register{Dir: filepath.Join(root, "circles")}
	copyTree(t, "testdata/register-before-issue-19", g.Dir)
	s := people.Store{Dir: filepath.Join(root, "people")}
	if err := s.CheckOutside(g.Dir); err != nil {
		t.Fatal(err)
	}
	personal := []string{"M.R.", "sertraline", "safety plan", "comfort-sharing", "online-only", "user-role", "sessions-attended", "performing", "felt:"}
	if hits := grep(t, g.Dir, personal...); len(hits) < 5 {
		t.Fatalf("the old register should hold person data: %v", hits)
	}
	n, problems, err := g.SplitPeople(p, s.Sink())
	if err != nil || len(problems) != 0 || n != 2 {
		t.Fatalf("split: %d files, %v, %v; want the vetting and the check-in", n, problems, err)
	}
	if hits := grep(t, g.Dir, personal...); len(hits) > 0 {
		t.Errorf("person data left in the register:\n%s", strings.Join(hits, "\n"))
	}
	if hits := grep(t, g.Dir, "Fluence certificate", "named-program", `by: "Ana"`); len(hits) != 3 {
		t.Errorf("the circle's record lost something: %v", hits)
	}
	for _, w := range []string{"M.R.", "sertraline", "safety plan", "online-only", "felt: worse", "performing"} {
		if hits := grep(t, s.Dir, w); len(hits) == 0 {
			t.Errorf("the own record lacks %q", w)
		}
	}
	c, err := g.Lookup("Thursday KAP Circle")
	if err != nil {
		t.Fatal(err)
	}
	// What was seen: the vetting's (advice, on the call's date) and the
	// check-in's (advice and coercion, on the session's date).
	seen, _, _ := g.Seen(p, c)
	if len(seen) != 2 || seen[0].Date != "2026-10-01" || seen[1].Date != "2026-10-08" || !strings.Contains(strings.Join(seen[1].IDs, ","), "coercive") {
		t.Errorf("seen = %+v", seen)
	}
	hist, _, _ := s.Checkins(p, people.Own(), c)
	if len(hist) != 1 || hist[0].Note == "" {
		t.Errorf("own check-ins = %+v", hist)
	}
	// The circle's line: coercion seen makes it avoid; no one's fit.
	all, _, _ := g.Circles(p, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
	if len(all) != 1 || all[0].Verdict != checklist.VerdictAvoid || all[0].Fit != "" || all[0].Stay != nil || all[0].Checkins != 2 {
		t.Errorf("listing = %+v", all)
	}
	// Once only, and never again looked for.
	if n, problems, err := g.SplitPeople(p, s.Sink()); n != 0 || len(problems) != 0 || err != nil {
		t.Errorf("second split: %d, %v, %v", n, problems, err)
	}
	if _, err := os.Stat(filepath.Join(g.Dir, c.Folder, "checkins")); err == nil {
		t.Error("the circle's checkins folder is still there")
	}
	if entries, _ := os.ReadDir(g.Dir); len(entries) != 1 {
		t.Errorf("the register's root holds %d entries, want the circle's folder only (no marker)", len(entries))
	}
}

// TestSplitCutShort: a split interrupted after the person's part was kept
// is finished by the next, with nothing kept twice.
func TestSplitCutShort(t *testing.T) {
	p, _ := rules.Default()
	root := t.TempDir()
	g := register.Register{Dir: filepath.Join(root, "circles")}
	copyTree(t, "testdata/register-before-issue-19", g.Dir)
	s := people.Store{Dir: filepath.Join(root, "people")}
	// The first run kept the person's parts, then stopped.
	k := s.Sink()
	c, _ := g.Lookup("Thursday KAP Circle")
	files, _ := filepath.Glob(filepath.Join(g.Dir, c.Folder, "checkins", "*.yaml"))
	data, _ := os.ReadFile(files[0])
	if err := k.KeepCheckin(c, filepath.Base(files[0]), data); err != nil {
		t.Fatal(err)
	}
	if _, problems, err := g.SplitPeople(p, k); err != nil || len(problems) != 0 {
		t.Fatal(problems, err)
	}
	hist, _, _ := s.Checkins(p, people.Own(), c)
	if len(hist) != 1 {
		t.Errorf("%d check-ins in the own record, want 1", len(hist))
	}
}

func TestAliases(t *testing.T) {
	s := people.Store{Dir: t.TempDir()}
	for _, bad := range []string{"", " ", "../x", "a/b", `a\b`, ".hidden", "a\x1bb", "a\u202eb"} {
		if bad == "" || bad == " " {
			continue // "" is the own record
		}
		if _, err := s.Ensure(bad); err == nil {
			t.Errorf("alias %q accepted", bad)
		}
	}
	a, err := s.Ensure("Pt 0412")
	if err != nil {
		t.Fatal(err)
	}
	if b, err := s.Find("pt  0412"); err != nil || b.Folder != a.Folder || b.Alias != "Pt 0412" {
		t.Errorf("Find(pt  0412) = %+v, %v", b, err)
	}
	if _, err := s.Find("0412"); err == nil || !strings.Contains(err.Error(), "did you mean Pt 0412") {
		t.Errorf("Find(0412) = %v", err)
	}
	if own, err := s.Find(""); err != nil || own != people.Own() {
		t.Errorf("the own record: %+v, %v", own, err)
	}
	if err := s.CheckOutside(filepath.Dir(s.Dir)); err == nil {
		t.Error("a register holding the people's folder was accepted")
	}
}
