package checklist

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
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

// node is a YAML value with its position. We convert goccy's AST into this
// tree once, rejecting what no vetcircle file needs (anchors, aliases, tags,
// several documents): that closes the door on alias bombs and surprises.
type node struct {
	kind   nodeKind
	pos    Pos
	value  string // scalar text
	quoted bool   // a quoted string scalar: never a number or bool
	keys   []*node
	vals   []*node
	items  []*node
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
	// aliases is set once an anchor or alias was reported: an alias bomb
	// uses dozens, and one line says all there is to say.
	aliases bool
}

func (l *errorList) add(pos Pos, hint, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l.errs
}

// parseTree reads one YAML document into a node tree. It checks size and
// encoding first, so binary data never reaches the parser.
func parseTree(file string, data []byte) (*node, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{Pos: Pos{File: file}, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte limit", len(data), MaxFileSize), Hint: "is this the right file? answers and rules files are small text files"}
	}
	if i := invalidUTF8(data); i >= 0 {
		line, col := lineCol(data, i)
		return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: "file is not UTF-8 text", Hint: "save it as UTF-8; binary files cannot be read"}
	}
	if i := strings.IndexByte(string(data), 0); i >= 0 {
		line, col := lineCol(data, i)
		return nil, &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: "file contains a NUL byte", Hint: "binary files cannot be read; save it as plain text"}
	}
	// A byte-order mark, as some Windows editors write, is not content.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, syntaxError(file, err)
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	switch len(docs) {
	case 0:
		return nil, &Error{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "file is empty", Hint: "start with 'version: 1'"}
	case 1:
	default:
		p := posOf(file, docs[1])
		return nil, &Error{Pos: p, Msg: "file holds more than one YAML document", Hint: "remove the '---' separator; one file describes one thing"}
	}
	var l errorList
	n := convert(file, docs[0], 0, &l)
	if err := l.err(); err != nil {
		return nil, err
	}
	return n, nil
}

func syntaxError(file string, err error) error {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil {
		msg := se.Message
		hint := "check indentation and quoting near here"
		if strings.Contains(msg, "duplicate") || strings.Contains(msg, "already defined") {
			hint = "each key may appear once; remove or rename the repeated one"
		}
		return &Error{Pos: Pos{File: file, Line: se.Token.Position.Line, Col: se.Token.Position.Column}, Msg: "YAML syntax: " + msg, Hint: hint}
	}
	return &Error{Pos: Pos{File: file}, Msg: "YAML syntax: " + firstLine(err.Error()), Hint: "check indentation and quoting"}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func posOf(file string, n ast.Node) Pos {
	if n == nil || n.GetToken() == nil {
		return Pos{File: file}
	}
	t := n.GetToken().Position
	return Pos{File: file, Line: t.Line, Col: t.Column}
}

func convert(file string, n ast.Node, depth int, l *errorList) *node {
	pos := posOf(file, n)
	if depth > maxDepth {
		l.add(pos, "flatten the structure", "nesting deeper than %d levels", maxDepth)
		return &node{kind: nullNode, pos: pos}
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		if len(n.Values) > 0 {
			pos = posOf(file, n.Values[0].Key) // the first key, not its colon
		}
		out := &node{kind: mapNode, pos: pos}
		for _, mv := range n.Values {
			convertPair(file, out, mv, depth, l)
		}
		return out
	case *ast.MappingValueNode:
		out := &node{kind: mapNode, pos: posOf(file, n.Key)}
		convertPair(file, out, n, depth, l)
		return out
	case *ast.SequenceNode:
		out := &node{kind: seqNode, pos: pos}
		for _, v := range n.Values {
			out.items = append(out.items, convert(file, v, depth+1, l))
		}
		return out
	case *ast.NullNode:
		return &node{kind: nullNode, pos: pos}
	case *ast.StringNode:
		quoted := n.Token != nil && (n.Token.Type == token.DoubleQuoteType || n.Token.Type == token.SingleQuoteType)
		return &node{kind: scalarNode, pos: pos, value: n.Value, quoted: quoted}
	case *ast.LiteralNode:
		v := ""
		if n.Value != nil {
			v = n.Value.Value
		}
		return &node{kind: scalarNode, pos: pos, value: v, quoted: true}
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return &node{kind: scalarNode, pos: pos, value: n.GetToken().Value}
	case *ast.AnchorNode, *ast.AliasNode, *ast.MergeKeyNode:
		if !l.aliases {
			l.aliases = true
			l.add(pos, "write the values out in full", "anchors, aliases and merge keys (&, *, <<) are not allowed")
		}
	case *ast.TagNode:
		l.add(pos, "remove the tag", "YAML tags (!!type) are not allowed")
	default:
		l.add(pos, "", "unexpected YAML construct (%s)", n.Type())
	}
	return &node{kind: nullNode, pos: pos}
}

func convertPair(file string, out *node, mv *ast.MappingValueNode, depth int, l *errorList) {
	var keyNode ast.Node = mv.Key
	if mk, ok := keyNode.(*ast.MappingKeyNode); ok {
		keyNode = mk.Value
	}
	if _, ok := keyNode.(*ast.MergeKeyNode); ok {
		l.add(posOf(file, keyNode), "write the keys out in full", "merge keys (<<) are not allowed")
		return
	}
	k := convert(file, keyNode, depth+1, l)
	if k.kind != scalarNode {
		l.add(k.pos, "use a plain word as the key", "a key must be a single value, not %s", k.kind)
		return
	}
	for _, prev := range out.keys {
		if prev.value == k.value {
			l.add(k.pos, fmt.Sprintf("it was first given at line %d", prev.pos.Line), "key %q appears twice", k.value)
			return
		}
	}
	out.keys = append(out.keys, k)
	out.vals = append(out.vals, convert(file, mv.Value, depth+1, l))
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
	for i, k := range n.keys {
		if k.value == key {
			return n.vals[i]
		}
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

// number reads a finite number.
func (n *node) number() (float64, bool) {
	if n.kind != scalarNode || n.quoted {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.value, "_", ""), 64)
	if err != nil || f != f || f > 1e15 || f < -1e15 {
		return 0, false
	}
	return f, true
}
