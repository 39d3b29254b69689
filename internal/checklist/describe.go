package checklist

import (
	"strconv"
	"strings"
)

// condWords are the English words a condition is described with; a pack
// may replace each under text: (cond.is, cond.or, ...), so a translated
// pack describes conditions in its own language.
var condWords = map[string]string{
	"cond.never":        "never",
	"cond.and":          "and",
	"cond.or":           "or",
	"cond.not":          "not",
	"cond.is":           "is",
	"cond.is-not":       "is not",
	"cond.answered":     "is answered",
	"cond.not-answered": "is not answered",
	"cond.includes":     "includes",
	"cond.at-least":     "includes at least {n} of",
	"cond.any-at-least": "at least {n} of",
	"cond.lacks":        "lacks",
	"cond.above":        "is above",
	"cond.below":        "is below",
}

// CondWordKeys lists the text keys a pack may give to describe conditions.
func CondWordKeys() []string { return sortedKeys(condWords) }

// DescribeCondition writes a condition in the pack vocabulary's English
// words (is, includes, lacks, answered, above, below, and, or, not). code
// formats each ID (backticks for markdown, say); nil leaves IDs bare.
func DescribeCondition(c *Condition, code func(string) string) string {
	return (*Pack)(nil).Describe(c, code)
}

// Describe writes a condition in this pack's words for the condition
// vocabulary (cond.* text keys), falling back to English for any it lacks.
// IDs stay IDs: they are the same in every language.
func (p *Pack) Describe(c *Condition, code func(string) string) string {
	if code == nil {
		code = func(s string) string { return s }
	}
	word := func(key string) string {
		if p != nil {
			if s, ok := p.Text[key]; ok {
				return s
			}
		}
		return condWords[key]
	}
	return describeCond(c, code, word, false)
}

func describeCond(c *Condition, code, word func(string) string, nested bool) string {
	if c == nil {
		return word("cond.never")
	}
	group := func(subs []*Condition, sep string) string {
		parts := make([]string, len(subs))
		for i, s := range subs {
			parts[i] = describeCond(s, code, word, true)
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
	or := " " + word("cond.or") + " "
	switch {
	case len(c.All) > 0:
		return group(c.All, word("cond.and"))
	case len(c.Any) > 0 && c.AtLeast != nil:
		s := strings.ReplaceAll(word("cond.any-at-least"), "{n}", strconv.Itoa(*c.AtLeast)) + " (" + group(c.Any, ",") + ")"
		return strings.ReplaceAll(s, " , ", ", ")
	case len(c.Any) > 0:
		return group(c.Any, word("cond.or"))
	case c.Not != nil && c.Not.Question != "" && len(c.Not.Is) > 0:
		return code(c.Not.Question) + " " + word("cond.is-not") + " " + codes(c.Not.Is, or)
	case c.Not != nil:
		return word("cond.not") + " " + describeCond(c.Not, code, word, true)
	case c.Answered != nil && *c.Answered:
		return q + " " + word("cond.answered")
	case c.Answered != nil:
		return q + " " + word("cond.not-answered")
	case len(c.Is) > 0:
		return q + " " + word("cond.is") + " " + codes(c.Is, or)
	case len(c.Includes) > 0:
		if c.AtLeast != nil && *c.AtLeast > 1 {
			return q + " " + strings.ReplaceAll(word("cond.at-least"), "{n}", strconv.Itoa(*c.AtLeast)) + " " + codes(c.Includes, ", ")
		}
		return q + " " + word("cond.includes") + " " + codes(c.Includes, or)
	case len(c.Lacks) > 0:
		return q + " " + word("cond.lacks") + " " + codes(c.Lacks, or)
	case c.Above != nil:
		return q + " " + word("cond.above") + " " + strconv.FormatFloat(*c.Above, 'f', -1, 64)
	case c.Below != nil:
		return q + " " + word("cond.below") + " " + strconv.FormatFloat(*c.Below, 'f', -1, 64)
	}
	return q
}
