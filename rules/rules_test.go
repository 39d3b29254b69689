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
	for _, lang := range []struct {
		name  string
		parse func() (*checklist.Pack, error)
		built func() (*checklist.Pack, error)
	}{
		{"English", rules.Parse, rules.Default},
		{"Spanish", rules.ParseES, rules.DefaultES},
	} {
		parsed, err := lang.parse()
		if err != nil {
			t.Fatalf("the built-in %s YAML does not validate:\n%v", lang.name, err)
		}
		built, err := lang.built()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(parsed, built, cmpopts.IgnoreUnexported(checklist.Pack{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("the generated %s pack is stale; run: go generate ./rules\n(-yaml +generated):\n%s", lang.name, diff)
		}
	}
}

// BenchmarkBuiltinPack builds each built-in pack as a process's first
// command does (budget: 0.3 ms each).
func BenchmarkBuiltinPack(b *testing.B) {
	for _, lang := range []struct {
		name  string
		build func()
	}{{"en", rules.BuildForTest}, {"es", rules.BuildESForTest}} {
		b.Run(lang.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				lang.build()
			}
		})
	}
}
