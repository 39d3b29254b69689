package register_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// BenchmarkCircles lists a clinic-sized register: 5,000 vettings and 20,000
// check-ins. The worst case for listing is every vetting its own circle
// (each latest vetting is read and scored, and its check-ins read and
// judged for the stay answer the line shows), so that is what is built.
// The budget (issue 16) is under 0.6 s per listing on the project machine.
func BenchmarkCircles(b *testing.B) {
	p, err := rules.Default()
	if err != nil {
		b.Fatal(err)
	}
	vetting, err := os.ReadFile("../../examples/strong-kap-circle.yaml")
	if err != nil {
		b.Fatal(err)
	}
	checkin := checklist.MarshalCheckin(&checklist.Checkin{Circle: "x", Date: "2026-11-02", Felt: "same", Signs: []string{}, Seen: []string{}})
	g := register.Register{Dir: filepath.Join(b.TempDir(), "circles")}
	// Files are written directly, not through AddVetting, so that building
	// 25,000 files does not wait on 25,000 fsyncs.
	for i := range 5000 {
		dir := filepath.Join(g.Dir, fmt.Sprintf("circle-%04d", i))
		for kind, n := range map[string]int{"vettings": 1, "checkins": 4} {
			if err := os.MkdirAll(filepath.Join(dir, kind), 0o700); err != nil {
				b.Fatal(err)
			}
			data := vetting
			if kind == "checkins" {
				data = checkin
			}
			for j := range n {
				name := fmt.Sprintf("20261101-1200%02d.000000000-%08x.yaml", j, i)
				if err := os.WriteFile(filepath.Join(dir, kind, name), data, 0o600); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		all, problems, err := g.Circles(p, now)
		if err != nil || len(problems) != 0 || len(all) != 5000 {
			b.Fatalf("Circles = %d entries, %d problems, %v", len(all), len(problems), err)
		}
	}
}
