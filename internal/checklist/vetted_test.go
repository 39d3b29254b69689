package checklist_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// TestVettedBlock: the date of the call, who gathered the answers and how
// are read, written back and refused with their position when wrong.
func TestVettedBlock(t *testing.T) {
	p := defaultPack(t)
	const file = `version: 1
vetted:
  on: 2026-11-30
  by: "J. Chen"
  source: call
answers:
  training: named-program
`
	a, err := checklist.ParseAnswers(p, "a.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := checklist.Provenance{On: "2026-11-30", By: "J. Chen", Source: "call"}
	if a.Vetted != want {
		t.Fatalf("vetted = %+v, want %+v", a.Vetted, want)
	}
	back, err := checklist.ParseAnswers(p, "b.yaml", checklist.MarshalAnswers(p, a))
	if err != nil {
		t.Fatal(err)
	}
	if back.Vetted != want || a.Clone().Vetted != want {
		t.Fatalf("round trip lost the vetted block: %+v", back.Vetted)
	}

	for _, tc := range []struct{ body, want string }{
		{"vetted:\n  on: 30/11/2026\n", "a.yaml:3:7: vetted on \"30/11/2026\" is not a date"},
		{"vetted:\n  source: phone\n", "a.yaml:3:11: vetted source \"phone\" is not known"},
		{"vetted:\n  when: today\n", "a.yaml:3:3: unknown key \"when\" under vetted"},
		{"vetted: yesterday\n", "vetted must be a mapping"},
	} {
		_, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\n"+tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.body, err, tc.want)
		}
	}
}
