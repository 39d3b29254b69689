package checklist

import (
	"fmt"
	"strconv"
	"strings"
)

// DescribeCondition writes a condition in the pack's own vocabulary (is,
// includes, lacks, answered, above, below, and, or, not), so it reads the
// same whatever language the pack is in. code formats each ID (backticks
// for markdown, say); nil leaves IDs bare.
func DescribeCondition(c *Condition, code func(string) string) string {
	if code == nil {
		code = func(s string) string { return s }
	}
	return describeCond(c, code, false)
}

func describeCond(c *Condition, code func(string) string, nested bool) string {
	if c == nil {
		return "never"
	}
	group := func(subs []*Condition, sep string) string {
		parts := make([]string, len(subs))
		for i, s := range subs {
			parts[i] = describeCond(s, code, true)
		}
		s := strings.Join(parts, " "+sep+" ")
		if nested && len(parts) > 1 {
			s = "(" + s + ")"
		}
		return s
	}
	codes := func(ids []string, sep string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = code(id)
		}
		return strings.Join(out, sep)
	}
	q := code(c.Question)
	switch {
	case len(c.All) > 0:
		return group(c.All, "and")
	case len(c.Any) > 0:
		return group(c.Any, "or")
	case c.Not != nil && c.Not.Question != "" && len(c.Not.Is) > 0:
		return code(c.Not.Question) + " is not " + codes(c.Not.Is, " or ")
	case c.Not != nil:
		return "not " + describeCond(c.Not, code, true)
	case c.Answered != nil && *c.Answered:
		return q + " is answered"
	case c.Answered != nil:
		return q + " is not answered"
	case len(c.Is) > 0:
		return q + " is " + codes(c.Is, " or ")
	case len(c.Includes) > 0:
		if c.AtLeast != nil && *c.AtLeast > 1 {
			return fmt.Sprintf("%s includes at least %d of %s", q, *c.AtLeast, codes(c.Includes, ", "))
		}
		return q + " includes " + codes(c.Includes, " or ")
	case len(c.Lacks) > 0:
		return q + " lacks " + codes(c.Lacks, " or ")
	case c.Above != nil:
		return q + " is above " + strconv.FormatFloat(*c.Above, 'f', -1, 64)
	case c.Below != nil:
		return q + " is below " + strconv.FormatFloat(*c.Below, 'f', -1, 64)
	}
	return q
}
