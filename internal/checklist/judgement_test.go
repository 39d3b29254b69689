package checklist_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// strongBody is a circle that passes every check; judgement tests change one
// thing about it and watch the verdict.
const strongBody = `circle: {name: Strong, format: kap-circle, participants: 8, minutes: 120, cost_usd: 45, setting: in-person}
answers:
  training: named-program
  agreements: [confidentiality, no-advice, no-pressure, written]
  difficult-experience: [holding-capacity, individual-follow-up, escalation-path]
  screening: yes
  ` + allFlagsNoBlock

const allFlagsNoBlock = `rf-no-training: no
  rf-vendor-dosing: no
  rf-pressure-disclose: no
  rf-charismatic-leader: no
  rf-no-consent: no
  rf-romantic-sexual: no
  rf-refuses-credentials: no
  rf-outcome-promises: no
`

// with returns strongBody with one answers line replaced or added.
func with(key, value string) string {
	lines := strings.Split(strongBody, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), key+":") {
			lines[i] = "  " + key + ": " + value
			return strings.Join(lines, "\n")
		}
	}
	return strings.Replace(strongBody, "answers:\n", "answers:\n  "+key+": "+value+"\n", 1)
}

func withCircle(old, new string) string {
	return strings.Replace(strongBody, old, new, 1)
}

func without(key string) string {
	var out []string
	for _, l := range strings.Split(strongBody, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), key+":") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestJudgement(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name string
		body string
		want checklist.Verdict
	}{
		{"strong circle is promising", strongBody, checklist.VerdictPromising},
		{"vendor dosing means avoid whatever else", with("rf-vendor-dosing", "yes"), checklist.VerdictAvoid},
		{"romantic or sexual dynamics mean avoid", with("rf-romantic-sexual", "yes"), checklist.VerdictAvoid},
		{"vendor dosing decides avoid even with core questions unanswered", "answers: {rf-vendor-dosing: yes}", checklist.VerdictAvoid},
		{"pressure to disclose is never promising", with("rf-pressure-disclose", "yes"), checklist.VerdictCaution},
		{"charismatic leader is never promising", with("rf-charismatic-leader", "yes"), checklist.VerdictCaution},
		{"no consent is never promising", with("rf-no-consent", "yes"), checklist.VerdictCaution},
		{"outcome promises are never promising", with("rf-outcome-promises", "yes"), checklist.VerdictCaution},
		{"personal experience counts as no training", with("training", "personal-experience"), checklist.VerdictCaution},
		{"refusing to say counts as refusing credentials", with("training", "refused"), checklist.VerdictCaution},
		{"vague training is a concern, not a pass", with("training", "general"), checklist.VerdictCaution},
		{"more than 12 participants is never promising", withCircle("participants: 8", "participants: 13"), checklist.VerdictCaution},
		{"an unknown red flag is never promising", with("rf-no-consent", "unknown"), checklist.VerdictCaution},
		{"a missing red flag is never promising", without("rf-no-consent"), checklist.VerdictCaution},
		{"missing training question is incomplete", without("training"), checklist.VerdictIncomplete},
		{"missing agreements question is incomplete", without("agreements"), checklist.VerdictIncomplete},
		{"missing difficult-experience question is incomplete", without("difficult-experience"), checklist.VerdictIncomplete},
		{"an empty intake is incomplete", "", checklist.VerdictIncomplete},
		{"no agreements at all is never promising", with("agreements", "[]"), checklist.VerdictCaution},
		{"coercive facilitator means avoid for someone attending", with("stage", "attending") + "\n  leave-signs: [coercive]", checklist.VerdictAvoid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := checklist.Evaluate(p, answers(t, p, tc.body))
			if r.Verdict != tc.want {
				t.Errorf("verdict = %s (score %d, findings %v), want %s", r.Verdict, r.Score, fired(r), tc.want)
			}
		})
	}
}

func TestPersonalExperienceConfirmsRedFlag(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, answers(t, p, with("training", "personal-experience")))
	if !slices.Contains(r.RedFlags, "rf-no-training") {
		t.Errorf("red flags = %v, want rf-no-training", r.RedFlags)
	}
	r = checklist.Evaluate(p, answers(t, p, with("training", "refused")))
	if !slices.Contains(r.RedFlags, "rf-refuses-credentials") {
		t.Errorf("red flags = %v, want rf-refuses-credentials", r.RedFlags)
	}
}

func TestEmptyIntakeAsksTheThreeQuestionsFirst(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, checklist.NewAnswers())
	if r.Verdict != checklist.VerdictIncomplete {
		t.Fatalf("verdict = %s, want incomplete", r.Verdict)
	}
	var first []string
	for _, f := range r.FollowUps[:3] {
		first = append(first, f.Question)
	}
	if want := []string{"training", "agreements", "difficult-experience"}; !slices.Equal(first, want) {
		t.Errorf("first follow-ups = %v, want %v", first, want)
	}
	if r.Completeness != 0 {
		t.Errorf("completeness = %d, want 0", r.Completeness)
	}
}

func TestOnlineGroupJudgedAsWhatItIs(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, answers(t, p, "circle: {format: online-peer, participants: 3000}\nanswers: {training: no-facilitator, agreements: [no-advice, written], difficult-experience: [escalation-path]}"))
	got := fired(r)
	for _, id := range []string{"TRAIN-INFORMAL-GROUP", "FORMAT-ONLINE-READ-FIRST"} {
		if !slices.Contains(got, id) {
			t.Errorf("fired %v, want %s", got, id)
		}
	}
	for _, id := range []string{"RF-NO-TRAINING", "TRAIN-NO-FACILITATOR", "DIFF-NO-HOLDING", "SIZE-OVER-12"} {
		if slices.Contains(got, id) {
			t.Errorf("fired %s for an informal online group; no facilitator is a limitation, not a failing", id)
		}
	}
	if slices.Contains(r.RedFlags, "rf-no-training") {
		t.Errorf("red flags = %v: an online group without a facilitator is not lying about training", r.RedFlags)
	}
}

// TestExamples checks that every example scores as its name says.
func TestExamples(t *testing.T) {
	p := defaultPack(t)
	want := map[string]checklist.Verdict{
		"strong-kap-circle.yaml": checklist.VerdictPromising,
		"red-flag-vendor.yaml":   checklist.VerdictAvoid,
		"incomplete-intake.yaml": checklist.VerdictIncomplete,
		"online-peer-group.yaml": checklist.VerdictCaution,
		// A well-run retreat is promising as a retreat; that it is too early
		// for this person is the fit's answer, not the circle's.
		"retreat-early-integration.yaml": checklist.VerdictPromising,
		// What was seen in the room (one poor habit) outranks what was said.
		"attending-should-leave.yaml": checklist.VerdictCaution,
		"in-distress.yaml":            checklist.VerdictPromising,
		// Issue 18's examples.
		"forum-known-rules.yaml":      checklist.VerdictPromising,
		"attending-seeing-drift.yaml": checklist.VerdictCaution,
		"retreat-unknown-team.yaml":   checklist.VerdictIncomplete,
		"donation-circle.yaml":        checklist.VerdictPromising,
	}
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) != len(want) {
		t.Errorf("examples/ holds %d files, want %d: %v", len(files), len(want), files)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := checklist.ParseAnswers(p, f, data)
			if err != nil {
				t.Fatal(err)
			}
			r := checklist.Evaluate(p, a)
			if r.Verdict != want[name] {
				t.Errorf("verdict = %s, want %s (findings %v)", r.Verdict, want[name], fired(r))
			}
			switch name {
			case "red-flag-vendor.yaml":
				if !slices.Equal(r.RedFlags, []string{"rf-vendor-dosing"}) {
					t.Errorf("red flags = %v, want [rf-vendor-dosing]", r.RedFlags)
				}
			case "retreat-early-integration.yaml":
				if r.Fit == nil || r.Fit.Value != checklist.FitNotNow {
					t.Errorf("fit = %+v, want not-now for someone two months in", r.Fit)
				}
			case "online-peer-group.yaml":
				if r.Formats[0].ID != "online-peer" || r.Formats[0].Fit != checklist.FitGood {
					t.Errorf("best format = %s %s, want online-peer good", r.Formats[0].ID, r.Formats[0].Fit)
				}
			case "attending-should-leave.yaml":
				if r.Stay == nil || r.Stay.Value != checklist.StayLeave || !strings.HasPrefix(r.Headline.Stay, "Consider leaving") {
					t.Errorf("stay = %+v, want leave for someone consistently feeling worse", r.Stay)
				}
			case "in-distress.yaml":
				if !r.Crisis || r.Fit == nil || r.Fit.Value != checklist.FitNotNow {
					t.Errorf("crisis %v, fit %+v: want crisis first and not now", r.Crisis, r.Fit)
				}
			case "forum-known-rules.yaml":
				text := r.Headline.Verdict
				for _, x := range r.VerdictReasons {
					text += x.Text
				}
				if strings.Contains(strings.ToLower(text), "facilitat") {
					t.Errorf("an unfacilitated forum's verdict speaks of a facilitator: %q", text)
				}
			case "attending-seeing-drift.yaml":
				if r.Stay == nil || r.Stay.Value != checklist.StayLeave || len(r.Contradictions) == 0 || r.Contradictions[0].Said != "agreements" {
					t.Errorf("stay %+v, contradictions %+v: want leave, and the no-advice promise named as contradicted", r.Stay, r.Contradictions)
				}
			case "retreat-unknown-team.yaml":
				var first []string
				for _, f := range r.FollowUps[:3] {
					first = append(first, f.Question)
				}
				slices.Sort(first)
				if !slices.Equal(first, []string{"facilitator-team", "medical-backup", "screening"}) {
					t.Errorf("first follow-ups %v, want the retreat's team, screening and medical backup", first)
				}
			case "donation-circle.yaml":
				if r.Fit == nil || r.Fit.Value != checklist.FitGood || !slices.ContainsFunc(r.Fit.Reasons, func(x checklist.Reason) bool { return x.Rule == "FIT-PAY-WHAT-YOU-CAN" }) {
					t.Errorf("fit %+v: want good, the donation named", r.Fit)
				}
			case "incomplete-intake.yaml":
				if r.FollowUps[0].Question != "agreements" {
					t.Errorf("first follow-up = %s, want agreements (training is answered)", r.FollowUps[0].Question)
				}
			}
		})
	}
}

// TestOldAnswersFilesStillScore keeps the promise of the public vocabulary:
// answers files saved under earlier rules (testdata/compat, one per example
// as first released) still load strictly and score.
func TestOldAnswersFilesStillScore(t *testing.T) {
	p := defaultPack(t)
	files, _ := filepath.Glob("testdata/compat/*.yaml")
	if len(files) == 0 {
		t.Fatal("no compatibility fixtures found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := checklist.ParseAnswers(p, f, data)
		if err != nil {
			t.Errorf("%s no longer loads: %v", f, err)
			continue
		}
		if r := checklist.Evaluate(p, a); r.Verdict.Rank() < 0 {
			t.Errorf("%s: no verdict", f)
		}
	}
}

// TestCoordinatorWording: a coordinator asks the person on the call, so the
// person's own questions are worded for asking someone, in the walkthrough
// and in "what to ask next".
func TestCoordinatorWording(t *testing.T) {
	p := defaultPack(t)
	q := p.Question("comfort-sharing")
	self := answers(t, p, "answers: {user-role: self}")
	coord := answers(t, p, "answers: {user-role: coordinator}")
	if got := q.PromptFor(self); got != q.Prompt {
		t.Errorf("patient prompt = %q, want %q", got, q.Prompt)
	}
	if got := q.PromptFor(coord); !strings.Contains(got, "they") {
		t.Errorf("coordinator prompt = %q, want it worded about the person", got)
	}
	if got := p.Section("fit").IntroFor(coord); !strings.Contains(got, "person you are helping") {
		t.Errorf("coordinator intro = %q", got)
	}
	for _, f := range checklist.Evaluate(p, coord).FollowUps {
		if f.Question == "comfort-sharing" && f.Ask != q.SayCoordinator {
			t.Errorf("coordinator follow-up = %q, want %q", f.Ask, q.SayCoordinator)
		}
	}
	for _, f := range checklist.Evaluate(p, self).FollowUps {
		if f.Question == "comfort-sharing" && f.Ask != q.Say {
			t.Errorf("patient follow-up = %q, want %q", f.Ask, q.Say)
		}
	}
}

// TestJudgementV2 proves each rule of the three answers with a case that
// fires it and, beside it, one that does not.
func TestJudgementV2(t *testing.T) {
	p := defaultPack(t)
	type want struct {
		verdict checklist.Verdict
		fit     checklist.Fit       // "" for no fit answer
		stay    checklist.StayValue // "" for no stay answer
		crisis  bool
	}
	const strongFit = "\n  comfort-sharing: comfortable\n  individual-support: therapist\n  goals: [structured-support]\n  ceremonial: neutral"
	tests := []struct {
		name string
		body string
		want want
	}{
		{"a strong circle, before joining", strongBody, want{checklist.VerdictPromising, checklist.FitUnknown, "", false}},
		{"attending, consistently worse after sessions: leave", with("stage", "attending") + "\n  leave-signs: [feel-worse]", want{checklist.VerdictPromising, checklist.FitUnknown, checklist.StayLeave, true}},
		{"attending, advice drift and performing: leave, and what is seen outranks what was said", with("stage", "attending") + "\n  leave-signs: [advice-drift, performing]", want{checklist.VerdictCaution, checklist.FitUnknown, checklist.StayLeave, false}},
		{"attending, no sign to leave, some sessions in: stay", with("stage", "attending") + "\n  leave-signs: []\n  sessions-attended: 6", want{checklist.VerdictPromising, checklist.FitUnknown, checklist.StayStay, false}},
		{"attending, first session: watch", with("stage", "attending") + "\n  leave-signs: []\n  sessions-attended: 1", want{checklist.VerdictPromising, checklist.FitUnknown, checklist.StayWatch, false}},
		{"four poor habits seen: caution, not promising", with("stage", "attending") + "\n  leave-signs: []\n  facilitation-poor: [skips-agreements, allows-advice, monopolized, runs-over]", want{checklist.VerdictCaution, checklist.FitUnknown, checklist.StayWatch, false}},
		{"one poor habit seen: caution (seen outranks said), and watch", with("stage", "attending") + "\n  leave-signs: []\n  facilitation-poor: [runs-over]", want{checklist.VerdictCaution, checklist.FitUnknown, checklist.StayWatch, false}},
		{"pushing people to share confirms the red flag", with("stage", "attending") + "\n  leave-signs: []\n  facilitation-poor: [pushes-sharing]", want{checklist.VerdictCaution, checklist.FitUnknown, checklist.StayWatch, false}},
		{"a leave sign with stage left blank counts", without("stage") + "\n  leave-signs: [coercive]", want{checklist.VerdictAvoid, checklist.FitUnknown, checklist.StayLeave, false}},
		{"acute distress: not now, crisis first", strongBody + "  distress: yes", want{checklist.VerdictPromising, checklist.FitNotNow, "", true}},
		{"no distress: no crisis", strongBody + "  distress: no", want{checklist.VerdictPromising, checklist.FitPossible, "", false}},
		{"ceremony for someone uncomfortable with ritual: a fit problem, not a safety one", withCircle("kap-circle", "ceremony") + "  ceremonial: uncomfortable", want{checklist.VerdictPromising, checklist.FitPoor, "", false}},
		{"ceremony for someone drawn to it", withCircle("kap-circle", "ceremony") + "  ceremonial: drawn", want{checklist.VerdictPromising, checklist.FitGood, "", false}},
		{"a retreat one month in with no support: not now", withCircle("kap-circle", "retreat") + "  facilitator-team: yes\n  medical-backup: yes\n  integration-months: 1\n  individual-support: none", want{checklist.VerdictPromising, checklist.FitNotNow, "", false}},
		{"a retreat after a year with support: good", withCircle("kap-circle", "retreat") + "  facilitator-team: yes\n  medical-backup: yes\n  integration-months: 12\n  individual-support: therapist", want{checklist.VerdictPromising, checklist.FitGood, "", false}},
		{"a structured circle for someone who wants one", strongBody + strongFit, want{checklist.VerdictPromising, checklist.FitGood, "", false}},
		{"a well-kept informal online group: not avoid", "circle: {format: online-peer, participants: 3000, setting: online}\nanswers:\n  training: no-facilitator\n  peer-safeguards: [written-rules, active-moderation, no-selling-rule, crisis-resources]\n  rf-vendor-dosing: no\n  rf-pressure-disclose: no\n  rf-charismatic-leader: no\n  rf-romantic-sexual: no\n  rf-outcome-promises: no", want{checklist.VerdictPromising, checklist.FitUnknown, "", false}},
		{"an unmoderated informal group: caution, not avoid", "circle: {format: online-peer}\nanswers:\n  training: no-facilitator\n  peer-safeguards: [written-rules]\n  rf-vendor-dosing: no\n  rf-pressure-disclose: no\n  rf-charismatic-leader: no\n  rf-romantic-sexual: no\n  rf-outcome-promises: no", want{checklist.VerdictCaution, checklist.FitUnknown, "", false}},
		{"an informal group meeting in person is judged the same way", "circle: {format: online-peer, setting: in-person}\nanswers:\n  training: no-facilitator\n  peer-safeguards: [written-rules, active-moderation, no-selling-rule, crisis-resources]\n  rf-vendor-dosing: no\n  rf-pressure-disclose: no\n  rf-charismatic-leader: no\n  rf-romantic-sexual: no\n  rf-outcome-promises: no", want{checklist.VerdictPromising, checklist.FitUnknown, "", false}},
		{"a confirmed red flag with the three questions unasked: caution, never incomplete", "answers: {rf-pressure-disclose: yes}", want{checklist.VerdictCaution, "", "", false}},
		{"no red flag and the three questions unasked: incomplete", "answers: {rf-pressure-disclose: no}", want{checklist.VerdictIncomplete, "", "", false}},
		{"two red flags: avoid", strings.Replace(with("rf-pressure-disclose", "yes"), "rf-charismatic-leader: no", "rf-charismatic-leader: yes", 1), want{checklist.VerdictAvoid, checklist.FitUnknown, "", false}},
		{"one red flag: caution", with("rf-pressure-disclose", "yes"), want{checklist.VerdictCaution, checklist.FitUnknown, "", false}},
		{"vendor and dosing alone: avoid", with("rf-vendor-dosing", "yes"), want{checklist.VerdictAvoid, checklist.FitUnknown, "", false}},
		{"attending an avoid circle: leave", with("rf-vendor-dosing", "yes") + "\n  stage: attending\n  leave-signs: []", want{checklist.VerdictAvoid, checklist.FitUnknown, checklist.StayLeave, false}},
		{"an unknown agreement item is a follow-up, not a penalty", strings.Replace(strongBody, "[confidentiality, no-advice, no-pressure, written]", "{confidentiality: yes, no-advice: yes, no-pressure: unknown, written: yes}", 1), want{checklist.VerdictIncomplete, checklist.FitUnknown, "", false}},
		{"medicine sessions with no medical backup: caution", withCircle("kap-circle", "ceremony") + "  medicine-sessions: yes\n  medical-backup: no", want{checklist.VerdictCaution, checklist.FitUnknown, "", false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := checklist.Evaluate(p, answers(t, p, tc.body))
			got := want{verdict: r.Verdict, crisis: r.Crisis}
			if r.Fit != nil {
				got.fit = r.Fit.Value
			}
			if r.Stay != nil {
				got.stay = r.Stay.Value
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v\nheadline %+v\nfired %v", got, tc.want, r.Headline, fired(r))
			}
			if r.Headline.Verdict == "" || (r.Fit != nil) != (r.Headline.Fit != "") || (r.Stay != nil) != (r.Headline.Stay != "") {
				t.Errorf("headline %+v does not answer each question given", r.Headline)
			}
			for _, flag := range r.RedFlags {
				q := p.Question(flag)
				found := false
				for _, reason := range r.VerdictReasons {
					found = found || strings.Contains(strings.ToLower(reason.Rule), strings.TrimPrefix(q.ID, "rf-"))
				}
				if !found {
					t.Errorf("confirmed %s is not among the verdict's reasons %v", flag, r.VerdictReasons)
				}
			}
		})
	}
}

// TestScoreNeverContradictsSilently: where the verdict differs from what
// the score alone would give, the result says so (the summary has a sentence
// for each case), and avoid names its decisive reason first.
func TestScoreNeverContradictsSilently(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, answers(t, p, with("rf-vendor-dosing", "yes")))
	if !r.ScoreDecides || r.Band == r.Verdict || r.Verdict != checklist.VerdictAvoid {
		t.Fatalf("band %s, verdict %s, score decides %v: want a score band above avoid and avoid", r.Band, r.Verdict, r.ScoreDecides)
	}
	if r.VerdictReasons[0].Rule != "RF-VENDOR-DOSING" || !strings.HasPrefix(r.Headline.Verdict, "Avoid: the group promotes medicine sellers") {
		t.Errorf("reasons %v, headline %q: want the vendor red flag first", r.VerdictReasons, r.Headline.Verdict)
	}
	r = checklist.Evaluate(p, answers(t, p, "answers: {rf-pressure-disclose: yes}"))
	if r.ScoreDecides {
		t.Error("the score decided a verdict before the three questions were answered")
	}
}

// TestDerivedAnswersAndContradictions: an answer implied by another is shown
// as derived, and a contradiction is named, never hidden.
func TestDerivedAnswersAndContradictions(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, answers(t, p, with("training", "personal-experience")))
	i := slices.IndexFunc(r.Derived, func(d checklist.Derived) bool { return d.Question == "rf-no-training" })
	if i < 0 || r.Derived[i].Given != "no" || r.Derived[i].Kept || !slices.Contains(r.RedFlags, "rf-no-training") {
		t.Errorf("derived %+v, red flags %v: want rf-no-training confirmed over the 'no' given, and the contradiction named", r.Derived, r.RedFlags)
	}
	r = checklist.Evaluate(p, answers(t, p, "circle: {format: kap-circle}\nanswers: {training: no-facilitator}"))
	i = slices.IndexFunc(r.Derived, func(d checklist.Derived) bool { return d.Question == "circle-format" })
	if i < 0 || !r.Derived[i].Kept || r.Circle.Format != "kap-circle" {
		t.Errorf("derived %+v, format %s: want the format given kept, and the disagreement named", r.Derived, r.Circle.Format)
	}
}
