package checklist_test

import (
	"slices"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

func defaultPack(t testing.TB) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("built-in pack: %v", err)
	}
	return p
}

// answers parses the body of an answers file (everything after version: 1).
func answers(t testing.TB, p *checklist.Pack, body string) *checklist.Answers {
	t.Helper()
	a, err := checklist.ParseAnswers(p, "case.yaml", []byte("version: 1\n"+body))
	if err != nil {
		t.Fatalf("bad test case %q: %v", body, err)
	}
	return a
}

// fired lists every scoring, fit, stay and derivation rule that fired.
func fired(r checklist.Result) []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.Rule)
	}
	for _, f := range r.Formats {
		for _, reason := range f.Reasons {
			ids = append(ids, reason.Rule)
		}
	}
	if r.Fit != nil {
		for _, reason := range r.Fit.Reasons {
			if !slices.Contains(ids, reason.Rule) {
				ids = append(ids, reason.Rule)
			}
		}
	}
	if r.Stay != nil {
		for _, reason := range r.Stay.Reasons {
			ids = append(ids, reason.Rule)
		}
	}
	for _, d := range r.Derived {
		ids = append(ids, d.Rule)
	}
	return ids
}

const allFlagsNo = `rf-no-training: no, rf-vendor-dosing: no, rf-pressure-disclose: no, rf-charismatic-leader: no, rf-no-consent: no, rf-romantic-sexual: no, rf-refuses-credentials: no, rf-outcome-promises: no`

// ruleCases holds, for every rule in the built-in pack, answers that fire it
// and answers that do not. TestEveryRuleHasCases keeps the table complete.
var ruleCases = []struct {
	rule, fires, quiet string
}{
	{"CORE-UNANSWERED", "answers: {training: named-program}", "answers: {training: general, agreements: [], difficult-experience: []}"},
	{"TRAIN-NAMED", "answers: {training: named-program}", "answers: {training: general}"},
	{"TRAIN-VAGUE", "answers: {training: general}", "answers: {training: named-program}"},
	{"RF-NO-TRAINING", "answers: {training: personal-experience}", "answers: {training: named-program, rf-no-training: no}"},
	{"RF-NO-TRAINING", "answers: {rf-no-training: yes}", "answers: {rf-no-training: unknown}"},
	{"RF-REFUSES-CREDENTIALS", "answers: {training: refused}", "answers: {rf-refuses-credentials: no}"},
	{"RF-REFUSES-CREDENTIALS", "answers: {rf-refuses-credentials: true}", "answers: {rf-refuses-credentials: false}"},
	{"TRAIN-INFORMAL-GROUP", "circle: {format: online-peer}\nanswers: {training: no-facilitator}", "circle: {format: kap-circle}\nanswers: {training: no-facilitator}"},
	{"TRAIN-NO-FACILITATOR", "circle: {format: ceremony}\nanswers: {training: no-facilitator}", "circle: {format: online-peer}\nanswers: {training: no-facilitator}"},
	{"AGREE-CONFIDENTIALITY", "answers: {agreements: [confidentiality]}", "answers: {agreements: [written]}"},
	{"AGREE-NO-CONFIDENTIALITY", "answers: {agreements: [written]}", "answers: {agreements: [confidentiality]}"},
	{"AGREE-NO-ADVICE", "answers: {agreements: [no-advice]}", "answers: {agreements: []}"},
	{"AGREE-ADVICE-ALLOWED", "answers: {agreements: [confidentiality]}", "answers: {agreements: [no-advice]}"},
	{"AGREE-NO-PRESSURE", "answers: {agreements: [no-pressure]}", "answers: {agreements: [written]}"},
	{"AGREE-PRESSURE-POSSIBLE", "answers: {agreements: []}", "answers: {agreements: [no-pressure]}"},
	{"AGREE-WRITTEN", "answers: {agreements: [written]}", "answers: {agreements: [no-advice]}"},
	{"AGREE-UNWRITTEN", "answers: {agreements: [no-advice]}", "answers: {agreements: [written]}"},
	{"AGREE-NONE", "answers: {agreements: []}", "answers: {agreements: [written]}"},
	{"DIFF-HOLDING", "answers: {difficult-experience: [holding-capacity]}", "answers: {difficult-experience: []}"},
	{"DIFF-NO-HOLDING", "answers: {difficult-experience: []}", "circle: {format: online-peer}\nanswers: {difficult-experience: []}"},
	{"DIFF-FOLLOW-UP", "answers: {difficult-experience: [individual-follow-up]}", "answers: {difficult-experience: [holding-capacity]}"},
	{"DIFF-NO-FOLLOW-UP", "answers: {difficult-experience: [holding-capacity]}", "answers: {difficult-experience: [individual-follow-up]}"},
	{"DIFF-ESCALATION", "answers: {difficult-experience: [escalation-path]}", "answers: {difficult-experience: [holding-capacity]}"},
	{"DIFF-NO-ESCALATION", "answers: {difficult-experience: [holding-capacity]}", "answers: {difficult-experience: [escalation-path]}"},
	{"DIFF-NO-PLAN", "answers: {difficult-experience: []}", "answers: {difficult-experience: [escalation-path]}"},
	{"SCREEN-YES", "answers: {screening: yes}", "answers: {screening: unknown}"},
	{"SCREEN-NO", "circle: {format: kap-circle}\nanswers: {screening: no}", "circle: {format: retreat}\nanswers: {screening: no}"},
	{"RETREAT-NO-SCREENING", "circle: {format: retreat}\nanswers: {screening: no}", "circle: {format: retreat}\nanswers: {screening: yes}"},
	{"RETREAT-TEAM", "circle: {format: retreat}\nanswers: {facilitator-team: yes}", "circle: {format: retreat}\nanswers: {facilitator-team: no}"},
	{"RETREAT-NO-TEAM", "circle: {format: retreat}\nanswers: {facilitator-team: no}", "circle: {format: retreat}\nanswers: {facilitator-team: unknown}"},
	{"RETREAT-MEDICAL", "circle: {format: retreat}\nanswers: {medical-backup: yes}", "circle: {format: retreat}\nanswers: {medical-backup: no}"},
	{"RETREAT-NO-MEDICAL", "circle: {format: retreat}\nanswers: {medical-backup: no}", "circle: {format: retreat}\nanswers: {medical-backup: yes}"},
	{"RF-VENDOR-DOSING", "answers: {rf-vendor-dosing: yes}", "answers: {rf-vendor-dosing: no}"},
	{"RF-ROMANTIC-SEXUAL", "answers: {rf-romantic-sexual: yes}", "answers: {rf-romantic-sexual: unknown}"},
	{"RF-PRESSURE-DISCLOSE", "answers: {rf-pressure-disclose: yes}", "answers: {rf-pressure-disclose: no}"},
	{"RF-CHARISMATIC-LEADER", "answers: {rf-charismatic-leader: yes}", "answers: {rf-charismatic-leader: no}"},
	{"RF-NO-CONSENT", "answers: {rf-no-consent: yes}", "answers: {rf-no-consent: no}"},
	{"RF-OUTCOME-PROMISES", "answers: {rf-outcome-promises: yes}", "answers: {rf-outcome-promises: no}"},
	{"RF-UNCHECKED", "answers: {rf-vendor-dosing: no}", "answers: {" + allFlagsNo + "}"},
	{"RF-UNCHECKED", "answers: {" + allFlagsNo[:len(allFlagsNo)-len("rf-outcome-promises: no")] + "rf-outcome-promises: unknown}", "answers: {" + allFlagsNo + "}"},
	{"RF-ALL-CLEAR", "answers: {" + allFlagsNo + "}", "answers: {" + allFlagsNo + ", training: personal-experience}"},
	{"SIZE-OVER-12", "circle: {participants: 13}", "circle: {participants: 12}"},
	{"ONLINE-LARGE-GROUP", "circle: {format: online-peer, participants: 500}", "circle: {format: kap-circle, participants: 500}"},
	{"ONLINE-NO-CONTAINER", "circle: {format: online-peer}", "circle: {format: kap-circle}"},
	{"SIZE-TYPICAL", "circle: {participants: 4}", "circle: {participants: 3}"},
	{"LENGTH-LONG", "circle: {minutes: 180}", "circle: {minutes: 120}"},
	{"LENGTH-LONG", "circle: {format: kap-circle, minutes: 180}", "circle: {format: retreat, minutes: 180}"},
	{"COST-ABOVE-RANGE", "circle: {format: ceremony, cost_usd: 120}", "circle: {format: ceremony, cost_usd: 80}"},
	{"COST-ONLINE-PAID", "circle: {format: online-peer, cost_usd: 50}", "circle: {format: online-peer, cost_usd: 0}"},
	{"FORMAT-CEREMONY-VET", "circle: {format: ceremony}", "circle: {format: retreat}"},
	{"FORMAT-ONLINE-READ-FIRST", "circle: {format: online-peer}", "circle: {format: ceremony}"},
	{"MEDICINE-SESSIONS", "circle: {format: ceremony}\nanswers: {medicine-sessions: yes}", "circle: {format: ceremony}\nanswers: {medicine-sessions: no}"},
	{"MEDICINE-NO-BACKUP", "circle: {format: ceremony}\nanswers: {medicine-sessions: yes, medical-backup: no}", "circle: {format: ceremony}\nanswers: {medicine-sessions: yes, medical-backup: yes}"},
	{"SELLER-RUN", "answers: {seller-run: yes}", "answers: {seller-run: no}"},
	{"PEER-UNANSWERED", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: yes, active-moderation: unknown}}", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: no, active-moderation: unknown}}"},
	{"PEER-UNANSWERED", "circle: {format: online-peer}", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: yes, active-moderation: yes, crisis-resources: unknown}}"},
	{"PEER-SAFEGUARDS-UNSURE", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: yes, active-moderation: yes, crisis-resources: unknown}}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules, active-moderation]}"},
	{"PEER-NO-WRITTEN-RULES", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: no}}", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: unknown}}"},
	{"TRAIN-TRADITION-CEREMONY", "circle: {format: ceremony}\nanswers: {training: tradition}", "circle: {format: kap-circle}\nanswers: {training: tradition}"},
	{"TRAIN-TRADITION-NOT-PROGRAM", "circle: {format: kap-circle}\nanswers: {training: tradition}", "circle: {format: ceremony}\nanswers: {training: tradition}"},
	{"TRAIN-CLINICIAN-ONLY", "answers: {training: clinician-only}", "answers: {training: named-program}"},
	{"TRAIN-COACH-TITLE", "answers: {training: coach-title}", "answers: {training: named-program}"},
	{"RETREAT-LOOK-FORS-UNKNOWN", "circle: {format: retreat}\nanswers: {facilitator-team: yes, screening: yes}", "circle: {format: retreat}\nanswers: {facilitator-team: yes, screening: yes, medical-backup: yes}"},
	{"RETREAT-LOOK-FORS-UNKNOWN", "circle: {format: retreat}\nanswers: {screening: unknown}", "circle: {format: retreat}\nanswers: {screening: no}"},
	{"RF-DISCOURAGES-CARE", "answers: {rf-discourages-care: yes}", "answers: {rf-discourages-care: no}"},
	{"SEEN-ADVICE-AGAINST-SAID", "answers: {agreements: [no-advice], leave-signs: [advice-drift]}", "answers: {agreements: [confidentiality], leave-signs: [advice-drift]}"},
	{"SEEN-ADVICE-AGAINST-SAID", "answers: {agreements: [no-advice], facilitation-poor: [allows-advice]}", "answers: {agreements: [no-advice], facilitation-poor: [runs-over]}"},
	{"SEEN-PRESSURE-AGAINST-SAID", "answers: {agreements: [no-pressure], facilitation-poor: [pushes-sharing]}", "answers: {agreements: [no-advice], facilitation-poor: [pushes-sharing]}"},
	{"SEEN-SKIPPED-AGAINST-SAID", "answers: {agreements: [written], facilitation-poor: [skips-agreements]}", "answers: {agreements: [], facilitation-poor: [skips-agreements]}"},
	{"SEEN-COERCION-AGAINST-SAID", "answers: {rf-charismatic-leader: no, leave-signs: [coercive]}", "answers: {leave-signs: [coercive]}"},
	{"JOIN-DROP-IN", "circle: {format: kap-circle}\nanswers: {joining: drop-in}", "circle: {format: kap-circle}\nanswers: {joining: application}"},
	{"JOIN-READINESS-ONLY", "circle: {format: ceremony}\nanswers: {joining: readiness}", "circle: {format: ceremony}\nanswers: {joining: drop-in}"},
	{"NORM-SOBRIETY", "answers: {norms: [sobriety]}", "answers: {norms: [feedback-not-advice]}"},
	{"NORM-NO-SELLING", "answers: {norms: [no-selling]}", "answers: {norms: []}"},
	{"DUAL-ROLE", "answers: {dual-role: yes}", "answers: {dual-role: no}"},
	{"RF-SEVERAL", "answers: {rf-pressure-disclose: yes, rf-charismatic-leader: yes}", "answers: {rf-pressure-disclose: yes, rf-charismatic-leader: no}"},
	{"RF-SEVERAL", "answers: {training: personal-experience, rf-outcome-promises: yes}", "answers: {training: personal-experience}"},
	{"PEER-WRITTEN-RULES", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: []}"},
	{"PEER-MODERATED", "circle: {format: online-peer}\nanswers: {peer-safeguards: [active-moderation]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules]}"},
	{"PEER-NO-SELLING", "circle: {format: online-peer}\nanswers: {peer-safeguards: [no-selling-rule]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules]}"},
	{"PEER-CRISIS-PINNED", "circle: {format: online-peer}\nanswers: {peer-safeguards: [crisis-resources]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules]}"},
	{"PEER-UNMODERATED", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: {written-rules: yes, active-moderation: unknown}}"},
	{"PEER-SELLING-ALLOWED", "circle: {format: online-peer}\nanswers: {peer-safeguards: [active-moderation]}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [no-selling-rule]}"},
	{"PEER-NO-SAFEGUARDS", "circle: {format: online-peer}\nanswers: {peer-safeguards: []}", "circle: {format: online-peer}\nanswers: {peer-safeguards: [crisis-resources]}"},
	{"PEER-NO-SAFEGUARDS", "answers: {training: no-facilitator, peer-safeguards: []}", "circle: {format: kap-circle}\nanswers: {training: no-facilitator}"},
	{"FIT-LISTEN-FIRST", "answers: {comfort-sharing: listen-first}", "answers: {comfort-sharing: comfortable}"},
	{"DISTRESS-NOW", "answers: {distress: yes}", "answers: {distress: no}"},
	{"FACIL-SKILLED", "answers: {stage: attending, facilitation-good: [opens-with-agreements, holds-time, ends-on-time]}", "answers: {stage: attending, facilitation-good: [opens-with-agreements, holds-time]}"},
	{"FACIL-POOR-HABIT", "answers: {stage: attending, facilitation-poor: [runs-over]}", "answers: {stage: attending, facilitation-poor: [allows-advice, runs-over]}"},
	{"FACIL-LESS-SKILLED", "answers: {stage: attending, facilitation-poor: [allows-advice, runs-over]}", "answers: {stage: attending, facilitation-poor: [runs-over]}"},
	{"LEAVE-COERCIVE", "answers: {stage: attending, leave-signs: [coercive]}", "answers: {stage: attending, leave-signs: []}"},
	{"LEAVE-RISK-TAKING", "answers: {stage: attending, leave-signs: [risk-taking]}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"LEAVE-ADVICE-DRIFT", "answers: {stage: attending, leave-signs: [advice-drift]}", "answers: {stage: attending, leave-signs: [feel-worse]}"},

	// circle fit: this circle's own circumstances for this person.
	{"FIT-NEEDS-ONLINE", "circle: {format: kap-circle, setting: in-person}\nanswers: {access: online-only}", "circle: {format: kap-circle, setting: hybrid}\nanswers: {access: online-only}"},
	{"FIT-OVER-BUDGET", "circle: {format: kap-circle, cost_usd: 45}\nanswers: {budget: low}", "circle: {format: kap-circle, cost_usd: 25}\nanswers: {budget: low}"},
	{"FIT-OVER-BUDGET", "circle: {format: retreat, cost_usd: 2500}\nanswers: {budget: high}", "circle: {format: retreat, cost_usd: 2500}\nanswers: {budget: retreat}"},
	{"FIT-OVER-BUDGET", "circle: {format: kap-circle, cost_usd: 40}\nanswers: {budget: free}", "circle: {format: kap-circle, cost_usd: 40}\nanswers: {budget: free, pricing: donation}"},
	{"FIT-PAY-WHAT-YOU-CAN", "circle: {format: kap-circle, cost_usd: 40}\nanswers: {budget: free, pricing: sliding-scale}", "circle: {format: kap-circle, cost_usd: 40}\nanswers: {budget: free, pricing: fixed}"},
	{"FIT-LANGUAGE", "circle: {format: kap-circle}\nanswers: {speaks-language: little}", "circle: {format: kap-circle}\nanswers: {speaks-language: some}"},
	{"FIT-OVER-BUDGET", "circle: {format: online-peer, cost_usd: 1}\nanswers: {budget: free}", "circle: {format: online-peer, cost_usd: 0}\nanswers: {budget: free}"},

	// stay: for someone attending.
	{"LEAVE-FEEL-WORSE", "answers: {stage: attending, leave-signs: [feel-worse]}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"LEAVE-FEEL-WORSE", "answers: {leave-signs: [feel-worse]}", "answers: {stage: before}"},
	{"LEAVE-FEEL-WORSE", "answers: {leave-signs: [feel-worse], sessions-attended: 3}", "answers: {leave-signs: [feel-worse], sessions-attended: 1}"},
	{"EARLY-FEEL-WORSE", "answers: {leave-signs: [feel-worse], sessions-attended: 1}", "answers: {leave-signs: [feel-worse], sessions-attended: 3}"},
	{"EARLY-PERFORMING", "answers: {leave-signs: [performing], sessions-attended: 2}", "answers: {leave-signs: [performing], sessions-attended: 3}"},
	{"STAY-COERCIVE", "answers: {stage: attending, leave-signs: [coercive]}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"STAY-RISK-TAKING", "answers: {stage: attending, leave-signs: [risk-taking]}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"STAY-ADVICE-DRIFT", "answers: {stage: attending, leave-signs: [advice-drift]}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"LEAVE-PERFORMING", "answers: {stage: attending, leave-signs: [performing]}", "answers: {stage: attending, leave-signs: [coercive]}"},
	{"STAY-SIGNS-UNCHECKED", "answers: {stage: attending}", "answers: {stage: attending, leave-signs: []}"},
	{"STAY-POOR-HABITS", "answers: {stage: attending, facilitation-poor: [allows-advice, pushes-sharing]}", "answers: {stage: attending, facilitation-poor: [runs-over]}"},
	{"EARLY-DAYS", "answers: {stage: attending, sessions-attended: 2}", "answers: {stage: attending, sessions-attended: 3}"},
	{"STAY-TIME-TO-JUDGE", "answers: {stage: attending, sessions-attended: 8}", "answers: {stage: attending, sessions-attended: 4}"},
	{"LEAVE-NONE", "answers: {stage: attending, leave-signs: []}", "answers: {stage: attending, leave-signs: [performing]}"},
	{"STAY-SKILLED", "answers: {stage: attending, facilitation-good: [opens-with-agreements, holds-time, ends-on-time]}", "answers: {stage: attending, facilitation-good: [holds-time]}"},
	{"STAY-UNSAFE", "answers: {stage: attending, rf-vendor-dosing: yes}", "answers: {stage: before, rf-vendor-dosing: yes}"},
	{"STAY-CONCERNS", "answers: {stage: attending, rf-charismatic-leader: yes}", "answers: {stage: attending, rf-vendor-dosing: yes}"},

	// derived answers.
	{"DERIVE-ATTENDING", "answers: {stage: before, leave-signs: [performing]}", "answers: {stage: before}"},
	{"DERIVE-ATTENDING", "answers: {sessions-attended: 1}", "answers: {sessions-attended: 0}"},
	{"DERIVE-NO-TRAINING", "answers: {training: personal-experience}", "answers: {training: general}"},
	{"DERIVE-REFUSES-CREDENTIALS", "answers: {training: refused}", "answers: {training: general}"},
	{"DERIVE-PRESSURE", "answers: {facilitation-poor: [pushes-sharing]}", "answers: {facilitation-poor: [runs-over]}"},
	{"DERIVE-DISCOURAGES-CARE", "answers: {facilitation-poor: [discourages-care]}", "answers: {facilitation-poor: [runs-over]}"},
	{"DERIVE-MEDICATION-ADVICE", "answers: {facilitation-poor: [medication-advice]}", "answers: {facilitation-poor: [runs-over]}"},
	{"DERIVE-INFORMAL", "answers: {training: no-facilitator}", "circle: {format: ceremony}\nanswers: {training: named-program}"},
	{"DERIVE-NO-FACILITATOR", "circle: {format: online-peer}", "circle: {format: online-peer}\nanswers: {training: no-facilitator}"},
	{"DERIVE-PEER-WRITTEN", "circle: {format: online-peer}\nanswers: {agreements: [written]}", "circle: {format: online-peer}\nanswers: {agreements: [written], peer-safeguards: [written-rules]}"},
	{"DERIVE-PEER-NO-SELLING", "circle: {format: online-peer}\nanswers: {norms: [no-selling]}", "circle: {format: online-peer}\nanswers: {norms: [sobriety]}"},
	{"DERIVE-PEER-CRISIS", "circle: {format: online-peer}\nanswers: {difficult-experience: [escalation-path]}", "circle: {format: online-peer}\nanswers: {difficult-experience: [holding-capacity]}"},
	{"DERIVE-DROP-IN", "circle: {format: kap-circle}\nanswers: {joining: drop-in}", "circle: {format: kap-circle}\nanswers: {joining: drop-in, screening: no}"},
	{"DERIVE-APPLICATION", "circle: {format: kap-circle}\nanswers: {joining: application}", "circle: {format: kap-circle}\nanswers: {joining: drop-in}"},

	{"FIT-KAP-STRUCTURE", "answers: {goals: [structured-support]}", "answers: {goals: [ceremony]}"},
	{"FIT-KAP-ALONGSIDE", "answers: {individual-support: therapist}", "answers: {individual-support: none}"},
	{"FIT-KAP-ONLY-SUPPORT", "answers: {individual-support: none}", "answers: {individual-support: practices}"},
	{"FIT-KAP-INTROVERT", "answers: {comfort-sharing: uncomfortable}", "answers: {comfort-sharing: listen-first}"},
	{"FIT-KAP-BUDGET", "answers: {budget: free}", "answers: {budget: standard}"},
	{"FIT-KAP-DISTRESS", "answers: {distress: yes}", "answers: {distress: unknown}"},
	{"FIT-CEREMONY-DRAWN", "answers: {ceremonial: drawn}", "answers: {ceremonial: neutral}"},
	{"FIT-CEREMONY-DRAWN", "answers: {goals: [ceremony]}", "answers: {goals: [intensive]}"},
	{"FIT-CEREMONY-AVERSE", "answers: {ceremonial: uncomfortable}", "answers: {ceremonial: drawn}"},
	{"FIT-CEREMONY-NEUTRAL", "answers: {ceremonial: neutral}", "answers: {ceremonial: uncomfortable}"},
	{"FIT-CEREMONY-DISTRESS", "answers: {distress: yes}", "answers: {distress: no}"},
	{"FIT-ONLINE-GOALS", "answers: {goals: [less-isolated]}", "answers: {goals: [deep-processing]}"},
	{"FIT-ONLINE-INTROVERT", "answers: {comfort-sharing: uncomfortable}", "answers: {comfort-sharing: comfortable}"},
	{"FIT-ONLINE-ACCESS", "answers: {access: online-only}", "answers: {access: either}"},
	{"FIT-ONLINE-BUDGET", "answers: {budget: low}", "answers: {budget: high}"},
	{"FIT-ONLINE-DEEP", "answers: {goals: [deep-processing]}", "answers: {goals: []}"},
	{"FIT-ONLINE-DISTRESS", "answers: {distress: yes}", "answers: {distress: no}"},
	{"FIT-RETREAT-READY", "answers: {integration-months: 8, individual-support: practices}", "answers: {integration-months: 5, individual-support: practices}"},
	{"FIT-RETREAT-EARLY", "answers: {integration-months: 1}", "answers: {integration-months: 12}"},
	{"FIT-RETREAT-NO-SUPPORT", "answers: {individual-support: none}", "answers: {individual-support: therapist}"},
	{"FIT-RETREAT-BUDGET", "answers: {budget: standard}", "answers: {budget: retreat}"},
	{"FIT-RETREAT-DISTRESS", "answers: {distress: yes}", "answers: {distress: no}"},
}

func TestRulesFireAndStayQuiet(t *testing.T) {
	p := defaultPack(t)
	for _, tc := range ruleCases {
		t.Run(tc.rule, func(t *testing.T) {
			if got := fired(checklist.Evaluate(p, answers(t, p, tc.fires))); !slices.Contains(got, tc.rule) {
				t.Errorf("Evaluate(%q) fired %v, want %s among them", tc.fires, got, tc.rule)
			}
			if got := fired(checklist.Evaluate(p, answers(t, p, tc.quiet))); slices.Contains(got, tc.rule) {
				t.Errorf("Evaluate(%q) fired %s, want it quiet", tc.quiet, tc.rule)
			}
		})
	}
}

func TestEveryRuleHasCases(t *testing.T) {
	p := defaultPack(t)
	covered := map[string]bool{}
	for _, tc := range ruleCases {
		covered[tc.rule] = true
	}
	var ids []string
	for _, r := range p.Rules {
		ids = append(ids, r.ID)
	}
	for _, f := range p.Formats {
		for _, r := range f.Rules {
			ids = append(ids, r.ID)
		}
	}
	for _, r := range p.CircleFit {
		ids = append(ids, r.ID)
	}
	for _, r := range p.Stay.Rules {
		ids = append(ids, r.ID)
	}
	for _, r := range p.Stay.Verdicts {
		ids = append(ids, r.ID)
	}
	for _, d := range p.Derived {
		ids = append(ids, d.ID)
	}
	for _, id := range ids {
		if !covered[id] {
			t.Errorf("rule %s has no fires/quiet case in ruleCases", id)
		}
	}
	for id := range covered {
		if !slices.Contains(ids, id) {
			t.Errorf("ruleCases names %s, which the pack does not define", id)
		}
	}
}

// TestAnswersThatNoLongerApplyAreIgnored: the walkthrough keeps an answer
// when the user changes the answer it depended on (a retreat-only question
// after switching format, a leave sign after switching stage back); scoring
// must ignore it rather than count it.
func TestAnswersThatNoLongerApplyAreIgnored(t *testing.T) {
	p := defaultPack(t)
	a := checklist.NewAnswers()
	a.Set("circle-format", checklist.Value{Choice: "kap-circle"})
	a.Set("medical-backup", checklist.Value{Choice: checklist.No})
	if got := fired(checklist.Evaluate(p, a)); slices.Contains(got, "RETREAT-NO-MEDICAL") {
		t.Errorf("RETREAT-NO-MEDICAL fired for an answer that no longer applies")
	}
	a.Set("circle-format", checklist.Value{Choice: "retreat"})
	if got := fired(checklist.Evaluate(p, a)); !slices.Contains(got, "RETREAT-NO-MEDICAL") {
		t.Errorf("RETREAT-NO-MEDICAL did not fire once the answer applies again: %v", got)
	}
}
