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
