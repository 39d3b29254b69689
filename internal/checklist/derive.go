package checklist

import (
	"slices"
	"strconv"
)

// Derive returns the answers with every derived answer filled in (the
// caller's answers are not changed), and what was derived. Front ends use it
// to show a derived answer as answered, with where it came from, and to ask
// only the questions that apply once it is taken into account.
func (p *Pack) Derive(a *Answers) (*Answers, []Derived) { return p.derive(a) }

// derive applies the pack's derivations in order, each seeing the ones
// before it, and says what it derived and what it contradicted.
func (p *Pack) derive(a *Answers) (*Answers, []Derived) {
	out := []Derived{}
	if a == nil {
		a = NewAnswers()
	}
	var e *Answers
	for _, d := range p.Derived {
		cur := a
		if e != nil {
			cur = e
		}
		q := p.byID[d.Question]
		if q == nil || !p.holds(&d.When, cur) {
			continue
		}
		if d.Item != "" {
			rec, nv, changed := deriveItem(q, d, cur)
			if rec == nil {
				continue
			}
			out = append(out, *rec)
			if changed {
				if e == nil {
					e = a.shallowCopy()
				}
				e.Values[d.Question] = nv
			}
			continue
		}
		v, ok := cur.Get(d.Question)
		rec := Derived{Question: d.Question, Value: d.Value, From: d.From, Rule: d.ID}
		switch {
		case ok && v.Choice == d.Value:
			continue // said both ways: nothing to derive or to name
		case ok && v.known(q):
			rec.Given = v.Choice
			rec.Kept = !d.Wins
			if rec.Kept {
				out = append(out, rec)
				continue
			}
		}
		if e == nil {
			e = a.shallowCopy()
		}
		e.Values[d.Question] = Value{Choice: d.Value}
		out = append(out, rec)
	}
	if e == nil {
		return a, out
	}
	return e, out
}

// deriveItem derives one item of a list answer: nil when the item was
// already answered the same way; otherwise what was derived, the new value
// and whether it replaces the old one. An answer created from nothing
// leaves every other item unknown, never "no".
func deriveItem(q *Question, d *Derivation, a *Answers) (*Derived, Value, bool) {
	v, ok := a.Get(d.Question)
	want := d.Value == Yes
	has := ok && slices.Contains(v.List, d.Item)
	unsure := ok && slices.Contains(v.Unsure, d.Item)
	rec := &Derived{Question: d.Question, Item: d.Item, Value: d.Value, From: d.From, Rule: d.ID}
	if ok && !unsure {
		if has == want {
			return nil, v, false
		}
		rec.Given = No
		if has {
			rec.Given = Yes
		}
		if rec.Kept = !d.Wins; rec.Kept {
			return rec, v, false
		}
	}
	nv := Value{}
	if ok {
		nv.List = slices.DeleteFunc(slices.Clone(v.List), func(s string) bool { return s == d.Item })
		nv.Unsure = slices.DeleteFunc(slices.Clone(v.Unsure), func(s string) bool { return s == d.Item })
	} else {
		for _, o := range q.Options {
			if o.ID != d.Item {
				nv.Unsure = append(nv.Unsure, o.ID)
			}
		}
	}
	if want {
		nv.List = append(nv.List, d.Item)
	}
	return rec, nv, true
}

// shallowCopy copies the answer map so derived answers never change the
// caller's answers; values themselves are never mutated in place.
func (a *Answers) shallowCopy() *Answers {
	e := *a
	e.Values = make(map[string]Value, len(a.Values)+4)
	for k, v := range a.Values {
		e.Values[k] = v
	}
	return &e
}

// holds evaluates a condition against answers. Absent answers make every
// test false except answered: false, so "not asked" is never a pass.
func (p *Pack) holds(c *Condition, a *Answers) bool {
	switch {
	case len(c.All) > 0:
		for _, sub := range c.All {
			if !p.holds(sub, a) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		need, n := 1, 0
		if c.AtLeast != nil {
			need = *c.AtLeast
		}
		for _, sub := range c.Any {
			if p.holds(sub, a) {
				if n++; n >= need {
					return true
				}
			}
		}
		return false
	case c.Not != nil:
		return !p.holds(c.Not, a)
	}
	q := p.byID[c.Question]
	if q == nil {
		return false
	}
	v, ok := a.Get(c.Question)
	if c.Answered != nil {
		return (ok && v.known(q)) == *c.Answered
	}
	if !ok {
		return false
	}
	switch {
	case len(c.Is) > 0:
		if q.Kind == KindNumber {
			for _, s := range c.Is {
				if n, err := strconv.ParseFloat(s, 64); err == nil && n == v.Number && v.Upper == nil {
					return true
				}
			}
			return false
		}
		return slices.Contains(c.Is, v.Choice)
	case len(c.Includes) > 0:
		need := 1
		if c.AtLeast != nil {
			need = *c.AtLeast
		}
		n := 0
		for _, id := range c.Includes {
			if slices.Contains(v.List, id) {
				n++
			}
		}
		return n >= need
	case len(c.Lacks) > 0:
		// An item still unknown is not lacking: it is a follow-up, not a
		// penalty.
		for _, id := range c.Lacks {
			if !slices.Contains(v.List, id) && !slices.Contains(v.Unsure, id) {
				return true
			}
		}
		return false
	case c.Above != nil:
		if v.Upper != nil {
			return *v.Upper > *c.Above
		}
		return v.Number > *c.Above
	case c.Below != nil:
		return v.Number < *c.Below
	}
	return false
}
