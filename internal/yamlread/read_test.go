package yamlread

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestReaderMatchesGoccy reads YAML that people write by hand with our
// reader and with goccy/go-yaml (the parser it replaced) and expects the
// same values: quoting, folding, block scalars, comments, flow and block
// collections, directives and document markers.
func TestReaderMatchesGoccy(t *testing.T) {
	docs := []string{
		"a: 1\nb: two words\nc: \"quoted: yes\"\nd: 'it''s'\n",
		"a:\n  - x\n  - y\nb: [p, q, 'r s']\n",
		"a:\n- x\n- y\nb: z\n",
		"list:\n  - id: one\n    label: One\n  - {id: two, label: \"Two, too\"}\n",
		"text: |-\n  line one\n  line two\n\n  after blank\nnext: 1\n",
		"text: |\n  keep\n   indented\n\nnext: 1\n",
		"text: >\n  folded\n  lines\n\n  para\n",
		"text: >-\n  a\n    b\n  c\n",
		"text: |+\n  kept\n\n\nx: 1\n",
		"plain: first\n  continued\n\n  new para\nx: 1\n",
		"q: \"one\n  two\n\n  three\"\n",
		"q: \"esc \\t \\\" \\\\ \\u00e9 \\x41 \\e]0;x\\a\"\n",
		"# comment\n%YAML 1.2\n---\na: 1 # trailing\n...\n",
		"---\na: [1, 2,\n  3]\n",
		"a: {b: {c: [d, {e: f}]}}\n",
		"url: http://example.com/a#b\nk: a:b\n",
		"empty:\nn: ~\nz: null\n",
		"- - a\n  - b\n- c\n",
		"a: [x: 1, y]\n",
		"k: v   \n\n\n",
		"n: a-0\nm: 1_000x\n",
		"a: 'multi\n  line'\n",
		"x: \"line\\\n  joined\"\n",
		"- |\n  in a list\n- >\n  folded in\n  a list\n",
	}
	for _, doc := range docs {
		// Saved by a Windows editor, the same file reads the same.
		crlf := strings.ReplaceAll(doc, "\n", "\r\n")
		lf, err1 := Parse("t.yaml", []byte(doc), PackLimits)
		cr, err2 := Parse("t.yaml", []byte(crlf), PackLimits)
		if err1 != nil || err2 != nil {
			t.Errorf("Parse(%q) = %v; with CRLF: %v", doc, err1, err2)
		} else if a, b := norm(t, plainAll(lf)), norm(t, plainAll(cr)); a != b {
			t.Errorf("Parse(%q) with CRLF line ends\n got %s\nwant %s", crlf, b, a)
		}
	}
	for _, doc := range docs {
		var want any
		if err := yaml.Unmarshal([]byte(doc), &want); err != nil {
			t.Errorf("goccy cannot read %q: %v", doc, err)
			continue
		}
		n, err := Parse("t.yaml", []byte(doc), PackLimits)
		if err != nil {
			t.Errorf("Parse(%q) = %v", doc, err)
			continue
		}
		got := norm(t, plainAll(n))
		if w := norm(t, want); got != w {
			t.Errorf("Parse(%q)\n got %s\nwant %s", doc, got, w)
		}
	}
}

// plainAll is plain() with every scalar as text, as goccy's typed values
// are normalised to text too.
func plainAll(n *Node) any {
	switch n.Kind {
	case ScalarNode:
		return n.Value
	case SeqNode:
		out := []any{}
		for _, it := range n.Items {
			out = append(out, plainAll(it))
		}
		return out
	case MapNode:
		out := map[string]any{}
		for i, k := range n.Keys {
			out[k.Value] = plainAll(n.Vals[i])
		}
		return out
	}
	return nil
}

func norm(t *testing.T, v any) string {
	var fix func(any) any
	fix = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, x := range v {
				out[k] = fix(x)
			}
			return out
		case []any:
			out := []any{}
			for _, x := range v {
				out = append(out, fix(x))
			}
			return out
		case nil:
			return nil
		case string:
			return v
		}
		b, _ := json.Marshal(v)
		return strings.Trim(string(b), "\"")
	}
	b, err := json.Marshal(fix(v))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
