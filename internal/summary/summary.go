// Package summary renders a vetting's report (internal/report) for people:
// a markdown document (the verdict, every point traced to its rule and the
// guide's section, what to ask next, format fit, when to leave and the
// tool's limits), the plain-text note for a health record, and plain prose
// for a screen reader. It formats only: every fact and decision is the
// report's. All prose comes from the rule pack; user text is cleaned and
// markdown-escaped on the way out.
package summary

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Options are the few things a summary needs beyond the pack and answers.
type Options = report.Options

// Build is report.Build, for callers that render one summary.
func Build(p *checklist.Pack, a *checklist.Answers, opt Options) *report.Report {
	rep := report.Build(p, a, opt)
	return &rep
}

// Markdown renders the report as a markdown document. The same report
// always gives the same bytes; it decides nothing, only formats.
//
// It opens with the person's three questions, each answered in one plain
// sentence with its reasons: is the circle safe and well run, is it right
// for this person now, and, for someone attending, should they stay. The
// score, its arithmetic and the rule IDs come last, under "How this was
// scored", for tracing.
func Markdown(p *checklist.Pack, rep *report.Report) string {
	var b strings.Builder
	b.Grow(8 << 10)
	w := writer{b: &b, p: p, rep: rep, seen: map[string]bool{}}

	name := textclean.EscapeMarkdown(rep.Name)
	if name == "" {
		name = p.T("summary.circle")
	}
	w.line("# " + p.Tf("summary.title", "circle", name))
	w.blank()
	var facts []string
	for _, f := range rep.Facts {
		v := f.Value
		if f.ID == "facilitator" {
			v = textclean.EscapeMarkdown(v)
		}
		if f.Label != "" {
			v = f.Label + ": " + v
		}
		facts = append(facts, v)
	}
	w.line(strings.Join(facts, " · "))
	w.blank()

	if rep.Crisis != nil {
		w.line("> " + rep.Crisis.Text)
		for _, q := range rep.Crisis.Quotes {
			w.line(">")
			w.line("> " + textclean.EscapeMarkdown(q))
		}
		w.blank()
	}

	w.section("summary.answers")
	for i, k := range rep.Order {
		ans := rep.Answers()[i]
		if ans == nil {
			w.answer(rep.T(p, "summary.q-fit"), "", rep.T(p, "summary.no-format"), nil)
			continue
		}
		badge := ans.Symbol + " " + ans.Words
		w.answer(ans.Question, badge, ans.Headline, ans.Further)
		if k == report.KeyVerdict && rep.NothingMoreToAsk {
			w.line(p.T("summary.no-more-questions"))
			w.blank()
		}
	}

	w.section("summary.red-flags")
	if len(rep.RedFlags) == 0 {
		w.line(p.T("summary.none"))
	}
	for _, f := range rep.RedFlags {
		w.line(fmt.Sprintf("- **%s**: %s", f.Label, f.Why))
	}
	w.blank()

	if !rep.NothingMoreToAsk {
		w.section("summary.ask-next")
		w.followUps(rep.AskFacilitator)
	}
	if len(rep.AskPerson) > 0 {
		if rep.Coordinator {
			w.section("summary.ask-person")
		} else {
			w.section("summary.ask-self")
		}
		w.followUps(rep.AskPerson)
	}

	if f := rep.YourFormat; f != nil {
		w.section("summary.your-format")
		w.line("**" + f.Name + "**: " + f.Summary)
		w.blank()
		for _, kv := range [][3]string{{"summary.format-size", "size", f.Size}, {"summary.format-cost", "cost", f.Cost}, {"summary.format-frequency", "frequency", f.Frequency}, {"summary.format-cautions", "cautions", f.Cautions}} {
			if kv[2] != "" {
				w.line("- " + p.Tf(kv[0], kv[1], kv[2]))
			}
		}
		w.blank()
		if f.TryFirst {
			w.line(p.T("summary.try-first"))
			w.blank()
		}
	}

	w.section("summary.formats")
	for _, f := range rep.Formats {
		w.line(fmt.Sprintf("- **%s**: %s %s", f.Name, f.Symbol, f.Words))
		if len(f.Facts) > 0 {
			w.line("  - " + strings.Join(f.Facts, " · "))
		}
		if f.FitsWho != "" {
			w.line("  - " + f.FitsWho)
		}
		for _, reason := range f.Reasons {
			w.line(fmt.Sprintf("  - %s (%s: %s)", reason.Text, p.T("summary.source"), p.Cite(reason.Source, w.seen)))
		}
	}
	w.blank()

	if len(rep.Notes) > 0 {
		w.section("summary.notes")
		for _, n := range rep.Notes {
			w.line(fmt.Sprintf("- **%s**: %s", n.Label, oneParagraph(n.Text)))
		}
		w.blank()
	}
	if len(rep.Actions) > 0 {
		w.line("**" + p.T("note.actions") + "**")
		w.blank()
		for _, a := range rep.Actions {
			w.line("- " + oneParagraph(a))
		}
		w.blank()
	}

	w.section("summary.leave")
	w.line(rep.T(p, "summary.leave-body"))
	w.blank()
	w.section("summary.limits")
	for _, para := range strings.Split(p.T("summary.limits-body"), "\n") {
		w.line(para)
		w.blank()
	}

	w.scoring()
	w.line("---")
	w.blank()
	w.line("_" + footer(p) + "_")
	return b.String()
}

// footer names the rules and the guide they follow.
func footer(p *checklist.Pack) string {
	return p.Tf("summary.pack",
		"name", p.Meta.Name, "version", p.Meta.Version, "reviewed", p.Meta.LastReviewed,
		"guide", p.Meta.Guide.Title, "guide_reviewed", p.Meta.Guide.LastReviewed)
}

// scoring is the trace at the end: the score and its arithmetic, why the
// score and the verdict differ when they do, every fired rule with its ID,
// points and source, answers derived from others, and answers not counted.
func (w writer) scoring() {
	p, rep, tr := w.p, w.rep, w.rep.Trace
	w.section("summary.scoring")
	w.line(p.Tf("summary.score", "score", strconv.Itoa(tr.Score), "completeness", strconv.Itoa(tr.Completeness)))
	w.blank()
	w.line(tally(p, tr))
	w.blank()
	switch {
	case !tr.ScoreDecides:
		w.line(p.T("summary.score-waits"))
		w.blank()
	case string(tr.Band) != rep.Verdict.Value:
		w.line(p.Tf("summary.score-differs", "band", tr.BandWords, "verdict", rep.Verdict.Words))
		w.blank()
	}
	var concerns, strengths []checklist.Finding
	for _, f := range tr.Findings {
		if f.Severity == checklist.SevStrength {
			strengths = append(strengths, f)
		} else {
			concerns = append(concerns, f)
		}
	}
	w.subsection("summary.why")
	w.findings(concerns)
	w.subsection("summary.strengths")
	w.findings(strengths)

	if len(rep.Derived) > 0 {
		w.subsection("summary.derived")
		for _, d := range rep.Derived {
			line := "- " + p.Tf("summary.derived-item", "label", "**"+d.Label+"**", "value", d.ValueLabel, "from", d.From) + " (`" + d.Rule + "`)"
			if d.Given != "" {
				key := "summary.derived-replaced"
				if d.Kept {
					key = "summary.derived-kept"
				}
				line += " " + p.Tf(key, "given", d.GivenLabel)
			}
			w.line(line)
		}
		w.blank()
	}

	if len(rep.Ignored) > 0 {
		w.subsection("summary.ignored")
		for _, ig := range rep.Ignored {
			w.line("- " + p.Tf("summary.ignored-item", "label", "**"+ig.Label+"**", "id", "`"+ig.Question+"`", "when", ig.When))
		}
		w.blank()
	}
}

// OptionLabel is an option's label as the pack words it.
func OptionLabel(p *checklist.Pack, q *checklist.Question, id string) string {
	return report.OptionLabel(p, q, id)
}

// tally shows the arithmetic behind the score, as a clinical calculator does.
func tally(p *checklist.Pack, tr report.Trace) string {
	return p.Tf("summary.tally", "base", strconv.Itoa(tr.Base), "plus", fmt.Sprintf("+%d", tr.Plus),
		"minus", fmt.Sprintf("%d", tr.Minus), "total", strconv.Itoa(tr.Base+tr.Plus+tr.Minus), "score", strconv.Itoa(tr.Score))
}

// VerdictBadge states a verdict in a symbol and a word, never colour alone;
// the word comes from the pack, so a translated pack translates it.
func VerdictBadge(p *checklist.Pack, v checklist.Verdict) string {
	return report.VerdictSymbol(v) + " " + report.VerdictWord(p, v)
}

// VerdictWord is the verdict's one word, as the pack spells it.
func VerdictWord(p *checklist.Pack, v checklist.Verdict) string { return report.VerdictWord(p, v) }

// StayBadge is a stay answer's symbol.
func StayBadge(v checklist.StayValue) string { return report.StaySymbol(v) }

// FitBadge is a format fit's symbol.
func FitBadge(f checklist.Fit) string { return report.FitSymbol(f) }

// oneParagraph cleans a note and keeps it inside one list item.
func oneParagraph(s string) string {
	lines := strings.Split(textclean.Clean(s), "\n")
	for i, l := range lines {
		lines[i] = textclean.EscapeMarkdown(strings.TrimSpace(l))
	}
	return strings.Join(lines, "  \n  ")
}

type writer struct {
	b   *strings.Builder
	p   *checklist.Pack
	rep *report.Report
	// seen are the sources cited so far (Pack.Cite).
	seen map[string]bool
}

func (w writer) subsection(key string) {
	w.line("### " + w.p.T(key))
	w.blank()
}

// answer writes one of the three answers: the question, its badge, the
// one-sentence headline, and the further reasons beneath it.
func (w writer) answer(question, badge, headline string, reasons []report.Reason) {
	head := "**" + question + "**"
	if badge != "" {
		head += " " + badge
	}
	w.line(head)
	w.blank()
	w.line(headline)
	w.blank()
	for _, r := range reasons {
		w.line(fmt.Sprintf("- %s (%s: %s)", r.Text, w.p.T("summary.source"), w.p.Cite(r.Source, w.seen)))
	}
	if len(reasons) > 0 {
		w.blank()
	}
}

func (w writer) line(s string) { w.b.WriteString(s); w.b.WriteByte('\n') }
func (w writer) blank()        { w.b.WriteByte('\n') }

func (w writer) section(key string) {
	w.line("## " + w.p.T(key))
	w.blank()
}

func (w writer) findings(fs []checklist.Finding) {
	if len(fs) == 0 {
		w.line(w.p.T("summary.none"))
		w.blank()
		return
	}
	for _, f := range fs {
		grade := w.p.T("severity." + string(f.Severity))
		if f.Points != 0 {
			grade += fmt.Sprintf(", %+d %s", f.Points, w.p.T("summary.points"))
		}
		if f.Cap != "" && f.Cap != checklist.VerdictPromising {
			grade += ", " + w.p.Tf("summary.cap", "verdict", VerdictWord(w.p, f.Cap))
		}
		w.line(fmt.Sprintf("- **%s** `%s` (%s): %s *%s: %s*",
			f.Title, f.Rule, grade, f.Message, w.p.T("summary.source"), w.p.Cite(f.Source, w.seen)))
	}
	w.blank()
}

func (w writer) followUps(fs []report.Ask) {
	if len(fs) == 0 {
		w.line(w.p.T("summary.none"))
		w.blank()
		return
	}
	for i, f := range fs {
		w.line(fmt.Sprintf("%d. **%s**: “%s”", i+1, f.Label, f.Ask))
		if len(f.Unsure) > 0 {
			w.line("   " + w.p.Tf("summary.unsure", "items", strings.Join(f.Unsure, ", ")))
		}
		if f.Why != "" {
			w.line(fmt.Sprintf("   %s: %s", w.p.T("summary.why-ask"), f.Why))
		}
	}
	w.blank()
}
