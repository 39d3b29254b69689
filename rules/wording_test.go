package rules_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/vetcircle/vetcircle/internal/packcheck"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// guidePath is the clinic's guide the pack is written from. CI lays shared/
// beside the repository, as every developer machine has it.
var guidePath = filepath.Join("..", "..", "shared", "seed", "000_2eb6a4d4bdfa3462.txt")

// runWords is the longest run of words the pack may share with the guide:
// facts carry over, sentences do not.
const runWords = 8

func words(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

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
			case "Source", "ID", "Question", "Headings", "Addition", "Pos", "Section", "Value":
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
	data, err := os.ReadFile(guidePath)
	if err != nil {
		t.Fatalf("the guide is needed to check the pack's wording: %v", err)
	}
	guide := words(string(data))
	runs := map[string]bool{}
	for i := 0; i+runWords <= len(guide); i++ {
		runs[strings.Join(guide[i:i+runWords], " ")] = true
	}
	p, err := rules.Parse()
	if err != nil {
		t.Fatal(err)
	}
	quoted := map[string]bool{}
	for _, q := range p.Questions {
		if q.Core {
			quoted[q.Say] = true // the guide's own questions, asked as written
		}
	}
	n := 0
	packStrings(reflect.ValueOf(p), "pack", func(path, s string) {
		if quoted[s] {
			return
		}
		for _, h := range p.Meta.Guide.Headings {
			s = strings.ReplaceAll(s, h, " ")
		}
		w := words(s)
		for i := 0; i+runWords <= len(w); i++ {
			run := strings.Join(w[i:i+runWords], " ")
			if runs[run] {
				t.Errorf("%s repeats the guide word for word (%q); say it in the pack's own words:\n  %s", path, run, s)
				n++
				return
			}
		}
	})
	if n == 0 && len(runs) < 1000 {
		t.Fatalf("the guide at %s looks too short (%d runs) to check against", guidePath, len(runs))
	}
}

var _ = checklist.Pack{}

// TestPackHasEveryFallbackText: the phone script and the comparison table
// keep an English fallback for custom packs, but the built-in pack must hold
// every one of their sentences, so a translated pack translates them too.
func TestPackHasEveryFallbackText(t *testing.T) {
	p, err := rules.Parse()
	if err != nil {
		t.Fatal(err)
	}
	uses, err := packcheck.Keys(regexp.MustCompile(`"((?:script|compare)\.[a-z0-9.-]+)",\s*"`), "../internal/cli", "../internal/compare")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range packcheck.Missing(uses, p.Text, 20, t.Fatal) {
		t.Errorf("%s: the built-in pack lacks %s", u.File, u.Key)
	}
}
