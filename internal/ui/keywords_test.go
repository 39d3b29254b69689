package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestEveryHelpWordIsInThePack: every word the key help can show comes
// from the pack (ui.key.*), so a translated pack leaves no English in the
// help line. It reads this package's calls to newKey, so a new key cannot
// be added without its word.
func TestEveryHelpWordIsInThePack(t *testing.T) {
	p := testPack(t)
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "newKey" || len(call.Args) < 2 {
				return true
			}
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok {
				return true // the desc parameter of newKey itself
			}
			desc, _ := strconv.Unquote(lit.Value)
			n++
			if _, ok := p.Text[KeyTextID(desc)]; !ok {
				t.Errorf("%s: help word %q has no %s in the pack", fset.Position(call.Pos()), desc, KeyTextID(desc))
			}
			return true
		})
	}
	if n < 20 {
		t.Fatalf("found only %d newKey calls; the scan is broken", n)
	}
}

// TestHelpWordsComeFromThePack: the help line shows the pack's word.
func TestHelpWordsComeFromThePack(t *testing.T) {
	p := testPack(t)
	q := *p
	q.Text = map[string]string{}
	for k, v := range p.Text {
		q.Text[k] = v
	}
	q.Text[KeyTextID("next")] = "siguiente"
	got := keyWords(&q, [][]key.Binding{{nextKey()}})
	if d := got[0][0].Help().Desc; d != "siguiente" {
		t.Errorf("help word = %q, want the pack's", d)
	}
	if d := nextKey().Help().Desc; d != "next" {
		t.Errorf("keyWords changed the original binding: %q", d)
	}
}

// TestHelpLabelsNameTheirKeys: every key a help label names is a key its
// binding matches ("↑/↓" binds up and down, "esc" binds esc), so the help
// line never promises a key that does nothing. It reads this package's
// calls to newKey.
func TestHelpLabelsNameTheirKeys(t *testing.T) {
	names := map[string]string{"↑": "up", "↓": "down", "⌫": "backspace", "pgdn": "pgdown", "pgup": "pgup", "enter": "enter"}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			call, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != "newKey" || len(call.Args) < 3 {
				return true
			}
			var lits []string
			for _, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok {
					return true // built from variables: checked where it is made
				}
				s, _ := strconv.Unquote(lit.Value)
				lits = append(lits, s)
			}
			label, keys := lits[0], lits[2:]
			n++
			for _, part := range strings.Split(label, "/") {
				k := part
				if m, ok := names[part]; ok {
					k = m
				}
				found := false
				for _, b := range keys {
					found = found || b == k
				}
				if !found {
					t.Errorf("%s: help label %q names %q, which its binding %v does not match", fset.Position(call.Pos()), label, part, keys)
				}
			}
			return true
		})
	}
	if n < 20 {
		t.Fatalf("checked only %d bindings; the scan is broken", n)
	}
}
