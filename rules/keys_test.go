package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/rules"
)

// TestEveryMessageKeyIsInBothCatalogs: a key the Go code says a message
// by (msg.New, msg.Wrap, a catalog's Tf or T with a literal key) is in
// the English and the Spanish catalog, and so is every file-failure
// sentence of fileio's table: a missing key would show a person the key.
func TestEveryMessageKeyIsInBothCatalogs(t *testing.T) {
	en, err := rules.Parse()
	if err != nil {
		t.Fatal(err)
	}
	es, err := rules.ParseES()
	if err != nil {
		t.Fatal(err)
	}
	check := func(where, key string) {
		for _, p := range []struct {
			lang string
			text map[string]string
		}{{"en", en.Text}, {"es", es.Text}} {
			if _, ok := p.text[key]; !ok {
				t.Errorf("%s: key %q is not in the %s catalog", where, key, p.lang)
			}
		}
	}
	for _, k := range fileio.WordKeys() {
		check("fileio words", "file."+k)
	}
	fset := token.NewFileSet()
	n := 0
	err = filepath.WalkDir("../internal", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			arg := -1
			x, _ := sel.X.(*ast.Ident)
			switch {
			case x != nil && (x.Name == "msg" || x.Name == "vmsg") && sel.Sel.Name == "New":
				arg = 0
			case x != nil && (x.Name == "msg" || x.Name == "vmsg") && sel.Sel.Name == "Wrap":
				arg = 1
			case sel.Sel.Name == "Tf" || sel.Sel.Name == "T":
				arg = 0
			}
			if arg < 0 || len(call.Args) <= arg {
				return true
			}
			lit, ok := call.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil || strings.ContainsAny(key, " {") || !strings.Contains(key, ".") {
				return true
			}
			n++
			check(fset.Position(lit.Pos()).String(), key)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d message keys checked", n)
	if n < 50 {
		t.Errorf("found only %d message keys in the Go code: the scan no longer sees them", n)
	}
}
