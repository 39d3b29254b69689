package checklist_test

// Fuzz targets for everything that reads untrusted bytes: answers files,
// rule packs, and scoring whatever they hold. Seeds come from examples/,
// rules/ and the hostile files in internal/cli/testdata/bad; crashers found
// by `go test -fuzz` are kept under testdata/fuzz/<Target>/ and replayed by
// every plain `go test`.
//
//	go test ./internal/checklist -run '^$' -fuzz FuzzParseAnswers -fuzztime 30s

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/hostile"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/rules"
)

func fuzzPack(t testing.TB) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("built-in pack: %v", err)
	}
	return p
}

// seedFiles adds every file matching the globs to the corpus.
func seedFiles(f *testing.F, globs ...string) [][]byte {
	var out [][]byte
	for _, g := range globs {
		names, _ := filepath.Glob(g)
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no seed files match %v", globs)
	}
	return out
}

// smallParts cuts a big rules file into files of a few entries each, every
// one under its top-level key, so that the fuzzer's minimizer, which works
// on the whole input, has little to shrink.
func smallParts(data []byte) [][]byte {
	if len(data) <= 4<<10 {
		return [][]byte{data}
	}
	var parts [][]byte
	var head string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			parts = append(parts, []byte(head+cur.String()))
			cur.Reset()
		}
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		switch {
		case line != "" && line[0] != ' ' && line[0] != '#' && line[0] != '\n':
			flush()
			head = line
		case strings.HasPrefix(line, "  - ") && cur.Len() > 2<<10:
			flush()
			cur.WriteString(line)
		default:
			cur.WriteString(line)
		}
	}
	flush()
	return parts
}

// hostileSeeds are the hostile shapes (deep nesting, unclosed brackets,
// thousands of keys), cut to a size the mutator can work with: still past
// every limit.
func hostileSeeds(pack bool) [][]byte {
	var out [][]byte
	for _, h := range hostile.Files() {
		if h.Pack == pack || !pack {
			out = append(out, h.Data[:min(len(h.Data), 16<<10)])
		}
	}
	return out
}

var answerSeeds = []string{"../../examples/*.yaml", "../cli/testdata/bad/*.yaml"}

// checkErrors asserts a load error is ours: every problem names the file.
func checkErrors(t *testing.T, err error, file string) {
	t.Helper()
	var es checklist.Errors
	var e *checklist.Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &e):
		es = checklist.Errors{e}
	default:
		t.Fatalf("error is neither Error nor Errors: %T %v", err, err)
	}
	if len(es) == 0 {
		t.Fatalf("empty Errors returned as an error")
	}
	for _, e := range es {
		if !strings.HasPrefix(e.Pos.File, file) || e.Msg == "" {
			t.Errorf("problem without a file or message: %+v", e)
		}
	}
}

func sameAnswers(t *testing.T, got, want *checklist.Answers) {
	t.Helper()
	if !reflect.DeepEqual(got.Values, want.Values) {
		t.Errorf("values after a round trip:\n got %#v\nwant %#v", got.Values, want.Values)
	}
	if !reflect.DeepEqual(got.Notes, want.Notes) {
		t.Errorf("notes after a round trip:\n got %#v\nwant %#v", got.Notes, want.Notes)
	}
	if got.ResumeAt != want.ResumeAt || got.Version != want.Version {
		t.Errorf("resume_at %q version %d after a round trip, want %q %d", got.ResumeAt, got.Version, want.ResumeAt, want.Version)
	}
}

// FuzzParseAnswers: any bytes either fail with positioned problems, or parse
// to answers that MarshalAnswers writes and ParseAnswers reads back equal.
// The lenient reader (drafts) must keep unknown answers across the trip too.
func FuzzParseAnswers(f *testing.F) {
	for _, s := range seedFiles(f, answerSeeds...) {
		f.Add(s)
	}
	f.Add([]byte("version: 1\nanswers:\n  future-question: [a, {b: c}]\n  training: phd\nnotes:\n  gone: \"x\"\n"))
	f.Add([]byte("version: 1\ncircle: {name: \"tab\\there\\u00a0nbsp\", participants: 1e3}\nresume_at: training\n"))
	for _, h := range hostileSeeds(false) {
		f.Add(h)
	}
	p := fuzzPack(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := checklist.ParseAnswers(p, "f.yaml", data)
		if err != nil {
			checkErrors(t, err, "f.yaml")
		} else {
			out := checklist.MarshalAnswers(p, a)
			b, err := checklist.ParseAnswers(p, "rt.yaml", out)
			if err != nil {
				t.Fatalf("MarshalAnswers wrote what ParseAnswers rejects: %v\n%s", err, out)
			}
			sameAnswers(t, b, a)
		}

		la, _, err := checklist.ParseAnswersLenient(p, "f.yaml", data)
		if err != nil {
			checkErrors(t, err, "f.yaml")
			return
		}
		out := checklist.MarshalAnswers(p, la)
		lb, _, err := checklist.ParseAnswersLenient(p, "rt.yaml", out)
		if err != nil {
			t.Fatalf("a draft written by MarshalAnswers does not load: %v\n%s", err, out)
		}
		sameAnswers(t, lb, la)
		ids := func(es []checklist.Extra) []string {
			var s []string
			for _, e := range es {
				s = append(s, e.ID+"="+e.Raw)
			}
			slices.Sort(s)
			return s
		}
		if g, w := ids(lb.Unknown), ids(la.Unknown); !slices.Equal(g, w) {
			t.Errorf("unknown answers after a round trip:\n got %q\nwant %q\n%s", g, w, out)
		}
		if g, w := ids(lb.UnknownNotes), ids(la.UnknownNotes); !slices.Equal(g, w) {
			t.Errorf("unknown notes after a round trip:\n got %q\nwant %q", g, w)
		}
	})
}

// FuzzLoadPack feeds bytes to the pack loader as one file of the built-in
// pack: which picks the file to replace; one past the last adds it as a new
// file; anything further loads it alone, which is about a hundred times
// faster and so explores the parser and validators deeper. It must never
// panic, every problem must name its file, and a pack it accepts must score
// and summarise every example.
func FuzzLoadPack(f *testing.F) {
	entries, err := fs.ReadDir(rules.Files, ".")
	if err != nil {
		f.Fatal(err)
	}
	var names []string
	base := fstest.MapFS{}
	for _, e := range entries {
		data, err := fs.ReadFile(rules.Files, e.Name())
		if err != nil {
			f.Fatal(err)
		}
		names = append(names, e.Name())
		base[e.Name()] = &fstest.MapFile{Data: data}
		// Replacing a file reloads the whole pack (milliseconds an exec);
		// seeded with a big file, every new input found from it took the
		// minimizer its full minute, and the fuzzer made no progress (42
		// execs in 90 s). Big files are seeded loaded alone, which is fast.
		for _, part := range smallParts(data) {
			if len(data) <= 4<<10 {
				f.Add(uint8(len(names)-1), part)
			}
			f.Add(uint8(len(entries)+1), part)
		}
	}
	for _, s := range seedFiles(f, "../cli/testdata/badrules/*/*.yaml") {
		f.Add(uint8(len(entries)), s)
	}
	f.Add(uint8(len(entries)), []byte("rules:\n  - id: X\n    when: {not: {not: {any: [{question: training, is: general}]}}}\n"))
	for _, h := range hostileSeeds(true) {
		f.Add(uint8(len(entries)+1), h)
	}
	examples := seedFiles(f, "../../examples/*.yaml")

	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		if int(which) <= len(names) {
			for k, v := range base {
				fsys[k] = v
			}
		}
		name := "zz-fuzz.yaml"
		if int(which) < len(names) {
			name = names[which]
		}
		fsys[name] = &fstest.MapFile{Data: data}
		p, err := checklist.LoadPack(fsys, "pack")
		if err != nil {
			checkErrors(t, err, "pack")
			return
		}
		for _, ex := range examples {
			a, _, err := checklist.ParseAnswersLenient(p, "ex.yaml", ex)
			if err != nil {
				continue
			}
			checkResult(t, p, a)
		}
	})
}

// FuzzEvaluate scores whatever answers parse (leniently, as a draft would)
// and checks the result's invariants and the summary.
func FuzzEvaluate(f *testing.F) {
	for _, s := range seedFiles(f, answerSeeds...) {
		f.Add(s)
	}
	p := fuzzPack(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := checklist.ParseAnswersLenient(p, "f.yaml", data)
		if err != nil {
			return
		}
		checkResult(t, p, a)
	})
}

func checkResult(t *testing.T, p *checklist.Pack, a *checklist.Answers) {
	t.Helper()
	r := checklist.Evaluate(p, a)
	if r.Score < 0 || r.Score > 100 || r.Completeness < 0 || r.Completeness > 100 {
		t.Errorf("score %d, completeness %d: want both within 0..100", r.Score, r.Completeness)
	}
	if r.Verdict.Rank() < 0 {
		t.Errorf("verdict %q is not a verdict", r.Verdict)
	}
	if len(r.Formats) != len(p.Formats) {
		t.Errorf("%d format fits for %d formats", len(r.Formats), len(p.Formats))
	}
	if !reflect.DeepEqual(r, checklist.Evaluate(p, a)) {
		t.Errorf("Evaluate is not deterministic")
	}
	md := summary.Markdown(p, summary.Build(p, a, summary.Options{}))
	if i := strings.IndexAny(md, "\x1b\r\a"); i >= 0 {
		t.Errorf("summary holds a control character at %d: %q", i, md[max(0, i-20):min(len(md), i+20)])
	}
}
