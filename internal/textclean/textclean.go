// Package textclean makes untrusted text safe to show in a terminal or to
// write into a saved file.
//
// Text reaches vetcircle from answer files, custom rule packs, typed notes
// and pasted clipboard contents. Any of it may carry terminal escape
// sequences (clearing the screen, moving the cursor, writing to the
// clipboard with OSC 52, hiding a link target with OSC 8), carriage returns
// that overwrite what was printed before, or Unicode bidi controls that make
// text read differently from what it is. Clean removes all of these so what a
// person sees is what the text actually says.
package textclean

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

const esc = 0x1b

// Clean returns s with every terminal control and escape sequence removed.
//
// It removes CSI, OSC, DCS, SOS, PM and APC sequences (7-bit and C1 forms),
// two-byte ESC sequences, all C0 controls except '\n' and '\t', DEL, all C1
// controls, and the bidi embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069). Carriage returns are dropped, so "\r\n"
// becomes "\n" and a bare '\r' can no longer overwrite a line. Invalid UTF-8
// becomes U+FFFD. A sequence that is never terminated swallows the rest of
// the string, as it would in a terminal.
//
// Clean never panics and is idempotent: Clean(Clean(s)) == Clean(s).
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == esc:
				i = skipEscape(s, i+1)
			case c == '\n' || c == '\t':
				b.WriteByte(c)
				i++
			case c < 0x20 || c == 0x7f:
				// Other C0 controls, '\r' and DEL.
				i++
			default:
				b.WriteByte(c)
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i)
		case r == 0x9d, r == 0x90, r == 0x98, r == 0x9e, r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i)
		case r >= 0x80 && r <= 0x9f: // other C1 controls
		case isBidiControl(r), isInvisible(r):
		case r == 0x2028 || r == 0x2029: // line and paragraph separators
			b.WriteByte('\n')
		case isJoiner(r):
			// Kept only between two visible characters, where it joins
			// them (emoji sequences, Persian and Indic words); anywhere
			// else it only hides something.
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(s[i:])
			if b.Len() > 0 && visible(prev) && i < len(s) && visible(next) {
				b.WriteString(s[i-size : i])
			}
		default:
			b.WriteString(s[i-size : i])
		}
	}
	return b.String()
}

// isInvisible reports characters that show nothing yet change what text
// means or how it is ordered: the directional marks (LRM, RLM, ALM),
// the zero-width space and word joiner, the invisible operators, the
// Mongolian vowel separator, a byte-order mark inside text, and the TAG
// characters (U+E0000–U+E007F) that can smuggle a hidden ASCII message.
// (A subdivision flag such as England's, spelt with TAG characters, shows
// as a plain black flag once they are removed: a small price.)
func isInvisible(r rune) bool {
	switch r {
	case 0x200b, 0x200e, 0x200f, 0x061c, 0x180e, 0xfeff:
		return true
	}
	return (r >= 0x2060 && r <= 0x2064) || (r >= 0xe0000 && r <= 0xe007f)
}

// isJoiner reports the zero-width non-joiner and joiner.
func isJoiner(r rune) bool { return r == 0x200c || r == 0x200d }

func visible(r rune) bool {
	return r != utf8.RuneError && !unicode.IsSpace(r) && !unicode.IsControl(r) && !isBidiControl(r) && !isInvisible(r) && !isJoiner(r)
}

// isClean reports whether s is printable ASCII plus '\n' and '\t', the
// common case, which Clean can return without copying.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// skipEscape skips the sequence introduced by an ESC whose following byte is
// at s[i], returning the index of the first byte after it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	}
	// Two-byte (or nF) escape: intermediates 0x20–0x2F, then a final byte
	// 0x30–0x7E. Anything else ends the sequence and is handled by Clean,
	// so a lone ESC before text only loses the ESC.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips a control sequence whose parameters start at s[i]: parameter
// and intermediate bytes 0x20–0x3F, then one final byte 0x40–0x7E. A byte
// that cannot be part of a CSI (a control, ESC, or non-ASCII) ends it early
// and is left for Clean, as terminals do.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f, c == 0x7f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string starting at
// s[i]. It ends at BEL, at ST (ESC \ or C1 U+009C), at CAN or SUB (which
// abort it in terminals), or at an ESC that starts another sequence, which is
// left for Clean. Unterminated strings run to the end of s.
func skipString(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; c {
		case 0x07, 0x18, 0x1a:
			return i + 1
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c { // U+009C ST
				return i + 2
			}
		}
		i++
	}
	return i
}

// Visible returns s as one line a reader can trust: printable text stays as
// it is, and every control, escape, bidi or invisible character, line break
// and invalid byte is shown as an escape such as \x1b, \n or \u200e. It is
// for names (files, folders, paths) in messages and traces, where what
// matters is seeing exactly what is there, not a cleaned version of it.
func Visible(s string) string {
	if isClean(s) && !strings.ContainsAny(s, "\n\t") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r == '\n':
			b.WriteString("\\n")
		case r == '\t':
			b.WriteString("\\t")
		case r == '\r':
			b.WriteString("\\r")
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r >= 0x80 && r <= 0x9f, isBidiControl(r), isInvisible(r), isJoiner(r), r == 0x2028, r == 0x2029, unicode.Is(unicode.Cf, r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// CleanLine cleans s for a one-line field such as a circle name: after
// Clean, every run of whitespace (including newlines and tabs) becomes a
// single space, and leading and trailing whitespace is removed.
func CleanLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// EscapeMarkdown cleans s and backslash-escapes it so that, placed in a
// markdown document, it renders as the literal text and cannot start a
// heading, list, block quote, code block, table, link, image, HTML tag,
// entity or emphasis. Ordinary letters, digits and spaces are left alone so
// the saved file stays readable. Newlines are kept; each line is escaped on
// its own and loses its leading indentation, which would otherwise turn it
// into a code block.
func EscapeMarkdown(s string) string {
	s = Clean(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for n, line := range strings.Split(s, "\n") {
		if n > 0 {
			b.WriteByte('\n')
		}
		escapeMarkdownLine(&b, strings.TrimLeftFunc(line, unicode.IsSpace))
	}
	return b.String()
}

func escapeMarkdownLine(b *strings.Builder, line string) {
	if line == "" {
		return
	}
	// Block markers that only matter at the start of a line.
	switch line[0] {
	case '-', '+', '=':
		// Bullet list items, thematic breaks and setext heading underlines.
		b.WriteByte('\\')
		b.WriteByte(line[0])
		line = line[1:]
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		// Ordered list markers: "1." and "1)".
		d := 0
		for d < len(line) && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d < len(line) && (line[d] == '.' || line[d] == ')') {
			b.WriteString(line[:d])
			b.WriteByte('\\')
			b.WriteByte(line[d])
			line = line[d+1:]
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!':
			b.WriteByte('\\')
		case '&':
			// Only where it starts an entity such as "&#x202E;", which would
			// otherwise smuggle a control character back in. Written as
			// "&amp;" rather than "\&": renderers (glamour among them) show
			// a backslash before "&" literally, but every one decodes &amp;.
			if entityAt(line[i:]) {
				b.WriteString("&amp;")
				continue
			}
		}
		b.WriteByte(c)
	}
}

// entityAt reports whether s starts with what a renderer may decode as a
// character reference: "&" then "#" and digits, "#x" and hex digits, or a
// name, with or without the closing ";" (Go's html package, which the
// markdown renderer uses for text, decodes "&#27" and "&amp" without one).
func entityAt(s string) bool { return entityLen(s) > 0 }

func isASCIILetter(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// CleanMarkdown cleans text that is itself markdown (a rule pack's
// sentences): Clean, and then every character reference that would decode
// to something Clean removes is removed too, since the markdown renderer
// decodes references into the very characters Clean exists to keep out.
// References are found as the renderer finds them: with and without ";",
// decimal and hex (&#27;, &#27, &#x1b, &#x9d — a C1 control — &NewLine;).
// Harmless references (&amp;, &#233;) stay.
func CleanMarkdown(s string) string {
	s = Clean(s)
	// Removing a reference can join the text around it into another
	// ("&&#27;#27;" leaves "&#27;"): repeat until none is removed. Each
	// pass that changes s shortens it, so this ends.
	for {
		out := dropUnsafeRefs(s)
		if out == s {
			return s
		}
		s = out
	}
}

// dropUnsafeRefs is one pass of CleanMarkdown over cleaned text.
func dropUnsafeRefs(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if n := entityLen(s[i:]); n > 0 {
				ref := s[i : i+n]
				// Decoded with a character after it: html decodes "&#7"
				// only when something follows, and in a sentence it will.
				dec := strings.TrimSuffix(html.UnescapeString(ref+" "), " ")
				if dec != ref && (Clean(dec) != dec || strings.ContainsAny(dec, "\n\t") || hasInvisible(dec)) {
					i += n
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Unsafe reports whether s holds anything that CleanMarkdown removes other
// than carriage returns: a control character, an escape sequence, a bidi
// or invisible character, or a character reference that decodes to one. A
// rule pack holding such text is refused, not silently cleaned.
func Unsafe(s string) bool {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return CleanMarkdown(s) != s
}

func hasInvisible(s string) bool {
	for _, r := range s {
		if isInvisible(r) || isBidiControl(r) || isJoiner(r) || r == 0x2028 || r == 0x2029 {
			return true
		}
	}
	return false
}

// entityLen returns the length of the character reference at the start of
// s, or 0, read as leniently as html.UnescapeString reads one: "&#" and
// decimal digits, "&#x" and hex digits, or "&" and a name, each with its
// ";" when there is one and without it when there is not.
func entityLen(s string) int {
	if len(s) < 2 || s[0] != '&' {
		return 0
	}
	i := 1
	if s[1] == '#' {
		i = 2
		digit := func(c byte) bool { return c >= '0' && c <= '9' }
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
			digit = func(c byte) bool { return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f') }
		}
		start := i
		for i < len(s) && i < 40 && digit(s[i]) {
			i++
		}
		if i == start {
			return 0
		}
	} else {
		for i < len(s) && i < 40 && (isASCIILetter(s[i]) || (i > 1 && s[i] >= '0' && s[i] <= '9')) {
			i++
		}
		if i == 1 {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}
