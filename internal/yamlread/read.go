package yamlread

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

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
	lim   Limits
	nodes int
	l     *errorList

	slab     []Node
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

func (r *yreader) newNode(kind NodeKind, pos Pos) *Node {
	r.nodes++
	if r.nodes > r.lim.Nodes {
		r.fail(pos, "is this the right file? split it or remove what it does not need", "file holds more than %d values", r.lim.Nodes)
	}
	// Nodes come from slabs: one allocation per few dozen values, not one
	// per value, which batch scoring notices.
	if len(r.slab) == 0 {
		r.slabSize = min(max(2*r.slabSize, 32), 512)
		r.slab = make([]Node, r.slabSize)
	}
	n := &r.slab[0]
	r.slab = r.slab[1:]
	n.Kind, n.Pos = kind, pos
	return n
}

// readYAML reads one document. The caller has checked size and encoding.
func readYAML(file string, data []byte, lim Limits, l *errorList) (root *Node, err error) {
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

func (r *yreader) stream() *Node {
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
	var root *Node
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
func (r *yreader) block(parent, depth int) *Node {
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
	if n.Kind == ScalarNode && !n.Quoted || n.Kind == NullNode && n.Plain {
		r.plainMore(n, parent)
	}
	return n
}

func (r *yreader) checkDepth(pos Pos, depth int) {
	if depth > r.lim.Depth {
		r.fail(pos, "flatten the structure; this kind of file needs only a few levels", "nesting deeper than %d levels", r.lim.Depth)
	}
}

func (r *yreader) checkItems(pos Pos, n int) {
	if n > r.lim.Items {
		r.fail(pos, "is this the right file? no vetcircle file needs that many", "more than %d entries in one mapping or list", r.lim.Items)
	}
}

func (r *yreader) blockSeq(col, depth int) *Node {
	pos := r.pos()
	r.checkDepth(pos, depth)
	n := r.newNode(SeqNode, pos)
	for {
		dash := r.pos()
		r.i++ // '-'
		r.skipSpaces()
		var item *Node
		if r.atLineEnd() {
			r.skipToContent()
			if !r.eof() && !r.marker() && r.col() > col {
				item = r.block(col, depth+1)
			} else {
				// Placed where the item would start, after "- ".
				item = r.newNode(NullNode, Pos{File: dash.File, Line: dash.Line, Col: dash.Col + 2})
			}
		} else {
			item = r.block(col, depth+1)
		}
		n.Items = append(n.Items, item)
		r.checkItems(dash, len(n.Items))
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

func (r *yreader) blockMap(col int, key *Node, depth int) *Node {
	r.checkDepth(key.Pos, depth)
	m := r.newNode(MapNode, key.Pos)
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
			r.fail(key.Pos, syntaxHint, "YAML syntax: expected key: value, found no ':' after %s", Describe(key))
		}
	}
}

// mapValue reads the value after "key:", on the same line or indented below.
func (r *yreader) mapValue(col, depth int) *Node {
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
		return r.newNode(NullNode, after)
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
	if v.Kind == ScalarNode && !v.Quoted || v.Kind == NullNode && v.Plain {
		r.plainMore(v, col)
	}
	return v
}

// addPair adds key: v to m, refusing a repeated key. Mappings of more than
// a few keys get an index, so the check stays linear in the file's size.
func (r *yreader) addPair(m, key, v *Node) {
	if key.Kind != ScalarNode {
		r.l.add(key.Pos, "use a plain word as the key", "a key must be a single value, not %s", key.Kind)
		return
	}
	if prev := m.keyIndex(key.Value); prev >= 0 {
		if len(r.l.errs) >= maxReadProblems {
			r.fail(key.Pos, "fix these first, then read the file again", "more than %d problems; stopped reading", maxReadProblems)
		}
		r.l.add(key.Pos, fmt.Sprintf("each key may appear once; it was first given at line %d", m.Keys[prev].Pos.Line), "key %q already defined", key.Value)
		return
	}
	m.Keys = append(m.Keys, key)
	m.Vals = append(m.Vals, v)
	if m.index != nil {
		m.index[key.Value] = len(m.Keys) - 1
	} else if len(m.Keys) > 8 {
		m.index = make(map[string]int, 16)
		for i, k := range m.Keys {
			m.index[k.Value] = i
		}
	}
	r.checkItems(key.Pos, len(m.Keys))
}

// inline reads a scalar or a flow collection that starts at r.i on the
// current line. In flow context plain scalars also end at , [ ] { }.
func (r *yreader) inline(parent, depth int, flow bool) *Node {
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

// scalar makes a scalar node; a plain null word or nothing is a null.
func (r *yreader) scalar(pos Pos, s string, quoted bool) *Node {
	if len(s) > r.lim.Scalar {
		r.fail(pos, "shorten it", "value is %d bytes, over the %d-byte limit", len(s), r.lim.Scalar)
	}
	if !quoted {
		switch s {
		case "", "~", "null", "Null", "NULL":
			n := r.newNode(NullNode, pos)
			n.Plain = s != ""
			return n
		}
	}
	n := r.newNode(ScalarNode, pos)
	n.Value, n.Quoted = s, quoted
	return n
}
