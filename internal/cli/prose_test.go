package cli

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

// knownEnglish are the command layer's English literals that are not
// words for a person, each with why.
var knownEnglish = map[string]string{
	"unknown command %q for %q":                             "cobra's own wording, read back by argsError and said anew from the catalog",
	"flag needs an argument":                                "pflag's wording, recognised by isUsageError",
	"^unknown shorthand flag: '(.)' in":                     "pflag's wording, read by flagError",
	"^flag needs an argument: (?:'(.)' in -\\S+|(--\\S+))$": "pflag's wording, read by flagError",
	"^invalid argument \"(.*)\" for \"(.+)\" flag":          "pflag's wording, read by flagError",
	"  %d sections, %d questions, %d scoring rules, %d formats with %d fit rules, %d verdict bands, %d text entries\n": "rules check, for pack authors (pack problems stay English: docs/languages.md)",
	"built-in rules (es)": "rules check, for pack authors",
	"%q is not one of %s": "an answers-file problem (checklist.FieldError), said through the pack's err: texts",
}

// TestNoEnglishProseInCommands: the command layer holds no sentence for a
// person; every one is in the catalog (rules/cli.yaml and its
// translations). A string literal of three or more words with a common
// English word fails, unless it is a command's usage or example (commands
// to type) or listed in knownEnglish with its reason.
func TestNoEnglishProseInCommands(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	stop := words("the a an to of not your you in for and or is be can cannot has was it this that with use give no")
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && (id.Name == "Use" || id.Name == "Example") {
					return false // commands to type
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || len(strings.Fields(s)) < 3 {
				return true
			}
			english := false
			for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
				english = english || stop[w]
			}
			if !english {
				return true
			}
			if _, ok := knownEnglish[s]; ok {
				seen[s] = true
				return true
			}
			t.Errorf("%s: English in Go code: %q; put it in rules/cli.yaml (and rules/es/cli.yaml) and say it with p.T or msg.New", fset.Position(lit.Pos()), s)
			return true
		})
	}
	for s, why := range knownEnglish {
		if !seen[s] {
			t.Errorf("knownEnglish lists %q (%s), which is no longer in the code: remove it", s, why)
		}
	}
}
