// Package compare puts several scored circles side by side: one row per
// circle, best first, as a terminal table that fits the screen, a markdown
// table or JSON.
//
// The three answer columns are the pack's core questions (the three
// questions to ask every facilitator), so the table follows the rules rather
// than naming questions in Go. Every heading comes from the pack (a
// question's label, else a compare.* text).
package compare

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Row is one circle's line in the comparison.
type Row struct {
	// File is the answers file, as named on the command line.
	File string
	// Name is the circle's name, cleaned to one line; empty when not given.
	Name    string
	Verdict checklist.Verdict
	// Fit is how the circle suits this person now; empty when its format
	// is not known. Stay is empty unless the person attends.
	Fit  checklist.Fit
	Stay checklist.StayValue
	// Headline is the three answers' sentences.
	Headline     checklist.Headline
	Score        int
	Completeness int
	// RedFlags are the confirmed red flags' question IDs, in pack order.
	RedFlags []string
	// Core holds the answers to the pack's core questions, in pack order.
	Core []Answer
	// Format is the circle's format ID; empty when not asked.
	Format       string
	Participants *float64
	CostUSD      *float64
	// The high ends of numbers given as ranges ("6-10" people).
	ParticipantsMax *float64
	CostUSDMax      *float64
	// Report is what the row renders: labels, words and ranges come from
	// it, never from a judgement of the row's own.
	Report *report.Report
	// Vetted is the date of the call or visit the answers record
	// (YYYY-MM-DD), "" when they record none: never the printing date.
	Vetted string
}

// Answer is one core question's answer.
type Answer struct {
	Question string
	// Asked is false when the question has not been answered yet.
	Asked bool
	// Choice is a choice or yes/no/unknown answer.
	Choice string
	// List is a multi answer; empty when the answer was "none of these".
	List []string
	// Of is how many options a multi question has.
	Of int
	// Lacks lists a multi question's options ruled out, in pack order
	// (not those still unknown).
	Lacks []string
	// Applies is false when the question is not asked of this circle (the
	// facilitator questions of an informal group, say).
	Applies bool
	kind    checklist.Kind
	q       *checklist.Question
}

// New scores one circle's answers and makes its row.
func New(p *checklist.Pack, file string, a *checklist.Answers) Row {
	return FromReport(p, file, a, report.Build(p, a, report.Options{}))
}

// FromReport is the row of a report already built from answers a: a
// register circle's record (no fit), or judged for one person.
func FromReport(p *checklist.Pack, file string, a *checklist.Answers, rep report.Report) Row {
	c := rep.Circle
	row := Row{
		File:            file,
		Name:            rep.Name,
		Verdict:         checklist.Verdict(rep.Verdict.Value),
		Headline:        checklist.Headline{Verdict: rep.Verdict.Headline},
		Score:           rep.Trace.Score,
		Completeness:    rep.Trace.Completeness,
		RedFlags:        []string{},
		Format:          c.Format,
		Participants:    c.Participants,
		ParticipantsMax: c.ParticipantsMax,
		CostUSD:         c.CostUSD,
		CostUSDMax:      c.CostUSDMax,
		Report:          &rep,
		Vetted:          a.Vetted.On,
	}
	for _, f := range rep.RedFlags {
		row.RedFlags = append(row.RedFlags, f.ID)
	}
	if rep.Fit != nil {
		row.Fit = checklist.Fit(rep.Fit.Value)
		row.Headline.Fit = rep.Fit.Headline
	}
	if rep.Stay != nil {
		row.Stay = checklist.StayValue(rep.Stay.Value)
		row.Headline.Stay = rep.Stay.Headline
	}
	derived, _ := p.Derive(a)
	for _, q := range p.Questions {
		if !q.Core {
			continue
		}
		ans := Answer{Question: q.ID, kind: q.Kind, Applies: p.Applicable(q, derived), q: q}
		v, ok := a.Get(q.ID)
		if ok {
			ans.Asked = true
			ans.Choice = v.Choice
			if q.Kind == checklist.KindMulti {
				ans.List = slices.Clone(v.List)
				ans.Of = len(q.Options)
				for _, o := range q.Options {
					if !slices.Contains(v.List, o.ID) && !slices.Contains(v.Unsure, o.ID) {
						ans.Lacks = append(ans.Lacks, o.ID)
					}
				}
			}
		}
		row.Core = append(row.Core, ans)
	}
	return row
}

// Sort orders rows best first: by verdict, then score, then completeness,
// then circle name (ignoring case), then file, so the order is total.
func Sort(rows []Row) {
	slices.SortStableFunc(rows, func(x, y Row) int {
		if c := y.Verdict.Rank() - x.Verdict.Rank(); c != 0 {
			return c
		}
		if c := y.Score - x.Score; c != 0 {
			return c
		}
		if c := y.Completeness - x.Completeness; c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)); c != 0 {
			return c
		}
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(x.File, y.File)
	})
}

// MarshalJSON writes a row as a flat object. Core answers are keyed by
// question ID: a string for a choice, a list for a multi question (empty
// for "none of these"), and null when not asked yet.
func (r Row) MarshalJSON() ([]byte, error) {
	core := make(map[string]any, len(r.Core))
	for _, a := range r.Core {
		switch {
		case !a.Asked:
			core[a.Question] = nil
		case a.kind == checklist.KindMulti:
			list := a.List
			if list == nil {
				list = []string{}
			}
			core[a.Question] = list
		default:
			core[a.Question] = a.Choice
		}
	}
	flags := r.RedFlags
	if flags == nil {
		flags = []string{}
	}
	var fit, stay any
	if r.Fit != "" {
		fit = r.Fit
	}
	if r.Stay != "" {
		stay = r.Stay
	}
	return json.Marshal(struct {
		File         string             `json:"file"`
		Name         string             `json:"name"`
		Verdict      checklist.Verdict  `json:"verdict"`
		Fit          any                `json:"fit"`
		Stay         any                `json:"stay"`
		Headline     checklist.Headline `json:"headline"`
		Score        int                `json:"score"`
		Completeness int                `json:"completeness"`
		RedFlags     []string           `json:"red_flags"`
		Core         map[string]any     `json:"core"`
		Format       string             `json:"format,omitempty"`
		Participants *float64           `json:"participants,omitempty"`
		// The high ends of ranges: "6-10" people is never 6.
		ParticipantsMax *float64 `json:"participants_max,omitempty"`
		CostUSD         *float64 `json:"cost_usd,omitempty"`
		CostUSDMax      *float64 `json:"cost_usd_max,omitempty"`
		// Vetted is the date of the call or visit; "" when not recorded.
		Vetted string `json:"vetted"`
	}{r.File, r.Name, r.Verdict, fit, stay, r.Headline, r.Score, r.Completeness, flags, core, r.Format, r.Participants, r.ParticipantsMax, r.CostUSD, r.CostUSDMax, r.Vetted})
}

// anyAttending reports whether any row answers "should I stay?": the stay
// column is shown only then.
func anyAttending(rows []Row) bool {
	return slices.ContainsFunc(rows, func(r Row) bool { return r.Stay != "" })
}

// label is a question's label, or fallback when the pack lacks it.
func label(p *checklist.Pack, id, fallback string) string {
	if q := p.Question(id); q != nil && q.Label != "" {
		return q.Label
	}
	return fallback
}

// circleFieldLabel is the label of the question stored as a circle key.
func circleFieldLabel(p *checklist.Pack, field, fallback string) string {
	for _, q := range p.Questions {
		if q.CircleField == field && q.Label != "" {
			return q.Label
		}
	}
	return fallback
}

// notAsked marks a missing value in a table; a footnote explains it.
const notAsked = "—"

// cells are a row's values as display text, one per column, before any
// escaping or wrapping.
type cells struct {
	file, name, verdict, fit, stay, score, completeness string
	redFlags                                            []string
	noFlags                                             string
	core                                                []string
	format, size, cost                                  string
}

// coreShown lists the core questions to show as columns: those that apply
// to, or were answered for, at least one of the rows.
func coreShown(rows []Row) []int {
	var keep []int
	if len(rows) == 0 {
		return keep
	}
	for k := range rows[0].Core {
		if slices.ContainsFunc(rows, func(r Row) bool { return k < len(r.Core) && (r.Core[k].Applies || r.Core[k].Asked) }) {
			keep = append(keep, k)
		}
	}
	return keep
}

func (r Row) cells(p *checklist.Pack, badge func(checklist.Verdict) string, keep []int) cells {
	c := cells{
		file:         r.File,
		name:         r.Name,
		verdict:      badge(r.Verdict),
		fit:          notAsked,
		stay:         notAsked,
		score:        strconv.Itoa(r.Score),
		completeness: strconv.Itoa(r.Completeness) + "%",
		noFlags:      p.T("compare.none"),
		format:       orDash(r.Format),
		size:         orDash(report.Range(r.Participants, r.ParticipantsMax)),
		cost:         notAsked,
	}
	// People read labels, not IDs: the red flags and the format as the
	// pack names them (IDs stay in JSON and CSV).
	for _, id := range r.RedFlags {
		c.redFlags = append(c.redFlags, label(p, id, id))
	}
	if f := p.Format(r.Format); f != nil {
		c.format = f.Name
	}
	if c.name == "" {
		c.name = p.T("summary.circle")
	}
	if r.Fit != "" {
		c.fit = summary.FitBadge(r.Fit) + " " + p.T("fit."+string(r.Fit))
	}
	if r.Stay != "" {
		c.stay = summary.StayBadge(r.Stay) + " " + p.T("stay."+string(r.Stay))
	}
	if r.CostUSD != nil {
		c.cost = summary.Money(p, *r.CostUSD)
		if r.CostUSDMax != nil {
			c.cost += "-" + summary.Money(p, *r.CostUSDMax)
		}
	}
	for _, k := range keep {
		c.core = append(c.core, r.Core[k].display(p))
	}
	return c
}

// display shows an answer compactly: an option ID, or for a list how many
// of the options were named and which are missing ("2/4, lacks written").
func (a Answer) display(p *checklist.Pack) string {
	if !a.Asked && !a.Applies {
		return p.T("compare.not-applicable")
	}
	if !a.Asked {
		return notAsked
	}
	if a.kind != checklist.KindMulti {
		return a.choiceLabel(p)
	}
	s := strconv.Itoa(len(a.List)) + "/" + strconv.Itoa(a.Of)
	if len(a.List) > 0 && len(a.Lacks) > 0 {
		lacks := make([]string, len(a.Lacks))
		for i, id := range a.Lacks {
			lacks[i] = id
			if a.q != nil {
				lacks[i] = summary.OptionLabel(p, a.q, id)
			}
		}
		s += ", " + p.T("compare.lacks") + " " + strings.Join(lacks, ", ")
	}
	return s
}

// short shows an answer in a narrow table: a list as a count ("2/4").
func (a Answer) short(p *checklist.Pack) string {
	if !a.Asked && !a.Applies {
		return p.T("compare.not-applicable")
	}
	if !a.Asked {
		return notAsked
	}
	if a.kind != checklist.KindMulti {
		return a.choiceLabel(p)
	}
	return strconv.Itoa(len(a.List)) + "/" + strconv.Itoa(a.Of)
}

// choiceLabel is a choice answer as the pack words it.
func (a Answer) choiceLabel(p *checklist.Pack) string {
	if a.q == nil {
		return a.Choice
	}
	return summary.OptionLabel(p, a.q, a.Choice)
}

func orDash(s string) string {
	if s == "" {
		return notAsked
	}
	return s
}

// headings are the column titles, from the pack where it has them.
type headings struct {
	file, name, verdict, fit, stay, score, completeness, redFlags string
	core                                                          []string
	format, size, cost                                            string
}

func headingsFor(p *checklist.Pack, keep []int) headings {
	h := headings{
		file:         p.T("compare.file"),
		name:         circleFieldLabel(p, "name", p.T("compare.name")),
		verdict:      p.T("summary.verdict"),
		fit:          p.T("compare.fit"),
		stay:         p.T("compare.stay"),
		score:        p.T("compare.score"),
		completeness: p.T("compare.completeness"),
		redFlags:     p.T("compare.red-flags"),
		format:       circleFieldLabel(p, "format", p.T("compare.format")),
		size:         circleFieldLabel(p, "participants", p.T("compare.size")),
		cost:         circleFieldLabel(p, "cost_usd", p.T("compare.cost")),
	}
	var core []string
	for _, q := range p.Questions {
		if q.Core {
			core = append(core, label(p, q.ID, q.ID))
		}
	}
	for _, k := range keep {
		if k < len(core) {
			h.core = append(h.core, core[k])
		}
	}
	return h
}

// vettedLine says when each circle was vetted (the dates of the calls),
// under a table: "" when no row records a date, so files with none read
// as before.
func vettedLine(p *checklist.Pack, rows []Row) string {
	if !slices.ContainsFunc(rows, func(r Row) bool { return r.Vetted != "" }) {
		return ""
	}
	var parts []string
	for _, r := range rows {
		name := textclean.CleanLine(cmp.Or(r.Name, r.File))
		parts = append(parts, name+" "+cmp.Or(r.Vetted, p.T("report.date-unknown")))
	}
	return p.T("compare.vetted") + ": " + strings.Join(parts, "; ")
}

// footnote explains the dash for a missing value.
func footnote(p *checklist.Pack) string {
	return notAsked + " " + p.T("answer.not-asked")
}
