package mdrender_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// sgr is the renderer's own styling; anything else that reaches the
// terminal from pack text is a leak.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// leak is the first control character in rendered terminal bytes once the
// renderer's own colours are set aside: ESC, BEL, a C1 control (U+0080 to
// U+009F, the 8-bit CSI and OSC) or any other C0 control but newline.
func leak(out string) (rune, bool) {
	for _, r := range sgr.ReplaceAllString(out, "") {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return r, true
		}
	}
	return 0, false
}

// strings of a value, every one reachable (pack text lives in messages,
// questions, options, rules and their reasons).
func packStrings(v reflect.Value, seen map[uintptr]bool, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			*out = append(*out, s)
		}
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		packStrings(v.Elem(), seen, out)
	case reflect.Interface:
		if !v.IsNil() {
			packStrings(v.Elem(), seen, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			packStrings(v.Field(i), seen, out)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			packStrings(v.Index(i), seen, out)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			packStrings(it.Key(), seen, out)
			packStrings(it.Value(), seen, out)
		}
	}
}

// TestEveryPackStringRendersClean renders every string of the built-in
// packs through the markdown renderer, as the terminal will get them, and
// checks the bytes, not only the markdown (issue 17, item 5).
func TestEveryPackStringRendersClean(t *testing.T) {
	r, err := mdrender.New(80, mdrender.StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		packStrings(reflect.ValueOf(p), map[uintptr]bool{}, &texts)
		if len(texts) < 200 {
			t.Fatalf("%s: only %d strings found; the walk missed the pack", lang, len(texts))
		}
		for _, s := range texts {
			out, err := r.Render(s)
			if err != nil {
				t.Fatal(err)
			}
			if c, bad := leak(out); bad {
				t.Errorf("%s: %q renders with %U", lang, s, c)
			}
		}
	}
}

// TestReferencesDecodedAsTheRendererDecodes: character references with and
// without ";", decimal and hex, to ESC, BEL and C1 controls, make pack text
// unsafe (rules check refuses it), and once cleaned render no control.
func TestReferencesDecodedAsTheRendererDecodes(t *testing.T) {
	r, err := mdrender.New(80, mdrender.StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"a &#27]0;PWNED&#7 b",
		"x &#x9d y",
		"x &#X9D;y",
		"z &#x1b;[31m w",
		"&#27;[2J",
		"&#0027[2J",
		"bell&#07 x",
		"&NewLine; line",
		"&#x202e;evil",
	} {
		raw, err := r.Render(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, bad := leak(raw); !bad && !strings.Contains(s, "202e") && !strings.Contains(s, "NewLine") {
			t.Errorf("%q: the renderer did not decode it; the test no longer shows the danger", s)
		}
		if !textclean.Unsafe(s) {
			t.Errorf("Unsafe(%q) = false; a pack holding it would pass rules check", s)
		}
		out, err := r.Render(textclean.CleanMarkdown(s))
		if err != nil {
			t.Fatal(err)
		}
		if c, bad := leak(out); bad {
			t.Errorf("CleanMarkdown(%q) still renders %U", s, c)
		}
	}
	// Harmless references stay.
	for _, s := range []string{"Fish &amp; chips", "caf&#233;", "AT&T", "R&D; more"} {
		if textclean.Unsafe(s) || textclean.CleanMarkdown(s) != s {
			t.Errorf("%q is harmless but was changed to %q", s, textclean.CleanMarkdown(s))
		}
	}
}
