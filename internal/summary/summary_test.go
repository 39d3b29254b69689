package summary_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

var testDate = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func pack(t testing.TB) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func load(t testing.TB, p *checklist.Pack, path string) *checklist.Answers {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestGoldenExamples renders every example; refresh with go test -update.
func TestGoldenExamples(t *testing.T) {
	p := pack(t)
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			a := load(t, p, f)
			got := summary.Markdown(p, a, checklist.Evaluate(p, a), summary.Options{Date: testDate})
			golden := filepath.Join("testdata", name+".md")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("summary differs from %s (run go test ./internal/summary -update after checking the change):\n%s", golden, got)
			}
		})
	}
}

func TestSummaryContents(t *testing.T) {
	p := pack(t)
	render := func(body string) string {
		a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\n"+body))
		if err != nil {
			t.Fatal(err)
		}
		return summary.Markdown(p, a, checklist.Evaluate(p, a), summary.Options{Date: testDate})
	}
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"empty intake: incomplete, the three questions word for word, limits",
			"",
			[]string{"… INCOMPLETE", "1. **Facilitator training** (`training`): “What's your facilitator training?”",
				"2. **Group agreements** (`agreements`): “What are the group agreements?”",
				"3. **Difficult-experience plan** (`difficult-experience`)", "988", "not medical advice", "HIPAA",
				"not a certification", "version 1.0.0", "last reviewed 2026-11-24", "Checked on 2026-11-24"},
			[]string{"You mentioned distress"}},
		{"a red flag is named with its rule and source",
			"answers: {rf-vendor-dosing: yes}",
			[]string{"✘ AVOID", "`RF-VENDOR-DOSING`", "-40 points", "*Source: Red flags worth taking seriously*", "**Medicine vendors or dosing advice** (`rf-vendor-dosing`)"},
			nil},
		{"distress puts the crisis line at the top",
			"answers: {distress: yes}",
			[]string{"> You mentioned distress", "**988**"},
			nil},
		{"online group says to read before posting",
			"circle: {format: online-peer}",
			[]string{"Read the group for a while before you post", "`FORMAT-ONLINE-READ-FIRST`"},
			nil},
		{"user text is escaped, not interpreted",
			"circle: {name: \"# Evil [link](http://x) <b>hi</b>\\u001b]52;c;SGVsbG8=\\u0007\"}\nnotes:\n  training: \"*bold* \\u001b[2J\\rline\"",
			[]string{`\# Evil \[link\]`, `\<b\>hi\</b\>`, `\*bold\*`},
			[]string{"\x1b", "\r", "[link](http", "<b>"}},
		{"answers that do not apply are named, not dropped in silence",
			"answers: {stage: before, leave-signs: [coercive]}",
			[]string{"## Answers not counted", "**Signs it is time to leave** (`leave-signs`) was answered, but it is asked only when stage is attending, so it was not counted."},
			[]string{"LEAVE-COERCIVE"}},
		{"notes appear under their question",
			"notes: {agreements: \"Sent by email\"}",
			[]string{"## Notes", "**Group agreements** (`agreements`): Sent by email"},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			md := render(tc.body)
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("summary lacks %q:\n%s", w, md)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(md, n) {
					t.Errorf("summary contains %q:\n%s", n, md)
				}
			}
		})
	}
}

func BenchmarkMarkdown(b *testing.B) {
	p := pack(b)
	a := load(b, p, "../../examples/strong-kap-circle.yaml")
	r := checklist.Evaluate(p, a)
	b.ReportAllocs()
	for b.Loop() {
		summary.Markdown(p, a, r, summary.Options{Date: testDate})
	}
}
