package checklist_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/hostile"
)

// loadHostile reads one hostile file as what it is: an answers file, or a
// rules folder holding only it.
func loadHostile(p *checklist.Pack, f hostile.File) error {
	if f.Pack {
		_, err := checklist.LoadPack(fstest.MapFS{"zz.yaml": {Data: f.Data}}, "pack")
		return err
	}
	_, err := checklist.ParseAnswers(p, f.Name, f.Data)
	return err
}

// TestHostileFilesAreRefusedEarly: every shape that cost a naive reader
// gigabytes or minutes is refused with a few placed problems that say what
// the limit is. (Their time and memory: BenchmarkHostile.)
func TestHostileFilesAreRefusedEarly(t *testing.T) {
	p := defaultPack(t)
	want := map[string]struct {
		msg      string
		maxLines int
	}{
		"flow-20k":           {"nesting deeper than 8 levels", 1},
		"flow-100k":          {"nesting deeper than 8 levels", 1},
		"unclosed-500k":      {"nesting deeper than 8 levels", 1},
		"maps-50k":           {"nesting deeper than 8 levels", 1},
		"block-seq-100k":     {"nesting deeper than 8 levels", 1},
		"keys-88k":           {"more than 1000 entries in one mapping or list", 1},
		"duplicate-keys-88k": {"more than 100 problems; stopped reading", 101},
		"items-250k":         {"more than 1000 entries in one mapping or list", 1},
		"values-30k":         {"file holds more than 20000 values", 1},
		"long-scalar":        {"over the 65536-byte limit", 1},
		"pack-text-40k":      {"more than 5000 entries in one mapping or list", 1},
		"pack-flow-100k":     {"nesting deeper than 32 levels", 1},
	}
	for _, f := range hostile.Files() {
		t.Run(f.Name, func(t *testing.T) {
			w, ok := want[f.Name]
			if !ok {
				t.Fatalf("no expectation for %s", f.Name)
			}
			err := loadHostile(p, f)
			if err == nil {
				t.Fatalf("load %s = nil, want an error", f.Name)
			}
			var es checklist.Errors
			var e *checklist.Error
			n := 1
			if errors.As(err, &es) {
				n = len(es)
			} else if !errors.As(err, &e) {
				t.Fatalf("load %s = %T, want checklist errors", f.Name, err)
			}
			if n > w.maxLines {
				t.Errorf("load %s: %d problems, want at most %d", f.Name, n, w.maxLines)
			}
			if !strings.Contains(err.Error(), w.msg) {
				t.Errorf("load %s = %.300s, want it to say %q", f.Name, err, w.msg)
			}
		})
	}
}

// BenchmarkHostile reports, per hostile file, the time and memory to refuse
// it: the budget is under 1 s and 100 MB each.
func BenchmarkHostile(b *testing.B) {
	p := defaultPack(b)
	for _, f := range hostile.Files() {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.Data)))
			for b.Loop() {
				if loadHostile(p, f) == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// TestKeptAnswersRoundTripOnce: answers kept from other rules are written
// back exactly once, under keys that cannot collide, however their names
// look like circle fields.
func TestKeptAnswersRoundTripOnce(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name, in string
		want     []string // kept, as block:key=raw
	}{
		{"circle.foo beside circle field foo",
			"version: 1\ncircle:\n  foo: 1\nanswers:\n  circle.foo: 2\n",
			[]string{"answers:circle.foo=2", "circle:foo=1"}},
		{"unknown circle.name answer beside a named circle",
			"version: 1\ncircle:\n  name: Real\nanswers:\n  circle.name: kept\n",
			[]string{`answers:circle.name="kept"`}},
		{"unknown circle.name answer and no name",
			"version: 1\nanswers:\n  circle.name: kept\n",
			[]string{`answers:circle.name="kept"`}},
		{"a bad value of a circle field",
			"version: 1\ncircle:\n  participants: many\nanswers:\n  participants-old: 3\n",
			[]string{`answers:participants-old=3`, `circle:participants="many"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := checklist.ParseAnswersLenient(p, "in.yaml", []byte(tc.in))
			if err != nil {
				t.Fatalf("ParseAnswersLenient: %v", err)
			}
			name := a.Values["circle-name"]
			for round := range 3 {
				out := checklist.MarshalAnswers(p, a)
				b, _, err := checklist.ParseAnswersLenient(p, "rt.yaml", out)
				if err != nil {
					t.Fatalf("round %d: the saved file does not load: %v\n%s", round, err, out)
				}
				var got []string
				for _, e := range b.Unknown {
					block := "answers"
					if e.Circle {
						block = "circle"
					}
					got = append(got, block+":"+e.ID+"="+e.Raw)
				}
				slices.Sort(got)
				if !slices.Equal(got, tc.want) {
					t.Errorf("round %d: kept %q, want %q\n%s", round, got, tc.want, out)
				}
				if !reflect.DeepEqual(b.Values["circle-name"], name) {
					t.Errorf("round %d: circle name %v, want %v", round, b.Values["circle-name"], name)
				}
				a = b
			}
		})
	}
}
