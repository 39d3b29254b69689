package summary

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// NoteWidth is the widest line of a note: what a health-record text box
// takes without scrolling sideways.
const NoteWidth = 80

// Note renders the report as a plain-text note for a health record, as a
// care coordinator writes one for a chart: the date of the call or visit
// (never the printing date), who wrote it and in what role, where the
// information came from, the three answers with their reasons, the red
// flags, what is still to ask the facilitator and what the person still
// has to decide (two lists), the notes with their question labels, the
// actions noted, the rules' version, "decision support, not an
// endorsement" and the 988 line. Lines are at most NoteWidth columns, with
// no markdown and no colour; nothing is cut short ("and 3 more" has no
// place in a record). A coordinator's note speaks of "the person".
func Note(p *checklist.Pack, rep *report.Report) string {
	n := plainDoc{p: p, rep: rep}
	n.line("", rep.Title)
	v := rep.Vetted
	n.line("", p.Tf("note.date", "date", v.Date))
	switch {
	case v.By != "" && v.Role != "":
		n.line("", p.Tf("note.by-role", "by", v.By, "role", v.Role))
	case v.By != "":
		n.line("", p.Tf("note.by", "by", v.By))
	case v.Role != "":
		n.line("", p.Tf("note.by-unknown")+"; "+p.Tf("note.role-only", "role", v.Role))
	default:
		n.line("", p.T("note.by-unknown"))
	}
	if v.SourceWords != "" {
		n.line("", p.Tf("note.source", "source", v.SourceWords))
	} else {
		n.line("", p.T("note.source-unknown"))
	}
	if rep.Referral != "" {
		n.line("", rep.Referral)
	}
	var facts []string
	for _, f := range rep.Facts[1:] {
		if f.Label != "" {
			facts = append(facts, f.Label+": "+f.Value)
		} else {
			facts = append(facts, f.Value)
		}
	}
	if len(facts) > 0 {
		n.line("", strings.Join(facts, " · "))
	}
	n.body(true)
	n.blank()
	n.line("", p.Tf("note.rules", "version", rep.Pack.Version, "id", rep.Pack.ID))
	n.line("", p.T("note.endorsement"))
	n.line("", p.T("note.988"))
	return n.String()
}

// Prose renders the report as plain prose for a screen reader: the whole
// summary, in reading order, with no markdown symbol to be read aloud.
func Prose(p *checklist.Pack, rep *report.Report) string {
	n := plainDoc{p: p, rep: rep, prose: true}
	n.line("", rep.Title)
	var facts []string
	for _, f := range rep.Facts {
		if f.Label != "" {
			facts = append(facts, f.Label+": "+f.Value)
		} else {
			facts = append(facts, f.Value)
		}
	}
	n.line("", strings.Join(facts, ". ")+".")
	n.body(false)
	if f := rep.YourFormat; f != nil {
		n.blank()
		n.line("", p.T("summary.your-format")+".")
		n.line("", f.Name+": "+f.Summary)
		for _, kv := range [][3]string{{"summary.format-size", "size", f.Size}, {"summary.format-cost", "cost", f.Cost}, {"summary.format-frequency", "frequency", f.Frequency}, {"summary.format-cautions", "cautions", f.Cautions}} {
			if kv[2] != "" {
				n.line("", p.Tf(kv[0], kv[1], kv[2]))
			}
		}
		if f.TryFirst {
			n.line("", p.T("summary.try-first"))
		}
	}
	n.blank()
	n.line("", p.T("summary.formats")+".")
	for _, f := range rep.Formats {
		n.line("", f.Name+": "+f.Words+".")
		for _, fact := range f.Facts {
			n.line("  ", fact+".")
		}
		if f.FitsWho != "" {
			n.line("  ", f.FitsWho)
		}
		for _, r := range f.Reasons {
			n.line("  ", r.Text)
		}
	}
	n.blank()
	n.line("", p.T("summary.leave")+".")
	n.line("", rep.T(p, "summary.leave-body"))
	n.blank()
	n.line("", p.T("summary.limits")+".")
	for _, para := range strings.Split(p.T("summary.limits-body"), "\n") {
		n.line("", para)
	}
	n.blank()
	n.trace()
	n.blank()
	n.line("", footer(p))
	return n.String()
}

// trace is "How this was scored" in words: the score and its arithmetic,
// every fired rule with its ID, and answers derived or not counted.
func (n *plainDoc) trace() {
	p, rep, tr := n.p, n.rep, n.rep.Trace
	n.line("", p.T("summary.scoring")+".")
	n.line("", p.Tf("summary.score", "score", itoa(tr.Score), "completeness", itoa(tr.Completeness)))
	n.line("", tally(p, tr))
	switch {
	case !tr.ScoreDecides:
		n.line("", p.T("summary.score-waits"))
	case string(tr.Band) != rep.Verdict.Value:
		n.line("", p.Tf("summary.score-differs", "band", tr.BandWords, "verdict", rep.Verdict.Words))
	}
	for _, f := range tr.Findings {
		grade := p.T("severity." + string(f.Severity))
		if f.Points != 0 {
			grade += fmt.Sprintf(", %+d %s", f.Points, p.T("summary.points"))
		}
		n.line("  ", fmt.Sprintf("%s, %s (%s): %s %s: %s.", f.Title, f.Rule, grade, f.Message, p.T("summary.source"), p.SourceTitle(f.Source)))
	}
	for _, d := range rep.Derived {
		n.line("  ", p.Tf("summary.derived-item", "label", d.Label, "value", d.ValueLabel, "from", d.From))
	}
	for _, ig := range rep.Ignored {
		n.line("  ", p.Tf("summary.ignored-item", "label", ig.Label, "id", ig.Question, "when", ig.When))
	}
}

// plainDoc writes plain text: lines wrapped to NoteWidth with hanging
// indents, pack markdown marks and user-text escapes removed.
type plainDoc struct {
	p     *checklist.Pack
	rep   *report.Report
	prose bool
	b     strings.Builder
}

func (n *plainDoc) String() string { return n.b.String() }

func (n *plainDoc) blank() { n.b.WriteByte('\n') }

func (n *plainDoc) line(indent, text string) {
	if n.prose {
		// A screen reader reads a paragraph as one line; it is not wrapped.
		n.b.WriteString(plainText(text))
		n.b.WriteByte('\n')
		return
	}
	for _, l := range wrapPlain(plainText(text), indent) {
		n.b.WriteString(l)
		n.b.WriteByte('\n')
	}
}

// item is a list entry: a dash in a note, none in prose (a screen reader
// would read it aloud).
func (n *plainDoc) item(text string) {
	if n.prose {
		n.line("  ", text)
		return
	}
	n.line("  - ", text)
}

// body is what a note and prose share: crisis, the three answers, red
// flags, the two lists of questions, notes and actions.
func (n *plainDoc) body(record bool) {
	p, rep := n.p, n.rep
	q := func(key string) string {
		if record {
			return rep.T(p, "note."+key)
		}
		return rep.T(p, "summary."+key)
	}
	if rep.Crisis != nil {
		n.blank()
		n.line("", rep.Crisis.Text)
		for _, q := range rep.Crisis.Quotes {
			n.line("  ", q)
		}
	}
	for i := range rep.Order {
		ans := rep.Answers()[i]
		n.blank()
		if ans == nil {
			n.line("", q("q-fit"))
			n.line("  ", q("no-format"))
			continue
		}
		question := ans.Question
		if record {
			question = q("q-" + ans.Key)
		}
		n.line("", question+" "+ans.Words)
		if record {
			n.line("  ", ans.Whole)
		} else {
			n.line("  ", ans.Headline)
		}
		for _, r := range ans.Further {
			n.item(r.Text)
		}
		if ans.Key == report.KeyVerdict && rep.NothingMoreToAsk && !record {
			n.line("  ", p.T("summary.no-more-questions"))
		}
	}
	n.blank()
	if len(rep.RedFlags) == 0 {
		n.line("", p.T("note.red-flags-none"))
	} else {
		n.line("", p.T("note.red-flags"))
		for _, f := range rep.RedFlags {
			if record {
				// A chart names the flag; why it matters is in the summary.
				n.item(f.Label)
			} else {
				n.item(f.Label + ": " + f.Why)
			}
		}
	}
	switch {
	case rep.NothingMoreToAsk:
		n.line("", p.T("note.nothing-more"))
	case len(rep.AskFacilitator) == 0:
		n.line("", p.T("note.ask-facilitator-none"))
	default:
		n.line("", p.T("note.ask-facilitator"))
		n.asks(rep.AskFacilitator)
	}
	if len(rep.AskPerson) > 0 {
		n.line("", rep.T(p, "note.ask-person"))
		n.asks(rep.AskPerson)
	}
	if len(rep.Notes) > 0 {
		n.line("", rep.T(p, "note.notes"))
		for _, note := range rep.Notes {
			n.item(note.Label + ": " + strings.Join(strings.Fields(note.Text), " "))
		}
	}
	if len(rep.Actions) > 0 {
		n.line("", p.T("note.actions"))
		for _, a := range rep.Actions {
			n.item(strings.Join(strings.Fields(a), " "))
		}
	}
	if len(rep.Recommended) > 0 {
		n.line("", p.T("note.recommended"))
		for _, a := range rep.Recommended {
			n.item(a)
		}
	}
}

func (n *plainDoc) asks(asks []report.Ask) {
	for _, a := range asks {
		text := a.Label + ": \"" + a.Ask + "\""
		if len(a.Unsure) > 0 {
			text += " " + n.p.Tf("summary.unsure", "items", strings.Join(a.Unsure, ", "))
		}
		n.item(text)
	}
}

// plainText drops the few markdown marks pack text may carry (bold around
// 988) and control characters of user text.
func plainText(s string) string {
	s = textclean.CleanLine(s)
	if strings.ContainsAny(s, "*`") {
		s = markMarks.Replace(s)
	}
	return s
}

// markMarks are the markdown marks pack text may hold, built once.
var markMarks = strings.NewReplacer("**", "", "`", "")

// wrapPlain wraps s to NoteWidth, the first line after prefix and the rest
// aligned under it.
func wrapPlain(s, prefix string) []string {
	indent := strings.Repeat(" ", textclean.Width(prefix))
	lines := strings.Split(textclean.Wrap(s, NoteWidth-len(indent)), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " ")
		if i == 0 {
			lines[i] = prefix + l
		} else {
			lines[i] = indent + l
		}
	}
	return lines
}

func itoa(n int) string { return strconv.Itoa(n) }
