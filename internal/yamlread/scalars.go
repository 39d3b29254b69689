package yamlread

import (
	"strconv"
	"strings"
	utf16s "unicode/utf16"
)

// plainMore folds the continuation lines of a multi-line plain scalar:
// lines indented more than parent, up to a comment or a less indented line.
func (r *yreader) plainMore(n *Node, parent int) {
	var b strings.Builder
	for {
		si, sl, sls := r.i, r.line, r.ls
		r.skipSpaces()
		if r.eof() || r.src[r.i] == '#' || (r.src[r.i] != '\n' && r.src[r.i] != '\r') {
			r.i, r.line, r.ls = si, sl, sls
			break
		}
		breaks := 0
		for !r.eof() && (r.src[r.i] == '\n' || r.src[r.i] == '\r' || r.src[r.i] == ' ' || r.src[r.i] == '\t') {
			if r.src[r.i] == '\n' {
				breaks++
				r.newline()
				continue
			}
			r.i++
		}
		if breaks == 0 || r.eof() || r.col() <= parent || r.marker() || r.src[r.i] == '#' {
			r.i, r.line, r.ls = si, sl, sls
			break
		}
		if b.Len() == 0 {
			b.WriteString(n.Value)
		}
		if breaks == 1 {
			b.WriteByte(' ')
		} else {
			b.WriteString(strings.Repeat("\n", breaks-1))
		}
		start := r.i
		end := r.i
		for r.i < len(r.src) && r.src[r.i] != '\n' && r.src[r.i] != '\r' {
			c := r.src[r.i]
			if c == ':' && r.blankAt(1) {
				r.syntax("mapping values are not allowed here; put the nested keys on their own lines, indented")
			}
			if (c == ' ' || c == '\t') && r.peek(1) == '#' {
				break
			}
			r.i++
			if c != ' ' && c != '\t' {
				end = r.i
			}
		}
		r.i = end
		b.Write(r.src[start:end])
		if b.Len() > r.lim.Scalar {
			r.fail(n.Pos, "shorten it", "value is over the %d-byte limit", r.lim.Scalar)
		}
	}
	if b.Len() > 0 {
		n.Kind, n.Value, n.Plain = ScalarNode, b.String(), false
	}
}

func (r *yreader) doubleQuoted(parent int) string {
	start := r.pos()
	r.i++
	var b strings.Builder
	for {
		if r.eof() {
			r.fail(start, syntaxHint, "YAML syntax: the quoted text started here is never closed with \"")
		}
		c := r.src[r.i]
		switch c {
		case '"':
			r.i++
			return b.String()
		case '\\':
			r.i++
			if r.eof() {
				continue
			}
			e := r.src[r.i]
			r.i++
			switch e {
			case '0':
				b.WriteByte(0)
			case 'a':
				b.WriteByte(7)
			case 'b':
				b.WriteByte(8)
			case 't', '\t':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'v':
				b.WriteByte(11)
			case 'f':
				b.WriteByte(12)
			case 'r':
				b.WriteByte('\r')
			case 'e':
				b.WriteByte(27)
			case ' ', '"', '/', '\\':
				b.WriteByte(e)
			case 'N':
				b.WriteRune(0x85)
			case '_':
				b.WriteRune(0xa0)
			case 'L':
				b.WriteRune(0x2028)
			case 'P':
				b.WriteRune(0x2029)
			case 'x', 'u', 'U':
				width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if r.i+width > len(r.src) {
					r.syntax("a \\%c escape needs %d hex digits", e, width)
				}
				v, err := strconv.ParseUint(string(r.src[r.i:r.i+width]), 16, 32)
				if err != nil {
					r.syntax("a \\%c escape needs %d hex digits", e, width)
				}
				r.i += width
				// A \u high surrogate followed by a \u low one is one
				// character, as JSON writes characters outside the BMP
				// ("\ud83c\udf3f" is 🌿); a lone half is U+FFFD.
				if e == 'u' && utf16s.IsSurrogate(rune(v)) && v < 0xdc00 && r.i+6 <= len(r.src) && r.src[r.i] == '\\' && r.src[r.i+1] == 'u' {
					if lo, err := strconv.ParseUint(string(r.src[r.i+2:r.i+6]), 16, 32); err == nil && lo >= 0xdc00 && lo <= 0xdfff {
						r.i += 6
						v = uint64(utf16s.DecodeRune(rune(v), rune(lo)))
					}
				}
				b.WriteRune(rune(v)) // \x9b is U+009B, as YAML says
			case '\n':
				r.i--
				r.newline()
				r.skipSpaces()
			case '\r':
				if r.peek(0) == '\n' {
					r.newline()
				}
				r.skipSpaces()
			default:
				r.i -= 2
				r.syntax("unknown escape \\%c in quoted text", e)
			}
		case '\n', '\r':
			r.fold(&b, parent, start)
		default:
			r.i++
			b.WriteByte(c)
		}
		if b.Len() > r.lim.Scalar {
			r.fail(start, "shorten it", "value is over the %d-byte limit", r.lim.Scalar)
		}
	}
}

func (r *yreader) singleQuoted(parent int) string {
	start := r.pos()
	r.i++
	var b strings.Builder
	for {
		if r.eof() {
			r.fail(start, syntaxHint, "YAML syntax: the quoted text started here is never closed with '")
		}
		c := r.src[r.i]
		switch c {
		case '\'':
			if r.peek(1) == '\'' {
				b.WriteByte('\'')
				r.i += 2
				continue
			}
			r.i++
			return b.String()
		case '\n', '\r':
			r.fold(&b, parent, start)
		default:
			r.i++
			b.WriteByte(c)
		}
		if b.Len() > r.lim.Scalar {
			r.fail(start, "shorten it", "value is over the %d-byte limit", r.lim.Scalar)
		}
	}
}

// fold handles a line break inside quoted text: trailing spaces go, one
// break becomes a space, each further empty line a newline.
func (r *yreader) fold(b *strings.Builder, parent int, start Pos) {
	s := b.String()
	trimmed := strings.TrimRight(s, " \t")
	if len(trimmed) != len(s) {
		b.Reset()
		b.WriteString(trimmed)
	}
	breaks := 0
	for !r.eof() && (r.src[r.i] == '\n' || r.src[r.i] == '\r' || r.src[r.i] == ' ' || r.src[r.i] == '\t') {
		if r.src[r.i] == '\n' {
			breaks++
			r.newline()
			continue
		}
		r.i++
	}
	if !r.eof() && (r.col() <= parent || r.marker()) {
		r.fail(start, syntaxHint, "YAML syntax: the quoted text started here is not closed before line %d", r.line)
	}
	if breaks <= 1 {
		b.WriteByte(' ')
	} else {
		b.WriteString(strings.Repeat("\n", breaks-1))
	}
}

// blockScalar reads a literal (|) or folded (>) scalar whose parent is
// indented by parent columns.
func (r *yreader) blockScalar(parent int) *Node {
	pos := r.pos()
	literal := r.src[r.i] == '|'
	r.i++
	chomp := byte(0)
	explicit := 0
	for k := 0; k < 2 && !r.eof(); k++ {
		switch c := r.src[r.i]; {
		case (c == '-' || c == '+') && chomp == 0:
			chomp = c
			r.i++
		case c >= '1' && c <= '9' && explicit == 0:
			explicit = int(c - '0')
			r.i++
		}
	}
	if !r.atLineEnd() {
		r.syntax("only a comment may follow | or > on its line")
	}
	for r.i < len(r.src) && r.src[r.i] != '\n' {
		r.i++
	}
	if r.eof() {
		return r.scalar(pos, "", true)
	}
	r.newline()
	indent := -1
	if explicit > 0 {
		indent = max(parent, 0) + explicit
	}
	type bline struct {
		text  string
		empty bool
	}
	var lines []bline
	size := 0
	for !r.eof() {
		ls := r.i
		j := ls
		for j < len(r.src) && r.src[j] == ' ' {
			j++
		}
		end := j
		for end < len(r.src) && r.src[end] != '\n' {
			end++
		}
		content := end
		if content > j && r.src[content-1] == '\r' {
			content--
		}
		text := string(r.src[j:content])
		sp := j - ls
		if text == "" {
			if indent >= 0 && sp > indent {
				lines = append(lines, bline{text: string(r.src[ls+indent : j])})
			} else {
				lines = append(lines, bline{empty: true})
			}
		} else {
			if indent < 0 {
				if sp <= parent {
					break
				}
				indent = sp
			}
			if sp < indent || (sp == 0 && r.i == r.ls && r.marker()) {
				break
			}
			lines = append(lines, bline{text: string(r.src[ls+indent : content])})
			size += end - ls
			if size > r.lim.Scalar {
				r.fail(pos, "shorten it", "value is over the %d-byte limit", r.lim.Scalar)
			}
		}
		r.i = end
		if r.eof() {
			break
		}
		r.newline()
	}
	// Put back the line that ended the scalar: the caller reads it.
	if !r.eof() && r.i != r.ls {
		r.i = r.ls
	}
	trailing := 0
	for len(lines) > 0 && lines[len(lines)-1].empty {
		lines = lines[:len(lines)-1]
		trailing++
	}
	var b strings.Builder
	empties := 0
	prevMore := false
	wrote := false
	for _, ln := range lines {
		if ln.empty {
			empties++
			continue
		}
		more := strings.HasPrefix(ln.text, " ") || strings.HasPrefix(ln.text, "\t")
		if wrote {
			switch {
			case literal:
				b.WriteString(strings.Repeat("\n", empties+1))
			case empties > 0 && !more && !prevMore:
				b.WriteString(strings.Repeat("\n", empties))
			case empties > 0:
				b.WriteString(strings.Repeat("\n", empties+1))
			case more || prevMore:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		} else {
			b.WriteString(strings.Repeat("\n", empties))
		}
		b.WriteString(ln.text)
		wrote = true
		empties = 0
		prevMore = more
	}
	s := b.String()
	switch chomp {
	case '-':
	case '+':
		if wrote {
			s += "\n"
		}
		s += strings.Repeat("\n", trailing+empties)
	default:
		if wrote {
			s += "\n"
		}
	}
	return r.scalar(pos, s, true)
}
