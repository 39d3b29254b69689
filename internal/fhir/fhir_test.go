package fhir_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fhir"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/rules"
)

// tb is what the helpers need of a test, a fuzz target or a rapid check.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// packs are the built-in packs, every language.
func packs(t testing.TB) map[string]*checklist.Pack {
	t.Helper()
	out := map[string]*checklist.Pack{}
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		out[lang] = p
	}
	return out
}

// examples are the repository's example answers files.
func examples(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	return files
}

func load(t tb, p *checklist.Pack, file string) *checklist.Answers {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, filepath.Base(file), data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return a
}

// export is what `score --format fhir` prints for the answers, parsed back
// as a record system would.
func export(t tb, p *checklist.Pack, a *checklist.Answers, date string) (fhir.QuestionnaireResponse, []byte) {
	t.Helper()
	rep := report.Build(p, a, report.Options{})
	data, err := json.Marshal(fhir.ResponseFor(p, a, &rep, fhir.Options{Date: date}))
	if err != nil {
		t.Fatal(err)
	}
	var qr fhir.QuestionnaireResponse
	if err := json.Unmarshal(data, &qr); err != nil {
		t.Fatal(err)
	}
	return qr, data
}

func formFor(t tb, p *checklist.Pack) *form {
	t.Helper()
	data, err := json.Marshal(fhir.QuestionnaireFor(p))
	if err != nil {
		t.Fatal(err)
	}
	var q fhir.Questionnaire
	if err := json.Unmarshal(data, &q); err != nil {
		t.Fatal(err)
	}
	f, err := indexForm(q)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestQuestionnaireHasEveryQuestion: one item per question, of the type
// its kind maps to, under its section's group, with every option coded in
// the question's own code system; url and version are the pack's.
func TestQuestionnaireHasEveryQuestion(t *testing.T) {
	wantType := map[checklist.Kind]string{
		checklist.KindChoice: "choice", checklist.KindTristate: "choice", checklist.KindMulti: "group",
		checklist.KindNumber: "decimal", checklist.KindText: "string",
	}
	for lang, p := range packs(t) {
		f := formFor(t, p)
		if f.q.ResourceType != "Questionnaire" || f.q.Status != "active" {
			t.Errorf("%s: resourceType %q status %q", lang, f.q.ResourceType, f.q.Status)
		}
		if f.q.URL != fhir.Base+"/Questionnaire/"+p.Meta.ID || f.q.Version != p.Meta.Version {
			t.Errorf("%s: url %q version %q, want the pack's id and version", lang, f.q.URL, f.q.Version)
		}
		for _, q := range p.Questions {
			it, ok := f.items[q.ID]
			if !ok {
				t.Errorf("%s: no item for question %s", lang, q.ID)
				continue
			}
			if it.Type != wantType[q.Kind] {
				t.Errorf("%s: %s is %s, want %s for a %s question", lang, q.ID, it.Type, wantType[q.Kind], q.Kind)
			}
			if f.parent[q.ID] != "section:"+q.Section {
				t.Errorf("%s: %s is under %q, want its section %s", lang, q.ID, f.parent[q.ID], q.Section)
			}
			if it.Required == q.Optional {
				t.Errorf("%s: %s required=%v, but the pack says optional=%v", lang, q.ID, it.Required, q.Optional)
			}
			switch q.Kind {
			case checklist.KindChoice:
				var codes []string
				for _, o := range it.AnswerOption {
					if o.ValueCoding.System != fhir.AnswerSystem(p, q) {
						t.Errorf("%s: %s option in system %s", lang, q.ID, o.ValueCoding.System)
					}
					codes = append(codes, o.ValueCoding.Code)
				}
				if !slices.Equal(codes, q.OptionIDs()) {
					t.Errorf("%s: %s options %v, want %v", lang, q.ID, codes, q.OptionIDs())
				}
			case checklist.KindMulti:
				if len(it.Item) != len(q.Options) {
					t.Errorf("%s: %s has %d option items, want %d", lang, q.ID, len(it.Item), len(q.Options))
				}
			case checklist.KindTristate:
				if len(it.AnswerOption) != 3 {
					t.Errorf("%s: %s has %d options, want yes, no, unknown", lang, q.ID, len(it.AnswerOption))
				}
			}
		}
		if p.Text["fhir.range-high"] == "" {
			t.Errorf("%s: the pack lacks fhir.range-high, so a range's item falls back to English", lang)
		}
		if _, ok := f.items["note:"+p.Questions[0].ID]; !ok {
			t.Errorf("%s: no note item", lang)
		}
	}
}

// TestCodesAreOneVocabulary: the English and Spanish forms code every
// option in the same system with the same code; only the words differ.
func TestCodesAreOneVocabulary(t *testing.T) {
	ps := packs(t)
	en, es := ps["en"], ps["es"]
	for _, q := range en.Questions {
		qe := es.Question(q.ID)
		if qe == nil {
			t.Fatalf("es lacks %s", q.ID)
		}
		if fhir.AnswerSystem(en, q) != fhir.AnswerSystem(es, qe) {
			t.Errorf("%s: en system %s, es %s", q.ID, fhir.AnswerSystem(en, q), fhir.AnswerSystem(es, qe))
		}
	}
	if fhir.URL(en) == fhir.URL(es) {
		t.Errorf("en and es forms share the url %s, but their words differ", fhir.URL(en))
	}
}

// TestBuiltInConditionsAreExact: every built-in when: is said in
// enableWhen, none falls back to the applies-when text, and every
// enableWhen names an item of the form with a value of that item's type.
func TestBuiltInConditionsAreExact(t *testing.T) {
	for lang, p := range packs(t) {
		f := formFor(t, p)
		conditions := 0
		for id, it := range f.items {
			for _, e := range it.Extension {
				if e.URL == fhir.ExtAppliesWhen {
					t.Errorf("%s: %s's condition is not in enableWhen: %s", lang, id, *e.ValueString)
				}
			}
			for _, ew := range it.EnableWhen {
				conditions++
				target, ok := f.items[ew.Question]
				if !ok {
					t.Errorf("%s: %s depends on %s, which the form lacks", lang, id, ew.Question)
					continue
				}
				if ew.Operator == "exists" {
					if ew.AnswerBoolean == nil {
						t.Errorf("%s: %s: exists without answerBoolean", lang, id)
					}
					continue
				}
				if msg := typeMismatch(target, fhir.Answer{ValueCoding: ew.AnswerCoding, ValueDecimal: ew.AnswerDecimal}); msg != "" {
					t.Errorf("%s: %s depends on %s: %s", lang, id, ew.Question, msg)
				}
			}
			if len(it.EnableWhen) > 1 && it.EnableBehavior == "" {
				t.Errorf("%s: %s has %d enableWhen and no enableBehavior", lang, id, len(it.EnableWhen))
			}
		}
		if conditions == 0 {
			t.Errorf("%s: no enableWhen at all; the pack has conditional questions", lang)
		}
	}
}

// TestExamplesMatchTheForm: for every example in every language, each
// response item's linkId is an item of the form, under the same parent,
// enabled, answered with the type the item declares; a completed response
// leaves no required item empty.
func TestExamplesMatchTheForm(t *testing.T) {
	for lang, p := range packs(t) {
		f := formFor(t, p)
		for _, file := range examples(t) {
			qr, _ := export(t, p, load(t, p, file), "2026-12-01")
			for _, e := range f.checkResponse(qr) {
				t.Errorf("%s %s: %s", lang, filepath.Base(file), e)
			}
		}
	}
}

// TestExamplesRoundTrip: score -> QuestionnaireResponse JSON -> read back
// gives the same answers (as scored: derived answers in, answers that do
// not apply out), notes and provenance, and so the same verdict, fit, stay
// and red flags.
func TestExamplesRoundTrip(t *testing.T) {
	for lang, p := range packs(t) {
		for _, file := range examples(t) {
			a := load(t, p, file)
			a.Vetted = checklist.Provenance{On: "2026-11-30", By: "J. Chen", Source: "call"}
			roundTrip(t, lang+" "+filepath.Base(file), p, a)
		}
	}
}

func roundTrip(t tb, name string, p *checklist.Pack, a *checklist.Answers) {
	t.Helper()
	r := checklist.Evaluate(p, a)
	_, data := export(t, p, a, "")
	back, err := fhir.ReadResponse(p, data)
	if err != nil {
		t.Fatalf("%s: read back: %v\n%s", name, err, data)
	}
	// The answers the result was computed on: derived ones in, answers
	// to questions that do not apply out.
	want, _ := p.Derive(a)
	want = want.Clone()
	for _, ig := range r.Ignored {
		want.Clear(ig.Question)
	}
	if diff := cmp.Diff(normal(want), normal(back)); diff != "" {
		t.Fatalf("%s: answers differ after the round trip (-before +after):\n%s", name, diff)
	}
	r2 := checklist.Evaluate(p, back)
	type three struct {
		Verdict  checklist.Verdict
		Fit      *checklist.FitAnswer
		Stay     *checklist.StayAnswer
		RedFlags []string
	}
	if diff := cmp.Diff(three{r.Verdict, r.Fit, r.Stay, r.RedFlags}, three{r2.Verdict, r2.Fit, r2.Stay, r2.RedFlags}); diff != "" {
		t.Fatalf("%s: the result differs after the round trip:\n%s", name, diff)
	}
}

// normalized answers: lists in pack order (a file's list may be in any
// order; the response writes pack order), notes and provenance.
type normalAnswers struct {
	Values map[string]checklist.Value
	Notes  map[string]string
	Vetted checklist.Provenance
}

func normal(a *checklist.Answers) normalAnswers {
	n := normalAnswers{Values: map[string]checklist.Value{}, Notes: map[string]string{}, Vetted: a.Vetted}
	for k, v := range a.Values {
		v.List = slices.Sorted(slices.Values(v.List))
		v.Unsure = slices.Sorted(slices.Values(v.Unsure))
		if len(v.Unsure) == 0 {
			v.Unsure = nil
		}
		n.Values[k] = v
	}
	for k, v := range a.Notes {
		n.Notes[k] = v
	}
	return n
}

// TestGoldenResponse pins one example's whole response, so every change to
// what a clinic imports shows in review. go test ./internal/fhir -update
// rewrites it.
func TestGoldenResponse(t *testing.T) {
	p := packs(t)["en"]
	a := load(t, p, "../../examples/incomplete-intake.yaml")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	rep := report.Build(p, a, report.Options{})
	if err := enc.Encode(fhir.ResponseFor(p, a, &rep, fhir.Options{Date: "2026-12-01"})); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "incomplete-intake.fhir.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/fhir -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("response differs from %s (go test ./internal/fhir -update if intended):\n%s", golden, diff)
	}
}

// TestResponseStatusAndObservations: an incomplete intake is in progress
// with preliminary Observations; a fully answered circle is completed;
// someone attending gets a stay Observation, someone not yet attending none.
func TestResponseStatusAndObservations(t *testing.T) {
	p := packs(t)["en"]
	for _, c := range []struct {
		file, status string
		obs          []string
	}{
		{"incomplete-intake.yaml", "in-progress", []string{"verdict", "fit"}},
		{"strong-kap-circle.yaml", "completed", []string{"verdict", "fit"}},
		{"attending-should-leave.yaml", "in-progress", []string{"verdict", "fit", "stay"}},
	} {
		a := load(t, p, "../../examples/"+c.file)
		r := checklist.Evaluate(p, a)
		qr, _ := export(t, p, a, "")
		if qr.Status != c.status {
			t.Errorf("%s: status %s, want %s (completeness %d)", c.file, qr.Status, c.status, r.Completeness)
		}
		var ids []string
		for _, o := range qr.Contained {
			ids = append(ids, o.ID)
			wantStatus := map[string]string{"completed": "final", "in-progress": "preliminary"}[qr.Status]
			if o.Status != wantStatus || len(o.DerivedFrom) != 1 || o.DerivedFrom[0].Reference != "#" {
				t.Errorf("%s: observation %s status %s derivedFrom %v", c.file, o.ID, o.Status, o.DerivedFrom)
			}
		}
		if !slices.Equal(ids, c.obs) {
			t.Errorf("%s: observations %v, want %v", c.file, ids, c.obs)
		}
		if got := qr.Contained[0].ValueCodeableConcept.Coding[0].Code; got != string(r.Verdict) {
			t.Errorf("%s: verdict observation %s, result %s", c.file, got, r.Verdict)
		}
		if qr.Authored != "" {
			t.Errorf("%s: authored %q without a vetted date or --date", c.file, qr.Authored)
		}
	}
}

// genAnswers draws any valid answers: each question absent or holding a
// value its kind allows, some notes, and sometimes where they came from.
func genAnswers(p *checklist.Pack) *rapid.Generator[*checklist.Answers] {
	return rapid.Custom(func(t *rapid.T) *checklist.Answers {
		a := checklist.NewAnswers()
		for _, q := range p.Questions {
			if rapid.IntRange(0, 5).Draw(t, q.ID+" note?") == 0 {
				a.SetNote(q.ID, rapid.StringMatching(`[A-Za-zñé0-9 .,'"-][A-Za-zñé0-9 .,'"\n-]{0,30}`).Draw(t, q.ID+" note"))
			}
			if !rapid.Bool().Draw(t, q.ID+"?") {
				continue
			}
			switch q.Kind {
			case checklist.KindChoice, checklist.KindTristate:
				a.Set(q.ID, checklist.Value{Choice: rapid.SampledFrom(q.OptionIDs()).Draw(t, q.ID)})
			case checklist.KindMulti:
				v := checklist.Value{List: []string{}}
				for _, id := range q.OptionIDs() {
					switch rapid.IntRange(0, 2).Draw(t, q.ID+":"+id) {
					case 1:
						v.List = append(v.List, id)
					case 2:
						v.Unsure = append(v.Unsure, id)
					}
				}
				a.Set(q.ID, v)
			case checklist.KindNumber:
				lo, hi := 0.0, 1000.0
				if q.Min != nil {
					lo = *q.Min
				}
				if q.Max != nil {
					hi = min(hi, *q.Max)
				}
				v := checklist.Value{Number: rapid.Float64Range(lo, hi).Draw(t, q.ID), Approx: rapid.Bool().Draw(t, q.ID+" approx")}
				if rapid.Bool().Draw(t, q.ID+" range") {
					u := rapid.Float64Range(v.Number, hi).Draw(t, q.ID+" upper")
					v.Upper = &u
				}
				a.Set(q.ID, v)
			case checklist.KindText:
				a.Set(q.ID, checklist.Value{Text: rapid.StringMatching(`[A-Za-zñé0-9 .,'"-]{1,30}`).Draw(t, q.ID)})
			}
		}
		if rapid.Bool().Draw(t, "vetted?") {
			a.Vetted = checklist.Provenance{On: "2026-11-30", By: "A. Ruiz", Source: rapid.SampledFrom(checklist.Sources).Draw(t, "source")}
		}
		return a
	})
}

// TestGeneratedAnswers: over thousands of generated answer sets in every
// language, the response matches the form (linkIds, parents, types,
// enableWhen, required when completed) and reads back to the same answers.
func TestGeneratedAnswers(t *testing.T) {
	for lang, p := range packs(t) {
		f := formFor(t, p)
		t.Run(lang, func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				a := genAnswers(p).Draw(rt, "answers")
				qr, _ := export(rt, p, a, "")
				for _, e := range f.checkResponse(qr) {
					rt.Errorf("%s", e)
				}
				roundTrip(rt, lang, p, a)
			})
		})
	}
}

// TestEnableWhenAgreesWithThePack: for any answers, an item is enabled in
// the form exactly when the pack asks its question.
func TestEnableWhenAgreesWithThePack(t *testing.T) {
	for lang, p := range packs(t) {
		f := formFor(t, p)
		t.Run(lang, func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				a := genAnswers(p).Draw(rt, "answers")
				qr, _ := export(rt, p, a, "")
				// What the core judged on: derived answers in, answers to
				// questions that do not apply out.
				seen, _ := p.Derive(a)
				seen = seen.Clone()
				for _, ig := range checklist.Evaluate(p, a).Ignored {
					seen.Clear(ig.Question)
				}
				ans := answers(qr)
				for _, q := range p.Questions {
					if got, want := f.enabled(q.ID, ans), p.Applicable(q, seen); got != want {
						rt.Errorf("%s: enabled in FHIR %v, asked by the pack %v", q.ID, got, want)
					}
				}
			})
		})
	}
}

// TestReadResponseRefuses: a response for another form, or with an answer
// of the wrong type or an unknown item, is an error naming where.
func TestReadResponseRefuses(t *testing.T) {
	p := packs(t)["en"]
	_, good := export(t, p, load(t, p, "../../examples/strong-kap-circle.yaml"), "")
	for _, c := range []struct{ name, from, to, want string }{
		{"not a response", `"QuestionnaireResponse"`, `"Patient"`, "resourceType"},
		{"another form", fhir.URL(p), "http://example.org/Questionnaire/x", "questionnaire"},
		{"unknown item", `"linkId":"circle-format"`, `"linkId":"circle-colour"`, `"circle-colour"`},
		{"unknown option", `"code":"kap-circle"`, `"code":"pizza"`, "kap-circle"},
		{"wrong type", `"valueDecimal":`, `"valueString":"ten","was":`, "valueDecimal"},
		{"bad date", `"questionnaire"`, `"authored":"yesterday","questionnaire"`, "authored"},
		{"not json", `{`, `[`, "not a FHIR JSON resource"},
	} {
		bad := strings.Replace(string(good), c.from, c.to, 1)
		if bad == string(good) {
			t.Fatalf("%s: %q not in the response", c.name, c.from)
		}
		_, err := fhir.ReadResponse(p, []byte(bad))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.want)
		}
	}
}

// FuzzReadResponse: any bytes give answers or an error, never a panic, and
// answers read back write a response that matches the form.
func FuzzReadResponse(f *testing.F) {
	p := packs(f)["en"]
	for _, file := range examples(f) {
		_, data := export(f, p, load(f, p, file), "2026-12-01")
		f.Add(data)
	}
	f.Add([]byte(`{"resourceType":"QuestionnaireResponse","questionnaire":"` + fhir.Canonical(p) + `","item":[{"linkId":"participants","answer":[{"valueDecimal":6,"item":[{"linkId":"participants:upper","answer":[{"valueDecimal":10}]}]}]}]}`))
	form := formFor(f, p)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := fhir.ReadResponse(p, data)
		if err != nil {
			return
		}
		qr, _ := export(t, p, a, "")
		for _, e := range form.checkResponse(qr) {
			t.Errorf("%s", e)
		}
	})
}

// BenchmarkResponseFor is one vetting's response, built and written as
// JSON, as score --format fhir does per file (evaluation not included).
func BenchmarkResponseFor(b *testing.B) {
	p := packs(b)["en"]
	a := load(b, p, "../../examples/attending-should-leave.yaml")
	rep := report.Build(p, a, report.Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(fhir.ResponseFor(p, a, &rep, fhir.Options{Date: "2026-12-01"})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuestionnaireFor is the whole form, built and written as JSON.
func BenchmarkQuestionnaireFor(b *testing.B) {
	p := packs(b)["en"]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(fhir.QuestionnaireFor(p)); err != nil {
			b.Fatal(err)
		}
	}
}
