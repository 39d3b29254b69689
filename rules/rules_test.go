package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// TestGeneratedPackMatchesYAML keeps builtin_gen.go honest: edit the YAML,
// then run go generate ./rules.
func TestGeneratedPackMatchesYAML(t *testing.T) {
	parsed, err := rules.Parse()
	if err != nil {
		t.Fatalf("the built-in YAML does not validate:\n%v", err)
	}
	built, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(parsed, built, cmpopts.IgnoreUnexported(checklist.Pack{}), cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("rules/builtin_gen.go is stale; run: go generate ./rules\n(-yaml +generated):\n%s", diff)
	}
}

// BenchmarkBuiltinPack builds the pack as a process's first command does.
func BenchmarkBuiltinPack(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		rules.BuildForTest()
	}
}
