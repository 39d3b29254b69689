package checklist

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest rules or answers file read, so a stray disk image
// or log passed by mistake fails fast with a clear message.
const MaxFileSize = 1 << 20

// maxDepth bounds nesting; real files are a handful of levels deep.
const maxDepth = 32

// nodeKind is the shape of a YAML value in our own small tree.
type nodeKind int

const (
	scalarNode nodeKind = iota
	nullNode
	mapNode
	seqNode
)

func (k nodeKind) String() string {
	return [...]string{"a single value", "nothing (null)", "a mapping (key: value)", "a list"}[k]
}

// node is a YAML value with its position, as yreader builds it. What no
// vetcircle file needs (anchors, aliases, tags, several documents) is
// refused while reading: that closes the door on alias bombs and surprises.
type node struct {
	kind   nodeKind
	pos    Pos
	value  string // scalar text
	quoted bool   // a quoted string scalar: never a number or bool
	plain  bool   // a null written as a word (null, ~), not left empty
	keys   []*node
	vals   []*node
	items  []*node
	index  map[string]int // key to position, for mappings of many keys
}

// keyIndex returns the position of key in a mapping node, or -1.
func (n *node) keyIndex(key string) int {
	if n.index != nil {
		if i, ok := n.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range n.keys {
		if k.value == key {
			return i
		}
	}
	return -1
}

// Error is one problem in one file, at a place, with a hint how to fix it.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Errors is every problem found in a load, in file order.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(es))
	for _, e := range es {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// errorList collects problems so a load can report all of them at once.
type errorList struct {
	errs Errors
	// p translates messages about answers into the pack's language; nil
	// while a pack itself is being loaded.
	p *Pack
}

func (l *errorList) add(pos Pos, hint, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Msg: fmt.Sprintf(l.tr("err:", format), args...), Hint: l.tr("hint:", hint)})
}

// addHint is add with a hint that holds values ("allowed: a, b").
func (l *errorList) addHint(pos Pos, hint string, hintArgs []any, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Msg: fmt.Sprintf(l.tr("err:", format), args...), Hint: fmt.Sprintf(l.tr("hint:", hint), hintArgs...)})
}

// tr is the pack's translation of an English message or hint, found under
// text: as "err:<the English format>" or "hint:<...>" (fmt verbs kept, in
// any order with %[n]s), or the English itself. The position never changes;
// the sentence follows the pack's language.
func (l *errorList) tr(kind, english string) string {
	if l.p != nil {
		if s, ok := l.p.Text[kind+english]; ok {
			return s
		}
	}
	return english
}

func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l.errs
}

// parseTree reads one YAML document into a node tree. It checks size and
// encoding first, so binary data never reaches the reader, and the reader
// enforces lim as it goes, so no file costs more than its size allows.
func parseTree(file string, data []byte, lim limits) (*node, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{Pos: Pos{File: file}, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte limit", len(data), MaxFileSize), Hint: "is this the right file? answers and rules files are small text files"}
	}
	if utf16(data) {
		return nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "file is UTF-16 text", Hint: "save it as UTF-8 (in most editors: Save As, encoding UTF-8)"}
	}
	if i := invalidUTF8(data); i >= 0 {
		line, col := lineCol(data, i)
		return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: "file is not UTF-8 text", Hint: "save it as UTF-8; binary files cannot be read"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: "file contains a NUL byte", Hint: "binary files cannot be read; save it as plain text"}
	}
	// A byte-order mark, as some Windows editors write, is not content.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.Index(data, []byte("\xef\xbb\xbf")); i >= 0 {
		line, col := lineCol(data, i)
		return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: "file contains a byte-order mark (U+FEFF) inside its text", Hint: "remove the invisible character; files joined together often carry one"}
	}
	var l errorList
	root, err := readYAML(file, data, lim, &l)
	if err != nil {
		l.errs = append(l.errs, err.(*Error))
		sortErrors(l.errs)
		return nil, l.errs.one()
	}
	if root == nil {
		return nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "file is empty", Hint: "start with 'version: 1'"}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return root, nil
}

// one returns a single problem as itself, several as Errors.
func (es Errors) one() error {
	if len(es) == 1 {
		return es[0]
	}
	return es
}

// utf16 reports whether data looks like UTF-16: a UTF-16 byte-order mark,
// or ASCII text with a NUL after (or before) every character.
func utf16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return true
	}
	if len(data) < 4 {
		return false
	}
	return data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0 ||
		data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0
}

// invalidUTF8 returns the offset of the first invalid byte, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func lineCol(b []byte, off int) (int, int) {
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// get returns the value for key in a mapping node, or nil.
func (n *node) get(key string) *node {
	if i := n.keyIndex(key); i >= 0 {
		return n.vals[i]
	}
	return nil
}

// str reads a scalar as a string.
func (n *node) str() (string, bool) {
	if n.kind != scalarNode {
		return "", false
	}
	return n.value, true
}

// boolean reads yes/no/true/false (any case), the words people write.
func (n *node) boolean() (bool, bool) {
	if n.kind != scalarNode {
		return false, false
	}
	switch strings.ToLower(n.value) {
	case "true", "yes":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
}

// number reads a finite decimal number such as 8, -2.5, 1_000 or 1e3.
// Hexadecimal, octal and binary forms, Inf and NaN are not numbers here:
// nobody counts participants in hex, and accepting 0x1p4 but not 0x10
// would only surprise. -0 is 0.
func (n *node) number() (float64, bool) {
	if n.kind != scalarNode || n.quoted {
		return 0, false
	}
	return ParseNumber(n.value)
}

// ParseNumber reads a finite decimal number as an answers file, the
// walkthrough and the accessible mode all accept it: digits with an
// optional sign, fraction, exponent and _ between digits; never hex,
// octal, binary, Inf or NaN. -0 reads as 0, so nothing prints "$-0".
func ParseNumber(s string) (float64, bool) {
	if !decimal(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil || f != f || f > 1e15 || f < -1e15 {
		return 0, false
	}
	if f == 0 {
		f = 0 // not -0
	}
	return f, true
}

// decimal reports whether s is [+-]digits[.digits][e[+-]digits], with
// underscores allowed between digits.
func decimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_' && n > 0) {
			i++
			n++
		}
		return n
	}
	whole := digits()
	frac := 0
	if i < len(s) && s[i] == '.' {
		i++
		frac = digits()
	}
	if whole == 0 && frac == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
