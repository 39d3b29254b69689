// Package handout builds the one-page sheet a person takes away about a
// circle (vetcircle handout): how to join it, from its service record; what
// a well-run circle is like and the signs it is time to leave, from the
// rule pack's own questions; where to get help; in the pack's language. It
// is terminal-free: Text renders plain text for a width (80 columns by
// default, no markdown symbols), Markdown a markdown page, both from the
// same Sheet.
package handout

import (
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Circle is what the sheet says about the circle: facts from the register.
type Circle struct {
	Name string
	// Setting is where it meets (the setting question's option), or "".
	Setting string
	// Service is the service record told with the latest vetting's answers
	// (checklist.Service.WithAnswers).
	Service checklist.Service
	// Referral is the person's referral status in words, when the sheet is
	// for someone (--for); "" otherwise.
	Referral string
	// RedFlags are the red flags confirmed when the circle was vetted, in
	// words: a sheet about how to join never leaves them out.
	RedFlags []string
	// Distress is set when the person's own record (their answers or a
	// check-in) shows distress: where to get help then opens the sheet,
	// before anything about the circle.
	Distress bool
}

// Sheet is the handout: a title, sections, and a closing.
type Sheet struct {
	Title, Subtitle string
	Sections        []Section
	// Closing is the limits and the sources, each a paragraph.
	Closing []string
}

// Section is a heading with paragraphs before a list, the list, and
// paragraphs after it.
type Section struct {
	Heading string
	Before  []string
	Items   []string
	After   []string
}

// The questions whose options the sheet lists: what a well-run circle
// keeps, what good facilitation looks like, the signs to leave. Their
// sources are the sheet's citations.
const (
	agreementsQ = "agreements"
	goodQ       = "facilitation-good"
	leaveQ      = "leave-signs"
)

// Sources the sheet's own sentences draw on, beside its questions'.
var ownSources = []string{"How often should I attend?", "What if someone in my circle is in crisis?", "Are circles HIPAA-compliant?"}

// Build is the sheet for circle c in p's language.
func Build(p *checklist.Pack, c Circle) Sheet {
	s := Sheet{Title: p.Tf("handout.title", "circle", textclean.CleanLine(c.Name)), Subtitle: p.T("handout.subtitle")}
	help := Section{Heading: p.T("handout.help"), Before: []string{p.T("handout.crisis"), p.T("handout.crisis-circle")}}
	if c.Distress {
		// Distress brings the crisis line first, before even the red flags.
		s.Sections = append(s.Sections, help)
	}
	if len(c.RedFlags) > 0 {
		// First, before how to join: a confirmed red flag is never hidden.
		s.Sections = append(s.Sections, Section{Heading: p.T("handout.red-flags"), Before: []string{p.T("handout.red-flags-intro")},
			Items: c.RedFlags, After: []string{p.T("handout.red-flags-after")}})
	}
	s.Sections = append(s.Sections, Join(p, c))
	expect := Section{Heading: p.T("handout.expect"), Before: []string{p.T("handout.expect-intro")}}
	sources := []string{}
	if q := p.Question(agreementsQ); q != nil {
		for _, o := range q.Options {
			item := o.Label
			if o.Help != "" {
				item += ": " + o.Help
			}
			expect.Items = append(expect.Items, item)
		}
		sources = append(sources, q.Source)
	}
	if q := p.Question(goodQ); q != nil {
		for _, o := range q.Options {
			expect.Items = append(expect.Items, o.Label)
		}
		sources = append(sources, q.Source)
	}
	expect.After = []string{p.T("handout.expect-time")}
	s.Sections = append(s.Sections, expect)
	leave := Section{Heading: p.T("handout.leave"), Before: []string{p.T("handout.leave-intro")}, After: []string{p.T("handout.leave-outro")}}
	if q := p.Question(leaveQ); q != nil {
		for _, o := range q.Options {
			leave.Items = append(leave.Items, o.Label)
		}
		sources = append(sources, q.Source)
	}
	s.Sections = append(s.Sections, leave)
	if !c.Distress {
		s.Sections = append(s.Sections, help)
	}
	var cited []string
	for _, src := range append(sources, ownSources...) {
		if src != "" && !slices.Contains(cited, src) {
			cited = append(cited, src)
		}
	}
	s.Closing = []string{p.T("handout.limits"), p.Tf("handout.sources", "guide", p.Meta.Guide.Title, "sections", strings.Join(cited, "; "))}
	return s
}

// Join is the "how to join" section, from the service record.
func Join(p *checklist.Pack, c Circle) Section {
	sv := c.Service
	sec := Section{Heading: p.T("handout.join")}
	if c.Referral != "" {
		sec.Before = append(sec.Before, p.Tf("handout.referral", "status", c.Referral))
	}
	add := func(key, name, value string) {
		if value != "" {
			sec.Items = append(sec.Items, p.Tf(key, name, value))
		}
	}
	add("handout.phone", "phone", sv.Contact.Phone)
	add("handout.email", "email", sv.Contact.Email)
	add("handout.website", "website", sv.Contact.Website)
	if c.Setting != "" {
		if w, ok := p.Text["handout.where."+c.Setting]; ok {
			sec.Items = append(sec.Items, w)
		}
	}
	add("handout.schedule", "schedule", Schedule(p, sv.Schedule))
	var langs []string
	for _, l := range sv.Languages {
		langs = append(langs, LanguageName(p, l))
	}
	add("handout.languages", "languages", strings.Join(langs, ", "))
	add("handout.cost", "cost", Cost(p, sv.Cost))
	if sv.Contact == (checklist.Contact{}) {
		sec.After = append(sec.After, p.T("handout.no-contact"))
	}
	if t, err := time.Parse(time.DateOnly, sv.LastVerified); err == nil {
		sec.After = append(sec.After, p.Tf("handout.verified", "date", report.Date(p, t)))
	}
	return sec
}

// Schedule says when a circle meets: its words, then what was given as
// fields ("every two weeks on Thursdays at 18:30"), in the pack's language.
func Schedule(p *checklist.Pack, s checklist.Schedule) string {
	var parts []string
	if s.Frequency != "" {
		parts = append(parts, p.T("handout.freq."+s.Frequency))
	}
	if s.Weekday != "" {
		parts = append(parts, p.T("handout.day."+s.Weekday))
	}
	if s.Start != "" {
		parts = append(parts, p.Tf("handout.start", "time", s.Start))
	}
	fields := strings.Join(parts, " ")
	switch {
	case s.Text != "" && fields != "":
		return s.Text + " (" + fields + ")"
	case s.Text != "":
		return s.Text
	}
	return fields
}

// Cost says what joining costs: the model and the amount, in words.
func Cost(p *checklist.Pack, c checklist.Cost) string {
	var parts []string
	if c.Model != "" {
		parts = append(parts, p.T("handout.cost."+c.Model))
	}
	if a := CostAmount(p, c); a != "" && c.Model != "free" {
		parts = append(parts, a)
	}
	return strings.Join(parts, ", ")
}

// CostAmount is the amount a session in words ("$20 to $60 a session"),
// or "" when not known.
func CostAmount(p *checklist.Pack, c checklist.Cost) string {
	switch {
	case c.Amount == nil:
		return ""
	case c.Upper != nil:
		return p.Tf("handout.cost.range", "low", report.Money(p, *c.Amount), "high", report.Money(p, *c.Upper))
	}
	return p.Tf("handout.cost.amount", "amount", report.Money(p, *c.Amount))
}

// LanguageName is a language's name in the pack's language ("Spanish",
// "español"), or the code when it has none.
func LanguageName(p *checklist.Pack, code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Tags(p.Lang()).Name(t); n != "" {
		return n
	}
	return code
}

// Text renders the sheet as plain text of at most width columns (80 when
// width is 0): headings on their own lines, list items after a bullet, no
// markdown symbols, every line cleaned of control characters.
func (s Sheet) Text(width int) string {
	if width <= 0 {
		width = 80
	}
	var b strings.Builder
	para := func(text, first, rest string) {
		lines := strings.Split(textclean.Wrap(textclean.CleanLine(text), width-textclean.Width(first)), "\n")
		for i, l := range lines {
			if i == 0 {
				b.WriteString(first + l + "\n")
			} else {
				b.WriteString(rest + l + "\n")
			}
		}
	}
	para(strings.ToUpper(s.Title), "", "")
	para(s.Subtitle, "", "")
	for _, sec := range s.Sections {
		b.WriteString("\n")
		para(strings.ToUpper(sec.Heading), "", "")
		for _, t := range sec.Before {
			para(t, "", "")
		}
		for _, it := range sec.Items {
			para(it, "  • ", "    ")
		}
		for _, t := range sec.After {
			para(t, "", "")
		}
	}
	b.WriteString("\n")
	for _, t := range s.Closing {
		para(t, "", "")
	}
	return b.String()
}

// Markdown renders the sheet as a markdown page; every piece of text is
// escaped, so a name or a website can never become markup.
func (s Sheet) Markdown() string {
	esc := func(t string) string { return textclean.EscapeMarkdown(textclean.CleanLine(t)) }
	blocks := []string{"# " + esc(s.Title), esc(s.Subtitle)}
	for _, sec := range s.Sections {
		blocks = append(blocks, "## "+esc(sec.Heading))
		for _, t := range sec.Before {
			blocks = append(blocks, esc(t))
		}
		if len(sec.Items) > 0 {
			items := make([]string, len(sec.Items))
			for i, it := range sec.Items {
				items[i] = "- " + esc(it)
			}
			blocks = append(blocks, strings.Join(items, "\n"))
		}
		for _, t := range sec.After {
			blocks = append(blocks, esc(t))
		}
	}
	blocks = append(blocks, "---")
	for _, t := range s.Closing {
		blocks = append(blocks, "*"+esc(t)+"*")
	}
	return strings.Join(blocks, "\n\n") + "\n"
}
