package textclean

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"the three answers with reasons", 12, "the three\nanswers with\nreasons"},
		{"see https://example.org/a/very/long/path now", 10, "see\nhttps://ex\nample.org/\na/very/lon\ng/path now"},
		{"one\ntwo three", 20, "one\ntwo three"},
		{"陶芸サークル 円", 6, "陶芸サ\nークル\n円"},
	} {
		got := Wrap(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if Width(l) > tc.width {
				t.Errorf("line %q is %d wide, over %d", l, Width(l), tc.width)
			}
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("some text to wrap", 5)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = w%200 + 1
		if w < 1 {
			w = 1
		}
		s = Clean(s)
		for _, l := range strings.Split(Wrap(s, w), "\n") {
			if Width(l) > w && len([]rune(l)) > 1 {
				t.Fatalf("line %q wider than %d", l, w)
			}
		}
	})
}
