package summary_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// TestNoteFitsARecord: the plain-text note for a health record stays within
// 40 lines of 80 columns, carries no markdown or escapes, and still gives
// the three answers, the red flags, the date, the rules and the limits.
func TestNoteFitsARecord(t *testing.T) {
	p := pack(t)
	files, _ := filepath.Glob("../../examples/*.yaml")
	bodies := map[string]string{
		"empty":   "version: 1\n",
		"hostile": "version: 1\ncircle: {name: \"" + strings.Repeat("**Integration** ", 12) + "\\u001b[31m`x`\"}\nanswers: {rf-vendor-dosing: yes, rf-pressure-disclose: yes, rf-charismatic-leader: yes, rf-no-consent: yes, rf-outcome-promises: yes, distress: yes, stage: attending, leave-signs: [feel-worse, coercive, advice-drift, performing, risk-taking]}\n",
	}
	for _, f := range files {
		bodies[filepath.Base(f)] = ""
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var a *checklist.Answers
			if body == "" {
				a = load(t, p, filepath.Join("../../examples", name))
			} else {
				var err error
				if a, err = checklist.ParseAnswers(p, name, []byte(body)); err != nil {
					t.Fatal(err)
				}
			}
			r := checklist.Evaluate(p, a)
			note := summary.Note(p, summary.Build(p, a, summary.Options{Date: testDate}))
			lines := strings.Split(strings.TrimSuffix(note, "\n"), "\n")
			if regexp.MustCompile(`and \d+ more`).MatchString(note) {
				t.Errorf("a record is complete, never cut short:\n%s", note)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > summary.NoteWidth {
					t.Errorf("line %d is %d columns: %q", i+1, w, l)
				}
			}
			for _, bad := range []string{"**", "##", "`", "\x1b", "\\"} {
				if strings.Contains(note, bad) {
					t.Errorf("note holds %q:\n%s", bad, note)
				}
			}
			for _, want := range []string{p.Meta.Version, "not an endorsement", "not medical advice", "988",
				"Is the circle safe and well run? " + summary.VerdictWord(p, r.Verdict), r.Headline.Verdict[:20]} {
				if !strings.Contains(strings.Join(strings.Fields(note), " "), want) {
					t.Errorf("note lacks %q:\n%s", want, note)
				}
			}
			for _, id := range r.RedFlags {
				if !strings.Contains(note, p.Question(id).Label) {
					t.Errorf("note lacks red flag %s:\n%s", id, note)
				}
			}
		})
	}
}

// TestNoteQuotesCrisisWords: the note for a record carries the crisis line
// and what was written, as the summary does.
func TestNoteQuotesCrisisWords(t *testing.T) {
	p := pack(t)
	a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\nanswers: {training: named-program}\nnotes:\n  training: \"Since my last session I keep having thoughts of ending my life.\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	note := summary.Note(p, summary.Build(p, a, summary.Options{Date: testDate}))
	for _, want := range []string{"What you wrote speaks of crisis", "988", "Written: “Since my last session I keep having thoughts of ending my life”"} {
		if !strings.Contains(strings.Join(strings.Fields(note), " "), want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
}
