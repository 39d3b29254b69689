package register_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// similarNames are names the old folder-per-slug layout merged (issue 17,
// item 1): punctuation, a shared 60-byte prefix, emoji, case of accents.
var similarNames = []string{
	"A+B Circle",
	"A&B Circle",
	"Greater Portland Ketamine Integration Peer Circle, Eastside Tuesday Evenings",
	"Greater Portland Ketamine Integration Peer Circle, Eastside Thursday Mornings",
	"🌿",
	"🌊",
	"Café Luna",
	"Cafe Luna",
	"Круг доверия",
}

// vettingFor is the example answers file renamed to name, with a verdict
// of AVOID (the vendor red flag) or PROMISING.
func vettingFor(t testing.TB, name string, avoid bool) []byte {
	t.Helper()
	file := "../../examples/strong-kap-circle.yaml"
	if avoid {
		file = "../../examples/red-flag-vendor.yaml"
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "  name: ")
	j := i + strings.Index(s[i:], "\n")
	return []byte(s[:i] + "  name: " + strconvQuote(name) + s[j:])
}

func strconvQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestSimilarNamesStayApart: every name is a circle of its own, with its
// own folder and its own verdict; an AVOID never hides behind a PROMISING.
func TestSimilarNamesStayApart(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	folders := map[string]string{}
	for i, name := range similarNames {
		c, err := g.Ensure(name)
		if err != nil {
			t.Fatal(err)
		}
		if other, ok := folders[c.Folder]; ok {
			t.Errorf("%q and %q share the folder %s", name, other, c.Folder)
		}
		folders[c.Folder] = name
		if _, err := g.AddVetting(c, vettingFor(t, name, i%2 == 0), now); err != nil {
			t.Fatal(err)
		}
	}
	all, problems, err := g.Circles(p, now)
	if err != nil || len(problems) != 0 {
		t.Fatal(err, problems)
	}
	if len(all) != len(similarNames) {
		t.Fatalf("Circles lists %d circles, want %d: %+v", len(all), len(similarNames), all)
	}
	for _, e := range all {
		i := indexOf(similarNames, e.Name)
		want := checklist.VerdictPromising
		if i%2 == 0 {
			want = checklist.VerdictAvoid
		}
		if i < 0 || e.Verdict != want || e.Vettings != 1 {
			t.Errorf("%q lists as %s with %d vettings, want %s and 1", e.Name, e.Verdict, e.Vettings, want)
		}
	}
	// The same name, typed differently, is the same circle; the same name
	// on another machine gets the same ID.
	for _, same := range []string{"a+b circle", "  A+B   CIRCLE ", "Ca\u0301fe\u0301 Luna"} {
		if register.ID(same) == register.ID(strings.TrimSpace(same)) && register.Key(same) == "" {
			t.Errorf("%q has no key", same)
		}
	}
	if register.ID("a+b circle") != register.ID("  A+B   CIRCLE ") || register.ID("A+B Circle") == register.ID("A&B Circle") {
		t.Error("IDs: the same name typed differently must share one, different names must not")
	}
	if register.ID("Café Luna") != register.ID("Cafe\u0301 Luna") {
		t.Error("NFC: a decomposed é is the same name")
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// TestNamesRefused: ".", "..", "/", empty and control-character names are
// never circles (issue 17, item 2).
func TestNamesRefused(t *testing.T) {
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	for _, name := range []string{"", "   ", ".", "..", "/", "../..", "\\", "a\nb", "x\x1b]0;PWNED\a", "bad\u0085c1", "\xff", strings.Repeat("x", 201)} {
		if err := register.CheckName(name); err == nil {
			t.Errorf("CheckName(%q) accepted it", name)
		}
		if _, err := g.Ensure(name); err == nil {
			t.Errorf("Ensure(%q) made a circle", name)
		}
		if _, err := g.Lookup(name); err == nil {
			t.Errorf("Lookup(%q) found a circle", name)
		}
	}
	if _, err := os.Stat(g.Dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("refused names wrote the register: %v", err)
	}
	if err := register.CheckName("x\x1b]0;PWNED\a"); err == nil || strings.ContainsAny(err.Error(), "\x1b\a") {
		t.Errorf("the message carries the control characters: %q", err)
	}
}

// TestLookup: an exact name (any case, any accents), an alias or an ID
// finds a circle; a part of a name or a typo never does, and says what is
// close.
func TestLookup(t *testing.T) {
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	ids := map[string]string{}
	for _, name := range []string{"Thursday Harbor KAP Group", "Café Luna", "Cafe Luna Two", "Круг доверия", "Sunday Circle"} {
		c, err := g.Ensure(name)
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = c.ID
	}
	for _, tc := range []struct{ in, want, similar string }{
		{"Thursday Harbor KAP Group", "Thursday Harbor KAP Group", ""},
		{"thursday harbor kap group", "Thursday Harbor KAP Group", ""},
		{"  THURSDAY  harbor KAP group ", "Thursday Harbor KAP Group", ""},
		{ids["Sunday Circle"], "Sunday Circle", ""},
		{"cafe luna", "Café Luna", ""},
		{"КРУГ ДОВЕРИЯ", "Круг доверия", ""},
		{"thurzday harbor kap group", "", "Thursday Harbor KAP Group"},
		{"thursday", "", "Thursday Harbor KAP Group"},
		{"Sunday Circel", "", "Sunday Circle"},
		{"nothing like it at all", "", ""},
	} {
		c, err := g.Lookup(tc.in)
		if tc.want != "" {
			if err != nil || c.Name != tc.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, c.Name, err, tc.want)
			}
			continue
		}
		var nf *register.NotFoundError
		if !errors.As(err, &nf) {
			t.Errorf("Lookup(%q) = %q, %v; want not found", tc.in, c.Name, err)
			continue
		}
		if tc.similar != "" && !strings.Contains(err.Error(), "did you mean "+tc.similar) {
			t.Errorf("Lookup(%q): %v; want it to suggest %q", tc.in, err, tc.similar)
		}
		if tc.similar == "" && strings.Contains(err.Error(), "did you mean") {
			t.Errorf("Lookup(%q): %v suggests something", tc.in, err)
		}
	}
	// Accents that tell two circles apart are asked about, not guessed.
	if _, err := g.Ensure("Cafe Luna"); err != nil {
		t.Fatal(err)
	}
	var amb *register.AmbiguousError
	if _, err := g.Lookup("CAFÉ LUNA"); err != nil {
		t.Errorf("an exact name with accents: %v", err)
	}
	if _, err := g.Lookup("cafè luna"); !errors.As(err, &amb) || len(amb.Matches) != 2 {
		t.Errorf("a name whose accents match neither exactly: %v, want both offered", err)
	}
}

// TestRenameKeepsHistory: a renamed circle keeps its ID, folder and files,
// and its old name still finds it.
func TestRenameKeepsHistory(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c, _ := g.Ensure("Thursday KAP Circle")
	if _, err := g.AddCheckin(c, &checklist.Checkin{Circle: c.Name, Date: "2026-11-20", Felt: "same"}, now); err != nil {
		t.Fatal(err)
	}
	other, _ := g.Ensure("Sunday Circle")
	if _, err := g.Rename(c, "sunday circle", now); err == nil {
		t.Error("a rename onto another circle's name was allowed")
	}
	r, err := g.Rename(c, "Thursday Harbor KAP Group", now)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != c.ID || r.Folder != c.Folder || r.Name != "Thursday Harbor KAP Group" || len(r.Aliases) != 1 || r.Aliases[0] != "Thursday KAP Circle" {
		t.Errorf("renamed = %+v", r)
	}
	for _, name := range []string{"Thursday KAP Circle", "thursday harbor kap group", c.ID} {
		if got, err := g.Lookup(name); err != nil || got.ID != c.ID {
			t.Errorf("Lookup(%q) after the rename = %+v, %v", name, got, err)
		}
	}
	if got, _ := g.Ensure("Thursday KAP Circle"); got.ID != c.ID {
		t.Errorf("a vetting under the old name would start another circle: %+v", got)
	}
	hist, _, _ := g.Checkins(p, r)
	if len(hist) != 1 {
		t.Errorf("history after the rename: %+v", hist)
	}
	all, _, _ := g.Circles(p, now)
	if len(all) != 2 || all[0].ID != other.ID && all[1].ID != other.ID {
		t.Errorf("Circles = %+v", all)
	}
}

// TestWritesRefuseLinks: a circle folder, vettings/ or checkins/ that is a
// symbolic link is never written through; the error names the link
// (issue 17, item 3).
func TestWritesRefuseLinks(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		link func(g register.Register, c register.Circle) string // the link's path
	}{
		{"circle folder", func(g register.Register, c register.Circle) string { return filepath.Join(g.Dir, c.Folder) }},
		{"checkins", func(g register.Register, c register.Circle) string { return filepath.Join(g.Dir, c.Folder, "checkins") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			outside := filepath.Join(root, "outside")
			os.Mkdir(outside, 0o700)
			g := register.Register{Dir: filepath.Join(root, "circles")}
			c := register.Circle{ID: register.ID("Thursday"), Name: "Thursday", Folder: register.Folder("Thursday")}
			link := tc.link(g, c)
			os.MkdirAll(filepath.Dir(link), 0o700)
			if err := os.Symlink(outside, link); err != nil {
				t.Fatal(err)
			}
			_, err := g.AddCheckin(c, &checklist.Checkin{Circle: "Thursday", Date: "2026-11-20", Felt: "same"}, now)
			var le *register.LinkError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), link) {
				t.Errorf("AddCheckin through a link = %v, want an error naming %s", err, link)
			}
			if entries, _ := os.ReadDir(outside); len(entries) != 0 {
				t.Errorf("written outside the register: %v", entries)
			}
		})
	}
	// The root itself may be a link: it is the folder the person chose.
	root := t.TempDir()
	real := filepath.Join(root, "synced")
	os.Mkdir(real, 0o700)
	os.Symlink(real, filepath.Join(root, "circles"))
	g := register.Register{Dir: filepath.Join(root, "circles")}
	c, err := g.Ensure("Thursday")
	if err == nil {
		_, err = g.AddCheckin(c, &checklist.Checkin{Circle: "Thursday", Date: "2026-11-20", Felt: "same"}, now)
	}
	if err != nil {
		t.Errorf("a register whose root is a link: %v", err)
	}
}

// TestKeepVettingOnce: the same answers kept twice are kept once, and the
// caller is told (issue 17, item 7).
func TestKeepVettingOnce(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	a, err := checklist.ParseAnswers(p, "x.yaml", vettingFor(t, "Thursday", false))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := g.Ensure("Thursday")
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	first, same, err := g.KeepVetting(p, c, a, now)
	if err != nil || same {
		t.Fatal(err, same)
	}
	b := a.Clone()
	b.Vetted.By = "someone else"
	again, same, err := g.KeepVetting(p, c, b, now.Add(time.Hour))
	if err != nil || !same || again != first {
		t.Errorf("the same answers again = %s, %v, %v; want %s, same", again, same, err, first)
	}
	b.SetNote("training", "changed")
	if _, same, _ := g.KeepVetting(p, c, b, now.Add(2*time.Hour)); same {
		t.Error("changed answers were taken for the same")
	}
}
