package ui

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// keyCall is one call to newKey in this package's code: where, and its
// string literal arguments (help label, word, keys); lits is nil when an
// argument is not a literal.
type keyCall struct {
	pos  token.Position
	lits []string
}

// newKeyCalls reads every call to newKey in this package's code.
func newKeyCalls(t *testing.T) []keyCall {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	var out []keyCall
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
			if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != "newKey" || len(call.Args) < 2 {
				return true
			}
			c := keyCall{pos: fset.Position(call.Pos())}
			for _, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok {
					c.lits = append(c.lits, "") // not a literal
					continue
				}
				v, _ := strconv.Unquote(lit.Value)
				c.lits = append(c.lits, v)
			}
			out = append(out, c)
			return true
		})
	}
	if len(out) < 20 {
		t.Fatalf("found only %d newKey calls; the scan is broken", len(out))
	}
	return out
}

// TestEveryHelpWordIsInThePack: every word the key help can show comes
// from the pack (ui.key.*), so a translated pack leaves no English in the
// help line. It reads this package's calls to newKey, so a new key cannot
// be added without its word.
func TestEveryHelpWordIsInThePack(t *testing.T) {
	p := testPack(t)
	for _, c := range newKeyCalls(t) {
		if desc := c.lits[1]; desc != "" {
			if _, ok := p.Text[KeyTextID(desc)]; !ok {
				t.Errorf("%s: help word %q has no %s in the pack", c.pos, desc, KeyTextID(desc))
			}
		}
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
	for _, c := range newKeyCalls(t) {
		if len(c.lits) < 3 || slices.Contains(c.lits, "") {
			continue // built from variables: checked where it is made
		}
		label, keys := c.lits[0], c.lits[2:]
		for _, part := range strings.Split(label, "/") {
			if !slices.Contains(keys, cmp.Or(names[part], part)) {
				t.Errorf("%s: help label %q names %q, which its binding %v does not match", c.pos, label, part, keys)
			}
		}
	}
}
