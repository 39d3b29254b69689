package checklist_test

import (
	"os"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// BenchmarkLoadPack parses and validates the built-in pack from scratch, as
// the first command of a process does.
func BenchmarkLoadPack(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checklist.LoadPack(rules.Files, rules.Label); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAnswers(b *testing.B) {
	p := defaultPack(b)
	data, err := os.ReadFile("../../examples/strong-kap-circle.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checklist.ParseAnswers(p, "strong.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	p := defaultPack(b)
	data, _ := os.ReadFile("../../examples/strong-kap-circle.yaml")
	a, err := checklist.ParseAnswers(p, "strong.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		checklist.Evaluate(p, a)
	}
}

// BenchmarkEvaluateHardCases evaluates what costs most in judgement v3: an
// attending person's answers with derivations, contradictions and long
// notes read for crisis words (budget: 50 µs per vetting).
func BenchmarkEvaluateHardCases(b *testing.B) {
	p := defaultPack(b)
	data, err := os.ReadFile("../../examples/attending-seeing-drift.yaml")
	if err != nil {
		b.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, "drift.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat("The group was warm but the last sessions drifted into advice about protocols. ", 20)
	for _, q := range p.Questions {
		a.SetNote(q.ID, long)
	}
	b.ReportAllocs()
	for b.Loop() {
		checklist.Evaluate(p, a)
	}
}
