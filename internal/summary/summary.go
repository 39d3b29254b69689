// Package summary renders a scored circle as a markdown document: the verdict,
// every point traced to its rule and the guide's section, what to ask next,
// format fit, when to leave and the tool's limits. All prose comes from the
// rule pack; user text is cleaned and markdown-escaped on the way in.
package summary

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Options are the few things a summary needs beyond the pack and answers.
type Options struct {
	// Date is the day the check was made; the caller passes it so output is
	// deterministic.
	Date time.Time
}

// Markdown renders the summary. The same inputs always give the same bytes.
//
// It opens with the person's three questions, each answered in one plain
// sentence with its reasons: is the circle safe and well run, is it right
// for this person now, and, for someone attending, should they stay. The
// score, its arithmetic and the rule IDs come last, under "How this was
// scored", for tracing.
func Markdown(p *checklist.Pack, a *checklist.Answers, r checklist.Result, opt Options) string {
	var b strings.Builder
	w := writer{b: &b, p: p, coord: checklist.Coordinator(a)}

	name := textclean.EscapeMarkdown(textclean.CleanLine(r.Circle.Name))
	if name == "" {
		name = p.T("summary.circle")
	}
	w.line("# " + p.Tf("summary.title", "circle", name))
	w.blank()
	w.line(strings.Join(facts(p, r, opt), " · "))
	w.blank()

	if r.Crisis {
		w.line("> " + w.t(CrisisKeyFor(a, r)))
		for _, q := range r.CrisisQuotes {
			w.line(">")
			w.line("> " + p.Tf("summary.crisis-quote", "quote", textclean.EscapeMarkdown(textclean.CleanLine(q.Quote))))
		}
		w.blank()
	}

	w.section("summary.answers")
	for _, q := range AnswerOrder(r) {
		switch q {
		case "verdict":
			w.answer(w.t("summary.q-verdict"), VerdictBadge(p, r.Verdict), r.Headline.Verdict, r.VerdictReasons)
			if r.Verdict == checklist.VerdictAvoid {
				w.line(p.T("summary.no-more-questions"))
				w.blank()
			}
		case "fit":
			if r.Fit == nil {
				w.answer(w.t("summary.q-fit"), "", w.t("summary.no-format"), nil)
				continue
			}
			w.answer(w.t("summary.q-fit"), FitBadge(r.Fit.Value)+" "+p.T("fit."+string(r.Fit.Value)), r.Headline.Fit, r.Fit.Reasons[min(1, len(r.Fit.Reasons)):])
		case "stay":
			w.answer(w.t("summary.q-stay"), StayBadge(r.Stay.Value)+" "+p.T("stay."+string(r.Stay.Value)), r.Headline.Stay, r.Stay.Reasons[min(1, len(r.Stay.Reasons)):])
		}
	}

	w.section("summary.red-flags")
	if len(r.RedFlags) == 0 {
		w.line(p.T("summary.none"))
	}
	for _, id := range r.RedFlags {
		q := p.Question(id)
		w.line(fmt.Sprintf("- **%s**: %s", q.Label, q.Why))
	}
	w.blank()

	var facilitator, self []checklist.FollowUp
	for _, f := range r.FollowUps {
		if f.To == "self" {
			self = append(self, f)
		} else {
			facilitator = append(facilitator, f)
		}
	}
	// Nothing the facilitator could say would change an avoid, and the
	// answers above already say so: no questions for them.
	if r.Verdict != checklist.VerdictAvoid {
		w.section("summary.ask-next")
		w.followUps(facilitator)
	}
	if len(self) > 0 {
		if w.coord {
			w.section("summary.ask-person")
		} else {
			w.section("summary.ask-self")
		}
		w.followUps(self)
	}

	if f := p.Format(r.Circle.Format); f != nil {
		w.section("summary.your-format")
		w.line("**" + f.Name + "**: " + f.Summary)
		w.blank()
		for _, kv := range [][2]string{{"summary.format-size", "size"}, {"summary.format-cost", "cost"}, {"summary.format-frequency", "frequency"}, {"summary.format-cautions", "cautions"}} {
			value := map[string]string{"size": f.Size, "cost": f.Cost, "frequency": f.Frequency, "cautions": f.Cautions}[kv[1]]
			if value != "" {
				w.line("- " + p.Tf(kv[0], kv[1], value))
			}
		}
		w.blank()
		if !r.Attending && r.Verdict != checklist.VerdictAvoid {
			w.line(p.T("summary.try-first"))
			w.blank()
		}
	}

	w.section("summary.formats")
	for _, f := range r.Formats {
		w.line(fmt.Sprintf("- **%s**: %s %s", f.Name, FitBadge(f.Fit), p.T("fit."+string(f.Fit))))
		// What the guide says of a format worth considering, in brief.
		if ff := p.Format(f.ID); ff != nil && f.Fit == checklist.FitGood && f.ID != r.Circle.Format {
			var facts []string
			for _, kv := range [][2]string{{"summary.format-size", ff.Size}, {"summary.format-cost", ff.Cost}, {"summary.format-frequency", ff.Frequency}} {
				if kv[1] != "" {
					facts = append(facts, p.Tf(kv[0], strings.TrimPrefix(kv[0], "summary.format-"), kv[1]))
				}
			}
			if len(facts) > 0 {
				w.line("  - " + strings.Join(facts, " · "))
			}
		}
		if len(f.Reasons) == 0 {
			if ff := p.Format(f.ID); ff != nil {
				w.line("  - " + ff.FitsWho)
			}
		}
		for _, reason := range f.Reasons {
			w.line(fmt.Sprintf("  - %s (`%s`; %s: %s)", reason.Text, reason.Rule, p.T("summary.source"), reason.Source))
		}
	}
	w.blank()

	if a != nil && len(a.Notes) > 0 {
		w.section("summary.notes")
		for _, q := range p.Questions {
			note, ok := a.Notes[q.ID]
			if !ok {
				continue
			}
			w.line(fmt.Sprintf("- **%s** (`%s`): %s", q.Label, q.ID, oneParagraph(note)))
		}
		w.blank()
	}

	w.section("summary.leave")
	w.line(w.t("summary.leave-body"))
	w.blank()
	w.section("summary.limits")
	for _, para := range strings.Split(p.T("summary.limits-body"), "\n") {
		w.line(para)
		w.blank()
	}

	w.scoring(r)
	w.line("---")
	w.blank()
	w.line("_" + p.Tf("summary.pack",
		"name", p.Meta.Name, "version", p.Meta.Version, "reviewed", p.Meta.LastReviewed,
		"guide", p.Meta.Guide.Title, "guide_reviewed", p.Meta.Guide.LastReviewed) + "_")
	return b.String()
}

// AnswerOrder is the order in which to give the three answers: the circle's
// verdict, then fit, then stay, except that a person attending who should
// leave hears that first, and a person in crisis hears first that now is
// not the time for a group. Front ends use it so they never disagree.
func AnswerOrder(r checklist.Result) []string {
	order := []string{"verdict", "fit"}
	if r.Stay != nil {
		order = append(order, "stay")
	}
	switch {
	case r.Stay != nil && r.Stay.Value == checklist.StayLeave:
		order = []string{"stay", "verdict", "fit"}
	case r.Crisis && r.Fit != nil && r.Fit.Value == checklist.FitNotNow:
		order = slices.DeleteFunc(order, func(s string) bool { return s == "fit" })
		order = append([]string{"fit"}, order...)
	}
	return order
}

// scoring is the trace at the end: the score and its arithmetic, why the
// score and the verdict differ when they do, every fired rule with its ID,
// points and source, answers derived from others, and answers not counted.
func (w writer) scoring(r checklist.Result) {
	p := w.p
	w.section("summary.scoring")
	w.line(p.Tf("summary.score", "score", strconv.Itoa(r.Score), "completeness", strconv.Itoa(r.Completeness)))
	w.blank()
	w.line(tally(p, r))
	w.blank()
	switch {
	case !r.ScoreDecides:
		w.line(p.T("summary.score-waits"))
		w.blank()
	case r.Band != r.Verdict:
		w.line(p.Tf("summary.score-differs", "band", VerdictWord(p, r.Band), "verdict", VerdictWord(p, r.Verdict)))
		w.blank()
	}
	var concerns, strengths []checklist.Finding
	for _, f := range r.Findings {
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

	if len(r.Derived) > 0 {
		w.subsection("summary.derived")
		for _, d := range r.Derived {
			label, value := d.Question, d.Value
			if q := p.Question(d.Question); q != nil {
				label = q.Label
				value = OptionLabel(p, q, d.Value)
				if d.Item != "" {
					// One item of a list: "Written group rules: yes".
					value = OptionLabel(p, q, d.Item) + ": " + p.T("answer."+d.Value)
				}
			}
			line := "- " + p.Tf("summary.derived-item", "label", "**"+label+"**", "value", value, "from", d.From) + " (`" + d.Rule + "`)"
			if d.Given != "" {
				given := d.Given
				if q := p.Question(d.Question); q != nil {
					given = OptionLabel(p, q, d.Given)
				}
				key := "summary.derived-replaced"
				if d.Kept {
					key = "summary.derived-kept"
				}
				line += " " + p.Tf(key, "given", given)
			}
			w.line(line)
		}
		w.blank()
	}

	if len(r.Ignored) > 0 {
		w.subsection("summary.ignored")
		for _, ig := range r.Ignored {
			label := ig.Question
			if q := p.Question(ig.Question); q != nil {
				label = q.Label
			}
			w.line("- " + p.Tf("summary.ignored-item", "label", "**"+label+"**", "id", "`"+ig.Question+"`", "when", ig.When))
		}
		w.blank()
	}
}

// OptionLabel is an option's label as the pack words it; tristate answers
// use the pack's yes, no and unknown.
func OptionLabel(p *checklist.Pack, q *checklist.Question, id string) string {
	if q.Kind == checklist.KindTristate {
		return p.T("answer." + id)
	}
	if o := q.Option(id); o != nil {
		return o.Label
	}
	return id
}

// tally shows the arithmetic behind the score, as a clinical calculator does.
func tally(p *checklist.Pack, r checklist.Result) string {
	plus, minus := 0, 0
	for _, f := range r.Findings {
		if f.Points > 0 {
			plus += f.Points
		} else {
			minus += f.Points
		}
	}
	return p.Tf("summary.tally", "base", strconv.Itoa(p.BaseScore), "plus", fmt.Sprintf("+%d", plus),
		"minus", fmt.Sprintf("%d", minus), "total", strconv.Itoa(p.BaseScore+plus+minus), "score", strconv.Itoa(r.Score))
}

// VerdictBadge states a verdict in a symbol and a word, never colour alone;
// the word comes from the pack, so a translated pack translates it.
func VerdictBadge(p *checklist.Pack, v checklist.Verdict) string {
	sym := map[checklist.Verdict]string{
		checklist.VerdictPromising:  "✔",
		checklist.VerdictCaution:    "⚠",
		checklist.VerdictAvoid:      "✘",
		checklist.VerdictIncomplete: "…",
	}[v]
	return sym + " " + VerdictWord(p, v)
}

// VerdictWord is the verdict's one word, as the pack spells it.
func VerdictWord(p *checklist.Pack, v checklist.Verdict) string {
	return p.T("verdict-word." + string(v))
}

// StayBadge is a stay answer's symbol.
func StayBadge(v checklist.StayValue) string {
	return map[checklist.StayValue]string{
		checklist.StayStay: "✔", checklist.StayWatch: "◐", checklist.StayLeave: "✘",
	}[v]
}

// FitBadge is a format fit's symbol.
func FitBadge(f checklist.Fit) string {
	return map[checklist.Fit]string{
		checklist.FitGood: "●", checklist.FitPossible: "◐", checklist.FitNotNow: "◌", checklist.FitPoor: "○",
		checklist.FitUnknown: "?",
	}[f]
}

// facts is the line under the title: date and the circle's basics.
func facts(p *checklist.Pack, r checklist.Result, opt Options) []string {
	out := []string{p.Tf("summary.date", "date", Date(p, opt.Date))}
	c := r.Circle
	if f := p.Format(c.Format); f != nil {
		out = append(out, f.Name)
	}
	add := func(id, value string) {
		if value == "" {
			return
		}
		label := id
		if q := p.Question(id); q != nil {
			label = q.Label
			if q.Unit != "" && q.Kind == checklist.KindNumber && q.Unit != "USD" {
				value += " " + q.Unit
			}
		}
		out = append(out, label+": "+value)
	}
	add("facilitator", textclean.EscapeMarkdown(textclean.CleanLine(c.Facilitator)))
	add("participants", numRange(c.Participants, c.ParticipantsMax))
	add("minutes", numRange(c.Minutes, c.MinutesMax))
	if c.CostUSD != nil {
		cost := Money(p, *c.CostUSD)
		if c.CostUSDMax != nil {
			cost += "-" + Money(p, *c.CostUSDMax)
		}
		add("cost-usd", cost)
	}
	if q := p.Question("setting"); q != nil && c.Setting != "" {
		if o := q.Option(c.Setting); o != nil {
			add("setting", o.Label)
		}
	}
	return out
}

// numRange writes a number, or a range's two ends ("20-60").
func numRange(lo, hi *float64) string {
	if hi == nil {
		return num(lo)
	}
	return num(lo) + "-" + num(hi)
}

func num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// oneParagraph cleans a note and keeps it inside one list item.
func oneParagraph(s string) string {
	lines := strings.Split(textclean.Clean(s), "\n")
	for i, l := range lines {
		lines[i] = textclean.EscapeMarkdown(strings.TrimSpace(l))
	}
	return strings.Join(lines, "  \n  ")
}

type writer struct {
	b     *strings.Builder
	p     *checklist.Pack
	coord bool
}

// t is the pack's sentence, worded for a coordinator where the pack has a
// ".coordinator" variant.
func (w writer) t(key string) string {
	if w.coord {
		if s, ok := w.p.Text[key+".coordinator"]; ok {
			return s
		}
	}
	return w.p.T(key)
}

func (w writer) subsection(key string) {
	w.line("### " + w.p.T(key))
	w.blank()
}

// answer writes one of the three answers: the question, its badge, the
// one-sentence headline, and the further reasons beneath it.
func (w writer) answer(question, badge, headline string, reasons []checklist.Reason) {
	head := "**" + question + "**"
	if badge != "" {
		head += " " + badge
	}
	w.line(head)
	w.blank()
	w.line(headline)
	w.blank()
	for _, r := range reasons {
		w.line(fmt.Sprintf("- %s *(%s: %s)*", r.Text, w.p.T("summary.source"), r.Source))
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
			f.Title, f.Rule, grade, f.Message, w.p.T("summary.source"), f.Source))
	}
	w.blank()
}

func (w writer) followUps(fs []checklist.FollowUp) {
	if len(fs) == 0 {
		w.line(w.p.T("summary.none"))
		w.blank()
		return
	}
	for i, f := range fs {
		label := f.Question
		if q := w.p.Question(f.Question); q != nil {
			label = q.Label
		}
		w.line(fmt.Sprintf("%d. **%s** (`%s`): “%s”", i+1, label, f.Question, f.Ask))
		if q := w.p.Question(f.Question); q != nil && len(f.Unsure) > 0 {
			items := make([]string, len(f.Unsure))
			for j, id := range f.Unsure {
				items[j] = OptionLabel(w.p, q, id)
			}
			w.line("   " + w.p.Tf("summary.unsure", "items", strings.Join(items, ", ")))
		}
		if f.Why != "" {
			w.line(fmt.Sprintf("   %s: %s", w.p.T("summary.why-ask"), f.Why))
		}
	}
	w.blank()
}

// CrisisKeyFor is CrisisKey knowing the result: when the crisis line answers
// words of crisis in what was written (and distress was not answered yes),
// it says so rather than speak of feeling worse.
func CrisisKeyFor(a *checklist.Answers, r checklist.Result) string {
	if k := CrisisKey(a); k == "summary.crisis" || len(r.CrisisQuotes) == 0 {
		return k
	}
	return "summary.crisis-words"
}

// CrisisKey is the text key of the crisis line that heads a summary: the
// one that says "you mentioned distress" only when distress was answered
// yes; otherwise the crisis line came from feeling worse again and again.
func CrisisKey(a *checklist.Answers) string {
	if a == nil {
		return "summary.crisis"
	}
	if v, ok := a.Get("distress"); ok && v.Choice == checklist.Yes {
		return "summary.crisis"
	}
	return "summary.crisis-worse"
}
