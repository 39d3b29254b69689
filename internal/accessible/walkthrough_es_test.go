package accessible_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/rules"
)

// listener answers line prompts as a person does: it reads what was
// printed since its last answer and decides from the words there. It is
// the input of a pipe whose other end reads the output.
type listener struct {
	out     *strings.Builder
	seen    int
	answer  func(block string) string
	pending string
	turns   int
}

func (l *listener) Read(p []byte) (int, error) {
	if l.pending == "" {
		l.turns++
		if l.turns > 400 {
			return 0, errEndless
		}
		block := l.out.String()[l.seen:]
		l.seen = l.out.Len()
		l.pending = l.answer(block) + "\n"
	}
	n := copy(p, l.pending)
	l.pending = l.pending[n:]
	return n, nil
}

var errEndless = errors.New("the walkthrough kept asking")

var optionLine = regexp.MustCompile(`(?m)^(\d+)\. (.+)$`)

// pick is the number the block lists beside the option that reads label.
func pick(t *testing.T, block, label string) string {
	for _, m := range optionLine.FindAllStringSubmatch(block, -1) {
		if m[2] == label {
			return m[1]
		}
	}
	t.Errorf("no option reads %q in:\n%s", label, block)
	return ""
}

// TestSpanishWalkthroughRecordsWhatItSays: a Spanish speaker going through
// the line prompts picks "Ya asisto..." and, among the signs to leave, the
// one that reads "...me siento peor", each by its words; the answers kept
// are attending and feel-worse, and the summary read out gives the crisis
// line, then "should you stay?", before the verdict.
func TestSpanishWalkthroughRecordsWhatItSays(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := &listener{out: &out, answer: func(block string) string {
		switch {
		case strings.Contains(block, "¿En qué punto está con este círculo?"):
			return pick(t, block, "Ya asisto, y me pregunto si debo quedarme")
		case strings.Contains(block, "¿Cuáles de estas cosas son ciertas para usted?"):
			return pick(t, block, "Después de las sesiones casi siempre me siento peor")
		case strings.Contains(block, "Guardar"):
			return "n"
		}
		return ""
	}}
	a, err := accessible.Run(context.Background(), es, in, &out, accessible.Options{Options: intake.Options{Now: func() time.Time { return day }, Dir: t.TempDir()}, Echo: true})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	if v, _ := a.Get("stage"); v.Choice != "attending" {
		t.Errorf("stage = %q, want attending", v.Choice)
	}
	if v, _ := a.Get("leave-signs"); !slices.Equal(v.List, []string{"feel-worse"}) {
		t.Errorf("leave-signs = %v, want [feel-worse]", v.List)
	}
	text := out.String()
	start := strings.LastIndex(text, "Este es el resumen.")
	if start < 0 {
		t.Fatalf("no summary read out:\n%s", text)
	}
	summary := text[start:]
	prev := -1
	for _, part := range []string{"988", "¿Debería quedarse?", "Pensar en irse:", "¿El círculo es seguro y está bien llevado?"} {
		at := strings.Index(summary, part)
		if at < prev || at < 0 {
			t.Fatalf("the summary does not give %q in its place:\n%s", part, summary)
		}
		prev = at
	}
}
