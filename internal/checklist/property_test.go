package checklist_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// genAnswers draws any valid set of answers for the pack: each question that
// applies is absent or holds a value its kind allows.
func genAnswers(p *checklist.Pack) *rapid.Generator[*checklist.Answers] {
	return rapid.Custom(func(t *rapid.T) *checklist.Answers {
		a := checklist.NewAnswers()
		for _, q := range p.Questions {
			if !rapid.Bool().Draw(t, q.ID+"?") {
				continue
			}
			switch q.Kind {
			case checklist.KindChoice:
				a.Set(q.ID, checklist.Value{Choice: rapid.SampledFrom(q.OptionIDs()).Draw(t, q.ID)})
			case checklist.KindTristate:
				a.Set(q.ID, checklist.Value{Choice: rapid.SampledFrom(q.OptionIDs()).Draw(t, q.ID)})
			case checklist.KindMulti:
				// Each item holds, does not, or (in the mapping form) is
				// still unknown.
				v := checklist.Value{List: []string{}}
				partly := rapid.Bool().Draw(t, q.ID+" partly known")
				for _, id := range q.OptionIDs() {
					switch rapid.IntRange(0, 2).Draw(t, q.ID+"."+id) {
					case 1:
						v.List = append(v.List, id)
					case 2:
						if partly {
							v.Unsure = append(v.Unsure, id)
						}
					}
				}
				a.Set(q.ID, v)
			case checklist.KindNumber:
				lo, hi := 0.0, 200.0
				if q.Min != nil {
					lo = *q.Min
				}
				v := checklist.Value{Number: float64(rapid.IntRange(int(lo), int(hi)).Draw(t, q.ID))}
				if rapid.Bool().Draw(t, q.ID+" range") {
					upper := v.Number + float64(rapid.IntRange(1, 50).Draw(t, q.ID+" upper"))
					v.Upper = &upper
				}
				a.Set(q.ID, v)
			case checklist.KindText:
				// Text reaches answers already cleaned (typed, pasted or loaded),
				// so draw printable text, awkward YAML characters included.
				// Text answers are one line, trimmed, as CleanLine leaves them.
				text := rapid.StringOfN(rapid.SampledFrom([]rune(`aZ09 :#'"\-[]{}&*!|>%@é語`)), 1, 20, -1).Draw(t, q.ID)
				if text = textclean.CleanLine(text); text != "" {
					a.Set(q.ID, checklist.Value{Text: text})
				}
			}
		}
		// Keep what an answers file may hold: only answers that apply,
		// once the answers they imply are taken into account.
		derived, _ := p.Derive(a)
		for _, q := range p.Questions {
			if !p.Applicable(q, derived) {
				a.Clear(q.ID)
			}
		}
		return a
	})
}

func redFlagIDs(p *checklist.Pack) []string {
	var ids []string
	for _, q := range p.Questions {
		if q.RedFlag {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

func TestPropertyConfirmingRedFlagNeverHelps(t *testing.T) {
	p := defaultPack(t)
	flags := redFlagIDs(p)
	rapid.Check(t, func(t *rapid.T) {
		a := genAnswers(p).Draw(t, "answers")
		flag := rapid.SampledFrom(flags).Draw(t, "flag")
		before := checklist.Evaluate(p, a)
		b := a.Clone()
		b.Set(flag, checklist.Value{Choice: checklist.Yes})
		after := checklist.Evaluate(p, b)
		if after.Score > before.Score {
			t.Fatalf("confirming %s raised the score %d -> %d", flag, before.Score, after.Score)
		}
		if derived, _ := p.Derive(b); !p.Applicable(p.Question(flag), derived) {
			return
		}
		if !slices.Contains(after.RedFlags, flag) {
			t.Fatalf("confirmed %s missing from red flags %v", flag, after.RedFlags)
		}
		// A confirmed red flag is never hidden: the verdict is caution or
		// avoid, never incomplete or promising, and never better than before.
		if after.Verdict != checklist.VerdictCaution && after.Verdict != checklist.VerdictAvoid {
			t.Fatalf("confirming %s gave verdict %s, want caution or avoid", flag, after.Verdict)
		}
		if before.Verdict != checklist.VerdictIncomplete && after.Verdict.Rank() > before.Verdict.Rank() {
			t.Fatalf("confirming %s improved the verdict %s -> %s", flag, before.Verdict, after.Verdict)
		}
		if !strings.Contains(after.Headline.Verdict, "red flag") {
			t.Fatalf("confirming %s: the headline %q does not name a red flag", flag, after.Headline.Verdict)
		}
	})
}

// bestAnswer is the answer a careful facilitator gives to a core question:
// the option marked best, or every option of a list.
func bestAnswer(q *checklist.Question) checklist.Value {
	if q.Kind == checklist.KindMulti {
		return checklist.Value{List: q.OptionIDs()}
	}
	for _, o := range q.Options {
		if o.Best {
			return checklist.Value{Choice: o.ID}
		}
	}
	panic("core question without a best option: " + q.ID)
}

func TestPropertyBestCoreAnswerNeverLowersScore(t *testing.T) {
	p := defaultPack(t)
	var core []*checklist.Question
	for _, q := range p.Questions {
		if q.Core {
			core = append(core, q)
		}
	}
	// The three questions, and for an informal group what it offers.
	var ids []string
	for _, q := range core {
		ids = append(ids, q.ID)
	}
	if want := []string{"training", "agreements", "difficult-experience", "peer-safeguards"}; !slices.Equal(ids, want) {
		t.Fatalf("core questions = %v, want %v", ids, want)
	}
	rapid.Check(t, func(t *rapid.T) {
		a := genAnswers(p).Draw(t, "answers")
		q := rapid.SampledFrom(core).Draw(t, "question")
		before := checklist.Evaluate(p, a)
		b := a.Clone()
		b.Set(q.ID, bestAnswer(q))
		if !sameQuestions(p, a, b) {
			// Naming a trained facilitator turns an informal group into
			// another kind of circle, judged by other questions: the
			// property compares like with like.
			return
		}
		after := checklist.Evaluate(p, b)
		if after.Score < before.Score {
			t.Fatalf("answering %s with its best option lowered the score %d -> %d", q.ID, before.Score, after.Score)
		}
	})
}

// sameQuestions reports whether the same questions apply to both sets of
// answers, once the answers they imply are taken into account.
func sameQuestions(p *checklist.Pack, a, b *checklist.Answers) bool {
	da, _ := p.Derive(a)
	db, _ := p.Derive(b)
	for _, q := range p.Questions {
		if p.Applicable(q, da) != p.Applicable(q, db) {
			return false
		}
	}
	return true
}

func TestPropertyDeterministic(t *testing.T) {
	p := defaultPack(t)
	date := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	rapid.Check(t, func(t *rapid.T) {
		a := genAnswers(p).Draw(t, "answers")
		r1, r2 := checklist.Evaluate(p, a), checklist.Evaluate(p, a.Clone())
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if string(j1) != string(j2) {
			t.Fatalf("Evaluate gave different results for the same answers:\n%s\n%s", j1, j2)
		}
		m1 := summary.Markdown(p, summary.Build(p, a, summary.Options{Date: date}))
		m2 := summary.Markdown(p, summary.Build(p, a.Clone(), summary.Options{Date: date}))
		if m1 != m2 {
			t.Fatal("Markdown gave different bytes for the same answers")
		}
	})
}

func TestPropertyMarshalRoundTrip(t *testing.T) {
	p := defaultPack(t)
	rapid.Check(t, func(t *rapid.T) {
		a := genAnswers(p).Draw(t, "answers")
		data := checklist.MarshalAnswers(p, a)
		b, err := checklist.ParseAnswers(p, "roundtrip.yaml", data)
		if err != nil {
			t.Fatalf("MarshalAnswers wrote a file ParseAnswers rejects: %v\n%s", err, data)
		}
		r1, r2 := checklist.Evaluate(p, a), checklist.Evaluate(p, b)
		j1, _ := json.Marshal(r1)
		j2, _ := json.Marshal(r2)
		if string(j1) != string(j2) {
			t.Fatalf("round trip changed the result:\n%s", data)
		}
	})
}
