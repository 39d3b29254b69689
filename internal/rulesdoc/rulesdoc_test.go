package rulesdoc_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/rulesdoc"
	"github.com/vetcircle/vetcircle/rules"
)

// TestCommittedDocsMatchThePacks is the drift test: docs/rules.md and
// docs/rules.es.md are what the packs generate. After changing a pack, run
// go generate ./rules and commit the docs with it.
func TestCommittedDocsMatchThePacks(t *testing.T) {
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "docs", rulesdoc.FileName(lang))
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v: run go generate ./rules", err)
		}
		if want := rulesdoc.Markdown(p); string(got) != want {
			t.Errorf("docs/%s differs from the %s pack (%s): run go generate ./rules and commit it",
				rulesdoc.FileName(lang), p.Meta.ID, firstDiff(string(got), want))
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("first at line %d: committed %q, the pack gives %q", i+1, gl, wl)
		}
	}
	return "same lines"
}

// TestReferenceNamesEverything: every question, option, rule, derived
// answer, format, fit and stay rule is in the reference with its source,
// in both languages.
func TestReferenceNamesEverything(t *testing.T) {
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		md := rulesdoc.Markdown(p)
		need := func(what, s string) {
			if !strings.Contains(md, s) {
				t.Errorf("%s: the reference lacks %s %q", lang, what, s)
			}
		}
		for _, s := range p.Sections {
			need("section", "(`"+s.ID+"`)")
		}
		for _, q := range p.Questions {
			need("question", "`"+q.ID+"`: ")
			need("the source of", q.Source)
			for _, o := range q.Options {
				need("option", "`"+o.ID+"` ")
			}
		}
		for _, r := range p.Rules {
			need("rule", "### "+r.ID+"\n")
			need("the source of", r.Source)
		}
		for _, d := range p.Derived {
			need("derived answer", "### "+d.ID+"\n")
		}
		for _, f := range p.Formats {
			need("format", "### `"+f.ID+"`")
			for _, r := range f.Rules {
				need("fit rule", "#### "+r.ID+"\n")
			}
		}
		for _, r := range p.CircleFit {
			need("circle fit rule", "#### "+r.ID+"\n")
		}
		if p.Stay != nil {
			for _, r := range p.Stay.Rules {
				need("stay rule", "### "+r.ID+"\n")
			}
			for _, r := range p.Stay.Verdicts {
				need("stay verdict rule", "### "+r.ID+"\n")
			}
		}
		for _, v := range checklist.Verdicts {
			need("verdict", "- `"+string(v)+"`")
		}
	}
}

// TestEveryHeadingIsInTheCatalog: the reference's own words are the
// pack's "rulesdoc.*" texts; one missing would show as its key in
// brackets.
func TestEveryHeadingIsInTheCatalog(t *testing.T) {
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		if md := rulesdoc.Markdown(p); strings.Contains(md, "[rulesdoc.") {
			i := strings.Index(md, "[rulesdoc.")
			t.Errorf("%s: the reference shows a missing key: %q", lang, md[i:min(len(md), i+40)])
		}
	}
}
