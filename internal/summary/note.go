package summary

import (
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Note limits: what a health-record text box takes without scrolling.
const (
	NoteMaxLines = 40
	NoteWidth    = 80
)

// Note renders the summary as a plain-text note for a patient's record: the
// three answers with their reasons, the red flags, what is still unknown,
// the date, the rules' version and the limits line, in at most NoteMaxLines
// lines of NoteWidth columns, with no markdown and no colour. When the
// reasons would not fit, the least important lines go first (further
// reasons, then the unknowns beyond the first few); the answers, the red
// flags, a crisis line and the limits always stay.
func Note(p *checklist.Pack, a *checklist.Answers, r checklist.Result, opt Options) string {
	coord := checklist.Coordinator(a)
	t := func(key string) string {
		if coord {
			if s, ok := p.Text[key+".coordinator"]; ok {
				return s
			}
		}
		return p.T(key)
	}
	name := textclean.CleanLine(r.Circle.Name)
	if name == "" {
		name = p.T("summary.circle")
	}
	type part struct {
		lines []string
		keep  bool // never dropped
	}
	var parts []part
	add := func(keep bool, indent string, text string) {
		parts = append(parts, part{lines: wrapPlain(plainText(text), indent), keep: keep})
	}
	add(true, "", p.Tf("summary.title", "circle", name))
	add(true, "", strings.Join(facts(p, r, opt), " · "))
	if r.Crisis {
		add(true, "", t(CrisisKeyFor(a, r)))
		for _, q := range r.CrisisQuotes {
			add(true, "  ", p.Tf("summary.crisis-quote", "quote", textclean.CleanLine(q.Quote)))
		}
	}
	for _, q := range AnswerOrder(r) {
		switch q {
		case "verdict":
			add(true, "", t("summary.q-verdict")+" "+VerdictWord(p, r.Verdict))
			add(true, "  ", r.Headline.Verdict)
			for _, reason := range r.VerdictReasons {
				add(false, "  - ", reason.Text)
			}
		case "fit":
			if r.Fit == nil {
				add(true, "", t("summary.q-fit"))
				add(true, "  ", t("summary.no-format"))
				continue
			}
			add(true, "", t("summary.q-fit")+" "+p.T("fit."+string(r.Fit.Value)))
			add(true, "  ", r.Headline.Fit)
			for _, reason := range r.Fit.Reasons[min(1, len(r.Fit.Reasons)):] {
				add(false, "  - ", reason.Text)
			}
		case "stay":
			add(true, "", t("summary.q-stay")+" "+p.T("stay."+string(r.Stay.Value)))
			add(true, "  ", r.Headline.Stay)
			for _, reason := range r.Stay.Reasons[min(1, len(r.Stay.Reasons)):] {
				add(false, "  - ", reason.Text)
			}
		}
	}
	if len(r.RedFlags) > 0 {
		labels := make([]string, len(r.RedFlags))
		for i, id := range r.RedFlags {
			labels[i] = p.Question(id).Label
		}
		add(true, "", p.T("summary.red-flags")+": "+strings.Join(labels, "; "))
	}
	if len(r.FollowUps) > 0 {
		var labels []string
		for _, f := range r.FollowUps {
			if q := p.Question(f.Question); q != nil && !containsString(labels, q.Label) {
				labels = append(labels, q.Label)
			}
		}
		const shown = 6
		list := labels
		if len(list) > shown {
			list = append(list[:shown:shown], p.Tf("headline.more", "n", strconv.Itoa(len(labels)-shown)))
		}
		add(true, "", p.Tf("note.unknown", "items", strings.Join(list, "; ")))
	}
	add(true, "", p.Tf("note.rules", "version", p.Meta.Version, "id", p.Meta.ID))
	add(true, "", p.T("note.limits"))

	// Drop further reasons, last first, until the note fits.
	count := func() int {
		n := 0
		for _, pt := range parts {
			n += len(pt.lines)
		}
		return n
	}
	for i := len(parts) - 1; i >= 0 && count() > NoteMaxLines; i-- {
		if !parts[i].keep {
			parts = append(parts[:i], parts[i+1:]...)
		}
	}
	var out []string
	for _, pt := range parts {
		out = append(out, pt.lines...)
	}
	if len(out) > NoteMaxLines {
		out = out[:NoteMaxLines]
	}
	return strings.Join(out, "\n") + "\n"
}

// plainText drops the few markdown marks pack text may carry (bold around
// 988) and the escaping backslashes of user text.
func plainText(s string) string {
	return strings.NewReplacer("**", "", "`", "", "\\", "").Replace(textclean.CleanLine(s))
}

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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
