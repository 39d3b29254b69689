package summary_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// inOrder reports where doc does not give parts in this order: each
// part's first occurrence must come after the one before it.
func inOrder(t *testing.T, what, doc string, parts ...string) {
	t.Helper()
	prev := -1
	for i, p := range parts {
		at := strings.Index(doc, p)
		switch {
		case at < 0:
			t.Errorf("%s lacks %q:\n%s", what, p, doc)
			return
		case at < prev:
			t.Errorf("%s gives %q before %q; a reader needs them the other way round:\n%s", what, p, parts[i-1], doc)
			return
		}
		prev = at
	}
}

// TestOrderInSummaryAndNote: what a reader must hear first comes first, in
// the markdown summary and in the plain-text note alike: the crisis line
// before any answer, "consider leaving" before the verdict for someone
// attending, "not now" first for someone in distress, otherwise the
// verdict before the fit before the stay; and in each answer, the decisive
// sentence before the reasons that support it.
func TestOrderInSummaryAndNote(t *testing.T) {
	p := pack(t)
	const (
		verdictQ = "Is the circle safe and well run?"
		fitQ     = "Is it right for you now?"
		stayQ    = "Should you stay?"
	)
	tests := []struct {
		name, body string
		markdown   []string // in this order in the markdown summary
		note       []string // and in the note (nil: the same as markdown)
	}{
		{"distress: the crisis line, then not now, then the verdict",
			"circle: {format: kap-circle}\nanswers: {distress: yes, training: named-program}",
			[]string{"> You mentioned distress", "## The short answer", fitQ, "Not now: A circle is not crisis care", verdictQ},
			[]string{"You mentioned distress", fitQ, "Not now: A circle is not crisis", verdictQ}},
		{"distress with no format: the crisis line still comes first",
			"answers: {distress: yes}",
			[]string{"> You mentioned distress", "## The short answer", verdictQ},
			[]string{"You mentioned distress", verdictQ}},
		{"feeling worse again and again: crisis line, then consider leaving, then the verdict and fit",
			"circle: {format: kap-circle}\nanswers: {stage: attending, leave-signs: [feel-worse]}",
			[]string{"> Feeling worse after sessions", "## The short answer", stayQ, "Consider leaving: You keep leaving sessions feeling worse", verdictQ, fitQ},
			[]string{"Feeling worse after sessions", stayQ, "Consider leaving:", verdictQ, fitQ}},
		{"attending with a sign to leave: consider leaving before the verdict",
			"circle: {format: kap-circle}\nanswers: {stage: attending, leave-signs: [performing], training: named-program}",
			[]string{"## The short answer", stayQ, "Consider leaving:", verdictQ, fitQ},
			nil},
		{"before joining: the verdict, then the fit",
			"circle: {format: kap-circle}\nanswers: {training: named-program}",
			[]string{"## The short answer", verdictQ, fitQ, "## Red flags confirmed"},
			[]string{verdictQ, fitQ},
		},
		{"a red flag: the decisive sentence names it before anything else",
			"answers: {rf-vendor-dosing: yes, training: named-program}",
			[]string{verdictQ, "Avoid: the group promotes medicine sellers or gives dosing advice", "no need to ask this facilitator anything more", "## Red flags confirmed", "**Medicine vendors or dosing advice**"},
			[]string{verdictQ, "Avoid: the group promotes medicine sellers"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\n"+tc.body))
			if err != nil {
				t.Fatal(err)
			}
			rep := summary.Build(p, a, summary.Options{Date: testDate})
			inOrder(t, "summary", summary.Markdown(p, rep), tc.markdown...)
			want := tc.note
			if want == nil {
				want = tc.markdown[1:]
			}
			inOrder(t, "note", summary.Note(p, rep), want...)
		})
	}
}
