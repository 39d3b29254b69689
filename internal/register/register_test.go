package register_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

func TestRegister(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	if _, err := g.Lookup("Thursday KAP Circle"); !isNotFound(err) {
		t.Fatalf("Lookup in an empty register = %v, want not found", err)
	}
	c, err := g.Ensure("Thursday KAP Circle")
	if err != nil {
		t.Fatal(err)
	}
	if c.Folder != "thursday-kap-circle-"+c.ID || len(c.ID) != register.IDLen {
		t.Errorf("circle = %+v", c)
	}
	now := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	for i, felt := range []string{"worse", "better", "same"} {
		k := &checklist.Checkin{Circle: "Thursday KAP Circle", Date: "2026-11-0" + string(rune('3'-i)), Felt: felt, Signs: []string{}, Seen: []string{}}
		path, err := g.AddCheckin(c, k, now)
		if err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("check-in %s: %v, mode %v; want 0600", path, err, fi.Mode().Perm())
		}
	}
	if fi, err := os.Stat(filepath.Join(g.Dir, c.Folder, "checkins")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder: %v, want 0700", err)
	}
	files, _ := filepath.Glob(filepath.Join(g.Dir, c.Folder, "checkins", "*.yaml"))
	if len(files) != 3 {
		t.Fatalf("files = %v, want three", files)
	}
	// A corrupt file and an oversized one are named and skipped.
	bad := filepath.Join(g.Dir, c.Folder, "checkins", "99-bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nfelt: awful\n"), 0o600)
	os.WriteFile(filepath.Join(g.Dir, c.Folder, "checkins", "98-big.yaml"), make([]byte, checklist.MaxFileSize+1), 0o600)
	hist, problems, err := g.Checkins(p, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 3 || hist[0].Date != "2026-11-01" || hist[2].Felt != "worse" {
		t.Errorf("history = %+v, want three, oldest first", hist)
	}
	if len(problems) != 2 || !strings.Contains(problems[1].Err.Error(), "99-bad.yaml:2:7") {
		t.Errorf("problems = %+v, want the two bad files, with positions", problems)
	}
	// The listing counts the sessions in which something was seen of the
	// circle (issue 19): a person's check-ins are not the register's.
	// Counts count the files that read (issue 17, item 7).
	for _, ids := range [][]string{{"allows-advice", "feel-worse"}, {"holds-time"}, {"feel-worse"}} {
		if _, err := g.AddSeen(p, c, "2026-11-02", ids, now); err != nil {
			t.Fatal(err)
		}
	}
	all, _, err := g.Circles(p, now)
	if err != nil || len(all) != 1 || all[0].Checkins != 2 {
		t.Errorf("Circles = %+v, %v; want one circle with 2 sessions seen (one check-in saw nothing of the circle)", all, err)
	}
}

func isNotFound(err error) bool {
	var nf *register.NotFoundError
	return errors.As(err, &nf)
}

// TestCirclesRevetDue: a vetting kept over a year ago, or before the rules
// were last reviewed, is due a re-vet; one kept today is not. A vetting that
// no longer reads is reported and its circle still listed.
func TestCirclesRevetDue(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	strong, err := os.ReadFile("../../examples/strong-kap-circle.yaml")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 12, 20, 9, 0, 0, 0, time.UTC)
	circle := func(name string) register.Circle {
		c, err := g.Ensure(name)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if _, err := g.AddVetting(circle("old-circle"), strong, now.AddDate(-1, 0, -1)); err != nil {
		t.Fatal(err)
	}
	if _, err := g.AddVetting(circle("fresh-circle"), strong, now); err != nil {
		t.Fatal(err)
	}
	if _, err := g.AddVetting(circle("broken-circle"), []byte("answers: [\n"), now); err != nil {
		t.Fatal(err)
	}
	// A newer vetting that does not read never hides the good one before it.
	if _, err := g.AddVetting(circle("fresh-circle"), []byte("answers: {training: [\n"), now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if a, _, err := g.LatestVetting(p, circle("fresh-circle")); err != nil || a == nil {
		t.Errorf("LatestVetting past a corrupt newer file = %v, %v", a, err)
	}
	all, problems, err := g.Circles(p, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.Name == "fresh-circle" && e.Verdict != checklist.VerdictPromising {
			t.Errorf("fresh-circle lists as %q; its good vetting was hidden", e.Verdict)
		}
	}
	if len(all) != 3 || len(problems) != 2 {
		t.Fatalf("Circles = %d entries, %d problems; want 3 and 1: %+v %+v", len(all), len(problems), all, problems)
	}
	due := map[string]bool{}
	for _, e := range all {
		due[e.Name] = e.RevetDue
	}
	if !due["old-circle"] || due["fresh-circle"] {
		t.Errorf("re-vet due = %v; want old-circle only", due)
	}
}

// TestListingCache: a listing with the machine's cache gives what one
// without it gives, sees a check-in added since, keeps the cache private,
// and shrugs off a corrupt cache.
func TestListingCache(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles"), CacheDir: filepath.Join(t.TempDir(), "cache")}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i, name := range similarNames {
		c, _ := g.Ensure(name)
		g.AddVetting(c, vettingFor(t, name, i%2 == 0), now)
	}
	bare := register.Register{Dir: g.Dir}
	want, _, _ := bare.Circles(p, now)
	for range 2 { // filling the cache, then reading it
		got, problems, err := g.Circles(p, now)
		// As JSON: the report (not cached, and not in the JSON) aside.
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if err != nil || len(problems) != 0 || string(gj) != string(wj) {
			t.Fatalf("cached listing differs:\n%v\n%v", got, want)
		}
	}
	files, _ := filepath.Glob(filepath.Join(g.CacheDir, "*.json"))
	if fi, err := os.Stat(files[0]); len(files) != 1 || err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("cache files %v: %v", files, err)
	}
	c, _ := g.Lookup("A+B Circle")
	time.Sleep(10 * time.Millisecond)
	g.AddSeen(p, c, "2026-11-20", []string{"allows-advice"}, now)
	got, _, _ := g.Circles(p, now)
	for _, e := range got {
		if (e.ID == c.ID) != (e.Checkins == 1) {
			t.Errorf("%q: %d check-ins after one was added to A+B Circle", e.Name, e.Checkins)
		}
	}
	os.WriteFile(files[0], []byte("{not json"), 0o600)
	if got, _, err := g.Circles(p, now); err != nil || len(got) != len(want) {
		t.Errorf("a corrupt cache: %d circles, %v", len(got), err)
	}
}
