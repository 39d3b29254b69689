package rules_test

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/vetcircle/vetcircle/rules"
)

type glossary struct {
	Terms []struct {
		Concept string   `yaml:"concept"`
		EN      string   `yaml:"en"`
		ES      string   `yaml:"es"`
		Note    string   `yaml:"note"`
		Refuse  []string `yaml:"refuse"`
	} `yaml:"terms"`
}

// spanishPackText is every line of the Spanish pack's files but comments,
// lower-cased.
func spanishPackText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	err := fs.WalkDir(rules.FilesES, "es", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := rules.FilesES.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") {
				b.WriteString(strings.ToLower(line) + "\n")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGlossary: the Spanish pack says each concept with its one term from
// rules/glossary/es.yaml, and never with a refused variant.
func TestGlossary(t *testing.T) {
	data, err := os.ReadFile("glossary/es.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var g glossary
	if err := yaml.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) < 10 {
		t.Fatalf("only %d terms; the glossary did not load", len(g.Terms))
	}
	text := spanishPackText(t)
	word := func(w string) *regexp.Regexp {
		return regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(strings.ToLower(w)) + `($|[^\p{L}])`)
	}
	for _, term := range g.Terms {
		if !word(term.ES).MatchString(text) {
			t.Errorf("%s: the Spanish pack never says %q", term.Concept, term.ES)
		}
		for _, v := range term.Refuse {
			if loc := word(v).FindStringIndex(text); loc != nil {
				line := text[strings.LastIndex(text[:loc[0]], "\n")+1:]
				line, _, _ = strings.Cut(line, "\n")
				t.Errorf("%s: the Spanish pack says %q; the glossary's term is %q: %s", term.Concept, v, term.ES, strings.TrimSpace(line))
			}
		}
	}
}

// TestMeaningMapping: the decision-driving words (red flags, leave signs,
// stay, fit and verdict words) read in both packs exactly as they were
// reviewed for meaning in rules/glossary/meaning-es.yaml; a change to
// either side must be read again against the meaning note.
func TestMeaningMapping(t *testing.T) {
	data, err := os.ReadFile("glossary/meaning-es.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Entries []struct {
			Path    string `yaml:"path"`
			EN      string `yaml:"en"`
			ES      string `yaml:"es"`
			Meaning string `yaml:"meaning"`
		} `yaml:"entries"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	en, es := loadPacks(t)
	pairs := map[string]prosePair{}
	for _, p := range compare(en, es).pairs {
		pairs[p.path] = p
	}
	reviewed := map[string]bool{}
	for _, e := range m.Entries {
		reviewed[e.Path] = true
		p, ok := pairs[e.Path]
		switch {
		case !ok:
			t.Errorf("%s: no such text in the packs", e.Path)
		case strings.TrimSpace(e.Meaning) == "":
			t.Errorf("%s: no meaning note", e.Path)
		case p.en != e.EN || p.es != e.ES:
			t.Errorf("%s changed since it was reviewed for meaning:\n  English %q (reviewed %q)\n  Spanish %q (reviewed %q)\n  meaning: %s", e.Path, p.en, e.EN, p.es, e.ES, e.Meaning)
		}
	}
	// Every red flag, leave sign, stay and verdict word is in the table.
	for _, q := range en.Questions {
		if q.RedFlag {
			if _, ok := pairs["questions["+q.ID+"].Label"]; ok && !reviewed["questions["+q.ID+"].Label"] {
				t.Errorf("red flag %s is not in the meaning table", q.ID)
			}
		}
	}
	for _, o := range en.Question("leave-signs").Options {
		if !reviewed["questions[leave-signs].Options["+o.ID+"].Label"] {
			t.Errorf("leave sign %s is not in the meaning table", o.ID)
		}
	}
	for _, k := range []string{"stay.leave", "stay.stay", "stay.watch", "verdict.avoid", "verdict.caution", "verdict.incomplete", "verdict.promising"} {
		if !reviewed["text["+k+"]"] {
			t.Errorf("%s is not in the meaning table", k)
		}
	}
}
