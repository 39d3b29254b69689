package report_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/compare"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

var day = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func packs(t testing.TB) map[string]*checklist.Pack {
	t.Helper()
	en, err := rules.Default()
	_ = en
	if err != nil {
		t.Fatal(err)
	}
	es, err := rules.ForLanguage("es")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*checklist.Pack{"en": en, "es": es}
}

// genAnswers draws any valid set of answers for the pack, with notes and
// where they came from: each question that applies is absent or holds a
// value its kind allows.
func genAnswers(p *checklist.Pack) *rapid.Generator[*checklist.Answers] {
	return rapid.Custom(func(t *rapid.T) *checklist.Answers {
		a := checklist.NewAnswers()
		for _, q := range p.Questions {
			if !rapid.Bool().Draw(t, q.ID+"?") {
				continue
			}
			switch q.Kind {
			case checklist.KindChoice, checklist.KindTristate:
				a.Set(q.ID, checklist.Value{Choice: rapid.SampledFrom(q.OptionIDs()).Draw(t, q.ID)})
			case checklist.KindMulti:
				v := checklist.Value{List: []string{}}
				partly := rapid.Bool().Draw(t, q.ID+" partly known")
				for _, id := range q.OptionIDs() {
					switch rapid.IntRange(0, 2).Draw(t, q.ID+"."+id) {
					case 1:
						v.List = append(v.List, id)
					case 2:
						if partly {
							v.Unsure = append(v.Unsure, id)
						}
					}
				}
				a.Set(q.ID, v)
			case checklist.KindNumber:
				lo := 0.0
				if q.Min != nil {
					lo = *q.Min
				}
				v := checklist.Value{Number: float64(rapid.IntRange(int(lo), 200).Draw(t, q.ID))}
				if rapid.Bool().Draw(t, q.ID+" range") {
					upper := v.Number + float64(rapid.IntRange(1, 50).Draw(t, q.ID+" upper"))
					v.Upper = &upper
				}
				a.Set(q.ID, v)
			case checklist.KindText:
				text := textclean.CleanLine(rapid.StringMatching(`[a-z ]{1,12}`).Draw(t, q.ID))
				if text != "" {
					a.Set(q.ID, checklist.Value{Text: text})
				}
			}
			if rapid.IntRange(0, 5).Draw(t, q.ID+" note?") == 0 {
				a.SetNote(q.ID, "noted "+rapid.StringMatching(`[a-z]{3,10}`).Draw(t, q.ID+" note"))
			}
		}
		derived, _ := p.Derive(a)
		for _, q := range p.Questions {
			if !p.Applicable(q, derived) {
				a.Clear(q.ID)
			}
		}
		if rapid.Bool().Draw(t, "vetted?") {
			a.Vetted = checklist.Provenance{On: "2026-11-02", By: "Dana Ruiz", Source: rapid.SampledFrom(checklist.Sources).Draw(t, "source")}
		}
		return a
	})
}

// genCheckins draws a run of check-ins, oldest first.
func genCheckins(p *checklist.Pack) *rapid.Generator[[]checklist.Checkin] {
	return rapid.Custom(func(t *rapid.T) []checklist.Checkin {
		n := rapid.IntRange(1, 6).Draw(t, "check-ins")
		signs := p.Question("leave-signs").OptionIDs()
		out := make([]checklist.Checkin, n)
		for i := range out {
			out[i] = checklist.Checkin{Circle: "c", Date: day.AddDate(0, 0, 30*i).Format(time.DateOnly),
				Felt:  rapid.SampledFrom([]string{checklist.FeltBetter, checklist.FeltSame, checklist.FeltWorse}).Draw(t, "felt"),
				Signs: []string{}, Seen: []string{}}
			if rapid.IntRange(0, 3).Draw(t, "sign?") == 0 {
				out[i].Signs = []string{rapid.SampledFrom(signs).Draw(t, "sign")}
			}
		}
		return out
	})
}

// renderings is one report in every form a person or a script reads.
type renderings struct {
	md, note, prose   string
	mdFlat, proseFlat string
	json              map[string]any
}

// tb is what both testing.T and rapid.T offer.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatal(args ...any)
}

func renderAll(t tb, p *checklist.Pack, rep *report.Report) renderings {
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var j map[string]any
	if err := json.Unmarshal(data, &j); err != nil {
		t.Fatal(err)
	}
	r := renderings{md: summary.Markdown(p, rep), note: summary.Note(p, rep), prose: summary.Prose(p, rep), json: j}
	r.mdFlat, r.proseFlat = flat(r.md), flat(r.prose)
	return r
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

var youWord = regexp.MustCompile(`(?i)\byou\b|\byour\b`)

var mdAsk = regexp.MustCompile(`(?m)^\d+\. \*\*(.+?)\*\*: “`)

// noteAsks lists the labels of the follow-ups a note or prose names, in
// order: the lines under the facilitator and person headings.
func noteAsks(p *checklist.Pack, rep *report.Report, text string) []string {
	var out []string
	lines := strings.Split(text, "\n")
	heads := []string{p.T("note.ask-facilitator"), rep.T(p, "note.ask-person")}
	in := false
	for _, l := range lines {
		trimmed := strings.TrimSpace(l)
		switch {
		case slices.Contains(heads, trimmed):
			in = true
			continue
		case in && strings.HasPrefix(l, "    "): // a wrapped line
			continue
		case in && (strings.HasPrefix(l, "  - ") || (strings.Contains(l, `: "`) && !strings.HasPrefix(l, " "))):
			item := strings.TrimPrefix(l, "  - ")
			out = append(out, item[:strings.Index(item, `: "`)])
			continue
		}
		in = false
	}
	return out
}

// noteFlags lists the red flags a note names.
func noteFlags(p *checklist.Pack, note string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(note, "\n") {
		switch {
		case l == p.T("note.red-flags"):
			in = true
		case in && strings.HasPrefix(l, "  - "):
			out = append(out, strings.TrimPrefix(l, "  - "))
		case in && strings.HasPrefix(l, "    "):
			out[len(out)-1] += " " + strings.TrimSpace(l)
		default:
			in = false
		}
	}
	return out
}

// checkAgreement says what disagrees between the renderings of one report.
func checkAgreement(t tb, p *checklist.Pack, rep *report.Report, r renderings) {
	t.Helper()
	// The three answers: the same value in every rendering.
	for _, ans := range rep.Answers() {
		if ans == nil {
			continue
		}
		if want := "**" + ans.Question + "** " + ans.Symbol + " " + ans.Words; !strings.Contains(r.md, want+"\n") {
			t.Errorf("markdown does not answer %s with %q", ans.Key, want)
		}
		if want := rep.T(p, "note.q-"+ans.Key) + " " + ans.Words; !strings.Contains(r.note, want) {
			t.Errorf("note does not answer %s with %q:\n%s", ans.Key, want, r.note)
		}
		if want := ans.Question + " " + ans.Words + "\n"; !strings.Contains(r.prose, want) {
			t.Errorf("prose does not answer %s with %q", ans.Key, want)
		}
		got := r.json[ans.Key]
		if m, ok := got.(map[string]any); ok {
			got = m["value"]
		}
		if got != ans.Value {
			t.Errorf("JSON %s = %v, report %s", ans.Key, got, ans.Value)
		}
		// Reasons never contradict their answer.
		for _, reason := range ans.Reasons {
			if reason.Supports != ans.Value {
				t.Errorf("%s %s lists a reason for %s: %q", ans.Key, ans.Value, reason.Supports, reason.Text)
			}
		}
	}
	if rep.Fit == nil && r.json["fit"] != nil || rep.Stay == nil && r.json["stay"] != nil {
		t.Errorf("JSON gives an answer the report does not: fit %v stay %v", r.json["fit"], r.json["stay"])
	}
	// Reasons the report left out (they support another value) are shown
	// under no answer.
	answers := r.md[strings.Index(r.md, "## "+p.T("summary.answers")):strings.Index(r.md, "## "+p.T("summary.red-flags"))]
	res := rep.Result
	var other []checklist.Reason
	if res.Fit != nil {
		other = append(other, res.Fit.Reasons...)
	}
	if res.Stay != nil {
		other = append(other, res.Stay.Reasons...)
	}
	for _, o := range other {
		shown := false
		for _, ans := range rep.Answers() {
			if ans != nil && slices.ContainsFunc(ans.Reasons, func(x report.Reason) bool { return x.Text == o.Text }) {
				shown = true
			}
		}
		if !shown && strings.Contains(answers, o.Text) {
			t.Errorf("a reason for another value is shown under an answer: %q", o.Text)
		}
	}

	// Prose is read aloud: no markdown symbol in it, and none in the note.
	for name, text := range map[string]string{"prose": r.prose, "note": r.note} {
		if i := strings.IndexAny(text, "*`#_"); i >= 0 {
			t.Errorf("%s holds a markdown symbol %q: %q", name, text[i], text[max(0, i-30):min(len(text), i+30)])
		}
	}

	// Red flags: the same ones everywhere, and no other.
	var ids []string
	if list, ok := r.json["red_flags"].([]any); ok {
		for _, x := range list {
			ids = append(ids, x.(string))
		}
	}
	var want []string
	for _, f := range rep.RedFlags {
		want = append(want, f.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("JSON red flags %v, report %v", ids, want)
	}
	if !slices.Equal(want, res.RedFlags) && !(len(want) == 0 && len(res.RedFlags) == 0) {
		t.Errorf("report red flags %v, judgement %v: a confirmed red flag is never hidden", want, res.RedFlags)
	}
	for _, q := range p.Questions {
		if !q.RedFlag {
			continue
		}
		flagged := slices.Contains(want, q.ID)
		if got := slices.Contains(noteFlags(p, r.note), q.Label); got != flagged {
			t.Errorf("note: red flag %s shown = %v, confirmed = %v", q.ID, got, flagged)
		}
		for name, text := range map[string]string{"markdown": r.mdFlat, "prose": r.proseFlat} {
			line := q.Label + ": " + q.Why
			if name == "markdown" {
				line = "- **" + q.Label + "**: " + q.Why
			}
			if strings.Contains(text, flat(line)) != flagged {
				t.Errorf("%s: red flag %s shown = %v, confirmed = %v", name, q.ID, !flagged, flagged)
			}
		}
	}

	// Follow-ups: the same ones, in the same order, everywhere.
	var labels, qids []string
	for _, f := range rep.FollowUps() {
		labels = append(labels, f.Label)
		qids = append(qids, f.Question)
	}
	var mdLabels []string
	for _, m := range mdAsk.FindAllStringSubmatch(r.md, -1) {
		mdLabels = append(mdLabels, m[1])
	}
	if !slices.Equal(mdLabels, labels) {
		t.Errorf("markdown asks %q, report %q", mdLabels, labels)
	}
	if got := noteAsks(p, rep, r.note); !slices.Equal(got, mdLabels) {
		t.Errorf("the note asks %q, the summary %q:\n%s", got, mdLabels, r.note)
	}
	if got := noteAsks(p, rep, r.prose); !slices.Equal(got, mdLabels) {
		t.Errorf("prose asks %q, the summary %q", got, mdLabels)
	}
	var jsonQs []string
	if list, ok := r.json["follow_ups"].([]any); ok {
		for _, x := range list {
			jsonQs = append(jsonQs, x.(map[string]any)["question"].(string))
		}
	}
	if !slices.Equal(jsonQs, qids) {
		t.Errorf("JSON follow_ups %v, report %v", jsonQs, qids)
	}
	if rep.NothingMoreToAsk && len(rep.AskFacilitator) > 0 {
		t.Errorf("nothing more to ask, yet %d questions for the facilitator", len(rep.AskFacilitator))
	}
	// Two lists, never mixed.
	for _, f := range rep.AskFacilitator {
		if f.To == "self" {
			t.Errorf("%s is for the person, listed for the facilitator", f.Question)
		}
	}
	for _, f := range rep.AskPerson {
		if f.To != "self" {
			t.Errorf("%s is for the facilitator, listed for the person", f.Question)
		}
	}
	// A coordinator's note speaks of the person, never to "you" (quoted
	// questions aside).
	if rep.Coordinator {
		for _, l := range strings.Split(r.note, "\n") {
			if i := strings.Index(l, `"`); i >= 0 {
				l = l[:i]
			}
			if youWord.MatchString(l) && !strings.HasPrefix(l, "    ") {
				t.Errorf("a coordinator's note says you: %q", l)
			}
		}
	}
}

func TestRenderingsAgreeOnExamples(t *testing.T) {
	for lang, p := range packs(t) {
		files, _ := filepath.Glob("../../examples/*.yaml")
		if len(files) == 0 {
			t.Fatal("no examples")
		}
		for _, f := range files {
			t.Run(lang+"/"+filepath.Base(f), func(t *testing.T) {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				a, err := checklist.ParseAnswers(p, f, data)
				if err != nil {
					t.Fatal(err)
				}
				rep := report.Build(p, a, report.Options{Date: day})
				checkAgreement(t, p, &rep, renderAll(t, p, &rep))
				row := compare.New(p, f, a)
				if string(row.Verdict) != rep.Verdict.Value || (rep.Fit != nil) != (row.Fit != "") || len(row.RedFlags) != len(rep.RedFlags) {
					t.Errorf("compare row %v %v %v, report %v", row.Verdict, row.Fit, row.RedFlags, rep.Verdict.Value)
				}
			})
		}
	}
}

func TestRenderingsAgreeOnGeneratedAnswers(t *testing.T) {
	if f := flag.Lookup("rapid.checks"); f != nil && f.Value.String() == "100" {
		// A few thousand answer sets: the property is cheap, and the
		// disagreements it guards against were found 13 in 77.
		f.Value.Set("2000")
		defer f.Value.Set("100")
	}
	p := packs(t)["en"]
	rapid.Check(t, func(rt *rapid.T) {
		a := genAnswers(p).Draw(rt, "answers")
		rep := report.Build(p, a, report.Options{Date: day})
		checkAgreement(rt, p, &rep, renderAll(rt, p, &rep))
		row := compare.New(p, "f.yaml", a)
		if string(row.Verdict) != rep.Verdict.Value || !slices.Equal(row.RedFlags, rep.Result.RedFlags) {
			rt.Errorf("compare row %v %v, report %v %v", row.Verdict, row.RedFlags, rep.Verdict.Value, rep.Result.RedFlags)
		}
	})
}

func TestHistoryAgreesWithItsReasons(t *testing.T) {
	p := packs(t)["en"]
	rapid.Check(t, func(rt *rapid.T) {
		var a *checklist.Answers
		if rapid.Bool().Draw(rt, "vetting?") {
			a = genAnswers(p).Draw(rt, "answers")
		}
		rep := report.BuildHistory(p, a, genCheckins(p).Draw(rt, "check-ins"), report.Options{Date: day})
		if rep.Stay == nil {
			rt.Fatal("check-ins always answer stay")
		}
		checkAgreement(rt, p, &rep, renderAll(rt, p, &rep))
	})
}
