package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fhir"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/msg"
)

type questionsOptions struct {
	format string
}

func newQuestionsCmd(e env) *cobra.Command {
	var o questionsOptions
	cmd := &cobra.Command{
		Use: "questions",
		Example: `  vetcircle questions > phone-script.md
  vetcircle questions --format json | jq '.sections[].questions[].id'
  vetcircle questions --format fhir > questionnaire.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"markdown", "json", "fhir"}, pack: true})
			if err != nil {
				return err
			}
			return runQuestions(ce, o)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "markdown", "")
	addPackFlags(cmd)
	return cmd
}

func runQuestions(ce cmdEnv, o questionsOptions) error {
	e, p := ce.env, ce.pack
	o.format = ce.format
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	if o.format == "json" || o.format == "fhir" {
		var data any = scriptData(p)
		if o.format == "fhir" {
			data = fhir.QuestionnaireFor(p)
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(data); err != nil {
			return msg.Wrap(err, "cli.err.write", "reason", err)
		}
		return nil
	}
	md := phoneScript(p)
	var err error
	if e.isTTY {
		if md, err = mdrender.Render(md, min(termWidth(), 100), mdrender.Style(mdrender.DarkFromEnv())); err != nil {
			return err
		}
	}
	_, err = out.WriteString(md)
	return err
}

// termWidth is standard output's width, from the terminal or COLUMNS, or 80.
func termWidth() int {
	if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
		return w
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 80
}

// oneLine joins a pack text's lines so it stays inside one list item.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// phoneScript renders the questionnaire as markdown. Pack text is authored
// markdown and goes in as it is, as in the summary.
func phoneScript(p *checklist.Pack) string {
	var b strings.Builder
	line := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}

	seen := map[string]bool{} // sources cited so far: the guide's heading in brackets once
	line("# ", p.T("script.title"), ": ", p.Meta.Name)
	line()
	line(p.T("script.intro"))
	line()
	line("_", p.Tf("summary.pack", "name", p.Meta.ID, "version", p.Meta.Version, "reviewed", p.Meta.LastReviewed,
		"guide", p.Meta.Guide.Title, "guide_reviewed", p.Meta.Guide.LastReviewed), "_")
	line()

	n := 0
	for si, s := range p.Sections {
		line(fmt.Sprintf("## %d. %s (`%s`)", si+1, oneLine(s.Title), s.ID))
		line()
		if s.Intro != "" {
			line(oneLine(s.Intro))
			line()
		}
		if s.When != nil {
			line("**", p.T("script.only-when"), ":** ", describeCondition(p, s.When), ".")
			line()
		}
		for _, q := range p.SectionQuestions(s.ID) {
			n++
			writeQuestion(&b, p, q, n, seen)
		}
	}

	line("## ", p.T("script.reference"))
	line()
	line("### ", p.T("script.circle-keys"))
	line()
	line(p.T("script.circle-keys-intro"))
	line()
	for _, q := range p.Questions {
		if q.CircleField != "" {
			line(fmt.Sprintf("- `%s`: %s (question `%s`, %s)", q.CircleField, oneLine(q.Label), q.ID, q.Kind))
		}
	}
	line()
	line("### ", p.T("script.formats"))
	line()
	for _, f := range p.Formats {
		line(fmt.Sprintf("- `%s`: %s. %s", f.ID, oneLine(f.Name), oneLine(f.Summary)))
	}
	line()
	line("### ", p.T("script.verdicts"))
	line()
	for i := len(checklist.Verdicts) - 1; i >= 0; i-- {
		v := checklist.Verdicts[i]
		line(fmt.Sprintf("- `%s`: %s", v, oneLine(p.T("verdict."+string(v)))))
	}
	line()
	line("### ", p.T("script.fits"))
	line()
	for i := len(checklist.Fits) - 1; i >= 0; i-- {
		f := checklist.Fits[i]
		line(fmt.Sprintf("- `%s`: %s", f, oneLine(p.T("fit."+string(f)))))
	}
	return b.String()
}

func writeQuestion(b *strings.Builder, p *checklist.Pack, q *checklist.Question, n int, seen map[string]bool) {
	line := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}

	line(fmt.Sprintf("### %d. %s (`%s`)", n, oneLine(q.Label), q.ID))
	line()
	var tags []string
	if q.Core {
		tags = append(tags, "**"+p.T("script.core")+"**")
	}
	if q.RedFlag {
		tags = append(tags, "**"+p.T("script.red-flag")+"**")
	}
	tags = append(tags, kindText(p, q))
	if q.Optional {
		tags = append(tags, p.T("script.optional"))
	}
	if q.CircleField != "" {
		tags = append(tags, p.T("script.circle-key")+" `"+q.CircleField+"`")
	}
	line(strings.Join(tags, " · "))
	line()
	line(oneLine(q.Prompt))
	line()
	if q.When != nil {
		line("**", p.T("script.only-when"), ":** ", describeCondition(p, q.When), ".")
		line()
	}
	if q.Say != "" {
		label := p.T("script.say")
		if q.Ask == "self" {
			label = p.T("script.ask-self")
		}
		line("**", label, ":**")
		line()
		line("> ", oneLine(q.Say))
		line()
	}
	if q.SayCoordinator != "" {
		// The phone script is read by coordinators: give the words for
		// asking the person on the call, too.
		line("**", p.T("script.say-coordinator"), ":**")
		line()
		line("> ", oneLine(q.SayCoordinator))
		line()
	}
	if q.ListenGood != "" {
		line("**", p.T("script.listen-good"), ":** ", oneLine(q.ListenGood))
		line()
	}
	if q.ListenWorrying != "" {
		line("**", p.T("script.listen-worrying"), ":** ", oneLine(q.ListenWorrying))
		line()
	}
	if q.Why != "" {
		line("**", p.T("summary.why-ask"), ":** ", oneLine(q.Why))
		line()
	}
	// A yes/no/unknown question's IDs are its answers, already named above.
	if opts := q.Options; len(opts) > 0 {
		line("**", p.T("script.options"), ":**")
		line()
		for _, o := range opts {
			s := fmt.Sprintf("- `%s`: %s", o.ID, oneLine(o.Label))
			if o.Help != "" {
				s += " — " + oneLine(o.Help)
			}
			if o.Best {
				s += " (" + p.T("script.best") + ")"
			}
			line(s)
		}
		line()
	}
	line("_", p.T("summary.source"), ": ", oneLine(p.Cite(q.Source, seen)), "_")
	line()
}

// kindText says what shape of answer a question takes.
func kindText(p *checklist.Pack, q *checklist.Question) string {
	switch q.Kind {
	case checklist.KindChoice:
		return p.T("script.kind.choice")
	case checklist.KindMulti:
		return p.T("script.kind.multi")
	case checklist.KindTristate:
		return p.T("script.kind.tristate")
	case checklist.KindNumber:
		s := p.T("script.kind.number")
		var parts []string
		if q.Unit != "" {
			parts = append(parts, q.Unit)
		}
		if q.Min != nil || q.Max != nil {
			parts = append(parts, fmtBound(q.Min)+"–"+fmtBound(q.Max))
		}
		if len(parts) > 0 {
			s += " (" + strings.Join(parts, ", ") + ")"
		}
		return s
	case checklist.KindText:
		return p.T("script.kind.text")
	}
	return string(q.Kind)
}

func fmtBound(f *float64) string {
	if f == nil {
		return "…"
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// scriptOptions lists a question's options; a yes/no/unknown question's
// three answers are listed too, with the pack's words for them.
func scriptOptions(p *checklist.Pack, q *checklist.Question) []*checklist.Option {
	if q.Kind == checklist.KindTristate {
		var out []*checklist.Option
		for _, id := range q.OptionIDs() {
			out = append(out, &checklist.Option{ID: id, Label: p.T("answer." + id)})
		}
		return out
	}
	return q.Options
}

// describeCondition writes a pack condition in the pack's words, IDs in code.
func describeCondition(p *checklist.Pack, c *checklist.Condition) string {
	return p.Describe(c, func(id string) string { return "`" + id + "`" })
}

// The JSON phone script: a stable structure with every ID. Fields are only
// ever added, never renamed.
type (
	scriptJSON struct {
		Pack         scriptPack        `json:"pack"`
		Sections     []scriptSection   `json:"sections"`
		CircleFields []scriptCircleKey `json:"circle_fields"`
		Formats      []scriptFormat    `json:"formats"`
		Verdicts     []scriptTerm      `json:"verdicts"`
		Fits         []scriptTerm      `json:"fits"`
	}
	scriptPack struct {
		ID                string `json:"id"`
		Name              string `json:"name"`
		Version           string `json:"version"`
		LastReviewed      string `json:"last_reviewed"`
		Language          string `json:"language"`
		Guide             string `json:"guide"`
		GuideLastReviewed string `json:"guide_last_reviewed"`
	}
	scriptSection struct {
		ID        string           `json:"id"`
		Title     string           `json:"title"`
		Intro     string           `json:"intro"`
		Source    string           `json:"source"`
		When      *scriptCondition `json:"when,omitempty"`
		Questions []scriptQuestion `json:"questions"`
	}
	scriptQuestion struct {
		Number      int            `json:"number"`
		ID          string         `json:"id"`
		Kind        checklist.Kind `json:"kind"`
		Core        bool           `json:"core"`
		RedFlag     bool           `json:"red_flag"`
		Optional    bool           `json:"optional"`
		CircleField string         `json:"circle_field,omitempty"`
		Label       string         `json:"label"`
		Prompt      string         `json:"prompt"`
		Say         string         `json:"say,omitempty"`
		// The same question worded for a coordinator asking someone.
		PromptCoordinator string           `json:"prompt_coordinator,omitempty"`
		SayCoordinator    string           `json:"say_coordinator,omitempty"`
		Ask               string           `json:"ask,omitempty"`
		ListenGood        string           `json:"listen_good,omitempty"`
		ListenWorrying    string           `json:"listen_worrying,omitempty"`
		Why               string           `json:"why,omitempty"`
		Source            string           `json:"source"`
		When              *scriptCondition `json:"when,omitempty"`
		Options           []scriptOption   `json:"options,omitempty"`
		Min               *float64         `json:"min,omitempty"`
		Max               *float64         `json:"max,omitempty"`
		Unit              string           `json:"unit,omitempty"`
	}
	scriptOption struct {
		ID    string `json:"id"`
		Label string `json:"label"`
		Help  string `json:"help,omitempty"`
		Best  bool   `json:"best,omitempty"`
	}
	scriptCondition struct {
		Question string             `json:"question,omitempty"`
		Is       []string           `json:"is,omitempty"`
		Includes []string           `json:"includes,omitempty"`
		AtLeast  *int               `json:"at_least,omitempty"`
		Lacks    []string           `json:"lacks,omitempty"`
		Answered *bool              `json:"answered,omitempty"`
		Above    *float64           `json:"above,omitempty"`
		Below    *float64           `json:"below,omitempty"`
		All      []*scriptCondition `json:"all,omitempty"`
		Any      []*scriptCondition `json:"any,omitempty"`
		Not      *scriptCondition   `json:"not,omitempty"`
	}
	scriptCircleKey struct {
		Key      string         `json:"key"`
		Question string         `json:"question"`
		Kind     checklist.Kind `json:"kind"`
		Label    string         `json:"label"`
	}
	scriptFormat struct {
		ID      string `json:"id"`
		Name    string `json:"name"`
		Summary string `json:"summary"`
	}
	scriptTerm struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
)

func scriptData(p *checklist.Pack) scriptJSON {
	m := p.Meta
	out := scriptJSON{
		Pack: scriptPack{ID: m.ID, Name: m.Name, Version: m.Version, LastReviewed: m.LastReviewed,
			Language: m.Language, Guide: m.Guide.Title, GuideLastReviewed: m.Guide.LastReviewed},
		Sections:     []scriptSection{},
		CircleFields: []scriptCircleKey{},
		Formats:      []scriptFormat{},
	}
	n := 0
	for _, s := range p.Sections {
		js := scriptSection{ID: s.ID, Title: s.Title, Intro: s.Intro, Source: s.Source, When: conditionJSON(s.When), Questions: []scriptQuestion{}}
		for _, q := range p.SectionQuestions(s.ID) {
			n++
			jq := scriptQuestion{
				Number: n, ID: q.ID, Kind: q.Kind, Core: q.Core, RedFlag: q.RedFlag, Optional: q.Optional,
				CircleField: q.CircleField, Label: q.Label, Prompt: q.Prompt, Say: q.Say, Ask: q.Ask,
				PromptCoordinator: q.PromptCoordinator, SayCoordinator: q.SayCoordinator,
				ListenGood: q.ListenGood, ListenWorrying: q.ListenWorrying, Why: q.Why, Source: q.Source,
				When: conditionJSON(q.When), Min: q.Min, Max: q.Max, Unit: q.Unit,
			}
			for _, o := range scriptOptions(p, q) {
				jq.Options = append(jq.Options, scriptOption{ID: o.ID, Label: o.Label, Help: o.Help, Best: o.Best})
			}
			js.Questions = append(js.Questions, jq)
		}
		out.Sections = append(out.Sections, js)
	}
	for _, q := range p.Questions {
		if q.CircleField != "" {
			out.CircleFields = append(out.CircleFields, scriptCircleKey{Key: q.CircleField, Question: q.ID, Kind: q.Kind, Label: q.Label})
		}
	}
	for _, f := range p.Formats {
		out.Formats = append(out.Formats, scriptFormat{ID: f.ID, Name: f.Name, Summary: f.Summary})
	}
	// Best first, as in the markdown.
	for i := len(checklist.Verdicts) - 1; i >= 0; i-- {
		v := string(checklist.Verdicts[i])
		out.Verdicts = append(out.Verdicts, scriptTerm{ID: v, Text: p.T("verdict." + v)})
	}
	for i := len(checklist.Fits) - 1; i >= 0; i-- {
		f := string(checklist.Fits[i])
		out.Fits = append(out.Fits, scriptTerm{ID: f, Text: p.T("fit." + f)})
	}
	return out
}

func conditionJSON(c *checklist.Condition) *scriptCondition {
	if c == nil {
		return nil
	}
	out := &scriptCondition{Question: c.Question, Is: c.Is, Includes: c.Includes, AtLeast: c.AtLeast, Lacks: c.Lacks,
		Answered: c.Answered, Above: c.Above, Below: c.Below, Not: conditionJSON(c.Not)}
	for _, s := range c.All {
		out.All = append(out.All, conditionJSON(s))
	}
	for _, s := range c.Any {
		out.Any = append(out.Any, conditionJSON(s))
	}
	return out
}
