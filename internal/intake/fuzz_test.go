package intake_test

import (
	"testing"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/rules"
)

// FuzzParse: whatever is typed at any question, Parse never panics and
// gives exactly one of nothing, a value or a problem; a value the pack
// accepts reads back the same when shown for editing (a number's text, a
// text) and typed again, so editing an answer without changing it is never
// a change.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"", "1", "2, 3", "0", "none", "y", "sí", "u", "a dozen", "about 12", "20-60",
		"$150 a session", "an hour and a half", "una docena", "-", "99999999999999999999", "1e308", "\x1b[31mred\x1b[0m", "Q"} {
		f.Add(seed)
	}
	p, err := rulesDefault()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		if !utf8.ValidString(typed) {
			return
		}
		for _, q := range p.Questions {
			v, empty, problem := intake.Parse(p, q, typed)
			if empty && problem != nil {
				t.Fatalf("%s: %q is both empty and refused", q.ID, typed)
			}
			if empty || problem != nil {
				continue
			}
			if q.Kind != checklist.KindNumber && q.Kind != checklist.KindText {
				continue
			}
			again, empty, problem := intake.Parse(p, q, intake.AnswerText(p, q, v))
			if empty || problem != nil || !again.Equal(v) {
				t.Fatalf("%s: %q read %+v, shown as %q, read back %+v (%v)", q.ID, typed, v, intake.AnswerText(p, q, v), again, problem)
			}
		}
	})
}

func rulesDefault() (*checklist.Pack, error) { return rules.Default() }
