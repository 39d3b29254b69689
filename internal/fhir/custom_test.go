package fhir_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"pgregory.net/rapid"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fhir"
	"github.com/vetcircle/vetcircle/rules"
)

// customPack is the built-in English pack with conditions of every shape
// the built-in ones do not use: numbers above and below (ranges included),
// lacks, includes, answered on a yes/no question, and two that enableWhen
// cannot say (an all inside an any; a negated comparison).
func customPack(t testing.TB) *checklist.Pack {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(rules.Files, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(rules.Files, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: data}
	}
	qs := string(m["questions.yaml"].Data)
	for _, c := range []struct{ from, to string }{
		{"    when: {question: circle-format, is: retreat}\n",
			"    when: {any: [{question: circle-format, is: retreat}, {all: [{question: stage, is: attending}, {question: screening, is: \"no\"}]}]}\n"},
		{"    when: {question: circle-format, is: [retreat, ceremony]}\n",
			"    when: {any: [{question: participants, above: 12}, {question: agreements, lacks: [confidentiality]}, {question: goals, includes: [ceremony]}]}\n"},
		{"  - id: integration-months\n    section: fit\n",
			"  - id: integration-months\n    section: fit\n    when: {question: rf-charismatic-leader, answered: true}\n"},
		{"  - id: budget\n    section: fit\n",
			"  - id: budget\n    section: fit\n    when: {question: cost-usd, below: 100}\n"},
		{"  - id: distress\n    section: fit\n",
			"  - id: distress\n    section: fit\n    when: {not: {question: minutes, below: 60}}\n"},
	} {
		if strings.Count(qs, c.from) != 1 {
			t.Fatalf("questions.yaml has %q %d times; the test needs it once", c.from, strings.Count(qs, c.from))
		}
		qs = strings.Replace(qs, c.from, c.to, 1)
	}
	m["questions.yaml"] = &fstest.MapFile{Data: []byte(qs)}
	p, err := checklist.LoadPack(m, "custom")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInexactConditionsAreNamed: a condition enableWhen cannot say leaves
// the item always enabled and not required, with the condition in the
// pack's words in the applies-when extension; the others become enableWhen.
func TestInexactConditionsAreNamed(t *testing.T) {
	p := customPack(t)
	f := formFor(t, p)
	for id, wantExact := range map[string]bool{
		"facilitator-team": false, "distress": false,
		"medicine-sessions": true, "integration-months": true, "budget": true,
	} {
		it := f.items[id]
		var named string
		for _, e := range it.Extension {
			if e.URL == fhir.ExtAppliesWhen {
				named = *e.ValueString
			}
		}
		switch {
		case wantExact && (named != "" || len(it.EnableWhen) == 0):
			t.Errorf("%s: enableWhen %v, applies-when %q; want enableWhen only", id, it.EnableWhen, named)
		case !wantExact && (named == "" || len(it.EnableWhen) > 0 || it.Required):
			t.Errorf("%s: enableWhen %v, applies-when %q, required %v; want the condition named, no enableWhen, not required", id, it.EnableWhen, named, it.Required)
		}
	}
	if got := f.items["facilitator-team"].Extension[0].ValueString; !strings.Contains(*got, "screening") {
		t.Errorf("facilitator-team's condition in words: %q, want it to name screening", *got)
	}
}

// TestCustomConditionsAgree: with the custom pack, every item whose
// condition is in enableWhen is enabled exactly when the pack asks it
// (ranges above by their high end, below by their low end), and responses
// still match the form.
func TestCustomConditionsAgree(t *testing.T) {
	p := customPack(t)
	f := formFor(t, p)
	rapid.Check(t, func(rt *rapid.T) {
		a := genAnswers(p).Draw(rt, "answers")
		qr, _ := export(rt, p, a, "")
		for _, e := range f.checkResponse(qr) {
			rt.Errorf("%s", e)
		}
		seen, _ := p.Derive(a)
		seen = seen.Clone()
		for _, ig := range checklist.Evaluate(p, a).Ignored {
			seen.Clear(ig.Question)
		}
		ans := answers(qr)
		for _, q := range p.Questions {
			if slices.ContainsFunc(f.items[q.ID].Extension, func(e fhir.Extension) bool { return e.URL == fhir.ExtAppliesWhen }) {
				continue // always enabled: the form says when in words
			}
			if got, want := f.enabled(q.ID, ans), p.Applicable(q, seen); got != want {
				rt.Errorf("%s: enabled in FHIR %v, asked by the pack %v", q.ID, got, want)
			}
		}
		roundTrip(rt, "custom", p, a)
	})
}
