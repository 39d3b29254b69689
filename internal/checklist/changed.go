package checklist

import (
	"slices"
	"time"
)

// Questions adds to into the IDs of every question the condition asks
// about, through all, any and not.
func (c *Condition) Questions(into map[string]bool) {
	if c == nil {
		return
	}
	if c.Question != "" {
		into[c.Question] = true
	}
	for _, sub := range c.All {
		sub.Questions(into)
	}
	for _, sub := range c.Any {
		sub.Questions(into)
	}
	c.Not.Questions(into)
}

// RulesChangedSince lists, sorted, the rules changed after since (their
// changed: date) that touch these answers: the rule asks about, confirms
// or contradicts a question the answers answer. Such a change can judge
// the same answers differently, so the vetting is due again; a change to
// a rule about questions it never answered cannot, and is passed over.
// latest is the newest of those changes' dates (zero when none).
func (p *Pack) RulesChangedSince(a *Answers, since time.Time) (ids []string, latest time.Time) {
	if a == nil {
		return nil, time.Time{}
	}
	for _, r := range p.Rules {
		changed, err := time.Parse(time.DateOnly, r.Changed)
		if err != nil || !changed.After(since) {
			continue
		}
		asks := map[string]bool{}
		r.When.Questions(asks)
		for _, id := range []string{r.RedFlag, r.Contradicts, r.About} {
			if id != "" {
				asks[id] = true
			}
		}
		for id := range asks {
			if _, ok := a.Values[id]; ok {
				ids = append(ids, r.ID)
				if changed.After(latest) {
					latest = changed
				}
				break
			}
		}
	}
	slices.Sort(ids)
	return ids, latest
}
