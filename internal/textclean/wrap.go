package textclean

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Width is how many terminal columns s takes (wide characters two, marks
// none). It is for plain text: s must hold no escape sequences.
func Width(s string) int { return uniseg.StringWidth(s) }

// Wrap fills lines of at most width columns from plain text, breaking at
// spaces; a word longer than a line (a web address) is cut into pieces
// that fit, so nothing is ever wider than width. Line breaks in s are kept.
func Wrap(s string, width int) string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		cur, curW := "", 0
		for _, w := range strings.Fields(para) {
			ww := Width(w)
			switch {
			case cur != "" && curW+1+ww <= width:
				cur, curW = cur+" "+w, curW+1+ww
				continue
			case cur != "":
				out = append(out, cur)
				cur, curW = "", 0
			}
			for ww > width {
				head, rest := cutWidth(w, width)
				out = append(out, head)
				w, ww = rest, Width(rest)
			}
			cur, curW = w, ww
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}

// cutWidth splits s after at most width columns, between graphemes.
func cutWidth(s string, width int) (string, string) {
	g := uniseg.NewGraphemes(s)
	n, w := 0, 0
	for g.Next() {
		if w+g.Width() > width && n > 0 {
			break
		}
		w += g.Width()
		_, n = g.Positions()
	}
	return s[:n], s[n:]
}
