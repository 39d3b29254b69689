package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// vettingJSON is one vetting in circles show --format json.
type vettingJSON struct {
	File     string            `json:"file"`
	VettedAt string            `json:"vetted_at"`
	VettedBy string            `json:"vetted_by"`
	Source   string            `json:"source"`
	Rules    string            `json:"rules"`
	Verdict  checklist.Verdict `json:"verdict"`
}

// circleJSON is circles show --format json: the circle's identity and
// every vetting's provenance, oldest first.
type circleJSON struct {
	register.Circle
	Vettings []vettingJSON `json:"vettings"`
	// Vetted is the latest vetting's date (the call's, else its file's);
	// RevetDue and Revet say whether it is due again, why and from when,
	// as circles --format json does.
	Vetted   string           `json:"vetted"`
	RevetDue bool             `json:"revet_due"`
	Revet    []register.Revet `json:"revet"`
	// Service is the circle's service record; null when none is kept.
	Service  *checklist.Service `json:"service"`
	Problems []string           `json:"problems"`
}

func runCirclesShow(ce cmdEnv, name, alias string) error {
	e, format := ce.env, ce.format
	if alias != "" {
		if err := people.CheckAlias(alias); err != nil {
			return badInput(err)
		}
	}
	if format == "json" {
		p, g, c, err := kept(ce, name)
		if err != nil {
			return err
		}
		vs, files, err := g.Vettings(p, c, 1<<30)
		if err != nil {
			return badInput(err)
		}
		j := circleJSON{Circle: c, Vettings: []vettingJSON{}, Revet: []register.Revet{}, Problems: []string{}}
		for i, a := range vs {
			at := register.VettedOn(a, files[i])
			if i == len(vs)-1 {
				j.Vetted = at.Format(time.DateOnly)
				j.Revet = append(j.Revet, register.RevetDue(p, a, at, time.Now())...)
				j.RevetDue = len(j.Revet) > 0
			}
			j.Vettings = append(j.Vettings, vettingJSON{File: files[i], VettedAt: at.Format(time.DateOnly), VettedBy: a.Vetted.By,
				Source: a.Vetted.Source, Rules: a.Vetted.Rules, Verdict: checklist.Verdict(report.Build(p, a, report.Options{}).Verdict.Value)})
		}
		if s, _, bad := g.Service(p, c); !s.IsZero() {
			j.Service = &s
		} else {
			for _, pr := range bad {
				j.Problems = append(j.Problems, pr.File+": "+pr.Err.Error())
			}
		}
		out := bufio.NewWriter(e.stdout)
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(j); err != nil {
			return err
		}
		return out.Flush()
	}
	p, g, c, err := kept(ce, name)
	if err != nil {
		return err
	}
	a, path, seen, err := circleRecord(e, p, g, c)
	if err != nil {
		return err
	}
	if a == nil {
		return badInput(msg.New("cli.err.no-vetting", "circle", displayName(c.Name)))
	}
	// Dated by the call (else the file's own date, said as such), never by
	// today; and whether a re-vet is due, why and from when.
	now := time.Now()
	vetted := register.VettedOn(a, path)
	opt := report.Options{Date: now, FileDate: vetted}
	rep := register.CircleReport(p, a, seen, opt)
	if alias != "" {
		s, who, err := findPerson(g, alias)
		if err != nil {
			return err
		}
		if rep, _, err = personReport(p, s, who, c, a, seen, opt); err != nil {
			return err
		}
		rs, _, _ := s.Referrals(p, who, c)
		rep.Referral = referralLine(p, rs)
	}
	out := bufio.NewWriter(e.stdout)
	if format == "note" {
		out.WriteString(summary.Note(p, &rep))
	} else {
		out.WriteString(summary.Markdown(p, &rep))
		for _, r := range register.RevetDue(p, a, vetted, now) {
			fmt.Fprintf(out, "\n**%s**\n", r.Words)
		}
	}
	if rep.Referral != "" && format != "note" {
		fmt.Fprintf(out, "\n%s\n", rep.Referral)
	}
	if lines := seenLines(p, seen); len(lines) > 0 {
		fmt.Fprintf(out, "\n%s\n", p.T("circles.seen-heading"))
		for _, l := range lines {
			fmt.Fprintf(out, "- %s\n", l)
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return writeServiceMarkdown(e, p, g, c)
}

func runCirclesDiff(e cmdEnv, name string) error {
	p, g, c, err := kept(e, name)
	if err != nil {
		return err
	}
	vs, files, err := g.Vettings(p, c, 2)
	if err != nil {
		return badInput(err)
	}
	if len(vs) < 2 {
		return badInput(msg.New("cli.err.diff-needs-two", "circle", displayName(c.Name), "n", len(vs)))
	}
	changed := false
	out := bufio.NewWriter(e.stdout)
	before, after := summary.Build(p, vs[0], summary.Options{}), summary.Build(p, vs[1], summary.Options{})
	fmt.Fprintf(out, "%s → %s\n", displayName(files[0]), displayName(files[1]))
	// The dates of the two calls, so "what changed" says over what time.
	on0, on1 := register.VettedOn(vs[0], files[0]), register.VettedOn(vs[1], files[1])
	fmt.Fprintln(out, p.Tf("circles.diff-date", "before", on0.Format(time.DateOnly), "after", on1.Format(time.DateOnly)))
	if before.Verdict.Value != after.Verdict.Value {
		fmt.Fprintf(out, "%s: %s → %s\n", p.T("summary.verdict"), before.Verdict.Words, after.Verdict.Words)
		changed = true
	}
	for _, f := range after.RedFlags {
		if !slices.ContainsFunc(before.RedFlags, func(b report.Flag) bool { return b.ID == f.ID }) {
			fmt.Fprintf(out, "%s: %s\n", p.T("circles.new-red-flag"), f.Label)
			changed = true
		}
	}
	for _, q := range p.Questions {
		v0, ok0 := vs[0].Get(q.ID)
		v1, ok1 := vs[1].Get(q.ID)
		s0, s1 := p.T("answer.not-asked"), p.T("answer.not-asked")
		if ok0 {
			s0 = summary.AnswerText(p, q, v0, ", ")
		}
		if ok1 {
			s1 = summary.AnswerText(p, q, v1, ", ")
		}
		if s0 != s1 {
			fmt.Fprintf(out, "%s: %s → %s\n", q.Label, s0, s1)
			changed = true
		}
		// Notes too: a note added, removed or rewritten is a change, as
		// an answer is (a note carried unchanged from the vetting before
		// is not).
		n0, n1 := textclean.CleanLine(vs[0].Notes[q.ID]), textclean.CleanLine(vs[1].Notes[q.ID])
		if n0 != n1 && intake.MarkEarlier(p, n0, on0.Format(time.DateOnly)) != n1 {
			switch {
			case n0 == "":
				fmt.Fprintln(out, p.Tf("circles.diff-note-added", "label", q.Label, "note", n1))
			case n1 == "":
				fmt.Fprintln(out, p.Tf("circles.diff-note-removed", "label", q.Label, "note", n0))
			default:
				fmt.Fprintln(out, p.Tf("circles.diff-note-changed", "label", q.Label, "before", n0, "after", n1))
			}
			changed = true
		}
	}
	if !changed {
		fmt.Fprintln(out, p.T("cli.circles.no-changes"))
	}
	return out.Flush()
}
