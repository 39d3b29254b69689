package checklist_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// The limits below are tested at their edges: the largest thing allowed is
// read, one more is refused with the limit's own message. (The hostile
// files test them far beyond the edge, which an off-by-one would pass.)

// TestNestingLimitEdge: an answers file nested exactly as deep as allowed
// reads; one level more is refused as too deep.
func TestNestingLimitEdge(t *testing.T) {
	p := defaultPack(t)
	nest := func(levels int) string {
		return "version: 1\nanswers:\n" + strings.Repeat("{a: ", levels) + strings.Repeat("}", levels) + "\n"
	}
	tests := []struct {
		name    string
		doc     string
		tooDeep bool
	}{
		{"mappings as deep as allowed", nest(8), false},
		{"one mapping deeper", nest(9), true},
		{"lists as deep as allowed", "version: 1\nanswers:\n  agreements: " + strings.Repeat("[", 7) + strings.Repeat("]", 7) + "\n", false},
		{"one list deeper", "version: 1\nanswers:\n  agreements: " + strings.Repeat("[", 8) + strings.Repeat("]", 8) + "\n", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checklist.ParseAnswers(p, "a.yaml", []byte(tc.doc))
			got := err != nil && strings.Contains(err.Error(), "nesting deeper than 8 levels")
			if got != tc.tooDeep {
				t.Errorf("ParseAnswers(%q) = %v; refused as too deep: %v, want %v", tc.doc, err, got, tc.tooDeep)
			}
		})
	}
}

// TestNameLengthEdge: a circle's name of 200 characters (letters of any
// script, counted as characters, not bytes) is kept; 201 is refused.
func TestNameLengthEdge(t *testing.T) {
	p := defaultPack(t)
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{strings.Repeat("n", 200), true},
		{strings.Repeat("é", 200), true},
		{strings.Repeat("n", 201), false},
		{strings.Repeat("é", 201), false},
	} {
		a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\ncircle:\n  name: \""+tc.name+"\"\n"))
		switch {
		case tc.ok && err != nil:
			t.Errorf("a name of %d characters refused: %v", len([]rune(tc.name)), err)
		case tc.ok && checklist.Evaluate(p, a).Circle.Name != tc.name:
			t.Errorf("a name of %d characters not kept whole", len([]rune(tc.name)))
		case !tc.ok && (err == nil || !strings.Contains(err.Error(), "text is 201 characters, over the 200 limit")):
			t.Errorf("a name of 201 characters: %v, want it refused with the limit", err)
		}
	}
}

// TestPackTextMustBeSafe: a rule pack whose text holds an escape sequence,
// a control character, an invisible character or a character reference to
// one is refused, naming the text; the built-in pack itself loads. Pack
// text reaches terminals and saved files.
func TestPackTextMustBeSafe(t *testing.T) {
	base := fstest.MapFS{}
	entries, err := fs.ReadDir(rules.Files, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(rules.Files, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		base[e.Name()] = &fstest.MapFile{Data: data}
	}
	if _, err := checklist.LoadPack(base, "pack"); err != nil {
		t.Fatalf("the built-in pack as files: %v", err)
	}
	const line = `  felt.better: "better"`
	if !strings.Contains(string(base["text.yaml"].Data), line) {
		t.Fatalf("text.yaml lacks %q to change", line)
	}
	for name, value := range map[string]string{
		"escape sequence":     `"\e[31mbetter"`,
		"OSC 52":              `"better\e]52;c;SGVsbG8=\a"`,
		"control character":   `"bet\u0008ter"`,
		"invisible character": `"bet\u200bter"`,
		"reference to ESC":    `"&#27;[31mbetter"`,
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys["text.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(base["text.yaml"].Data), line, "  felt.better: "+value, 1))}
			_, err := checklist.LoadPack(fsys, "pack")
			if err == nil || !strings.Contains(err.Error(), "text holds control characters, escape sequences or invisible characters") {
				t.Errorf("a pack with %s in its text: %v, want it refused", name, err)
			}
		})
	}
}
