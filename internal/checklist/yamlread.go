package checklist

import (
	"fmt"
	"strconv"
	"strings"
	utf16s "unicode/utf16"
	"unicode/utf8"
)

// limits bound what one file may hold. They are enforced while the file is
// read, so a hostile file is refused after a bounded amount of work and
// memory, never after the whole tree was built.
type limits struct {
	depth  int // nesting of mappings and lists
	items  int // keys in one mapping, or items in one list
	nodes  int // values in the whole file
	scalar int // bytes in one value
}

// answersLimits fit answers files and drafts: a handful of levels (the
// circle block, the answers mapping, a list or a mapping of list items, and
// room for answers kept from other rules), a few hundred answers.
var answersLimits = limits{depth: 8, items: 1000, nodes: 20000, scalar: 64 << 10}

// packLimits fit rule packs: conditions nest, and a pack holds hundreds of
// questions, rules and text keys.
var packLimits = limits{depth: maxDepth, items: 5000, nodes: 200000, scalar: 64 << 10}

// yreader reads the YAML that vetcircle's files use into a node tree in one
// pass: block and flow mappings and lists, plain, quoted, literal (|) and
// folded (>) scalars, comments, a %YAML directive and --- / ... markers.
// Anchors, aliases, tags, complex keys and several documents are refused:
// no vetcircle file needs them, and aliases are how a small file grows into
// a huge tree. Duplicate keys are found with a map, in linear time.
type yreader struct {
	file  string
	src   []byte
	i     int // offset of the next byte
	line  int // line of src[i], from 1
	ls    int // offset where that line starts
	lim   limits
	nodes int
	l     *errorList

	slab     []node
	slabSize int
	fatal    *Error

	// A column cache: positions are asked for in increasing order, so the
	// runes of a long line are counted once, not once per value.
	cacheOff, cacheCol int
}

// yfail unwinds the reader after a fatal error, which is kept in r.fatal.
type yfail struct{}

// maxReadProblems stops a read that finds problem after problem (a file of
// one key repeated thousands of times): a hundred is enough to act on.
const maxReadProblems = 100

const syntaxHint = "check indentation and quoting near here"

func (r *yreader) pos() Pos {
	if r.cacheOff < r.ls || r.cacheOff > r.i {
		r.cacheOff, r.cacheCol = r.ls, 1
	}
	r.cacheCol += utf8.RuneCount(r.src[r.cacheOff:r.i])
	r.cacheOff = r.i
	return Pos{File: r.file, Line: r.line, Col: r.cacheCol}
}

func (r *yreader) fail(pos Pos, hint, format string, args ...any) {
	r.fatal = &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint}
	panic(yfail{})
}

func (r *yreader) syntax(format string, args ...any) {
	r.fail(r.pos(), syntaxHint, "YAML syntax: "+format, args...)
}

func (r *yreader) eof() bool { return r.i >= len(r.src) }

func (r *yreader) peek(off int) byte {
	if r.i+off < len(r.src) && r.i+off >= 0 {
		return r.src[r.i+off]
	}
	return 0
}

// blankAt reports whether the byte at off (relative to r.i) ends a token:
// a space, a tab, a line break or the end of the file.
func (r *yreader) blankAt(off int) bool {
	c := r.peek(off)
	return c == 0 && r.i+off >= len(r.src) || c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// col is the indentation column of r.i, from 0.
func (r *yreader) col() int { return r.i - r.ls }

func (r *yreader) newline() {
	r.i++
	r.line++
	r.ls = r.i
}

func (r *yreader) skipSpaces() {
	for r.i < len(r.src) && (r.src[r.i] == ' ' || r.src[r.i] == '\t') {
		r.i++
	}
}

// atLineEnd reports whether only spaces and maybe a comment are left on the
// current line.
func (r *yreader) atLineEnd() bool {
	j := r.i
	for j < len(r.src) && (r.src[j] == ' ' || r.src[j] == '\t') {
		j++
	}
	return j >= len(r.src) || r.src[j] == '\n' || r.src[j] == '\r' || (r.src[j] == '#' && (j == r.i || j > r.i))
}

// skipToContent skips spaces, comments and line breaks up to the next
// content byte. Indenting a line's content with a tab is refused, as YAML
// does.
func (r *yreader) skipToContent() {
	for r.i < len(r.src) {
		switch c := r.src[r.i]; c {
		case ' ', '\t', '\r':
			r.i++
		case '\n':
			r.newline()
		case '#':
			for r.i < len(r.src) && r.src[r.i] != '\n' {
				r.i++
			}
		default:
			if r.startOfLine() {
				for j := r.ls; j < r.i; j++ {
					if r.src[j] == '\t' {
						r.fail(r.pos(), "indent with spaces, not tabs", "YAML syntax: a tab indents this line")
					}
				}
			}
			return
		}
	}
}

// startOfLine reports whether r.i is the first content on its line.
func (r *yreader) startOfLine() bool {
	for j := r.ls; j < r.i; j++ {
		if r.src[j] != ' ' && r.src[j] != '\t' {
			return false
		}
	}
	return true
}

// marker reports whether a document marker (--- or ...) starts at r.i.
func (r *yreader) marker() bool {
	if r.i != r.ls || r.i+3 > len(r.src) {
		return false
	}
	s := string(r.src[r.i : r.i+3])
	return (s == "---" || s == "...") && r.blankAt(3)
}

func (r *yreader) newNode(kind nodeKind, pos Pos) *node {
	r.nodes++
	if r.nodes > r.lim.nodes {
		r.fail(pos, "is this the right file? split it or remove what it does not need", "file holds more than %d values", r.lim.nodes)
	}
	// Nodes come from slabs: one allocation per few dozen values, not one
	// per value, which batch scoring notices.
	if len(r.slab) == 0 {
		r.slabSize = min(max(2*r.slabSize, 32), 512)
		r.slab = make([]node, r.slabSize)
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	n.kind, n.pos = kind, pos
	return n
}

// readYAML reads one document. The caller has checked size and encoding.
func readYAML(file string, data []byte, lim limits, l *errorList) (root *node, err error) {
	r := &yreader{file: file, src: data, line: 1, lim: lim, l: l, cacheCol: 1}
	defer func() {
		if v := recover(); v != nil {
			if _, ok := v.(yfail); !ok {
				panic(v)
			}
			root, err = nil, r.fatal
		}
	}()
	return r.stream(), nil
}

func (r *yreader) stream() *node {
	r.skipToContent()
	directive := false
	for !r.eof() && r.col() == 0 && r.src[r.i] == '%' {
		if strings.HasPrefix(string(r.src[r.i:min(r.i+5, len(r.src))]), "%TAG") {
			r.fail(r.pos(), "remove the tag", "YAML tags (%%TAG, !!type) are not allowed")
		}
		for r.i < len(r.src) && r.src[r.i] != '\n' {
			r.i++
		}
		directive = true
		r.skipToContent()
	}
	if directive && !(r.marker() && r.src[r.i] == '-') {
		r.syntax("a %% directive must be followed by ---")
	}
	var root *node
	for {
		r.skipToContent()
		if r.eof() {
			break
		}
		if r.marker() {
			start := r.src[r.i] == '-'
			pos := r.pos()
			r.i += 3
			r.skipToContent()
			if r.eof() || r.marker() || !start {
				continue
			}
			if root != nil {
				r.fail(pos, "remove the '---' separator; one file describes one thing", "file holds more than one YAML document")
			}
			root = r.block(-1, 0)
			continue
		}
		if root != nil {
			r.syntax("unexpected text after the end of the document")
		}
		root = r.block(-1, 0)
	}
	if root == nil {
		return nil
	}
	return root
}

// block reads the node that starts at r.i, whose parent is indented by
// parent columns (-1 for the document). depth is the nesting it would have
// as a mapping or list.
func (r *yreader) block(parent, depth int) *node {
	c := r.src[r.i]
	col := r.col()
	switch {
	case c == '-' && r.blankAt(1):
		return r.blockSeq(col, depth)
	case c == '?' && r.blankAt(1):
		r.fail(r.pos(), "use a plain word as the key", "complex keys (? key) are not allowed")
	case c == '|' || c == '>':
		return r.blockScalar(parent)
	}
	n := r.inline(parent, depth, false)
	r.skipSpaces()
	if r.peek(0) == ':' && r.blankAt(1) {
		return r.blockMap(col, n, depth)
	}
	if n.kind == scalarNode && !n.quoted || n.kind == nullNode && n.plain {
		r.plainMore(n, parent)
	}
	return n
}

func (r *yreader) checkDepth(pos Pos, depth int) {
	if depth > r.lim.depth {
		r.fail(pos, "flatten the structure; this kind of file needs only a few levels", "nesting deeper than %d levels", r.lim.depth)
	}
}

func (r *yreader) checkItems(pos Pos, n int) {
	if n > r.lim.items {
		r.fail(pos, "is this the right file? no vetcircle file needs that many", "more than %d entries in one mapping or list", r.lim.items)
	}
}

func (r *yreader) blockSeq(col, depth int) *node {
	pos := r.pos()
	r.checkDepth(pos, depth)
	n := r.newNode(seqNode, pos)
	for {
		dash := r.pos()
		r.i++ // '-'
		r.skipSpaces()
		var item *node
		if r.atLineEnd() {
			r.skipToContent()
			if !r.eof() && !r.marker() && r.col() > col {
				item = r.block(col, depth+1)
			} else {
				// Placed where the item would start, after "- ".
				item = r.newNode(nullNode, Pos{File: dash.File, Line: dash.Line, Col: dash.Col + 2})
			}
		} else {
			item = r.block(col, depth+1)
		}
		n.items = append(n.items, item)
		r.checkItems(dash, len(n.items))
		r.skipToContent()
		if r.eof() || r.marker() || r.col() < col {
			return n
		}
		if r.col() > col {
			r.syntax("this line is indented more than the list above it")
		}
		if r.src[r.i] != '-' || !r.blankAt(1) {
			return n // a key of the mapping that holds this list
		}
	}
}

func (r *yreader) blockMap(col int, key *node, depth int) *node {
	r.checkDepth(key.pos, depth)
	m := r.newNode(mapNode, key.pos)
	for {
		r.i++ // ':'
		v := r.mapValue(col, depth)
		r.addPair(m, key, v)
		r.skipToContent()
		if r.eof() || r.marker() || r.col() < col {
			return m
		}
		if r.col() > col {
			r.syntax("this line is indented more than the keys above it")
		}
		c := r.src[r.i]
		if c == '-' && r.blankAt(1) {
			r.syntax("expected a key: value line, found a list item")
		}
		if c == '?' && r.blankAt(1) {
			r.fail(r.pos(), "use a plain word as the key", "complex keys (? key) are not allowed")
		}
		key = r.inline(col, depth+1, false)
		r.skipSpaces()
		if r.peek(0) != ':' || !r.blankAt(1) {
			r.fail(key.pos, syntaxHint, "YAML syntax: expected key: value, found no ':' after %s", describe(key))
		}
	}
}

// mapValue reads the value after "key:", on the same line or indented below.
func (r *yreader) mapValue(col, depth int) *node {
	r.skipSpaces()
	if r.atLineEnd() {
		after := r.pos()
		r.skipToContent()
		switch {
		case r.eof() || r.marker():
		case r.col() > col:
			return r.block(col, depth+1)
		case r.col() == col && r.src[r.i] == '-' && r.blankAt(1):
			return r.blockSeq(col, depth+1)
		}
		return r.newNode(nullNode, after)
	}
	c := r.src[r.i]
	switch {
	case c == '-' && r.blankAt(1):
		r.syntax("a list cannot start on the same line as its key; put each item on its own line")
	case c == '?' && r.blankAt(1):
		r.fail(r.pos(), "use a plain word as the key", "complex keys (? key) are not allowed")
	case c == '|' || c == '>':
		return r.blockScalar(col)
	}
	v := r.inline(col, depth+1, false)
	r.skipSpaces()
	if r.peek(0) == ':' && r.blankAt(1) {
		r.syntax("mapping values are not allowed here; put the nested keys on their own lines, indented")
	}
	if v.kind == scalarNode && !v.quoted || v.kind == nullNode && v.plain {
		r.plainMore(v, col)
	}
	return v
}

// addPair adds key: v to m, refusing a repeated key. Mappings of more than
// a few keys get an index, so the check stays linear in the file's size.
func (r *yreader) addPair(m, key, v *node) {
	if key.kind != scalarNode {
		r.l.add(key.pos, "use a plain word as the key", "a key must be a single value, not %s", key.kind)
		return
	}
	if prev := m.keyIndex(key.value); prev >= 0 {
		if len(r.l.errs) >= maxReadProblems {
			r.fail(key.pos, "fix these first, then read the file again", "more than %d problems; stopped reading", maxReadProblems)
		}
		r.l.add(key.pos, fmt.Sprintf("each key may appear once; it was first given at line %d", m.keys[prev].pos.Line), "key %q already defined", key.value)
		return
	}
	m.keys = append(m.keys, key)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[key.value] = len(m.keys) - 1
	} else if len(m.keys) > 8 {
		m.index = make(map[string]int, 16)
		for i, k := range m.keys {
			m.index[k.value] = i
		}
	}
	r.checkItems(key.pos, len(m.keys))
}

// inline reads a scalar or a flow collection that starts at r.i on the
// current line. In flow context plain scalars also end at , [ ] { }.
func (r *yreader) inline(parent, depth int, flow bool) *node {
	pos := r.pos()
	switch c := r.src[r.i]; c {
	case '[', '{':
		return r.flowColl(parent, depth)
	case '"':
		return r.scalar(pos, r.doubleQuoted(parent), true)
	case '\'':
		return r.scalar(pos, r.singleQuoted(parent), true)
	case '&', '*':
		r.fail(pos, "write the values out in full", "anchors, aliases and merge keys (&, *, <<) are not allowed")
	case '!':
		r.fail(pos, "remove the tag", "YAML tags (!!type) are not allowed")
	case '|', '>':
		r.syntax("a block scalar (%c) must be the whole value", c)
	case '%', '@', '`':
		r.fail(pos, "quote the value", "YAML syntax: a value cannot start with %c", c)
	case ']', '}', ',':
		r.syntax("unexpected %c", c)
	case '#':
		r.syntax("a comment cannot stand where a value is expected")
	}
	start := r.i
	end := r.i
	for r.i < len(r.src) {
		c := r.src[r.i]
		if c == '\n' || c == '\r' {
			break
		}
		if c == ':' && (r.blankAt(1) || flow && isFlowIndicator(r.peek(1))) {
			break
		}
		if flow && isFlowIndicator(c) {
			break
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
	s := string(r.src[start:end])
	if s == "<<" {
		r.fail(pos, "write the keys out in full", "anchors, aliases and merge keys (&, *, <<) are not allowed")
	}
	n := r.scalar(pos, s, false)
	return n
}

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// scalar makes a scalar node; a plain null word or nothing is a null.
func (r *yreader) scalar(pos Pos, s string, quoted bool) *node {
	if len(s) > r.lim.scalar {
		r.fail(pos, "shorten it", "value is %d bytes, over the %d-byte limit", len(s), r.lim.scalar)
	}
	if !quoted {
		switch s {
		case "", "~", "null", "Null", "NULL":
			n := r.newNode(nullNode, pos)
			n.plain = s != ""
			return n
		}
	}
	n := r.newNode(scalarNode, pos)
	n.value, n.quoted = s, quoted
	return n
}

// plainMore folds the continuation lines of a multi-line plain scalar:
// lines indented more than parent, up to a comment or a less indented line.
func (r *yreader) plainMore(n *node, parent int) {
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
			b.WriteString(n.value)
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
		if b.Len() > r.lim.scalar {
			r.fail(n.pos, "shorten it", "value is over the %d-byte limit", r.lim.scalar)
		}
	}
	if b.Len() > 0 {
		n.kind, n.value, n.plain = scalarNode, b.String(), false
	}
}

// flowColl reads [a, b] or {k: v}, which may span lines indented more than
// the block that holds them (parent).
func (r *yreader) flowColl(parent, depth int) *node {
	open := r.pos()
	r.checkDepth(open, depth)
	isMap := r.src[r.i] == '{'
	closer := byte(']')
	what := "list"
	if isMap {
		closer, what = '}', "mapping"
	}
	n := r.newNode(seqNode, open)
	if isMap {
		n.kind = mapNode
	}
	r.i++
	first := true
	for {
		r.flowSkip(parent, open, what, closer)
		if r.src[r.i] == closer {
			r.i++
			return n
		}
		if r.src[r.i] == ',' {
			r.syntax("an empty entry (two commas) in a flow %s", what)
		}
		k := r.inline(parent, depth+1, true)
		r.flowSkip(parent, open, what, closer)
		pair := false
		var v *node
		if r.src[r.i] == ':' {
			pair = true
			r.i++
			r.flowSkip(parent, open, what, closer)
			if c := r.src[r.i]; c == ',' || c == closer {
				v = r.newNode(nullNode, r.pos())
			} else {
				v = r.inline(parent, depth+1, true)
			}
			r.flowSkip(parent, open, what, closer)
		}
		switch {
		case isMap:
			if first {
				n.pos = k.pos // a mapping is placed at its first key
			}
			if v == nil {
				v = r.newNode(nullNode, k.pos)
			}
			r.addPair(n, k, v)
		case pair:
			m := r.newNode(mapNode, k.pos)
			r.addPair(m, k, v)
			n.items = append(n.items, m)
		default:
			n.items = append(n.items, k)
		}
		r.checkItems(k.pos, len(n.items))
		first = false
		switch r.src[r.i] {
		case ',':
			r.i++
		case closer:
		default:
			r.syntax("expected , or %c in the flow %s opened at line %d", closer, what, open.Line)
		}
	}
}

// flowSkip skips spaces, comments and line breaks inside a flow collection.
// A line indented no more than the block around it means the collection was
// never closed.
func (r *yreader) flowSkip(parent int, open Pos, what string, closer byte) {
	crossed := false
	for {
		if r.eof() {
			r.fail(open, syntaxHint, "YAML syntax: the flow %s opened here is never closed with %c", what, closer)
		}
		switch c := r.src[r.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			r.i++
			continue
		case c == '\n':
			r.newline()
			crossed = true
			continue
		case c == '#' && (r.i == r.ls || r.src[r.i-1] == ' ' || r.src[r.i-1] == '\t'):
			for r.i < len(r.src) && r.src[r.i] != '\n' {
				r.i++
			}
			continue
		}
		if crossed && (r.col() <= parent || r.marker()) {
			r.fail(r.pos(), syntaxHint, "YAML syntax: the flow %s opened at line %d is not closed with %c before this line", what, open.Line, closer)
		}
		return
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
		if b.Len() > r.lim.scalar {
			r.fail(start, "shorten it", "value is over the %d-byte limit", r.lim.scalar)
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
		if b.Len() > r.lim.scalar {
			r.fail(start, "shorten it", "value is over the %d-byte limit", r.lim.scalar)
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
func (r *yreader) blockScalar(parent int) *node {
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
			if size > r.lim.scalar {
				r.fail(pos, "shorten it", "value is over the %d-byte limit", r.lim.scalar)
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
