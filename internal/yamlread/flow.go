package yamlread

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// flowColl reads [a, b] or {k: v}, which may span lines indented more than
// the block that holds them (parent).
func (r *yreader) flowColl(parent, depth int) *Node {
	open := r.pos()
	r.checkDepth(open, depth)
	isMap := r.src[r.i] == '{'
	closer := byte(']')
	what := "list"
	if isMap {
		closer, what = '}', "mapping"
	}
	n := r.newNode(SeqNode, open)
	if isMap {
		n.Kind = MapNode
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
		var v *Node
		if r.src[r.i] == ':' {
			pair = true
			r.i++
			r.flowSkip(parent, open, what, closer)
			if c := r.src[r.i]; c == ',' || c == closer {
				v = r.newNode(NullNode, r.pos())
			} else {
				v = r.inline(parent, depth+1, true)
			}
			r.flowSkip(parent, open, what, closer)
		}
		switch {
		case isMap:
			if first {
				n.Pos = k.Pos // a mapping is placed at its first key
			}
			if v == nil {
				v = r.newNode(NullNode, k.Pos)
			}
			r.addPair(n, k, v)
		case pair:
			m := r.newNode(MapNode, k.Pos)
			r.addPair(m, k, v)
			n.Items = append(n.Items, m)
		default:
			n.Items = append(n.Items, k)
		}
		r.checkItems(k.Pos, len(n.Items))
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
