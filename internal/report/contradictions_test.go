package report_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

func parseFile(t *testing.T, p *checklist.Pack, data []byte) *checklist.Answers {
	t.Helper()
	a, err := checklist.ParseAnswers(p, "vendor.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestContradictionsFound are the contradictions between renderings that
// issue 16 found by hand, each as the person met it.
func TestContradictionsFound(t *testing.T) {
	p := packs(t)["en"]
	parse := func(t *testing.T, body string) *checklist.Answers {
		t.Helper()
		a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\n"+body))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	vendor, err := os.ReadFile("../../examples/red-flag-vendor.yaml")
	if err != nil {
		t.Fatal(err)
	}
	worse := func(date string) checklist.Checkin {
		return checklist.Checkin{Circle: "c", Date: date, Felt: checklist.FeltWorse, Signs: []string{}, Seen: []string{}}
	}
	tests := []struct {
		name     string
		a        *checklist.Answers
		checkins []checklist.Checkin
		// in and notIn are what the note (or, for an answer, its reasons)
		// must and must not say.
		in, notIn []string
		check     func(t *testing.T, rep *report.Report)
	}{
		{name: "a vendor circle: the note asks the facilitator nothing more, as the summary says",
			a:     parseFile(t, p, vendor),
			in:    []string{p.T("note.nothing-more")},
			notIn: []string{p.T("note.ask-facilitator") + "\n", "Where it meets: \"", "Screening before joining: \""}},
		{name: "answered cost and prescriber are not unknowns; the rules' own questions about them are asked",
			a:     parse(t, "circle: {format: kap-circle, cost_usd: 150}\nanswers: {seller-run: yes}\n"),
			in:    []string{"Cost: \"What does the fee cover", "Run by the prescriber or seller: \"How do you keep"},
			notIn: []string{"Still to find out", "Cost: \"What does it cost", "Run by the prescriber or seller: \"Is the group run by"}},
		{name: "the coordinator's notes are in the note, under their question's label",
			a:  parse(t, "answers: {user-role: coordinator, rf-vendor-dosing: yes}\nnotes: {rf-vendor-dosing: \"He offers dose tweaks in group\"}\n"),
			in: []string{"Coordinator's notes:", "Medicine vendors or dosing advice: He offers dose tweaks in group", "Is it right for the person now?"}},
		{name: "three worse check-ins: consider leaving, and never 'one hard session is not a trend' under it",
			a:        parse(t, "answers: {stage: attending}\n"),
			checkins: []checklist.Checkin{worse("2026-09-01"), worse("2026-09-08"), worse("2026-09-15")},
			check: func(t *testing.T, rep *report.Report) {
				if rep.Stay == nil || rep.Stay.Value != string(checklist.StayLeave) {
					t.Fatalf("stay = %+v, want leave", rep.Stay)
				}
				for _, r := range rep.Stay.Reasons {
					if r.Rule == p.Stay.History.OneBad.ID || strings.Contains(r.Text, "not a trend") {
						t.Errorf("leave lists %q", r.Text)
					}
				}
			}},
		{name: "one bad session is not a trend, and is not called leaving",
			a:        parse(t, "answers: {stage: attending}\n"),
			checkins: []checklist.Checkin{{Circle: "c", Date: "2026-09-01", Felt: checklist.FeltBetter, Signs: []string{}, Seen: []string{}}, worse("2026-09-08")},
			check: func(t *testing.T, rep *report.Report) {
				if rep.Stay.Value == string(checklist.StayLeave) || !strings.HasPrefix(rep.Stay.Headline, "Keep watching") {
					t.Errorf("stay %s: %s", rep.Stay.Value, rep.Stay.Headline)
				}
			}},
		{name: "a poor fit is not led by a reason for a good one",
			a: parse(t, "circle: {format: retreat}\nanswers: {integration-months: 12, budget: free}\n"),
			check: func(t *testing.T, rep *report.Report) {
				if rep.Fit.Value != string(checklist.FitPoor) {
					t.Skipf("fit is %s here; the case needs a poor fit", rep.Fit.Value)
				}
				for _, r := range rep.Fit.Reasons {
					if strings.Contains(r.Text, "foundation a retreat needs") {
						t.Errorf("poor fit led by %q", r.Text)
					}
				}
			}},
		{name: "a possible fit does not list 'drawn to ceremonial framing' beside 'don't mind ritual'",
			a: parse(t, "circle: {format: ceremony}\nanswers: {ceremonial: neutral}\n"),
			check: func(t *testing.T, rep *report.Report) {
				for _, r := range rep.Fit.Reasons {
					if r.Supports != rep.Fit.Value {
						t.Errorf("%s fit lists a reason for %s: %q", rep.Fit.Value, r.Supports, r.Text)
					}
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var rep report.Report
			if tc.checkins != nil {
				rep = report.BuildHistory(p, tc.a, tc.checkins, report.Options{Date: day})
			} else {
				rep = report.Build(p, tc.a, report.Options{Date: day})
			}
			note := summary.Note(p, &rep)
			for _, w := range tc.in {
				if !strings.Contains(note, w) {
					t.Errorf("note lacks %q:\n%s", w, note)
				}
			}
			for _, w := range tc.notIn {
				if strings.Contains(note, w) {
					t.Errorf("note holds %q:\n%s", w, note)
				}
			}
			if tc.check != nil {
				tc.check(t, &rep)
			}
		})
	}
}

// TestNoteForTheRecord: the note a coordinator pastes into a chart says
// when the call was (not when it was printed), who wrote it and in what
// role, where the information came from, what was done, and ends with the
// rules, "decision support, not an endorsement" and 988.
func TestNoteForTheRecord(t *testing.T) {
	for lang, p := range packs(t) {
		t.Run(lang, func(t *testing.T) {
			a, err := checklist.ParseAnswers(p, "a.yaml", []byte(`version: 1
vetted: {on: 2026-11-30, by: Dana Ruiz, source: call}
circle: {name: Riverside Circle, format: kap-circle, participants: 6-10, cost_usd: 150}
answers: {user-role: coordinator, distress: "yes", seller-run: "yes"}
notes:
  distress: "Warm handoff to 988 done on the call"
  seller-run: "He offers dose tweaks in group"
`))
			if err != nil {
				t.Fatal(err)
			}
			rep := report.Build(p, a, report.Options{Date: day})
			note := summary.Note(p, &rep)
			for _, want := range []string{
				p.Tf("note.date", "date", report.Date(p, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))),
				p.Tf("note.by-role", "by", "Dana Ruiz", "role", p.T("report.role.coordinator")),
				p.Tf("note.source", "source", p.T("report.source.call")),
				"6-10", p.T("note.actions"), "Warm handoff to 988 done on the call", "He offers dose tweaks in group",
				p.T("note.notes.coordinator"), p.T("note.endorsement"), p.T("note.988"), rep.Pack.Version,
			} {
				if !strings.Contains(flat(note), flat(want)) {
					t.Errorf("note lacks %q:\n%s", want, note)
				}
			}
			if strings.Contains(note, report.Date(p, day)) {
				t.Errorf("note gives the printing date, not the call's:\n%s", note)
			}
			for _, l := range strings.Split(note, "\n") {
				if len([]rune(l)) > summary.NoteWidth {
					t.Errorf("line over %d columns: %q", summary.NoteWidth, l)
				}
			}
			if lang == "en" {
				checkAgreement(t, p, &rep, renderAll(t, p, &rep))
			}
		})
	}
}

// TestJSONCarriesEveryFactOfTheJudgement: every key of the judgement's
// JSON is in the report's, so a fact the checklist adds reaches scripts.
func TestJSONCarriesEveryFactOfTheJudgement(t *testing.T) {
	p := packs(t)["en"]
	data, err := os.ReadFile("../../examples/attending-should-leave.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := parseFile(t, p, data)
	rep := report.Build(p, a, report.Options{Date: day})
	var judged, said map[string]json.RawMessage
	raw, _ := json.Marshal(rep.Result)
	out, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &judged); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &said); err != nil {
		t.Fatalf("report JSON does not parse: %v\n%s", err, out)
	}
	for k := range judged {
		if _, ok := said[k]; !ok {
			t.Errorf("report JSON lacks the judgement's %q", k)
		}
	}
}

// TestFitNotKnownSaysWhy: with nothing known of the person, the fit's
// headline and reasons say so and what to answer, never a format's
// description standing in for a reason.
func TestFitNotKnownSaysWhy(t *testing.T) {
	p := packs(t)["en"]
	data, err := os.ReadFile("../../examples/incomplete-intake.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := parseFile(t, p, data)
	rep := report.Build(p, a, report.Options{})
	if rep.Fit == nil || rep.Fit.Value != string(checklist.FitUnknown) {
		t.Fatalf("fit = %+v, want not known yet", rep.Fit)
	}
	if len(rep.Fit.Reasons) == 0 || !strings.Contains(rep.Fit.Headline, "Nothing is known yet about the person") {
		t.Errorf("fit headline %q, reasons %v: want the reason nothing is known", rep.Fit.Headline, rep.Fit.Reasons)
	}
	if f := p.Format("kap-circle"); f != nil && strings.Contains(rep.Fit.Headline, f.FitsWho) {
		t.Errorf("the format's description stands in for a reason: %q", rep.Fit.Headline)
	}
}
