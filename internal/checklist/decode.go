package checklist

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/yamlread"
)

var posType = reflect.TypeFor[Pos]()

// decode fills v (a pointer) from n, strictly: unknown keys, wrong shapes and
// wrong types are all reported, each at its place, and decoding goes on so
// that one load reports every problem.
func decode(n *yamlread.Node, v any, l *errorList) {
	decodeValue(n, reflect.ValueOf(v).Elem(), l)
}

func decodeValue(n *yamlread.Node, v reflect.Value, l *errorList) {
	if n.Kind == yamlread.NullNode && v.Kind() != reflect.Struct {
		return // leave the zero value; required fields are checked by validation
	}
	switch v.Kind() {
	case reflect.Pointer:
		nv := reflect.New(v.Type().Elem())
		decodeValue(n, nv.Elem(), l)
		v.Set(nv)
	case reflect.Struct:
		decodeStruct(n, v, l)
	case reflect.Slice:
		items := n.Items
		switch n.Kind {
		case yamlread.SeqNode:
		case yamlread.ScalarNode:
			if v.Type().Elem().Kind() != reflect.String {
				l.add(n.Pos, "write one item per line, each starting with \"- \"", "expected a list, found %s", n.Kind)
				return
			}
			items = []*yamlread.Node{n} // "is: yes" is shorthand for "is: [yes]"
		default:
			l.add(n.Pos, "write one item per line, each starting with \"- \"", "expected a list, found %s", n.Kind)
			return
		}
		s := reflect.MakeSlice(v.Type(), 0, len(items))
		for _, it := range items {
			if it.Kind == yamlread.NullNode && v.Type().Elem().Kind() == reflect.Pointer {
				// A bare "-" would leave a nil rule or question behind.
				l.add(it.Pos, "remove the empty item, or fill it in", "empty list item")
				continue
			}
			s = reflect.Append(s, reflect.Zero(v.Type().Elem()))
			decodeValue(it, s.Index(s.Len()-1), l)
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yamlread.MapNode {
			l.add(n.Pos, "write key: value lines, indented under their parent", "expected a mapping of key: value, found %s", n.Kind)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Keys))
		for i, k := range n.Keys {
			ev := reflect.New(v.Type().Elem()).Elem()
			decodeValue(n.Vals[i], ev, l)
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), ev)
		}
		v.Set(m)
	case reflect.String:
		s, ok := n.Str()
		if !ok {
			l.add(n.Pos, "quote it if it is text", "expected text, found %s", n.Kind)
			return
		}
		// Pack text reaches terminals and saved files, and is rendered as
		// markdown, whose renderer decodes &#27; into a real ESC: a pack
		// that holds control characters, escape sequences, invisible
		// characters or references to them is refused, and what is kept
		// is cleaned once, here.
		if textclean.Unsafe(s) {
			l.add(n.Pos, "remove them: a pack's text is shown in terminals and saved files", "text holds control characters, escape sequences or invisible characters (or &#...; references to them): %s", textclean.Visible(firstN(s, 60)))
		}
		v.SetString(textclean.CleanMarkdown(s))
	case reflect.Bool:
		b, ok := n.Bool()
		if !ok {
			l.add(n.Pos, "write true or false", "expected true or false, found %q", n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		f, ok := number(n)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1e9 {
			l.add(n.Pos, "write a whole number such as 10", "expected a whole number, found %q", n.Value)
			return
		}
		v.SetInt(int64(f))
	case reflect.Float64:
		f, ok := number(n)
		if !ok {
			l.add(n.Pos, "write a number such as 12", "expected a number, found %q", n.Value)
			return
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("checklist: cannot decode into %s", v.Type())) // a programming error, caught by tests
	}
}

func decodeStruct(n *yamlread.Node, v reflect.Value, l *errorList) {
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Type == posType {
			v.Field(i).Set(reflect.ValueOf(n.Pos))
		}
	}
	if n.Kind != yamlread.MapNode {
		l.add(n.Pos, "write key: value lines, indented under their parent", "expected a mapping of key: value, found %s", n.Kind)
		return
	}
	fields := map[string]int{}
	var names []string
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = i
		names = append(names, tag)
	}
	for i, k := range n.Keys {
		fi, ok := fields[k.Value]
		if !ok {
			l.add(k.Pos, "allowed keys here: "+strings.Join(names, ", "), "unknown key %q", k.Value)
			continue
		}
		decodeValue(n.Vals[i], v.Field(fi), l)
	}
}

// firstN is the start of s, at most n bytes, cut on a character boundary.
func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
