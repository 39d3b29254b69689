package checklist

import (
	"slices"
	"strconv"
	"strings"
)

func (v *validator) condRoot(c *Condition, at Pos, owner string) {
	if c.Pos.File == "" {
		v.l.add(at, "add when: with a condition", "%s has no condition", owner)
		return
	}
	v.cond(c)
}

// cond checks a condition's shape and every question and option it names.
func (v *validator) cond(c *Condition) {
	at := c.Pos
	forms := 0
	if len(c.All) > 0 {
		forms++
	}
	if len(c.Any) > 0 {
		forms++
	}
	if c.Not != nil {
		forms++
	}
	if c.Question != "" {
		forms++
	}
	if forms != 1 {
		v.l.add(at, "use exactly one of question:, all:, any: or not:", "condition is ambiguous or empty")
		return
	}
	for _, sub := range c.All {
		v.cond(sub)
	}
	for _, sub := range c.Any {
		v.cond(sub)
	}
	if c.Not != nil {
		v.cond(c.Not)
	}
	if c.Question == "" {
		if len(c.Is)+len(c.Includes)+len(c.Lacks) > 0 || c.Answered != nil || c.Above != nil || c.Below != nil {
			v.l.add(at, "put tests beside question:", "a test without a question")
		}
		if c.AtLeast != nil {
			switch {
			case len(c.Any) == 0:
				v.l.add(at, "use at_least with any: (or with includes:)", "at_least goes with any or includes")
			case *c.AtLeast < 1 || *c.AtLeast > len(c.Any):
				v.l.add(at, "list more conditions or lower at_least", "at_least %d cannot be met by %d listed conditions", *c.AtLeast, len(c.Any))
			}
		}
		return
	}
	q := v.p.byID[c.Question]
	if q == nil {
		v.l.add(at, "name a question defined under questions:", "condition names unknown question %q", c.Question)
		return
	}
	tests := 0
	for _, set := range []bool{len(c.Is) > 0, len(c.Includes) > 0, len(c.Lacks) > 0, c.Answered != nil, c.Above != nil, c.Below != nil} {
		if set {
			tests++
		}
	}
	if tests != 1 {
		v.l.add(at, "use exactly one of is, includes, lacks, answered, above, below", "condition on %s needs exactly one test, has %d", q.ID, tests)
		return
	}
	allowed := q.OptionIDs()
	checkOpts := func(ids []string) {
		for _, id := range ids {
			if !slices.Contains(allowed, id) {
				v.l.add(at, "allowed: "+strings.Join(allowed, ", "), "question %s has no option %q", q.ID, id)
			}
		}
	}
	switch {
	case len(c.Is) > 0:
		switch q.Kind {
		case KindChoice, KindTristate:
			checkOpts(c.Is)
		case KindNumber:
			for _, s := range c.Is {
				if _, err := strconv.ParseFloat(s, 64); err != nil {
					v.l.add(at, "write a number such as 12", "question %s is a number; %q is not", q.ID, s)
				}
			}
		default:
			v.l.add(at, "use includes or lacks for a multi question", "is: does not apply to %s question %s", q.Kind, q.ID)
		}
	case len(c.Includes) > 0 || len(c.Lacks) > 0:
		if q.Kind != KindMulti {
			v.l.add(at, "use is: for one answer", "includes/lacks apply to multi questions; %s is %s", q.ID, q.Kind)
			return
		}
		checkOpts(c.Includes)
		checkOpts(c.Lacks)
		if c.AtLeast != nil && (*c.AtLeast < 1 || *c.AtLeast > len(c.Includes)) {
			v.l.add(at, "list more options or lower at_least", "at_least %d cannot be met by %d listed options", *c.AtLeast, len(c.Includes))
		}
	case c.Above != nil || c.Below != nil:
		if q.Kind != KindNumber {
			v.l.add(at, "use is, includes or lacks for this question", "above/below apply to number questions; %s is %s", q.ID, q.Kind)
		}
	}
	if c.AtLeast != nil && len(c.Includes) == 0 {
		v.l.add(at, "add includes: with the options to count", "at_least goes with includes")
	}
}
