package handout_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/handout"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func packs(t *testing.T) map[string]*checklist.Pack {
	t.Helper()
	out := map[string]*checklist.Pack{}
	for _, lang := range []string{"en", "es"} {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		out[lang] = p
	}
	return out
}

func f(v float64) *float64 { return &v }

var harbor = handout.Circle{Name: "Thursday Harbor KAP Group", Setting: "hybrid", Service: checklist.Service{
	Contact:   checklist.Contact{Phone: "+1 (503) 555-0142 x12", Email: "intake@harbor.example.org", Website: "https://harbor.example.org/circles/thursday-evening-integration-group"},
	Schedule:  checklist.Schedule{Text: "Every other Thursday, 6:30 pm", Weekday: "thursday", Start: "18:30", Frequency: "biweekly"},
	Languages: []string{"en", "es"}, Cost: checklist.Cost{Model: "sliding-scale", Amount: f(20), Upper: f(60)}, LastVerified: "2026-11-30"}}

// bare has no service record at all: the sheet says so and still carries
// everything else.
var bare = handout.Circle{Name: "*Moon* [circle](http://x) # 1"}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/handout -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

// TestHandout: the sheet in both languages, as text and markdown, matches
// its golden file; text keeps to 80 columns with no markdown symbols; the
// crisis line is there, with the Spanish option in Spanish.
func TestHandout(t *testing.T) {
	for lang, p := range packs(t) {
		for name, c := range map[string]handout.Circle{"harbor": harbor, "bare": bare} {
			s := handout.Build(p, c)
			text, md := s.Text(0), s.Markdown()
			golden(t, name+"."+lang+".txt", text)
			golden(t, name+"."+lang+".md", md)
			for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				if w := textclean.Width(line); w > 80 {
					t.Errorf("%s %s line %d is %d columns: %q", name, lang, i+1, w, line)
				}
				trimmed := strings.TrimSpace(line)
				for _, mark := range []string{"#", "- ", "* ", "> ", "```", "---", "|"} {
					if strings.HasPrefix(trimmed, mark) {
						t.Errorf("%s %s line %d starts with markdown %q: %q", name, lang, i+1, mark, line)
					}
				}
				if strings.ContainsAny(line, "*`_") && name == "harbor" {
					t.Errorf("%s %s line %d holds a markdown symbol: %q", name, lang, i+1, line)
				}
			}
			if !strings.Contains(text, "988") || !strings.Contains(md, "988") {
				t.Errorf("%s %s: no 988", name, lang)
			}
			if lang == "es" && !strings.Contains(strings.Join(strings.Fields(text), " "), "para español, marque 2") {
				t.Errorf("%s es: the crisis line does not say to press 2 for Spanish", name)
			}
			if strings.Contains(md, "[circle](") {
				t.Errorf("%s %s: a name became a link in markdown", name, lang)
			}
		}
	}
	if s := handout.Build(packs(t)["en"], bare).Text(0); !strings.Contains(s, "No way to reach this circle is on record yet") {
		t.Error("a circle with no contact does not say so")
	}
}

// TestHandoutNarrow: any width wraps within it.
func TestHandoutNarrow(t *testing.T) {
	p := packs(t)["en"]
	for _, w := range []int{40, 60} {
		for _, line := range strings.Split(handout.Build(p, harbor).Text(w), "\n") {
			if textclean.Width(line) > w {
				t.Errorf("width %d: %q", w, line)
			}
		}
	}
}

// TestScheduleAndCost: the record's fields in words, in both languages.
func TestScheduleAndCost(t *testing.T) {
	ps := packs(t)
	for _, tc := range []struct {
		lang, got, want string
	}{
		{"en", handout.Schedule(ps["en"], harbor.Service.Schedule), "Every other Thursday, 6:30 pm (every two weeks on Thursdays at 18:30)"},
		{"es", handout.Schedule(ps["es"], checklist.Schedule{Weekday: "monday", Frequency: "weekly"}), "cada semana los lunes"},
		{"en", handout.Cost(ps["en"], harbor.Service.Cost), "a sliding scale, $20 to $60 a session"},
		{"es", handout.Cost(ps["es"], checklist.Cost{Model: "fixed", Amount: f(1500)}), "una tarifa fija, $1,500 por sesión"},
		{"en", handout.Cost(ps["en"], checklist.Cost{Model: "free", Amount: f(0)}), "free"},
		{"es", handout.LanguageName(ps["es"], "en"), "inglés"},
		{"en", handout.LanguageName(ps["en"], "es"), "Spanish"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, tc.got, tc.want)
		}
	}
}

// TestHandoutCitesTheGuide: every section the sheet cites is a heading of
// the clinic's guide (rules/guide/headings.txt, as the rules' sources are).
func TestHandoutCitesTheGuide(t *testing.T) {
	data, err := os.ReadFile("../../rules/guide/headings.txt")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			headings[l] = true
		}
	}
	p := packs(t)["en"]
	closing := handout.Build(p, harbor).Closing
	_, cited, ok := strings.Cut(closing[len(closing)-1], "its sections: ")
	if !ok {
		t.Fatalf("no sections cited: %q", closing)
	}
	for _, s := range strings.Split(cited, "; ") {
		if !headings[s] {
			t.Errorf("%q is not a section of the guide", s)
		}
	}
}

// TestDistressPutsHelpFirst: when the person's record shows distress, the
// sheet opens with where to get help (988), before the circle's red flags;
// otherwise help comes after the signs to leave.
func TestDistressPutsHelpFirst(t *testing.T) {
	for lang, p := range packs(t) {
		c := harbor
		c.RedFlags = []string{"a red flag"}
		calm := handout.Build(p, c)
		if calm.Sections[0].Heading == p.T("handout.help") {
			t.Errorf("%s: help opens the sheet of someone not in distress", lang)
		}
		c.Distress = true
		s := handout.Build(p, c)
		if s.Sections[0].Heading != p.T("handout.help") {
			t.Errorf("%s: in distress, the sheet opens with %q, not where to get help", lang, s.Sections[0].Heading)
		}
		if len(s.Sections) != len(calm.Sections) {
			t.Errorf("%s: %d sections in distress, %d otherwise: help must move, not repeat", lang, len(s.Sections), len(calm.Sections))
		}
		text := s.Text(80)
		if i, j := strings.Index(text, "988"), strings.Index(text, "a red flag"); i < 0 || j < 0 || i > j {
			t.Errorf("%s: 988 does not come before the red flags:\n%s", lang, text)
		}
	}
}
