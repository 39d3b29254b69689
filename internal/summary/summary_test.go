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
			got := summary.Markdown(p, summary.Build(p, a, summary.Options{Date: testDate}))
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
		return summary.Markdown(p, summary.Build(p, a, summary.Options{Date: testDate}))
	}
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"empty intake: incomplete, the three questions word for word, limits",
			"",
			[]string{"… INCOMPLETE", "Incomplete: the questions to put to the facilitator are not all answered yet.",
				"1. **Facilitator training**: “What's your facilitator training?”",
				"2. **Group agreements**: “What are the group agreements?”",
				"3. **Difficult-experience plan**:", "988", "not medical advice", "HIPAA",
				"not a certification", "version 2.1.0", "last reviewed 2026-12-01", "Checked on 2026-11-24",
				"The score decides nothing until"},
			[]string{"You mentioned distress"}},
		{"a red flag is named with its rule and source",
			"answers: {rf-vendor-dosing: yes}",
			[]string{"✘ AVOID", "Avoid: the group promotes medicine sellers or gives dosing advice (a red flag).",
				"no need to ask this facilitator anything more", "`RF-VENDOR-DOSING`", "-40 points",
				"Source: Red flags worth taking seriously", "**Medicine vendors or dosing advice**:"},
			[]string{"## What to ask next"}},
		{"a confirmed red flag is never buried under incomplete",
			"answers: {rf-pressure-disclose: yes}",
			[]string{"⚠ CAUTION", "Caution: people are pushed to share more than they want to (a red flag)"},
			[]string{"INCOMPLETE"}},
		{"two red flags mean avoid, and the headline names both",
			"answers: {rf-pressure-disclose: yes, rf-charismatic-leader: yes}",
			[]string{"✘ AVOID", "pushed to share", "unchallenged centre", "more than one red flag"},
			nil},
		{"an attending person with a sign to leave is told so first",
			"answers: {stage: attending, leave-signs: [feel-worse]}",
			[]string{"## The short answer\n\n**Should you stay?** ✘ consider leaving\n\nConsider leaving: You keep leaving sessions feeling worse"},
			[]string{"before you commit"}},
		{"a leave sign with no stage still counts, and the contradiction with 'before' is named",
			"answers: {stage: before, leave-signs: [performing]}",
			[]string{"Consider leaving:", "### Answers taken from other answers", "The answer given was Thinking about joining, which disagrees"},
			[]string{"Answers not counted"}},
		{"a coordinator reads about them, not you",
			"answers: {user-role: coordinator, stage: attending, leave-signs: [performing]}",
			[]string{"**Should they stay?**", "They find themselves putting on a show"},
			[]string{"**Should you stay?**"}},
		{"distress: crisis first, then not now for the circle",
			"circle: {format: kap-circle}\nanswers: {distress: yes}",
			[]string{"> You mentioned distress", "## The short answer\n\n**Is it right for you now?** ◌ not now\n\nNot now: A circle is not crisis care"},
			nil},
		{"an excellent circle that does not fit: fit is poor, the verdict untouched",
			"circle: {format: ceremony}\nanswers: {ceremonial: uncomfortable}",
			[]string{"**Is it right for you now?** ○ poor fit", "Poor fit: Ritual would make you uncomfortable"},
			nil},
		{"a partly known list asks about what is still unknown, without a penalty",
			"answers: {agreements: {confidentiality: yes, no-pressure: unknown}}",
			[]string{"Still unknown: No advice-giving or cross-talk, No pressure to share, Agreements are written down"},
			[]string{"AGREE-PRESSURE-POSSIBLE"}},
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
			"circle: {format: kap-circle}\nanswers: {medical-backup: no}",
			[]string{"### Answers not counted", "**Medical backup** (`medical-backup`) was answered, but it is asked only when circle-format is retreat or medicine-sessions is yes, so it was not counted."},
			[]string{"RETREAT-NO-MEDICAL"}},
		{"notes appear under their question",
			"notes: {agreements: \"Sent by email\"}",
			[]string{"## Notes", "**Group agreements**: Sent by email"},
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
	rep := summary.Build(p, a, summary.Options{Date: testDate})
	b.ReportAllocs()
	for b.Loop() {
		summary.Markdown(p, rep)
	}
}
