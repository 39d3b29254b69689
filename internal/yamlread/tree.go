package yamlread

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NodeKind is the shape of a YAML value in our own small tree.
type NodeKind int

const (
	ScalarNode NodeKind = iota
	NullNode
	MapNode
	SeqNode
)

func (k NodeKind) String() string {
	return [...]string{"a single value", "nothing (null)", "a mapping (key: value)", "a list"}[k]
}

// Node is a YAML value with its position, as yreader builds it. What no
// vetcircle file needs (anchors, aliases, tags, several documents) is
// refused while reading: that closes the door on alias bombs and surprises.
type Node struct {
	Kind   NodeKind
	Pos    Pos
	Value  string // scalar text
	Quoted bool   // a quoted string scalar: never a number or bool
	Plain  bool   // a null written as a word (null, ~), not left empty
	Keys   []*Node
	Vals   []*Node
	Items  []*Node
	index  map[string]int // key to position, for mappings of many keys
}

// keyIndex returns the position of key in a mapping node, or -1.
func (n *Node) keyIndex(key string) int {
	if n.index != nil {
		if i, ok := n.index[key]; ok {
			return i
		}
		return -1
	}
	for i, k := range n.Keys {
		if k.Value == key {
			return i
		}
	}
	return -1
}

// Parse reads one YAML document into a node tree. It checks size and
// encoding first, so binary data never reaches the reader, and the reader
// enforces lim as it goes, so no file costs more than its size allows.
func Parse(file string, data []byte, lim Limits) (*Node, error) {
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
		SortErrors(l.errs)
		return nil, l.errs.One()
	}
	if root == nil {
		return nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "file is empty", Hint: "start with 'version: 1'"}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return root, nil
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

// Get returns the value for key in a mapping node, or nil.
func (n *Node) Get(key string) *Node {
	if i := n.keyIndex(key); i >= 0 {
		return n.Vals[i]
	}
	return nil
}

// Str reads a scalar as a string.
func (n *Node) Str() (string, bool) {
	if n.Kind != ScalarNode {
		return "", false
	}
	return n.Value, true
}

// Bool reads yes/no/true/false (any case), the words people write.
func (n *Node) Bool() (bool, bool) {
	if n.Kind != ScalarNode {
		return false, false
	}
	switch strings.ToLower(n.Value) {
	case "true", "yes":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
}

// Describe names a value for an error message: a single value quoted, as
// it was written; anything else by its shape ("a list").
func Describe(n *Node) string {
	if n.Kind == ScalarNode {
		return strconv.Quote(n.Value)
	}
	return n.Kind.String()
}
