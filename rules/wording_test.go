package rules_test

import (
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/packcheck"
	"github.com/vetcircle/vetcircle/internal/wording"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// fingerprintPath holds a hash of every normalised 8-word run of the clinic's
// guide (go generate ./rules keeps it in step with the guide where the guide
// is present; see rules/guideprint), so this test needs nothing outside the
// repository and the repository holds none of the guide's prose.
const fingerprintPath = "guide/fingerprint.txt"

// packStrings visits every sentence in the pack a user reads, with where it
// is, skipping identifiers and citations (section names may be quoted).
func packStrings(v reflect.Value, path string, visit func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			packStrings(v.Elem(), path, visit)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			switch f.Name {
			case "Source", "Sources", "ID", "Question", "Headings", "Addition", "Pos", "Section", "Value", "CrisisWords", "Settles", "LookFor", "Contradicts", "Item":
				continue
			}
			if !f.IsExported() {
				continue
			}
			packStrings(v.Field(i), path+"."+f.Name, visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			packStrings(v.Index(i), path+"["+itoa(i)+"]", visit)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			packStrings(v.MapIndex(k), path+"["+k.String()+"]", visit)
		}
	case reflect.String:
		visit(path, v.String())
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestPackIsInItsOwnWords fails on any run of eight or more words that a
// sentence of the pack shares with the guide, outside the three questions
// the guide tells people to ask word for word and the guide's section names.
func TestPackIsInItsOwnWords(t *testing.T) {
	f, err := os.Open(fingerprintPath)
	if err != nil {
		t.Fatalf("the guide's fingerprint is needed to check the pack's wording: %v", err)
	}
	defer f.Close()
	guide, err := wording.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", fingerprintPath, err)
	}
	if len(guide) < 1000 {
		t.Fatalf("%s holds %d runs, too few for the guide; regenerate it (go run ./guideprint -write)", fingerprintPath, len(guide))
	}
	for _, lang := range []struct {
		name  string
		parse func() (*checklist.Pack, error)
	}{{"en", rules.Parse}, {"es", rules.ParseES}} {
		p, err := lang.parse()
		if err != nil {
			t.Fatal(err)
		}
		quoted := map[string]bool{}
		for _, q := range p.Questions {
			if q.Core {
				quoted[q.Say] = true // the guide's own questions, asked as written
			}
		}
		packStrings(reflect.ValueOf(p), lang.name, func(path, s string) {
			if quoted[s] {
				return
			}
			for _, h := range p.Meta.Guide.Headings {
				s = strings.ReplaceAll(s, h, " ")
			}
			if run := guide.FirstShared(s); run != "" {
				t.Errorf("%s repeats the guide word for word (%q); say it in the pack's own words:\n  %s", path, run, s)
			}
		})
	}
}

// TestFingerprintCatchesACopiedSentence keeps the check above honest: a
// sentence lifted from a fingerprinted text is caught, a paraphrase is not.
func TestFingerprintCatchesACopiedSentence(t *testing.T) {
	fp := wording.Of("Skilled hosts open with explicit agreements, screen people first, and always end on time.")
	if run := fp.FirstShared("As the saying goes: skilled hosts open with explicit agreements, screen people first."); run == "" {
		t.Error("a copied run of eight words was not caught")
	}
	if run := fp.FirstShared("Good hosts state the agreements at the start and finish when they said they would."); run != "" {
		t.Errorf("a paraphrase was flagged: %q", run)
	}
}

var _ = checklist.Pack{}

// TestPackHasEveryFallbackText: the built-in pack holds every sentence the
// phone script and the comparison table ask for (they have no English of
// their own; a custom pack lacking one takes the built-in pack's).
func TestPackHasEveryFallbackText(t *testing.T) {
	p, err := rules.Parse()
	if err != nil {
		t.Fatal(err)
	}
	uses, err := packcheck.Keys(regexp.MustCompile(`\.T\("((?:script|compare)\.[a-z0-9.-]+)"\)`), "../internal/cli", "../internal/compare")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range packcheck.Missing(uses, p.Text, 20, t.Fatal) {
		t.Errorf("%s: the built-in pack lacks %s", u.File, u.Key)
	}
}
