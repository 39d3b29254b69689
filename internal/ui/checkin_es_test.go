package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/vetcircle/vetcircle/rules"
)

// optionRow is a choice as the form shows it: "3 ○ peor".
var optionRow = regexp.MustCompile(`(?m)^\s*(?:› )?(\d) [○●] (.+?)\s*$`)

// optionNumber is the number the screen shows beside the option that
// reads word, as a person finds it.
func optionNumber(t *testing.T, screen, word string) string {
	t.Helper()
	for _, m := range optionRow.FindAllStringSubmatch(screen, -1) {
		if m[2] == word {
			return m[1]
		}
	}
	t.Fatalf("no option reads %q on the screen:\n%s", word, screen)
	return ""
}

// TestSpanishCheckinRecordsWhatItSays: a Spanish speaker who picks the
// option that reads "mejor" records that the session left them better,
// and "peor", worse; what is kept is what the screen said, whatever
// number it shows beside it. (Parity tests compare IDs and placeholders;
// only this catches two words swapped.)
func TestSpanishCheckinRecordsWhatItSays(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{"mejor": "better", "igual": "same", "peor": "worse"} {
		t.Run(word, func(t *testing.T) {
			k := NewCheckin(es, "Círculo del jueves", true, true)
			k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			k.Init()
			n := optionNumber(t, ansi.Strip(k.View().Content), word)
			checkinKeys(k, n)
			if v := ansi.Strip(k.View().Content); !regexp.MustCompile(`Cómo se sintió después +` + word).MatchString(v) {
				t.Errorf("after %s the answer does not read %q:\n%s", n, word, v)
			}
			if !checkinKeys(k, "enter", "enter", "enter", "enter", "enter", "enter") {
				t.Fatalf("enter through the fields did not keep the check-in:\n%s", ansi.Strip(k.View().Content))
			}
			if c := k.Result(); c == nil || c.Felt != want {
				t.Fatalf("picking %q (%s) kept %+v, want felt %s", word, n, c, want)
			}
		})
	}
}

// TestCheckinGoldenSpanish is the Spanish check-in screen with "peor"
// chosen and a sign to leave ticked, at 80x24.
func TestCheckinGoldenSpanish(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	k := NewCheckin(es, "Círculo del jueves", true, false)
	k.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	k.Init()
	checkinKeys(k, optionNumber(t, ansi.Strip(k.View().Content), "peor"), "enter", "1")
	frame := k.View().Content
	checkFits(t, frame, 80, 24)
	golden.RequireEqual(t, downsample(frame))
	if v := ansi.Strip(frame); !strings.Contains(v, "Cómo se sintió después    peor") {
		t.Errorf("the chosen answer is not shown:\n%s", v)
	}
}
