package textclean

import (
	"html"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestCleanMarkdown: a rule pack's markdown keeps its markup and harmless
// character references, and loses every reference that the markdown
// renderer would decode into a control, an escape, a bidi override or an
// invisible character, in decimal, hex, either case or by name, including
// one that only forms when another is removed.
func TestCleanMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Call **988** now &amp; then, café &#233; &eacute; &lt;b&gt;", "Call **988** now &amp; then, café &#233; &eacute; &lt;b&gt;"},
		{"&#27;]52;c;ZXZpbA==&#7; now", "]52;c;ZXZpbA== now"},
		{"&#x1b;[2J&#x1B;[0m&#X1B;x", "[2J[0mx"},
		{"&#8238;gpj.exe &#x202e; &#x2066;", "gpj.exe  "},
		{"zero&#8203;width &#65279;bom &#8205;joiner", "zerowidth bom joiner"},
		{"one&NewLine;line&Tab;tab", "onelinetab"},
		{"&#8232;&#8233;", ""},
		{"raw \x1b[31mred\x1b[0m and \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "raw red and link"},
		{"&&#27;#27;", ""},
		{"&#1&#27;0;", ""},
		{"&#&#27;x1b;", ""},
		{"no reference: AT&T &; & amp;", "no reference: AT&T &; & amp;"},
		{"&#27 without a semicolon", " without a semicolon"},
		{"line one\r\nline two", "line one\nline two"},
	}
	for _, tc := range tests {
		if got := CleanMarkdown(tc.in); got != tc.want {
			t.Errorf("CleanMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, s := range []string{"&#27;", "&#x1b;", "\x1b[31m", "&NewLine;", "a&#8203;b", "&&#27;#27;", "\u202e"} {
		if !Unsafe(s) {
			t.Errorf("Unsafe(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"plain", "a\r\nb", "&amp; &#233; **bold**", "AT&T"} {
		if Unsafe(s) {
			t.Errorf("Unsafe(%q) = true, want false", s)
		}
	}
}

// TestCleanMarkdownProperties: whatever the input, the output is a fixed
// point (cleaning it again changes nothing, so no reference is left that
// cleaning would remove) and holds no character reference that decodes to
// anything Clean removes, nor a raw control.
func TestCleanMarkdownProperties(t *testing.T) {
	pieces := []string{"&", "#", ";", "x", "X", "1", "2", "7", "b", "B", "0", "5", "a", "m", "[", "\x1b", "\a", "\r", "\n", "&#27;", "#27;", "&#x1b;", "#x1b;", "&#1", "0;", "&NewLine;", "&amp;", "Tab", "&#8238;", "é"}
	rapid.Check(t, func(t *rapid.T) {
		parts := rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 24).Draw(t, "parts")
		s := strings.Join(parts, "")
		out := CleanMarkdown(s)
		if again := CleanMarkdown(out); again != out {
			t.Fatalf("CleanMarkdown(%q) = %q, and cleaning that gives %q", s, out, again)
		}
		if Unsafe(out) {
			t.Fatalf("CleanMarkdown(%q) = %q, which is still unsafe", s, out)
		}
		for i := strings.IndexByte(out, '&'); i >= 0; i = nextAmp(out, i) {
			if n := entityLen(out[i:]); n > 0 {
				if dec := html.UnescapeString(out[i : i+n]); Clean(dec) != dec || strings.ContainsAny(dec, "\n\t") || hasInvisible(dec) {
					t.Fatalf("CleanMarkdown(%q) = %q keeps %q, which decodes to %q", s, out, out[i:i+n], dec)
				}
			}
		}
		if strings.ContainsAny(out, "\x1b\a\r") {
			t.Fatalf("CleanMarkdown(%q) = %q holds a raw control", s, out)
		}
	})
}

func nextAmp(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '&')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
