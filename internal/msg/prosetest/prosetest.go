// Package prosetest finds English sentences in a package's Go code, for
// the tests that keep every word a person reads in the catalog
// (rules/cli.yaml and its translations) and none in Go: a package that
// speaks to people calls Check from a test.
package prosetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// stop are common English words: a literal of three or more words with
// one of them is taken for a sentence.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("the a an to of not your you in for and or is be can cannot has was it this that with use give no") {
		m[w] = true
	}
	return m
}()

// Check fails t for every string literal in the Go files (tests aside) of
// the current folder that reads as an English sentence, unless it is a
// command's usage or example (commands to type, as the Use and Example
// fields of a struct literal) or a key of known, whose value says why it
// is not words for a person. A key of known no longer in the code fails
// too, so the list never outlives its reasons.
func Check(t testing.TB, known map[string]string) { check(t, known, nil) }

// CheckSkipping is Check with whole files left out, each with why: a
// table of English that mirrors the catalog (an error's Error() for
// logs), whose keys a test checks are in every catalog.
func CheckSkipping(t testing.TB, known, skip map[string]string) { check(t, known, skip) }

func check(t testing.TB, known, skip map[string]string) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, f := range files {
		if _, ok := skip[f]; ok || strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && (id.Name == "Use" || id.Name == "Example") {
					return false
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !English(s) {
				return true
			}
			if _, ok := known[s]; ok {
				seen[s] = true
				return true
			}
			t.Errorf("%s: English in Go code: %q; put it in rules/cli.yaml (and rules/es/cli.yaml) and say it by key (p.T, msg.New, or a Tell method)", fset.Position(lit.Pos()), s)
			return true
		})
	}
	for s, why := range known {
		if !seen[s] {
			t.Errorf("the allow-list holds %q (%s), which is no longer in the code: remove it", s, why)
		}
	}
}

// English reports whether s reads as an English sentence: three or more
// words, one of them a common English word.
func English(s string) bool {
	if len(strings.Fields(s)) < 3 {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if stop[w] {
			return true
		}
	}
	return false
}
