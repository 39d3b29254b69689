package checklist_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// TestVocabularyV3: each thing real circles' pages say (issue 18) is either
// judged by a rule, with the effect written here, or recorded and not
// scored, which the test proves by scoring it both ways.
func TestVocabularyV3(t *testing.T) {
	p := defaultPack(t)
	type effect struct {
		verdict checklist.Verdict // "" to leave unchecked
		fit     checklist.Fit     // "" to leave unchecked
		rule    string            // a rule, fit reason or derivation that must fire
	}
	tests := []struct {
		name string
		body string
		want effect // zero: recorded, not scored
	}{
		{"tradition training suits a ceremony", strings.Replace(with("training", "tradition"), "kap-circle", "ceremony", 1), effect{checklist.VerdictPromising, "", "TRAIN-TRADITION-CEREMONY"}},
		{"tradition training is not a KAP program", with("training", "tradition"), effect{checklist.VerdictCaution, "", "TRAIN-TRADITION-NOT-PROGRAM"}},
		{"a licensed clinician with no psychedelic training", with("training", "clinician-only"), effect{checklist.VerdictCaution, "", "TRAIN-CLINICIAN-ONLY"}},
		{"a coach or integrator title", with("training", "coach-title"), effect{checklist.VerdictCaution, "", "TRAIN-COACH-TITLE"}},
		{"donation pricing for a free budget", withCircle("cost_usd: 45", "cost_usd: 20") + "  pricing: donation\n  budget: free\n", effect{"", checklist.FitPossible, "FIT-PAY-WHAT-YOU-CAN"}},
		{"sliding-scale pricing", withCircle("cost_usd: 45", "cost_usd: 90") + "  pricing: sliding-scale\n  budget: low\n", effect{"", checklist.FitPossible, "FIT-PAY-WHAT-YOU-CAN"}},
		{"membership pricing", strongBody + "  pricing: membership\n", effect{}},
		{"a price in another currency", strongBody + "  cost-currency: 600 MXN\n", effect{}},
		{"anyone can drop in", without("screening") + "  joining: drop-in\n", effect{checklist.VerdictCaution, "", "DERIVE-DROP-IN"}},
		{"application and acceptance", without("screening") + "  joining: application\n", effect{checklist.VerdictPromising, "", "DERIVE-APPLICATION"}},
		{"a spiritual-readiness screen is not a safety screen", without("screening") + "  joining: readiness\n", effect{checklist.VerdictCaution, "", "JOIN-READINESS-ONLY"}},
		{"a feedback-not-advice norm", strongBody + "  norms: [feedback-not-advice]\n", effect{}},
		{"a sobriety norm", strongBody + "  norms: [sobriety]\n", effect{checklist.VerdictPromising, "", "NORM-SOBRIETY"}},
		{"a no-selling norm", strongBody + "  norms: [no-selling]\n", effect{checklist.VerdictPromising, "", "NORM-NO-SELLING"}},
		{"discourages outside care: a red flag", strongBody + "  rf-discourages-care: yes\n", effect{checklist.VerdictCaution, "", "RF-DISCOURAGES-CARE"}},
		{"discourages outside care, seen in the room", with("stage", "attending") + "\n  facilitation-poor: [discourages-care]", effect{checklist.VerdictCaution, "", "DERIVE-DISCOURAGES-CARE"}},
		{"dual role: recorded, with a question", strongBody + "  dual-role: yes\n", effect{checklist.VerdictPromising, "", "DUAL-ROLE"}},
		{"the language it meets in", strongBody + "  meeting-language: Spanish\n", effect{}},
		{"a person who speaks little of it", strongBody + "  meeting-language: Spanish\n  speaks-language: little\n", effect{"", checklist.FitPoor, "FIT-LANGUAGE"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := checklist.Evaluate(p, answers(t, p, tc.body))
			if tc.want == (effect{}) {
				// Recorded, not scored: the same result as without it.
				base := checklist.Evaluate(p, answers(t, p, strongBody))
				if r.Score != base.Score || r.Verdict != base.Verdict || r.Fit.Value != base.Fit.Value || !slices.Equal(fired(r), fired(base)) {
					t.Errorf("recorded-not-scored changed the result: %s %d %v vs %s %d %v", r.Verdict, r.Score, fired(r), base.Verdict, base.Score, fired(base))
				}
				return
			}
			if !slices.Contains(fired(r), tc.want.rule) {
				t.Errorf("fired %v, want %s", fired(r), tc.want.rule)
			}
			if tc.want.verdict != "" && r.Verdict != tc.want.verdict {
				t.Errorf("verdict %s, want %s (%s)", r.Verdict, tc.want.verdict, r.Headline.Verdict)
			}
			if tc.want.fit != "" && (r.Fit == nil || r.Fit.Value != tc.want.fit) {
				t.Errorf("fit %+v, want %s", r.Fit, tc.want.fit)
			}
		})
	}
	// The dual role asks how the two relationships are kept apart.
	r := checklist.Evaluate(p, answers(t, p, strongBody+"  dual-role: yes\n"))
	if !slices.ContainsFunc(r.FollowUps, func(f checklist.FollowUp) bool { return f.Rule == "DUAL-ROLE" && strings.Contains(f.Ask, "apart") }) {
		t.Errorf("follow-ups %+v: want the dual-role question", r.FollowUps)
	}
}

// TestNewQuestionsAreOptional: answers files written before these questions
// existed score as they did (the compat fixtures check the files load).
func TestNewQuestionsAreOptional(t *testing.T) {
	p := defaultPack(t)
	for _, id := range []string{"pricing", "cost-currency", "meeting-language", "joining", "norms", "dual-role", "rf-discourages-care", "speaks-language"} {
		q := p.Question(id)
		if q == nil || !q.Optional {
			t.Errorf("question %s: want it in the pack and optional (old answers files must keep their verdicts)", id)
		}
	}
}
