package ui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/rules"
)

// spanishCases are the walkthrough's screen kinds and the summary in the
// Spanish pack, at 80x24.
var spanishCases = []struct {
	name  string
	setup func(d *driver)
}{
	{"welcome", func(d *driver) {}},
	{"basics", func(d *driver) { d.keys("enter", "enter").typeText("Círculo del jueves").keys("tab", "1") }},
	{"question-choice", func(d *driver) { d.goToStep("q:training").keys("2") }},
	{"question-multi", func(d *driver) { d.goToStep("q:agreements").keys("1", "4", "down") }},
	{"question-tristate", func(d *driver) { d.goToStep("q:screening").keys("u") }},
	{"red-flags", func(d *driver) { d.goToStep("section:red-flags").keys("n", "y", "u") }},
	{"review", func(d *driver) { d.fill(loadExample(d.tb, "red-flag-vendor.yaml")).keys("down", "down", "down") }},
	{"summary", func(d *driver) { d.fill(loadExample(d.tb, "attending-should-leave.yaml")).keys("enter") }},
	{"full-help", func(d *driver) { d.goToStep("q:agreements").keys("?") }},
	{"quit-dialog", func(d *driver) { d.keys("1", "q") }},
}

// TestGoldenSpanish renders the Spanish walkthrough and checks that no
// sentence of the English pack is left on any screen.
func TestGoldenSpanish(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	english := englishSentences(t)
	for _, tc := range spanishCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HOME", t.TempDir())
			t.Setenv("XDG_STATE_HOME", "")
			store, err := draft.DefaultStore()
			if err != nil {
				t.Fatal(err)
			}
			d := newDriverWith(t, es, 80, 24, Options{Options: intake.Options{Dir: "/home/usted/circulos", Drafts: intake.NewAutosaver(es, store, nil), ResultJSON: stubJSON}})
			d.dark(true)
			tc.setup(d)
			frame := d.m.View().Content
			checkFits(t, frame, 80, 24)
			golden.RequireEqual(t, downsample(frame))
			text := strings.Join(strings.Fields(ansi.Strip(frame)), " ")
			for _, s := range english {
				if strings.Contains(text, s) {
					t.Errorf("English left on the Spanish screen: %q\n%s", s, ansi.Strip(frame))
				}
			}
		})
	}
}

// englishSentences are the English pack's sentences that the Spanish pack
// words differently, as runs of their first five words: enough to spot one
// on a screen, even where it wraps.
func englishSentences(t *testing.T) []string {
	en := testPack(t)
	es, _ := rules.DefaultES()
	var out []string
	var walk func(a, b reflect.Value)
	walk = func(a, b reflect.Value) {
		switch a.Kind() {
		case reflect.Pointer:
			if !a.IsNil() && !b.IsNil() {
				walk(a.Elem(), b.Elem())
			}
		case reflect.Struct:
			for i := range a.NumField() {
				f := a.Type().Field(i)
				if f.IsExported() && f.Name != "Source" && f.Name != "Headings" && f.Name != "Addition" {
					walk(a.Field(i), b.Field(i))
				}
			}
		case reflect.Slice:
			for i := range min(a.Len(), b.Len()) {
				walk(a.Index(i), b.Index(i))
			}
		case reflect.Map:
			for _, k := range a.MapKeys() {
				if v := b.MapIndex(k); v.IsValid() {
					walk(a.MapIndex(k), v)
				}
			}
		case reflect.String:
			s := strings.Fields(a.String())
			if a.String() != b.String() && len(s) >= 5 {
				out = append(out, strings.Join(s[:5], " "))
			}
		}
	}
	walk(reflect.ValueOf(en), reflect.ValueOf(es))
	if len(out) < 200 {
		t.Fatalf("only %d English sentences found; the walk is broken", len(out))
	}
	return out
}

// TestSpanishConfirmations: in Spanish, a confirmation is s for sí (y, which
// reads as "and", still works), and the dialog's buttons are in Spanish.
func TestSpanishConfirmations(t *testing.T) {
	for _, yes := range []string{"s", "y"} {
		d := newDriverWith(t, spanishPack(t), 80, 24, Options{})
		d.goToStep("q:training").keys("1", "q")
		view := d.view()
		if !strings.Contains(view, "s  salir") || !strings.Contains(view, "n  quedarse") || strings.Contains(view, "y  quit") {
			t.Fatalf("the Spanish quit dialog:\n%s", view)
		}
		d.keys(yes)
		if !d.quit {
			t.Errorf("%q did not confirm quitting in Spanish", yes)
		}
	}
}

func spanishPack(t testing.TB) *checklist.Pack {
	t.Helper()
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	return es
}
