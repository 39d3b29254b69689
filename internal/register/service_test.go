package register_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// TestServiceRecord: a circle's service record comes from its latest
// vetting's circle block, or from a service file kept after it; files are
// added, never rewritten; the listing (cached or not) carries it.
func TestServiceRecord(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles"), CacheDir: t.TempDir()}
	c, err := g.Ensure("Thursday KAP Circle")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC)
	if s, from, _ := g.Service(p, c); !s.IsZero() || from != "" {
		t.Fatalf("a new circle has a service record: %+v from %q", s, from)
	}
	a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\ncircle:\n  name: Thursday KAP Circle\n  contact: {phone: \"503 555 0142\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	vpath, err := g.AddVetting(c, checklist.MarshalAnswers(p, a), now)
	if err != nil {
		t.Fatal(err)
	}
	if s, from, _ := g.Service(p, c); s.Contact.Phone != "503 555 0142" || from != vpath {
		t.Fatalf("from the vetting: %+v from %q", s, from)
	}
	// A service file kept later is the record, whole.
	spath, err := g.AddService(c, checklist.Service{Contact: checklist.Contact{Website: "https://thursday.example.org"}, LastVerified: "2026-12-01"}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(spath); err != nil || fi.Mode().Perm() != 0o600 || filepath.Base(filepath.Dir(spath)) != "service" {
		t.Fatalf("service file %s: %v", spath, err)
	}
	s, from, _ := g.Service(p, c)
	if s.Contact.Website != "https://thursday.example.org" || s.Contact.Phone != "" || from != spath {
		t.Fatalf("from the service file: %+v from %q", s, from)
	}
	for range 2 { // the second listing comes from the cache
		all, problems, err := g.Circles(p, now)
		if err != nil || len(problems) > 0 || len(all) != 1 || all[0].Service == nil || all[0].Service.LastVerified != "2026-12-01" {
			t.Fatalf("listing: %+v %v %v", all, problems, err)
		}
	}
	// A later vetting with a service record is newer again; a broken
	// service file is named and passed over.
	if _, err := g.AddVetting(c, checklist.MarshalAnswers(p, a), now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(g.Dir, c.Folder, "service", "29990101-000000.000000000-bad.yaml"), []byte("version: 1\ncircle:\n  contact: {phone: CALL}\n"), 0o600)
	s, _, bad := g.Service(p, c)
	if s.Contact.Phone != "503 555 0142" || len(bad) != 1 {
		t.Fatalf("after a re-vet: %+v, problems %v", s, bad)
	}
	// A re-vet whose circle block has no service keeps the latest service file.
	b, _ := checklist.ParseAnswers(p, "b.yaml", []byte("version: 1\ncircle:\n  name: Thursday KAP Circle\n"))
	if _, err := g.AddVetting(c, checklist.MarshalAnswers(p, b), now.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(g.Dir, c.Folder, "service", "29990101-000000.000000000-bad.yaml"))
	if s, from, _ := g.Service(p, c); s.Contact.Website != "https://thursday.example.org" || from != spath {
		t.Fatalf("a vetting without a service hid the service file: %+v from %q", s, from)
	}
}
