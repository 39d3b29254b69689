package checklist_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// Issue 18's eight hard cases, each as it was reported, with what the
// three answers must say. Every one of them failed on judgement v2.

const forumKnown = `circle: {name: Forum, format: online-peer, setting: online, cost_usd: 0}
answers:
  training: no-facilitator
  peer-safeguards: {written-rules: yes, active-moderation: yes, crisis-resources: yes, no-selling-rule: unknown}
  rf-vendor-dosing: no
  rf-pressure-disclose: no
  rf-charismatic-leader: no
  rf-romantic-sexual: no
  rf-outcome-promises: no
`

// Item 1: informal groups are judged as what they are.
func TestHardCase1InformalGroupsJudgedAsWhatTheyAre(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name, body string
		want       checklist.Verdict
	}{
		// Before: incomplete, "the questions to put to the facilitator".
		{"a forum whose rules, moderators and crisis lines are known", forumKnown, checklist.VerdictCaution},
		{"the same forum with its selling ban known too", strings.Replace(forumKnown, "no-selling-rule: unknown", "no-selling-rule: yes", 1), checklist.VerdictPromising},
		// Before: incomplete.
		{"a subreddit known to have no rules", "circle: {format: online-peer}\nanswers: {training: no-facilitator, peer-safeguards: {written-rules: no, active-moderation: unknown}}", checklist.VerdictCaution},
		{"an unmoderated group with written rules", "circle: {format: online-peer}\nanswers: {peer-safeguards: [written-rules, crisis-resources]}", checklist.VerdictCaution},
		{"a group whose format is all that is known", "circle: {format: online-peer}", checklist.VerdictIncomplete},
		// The safeguards come from what was said, not asked twice.
		{"a forum described with the facilitated questions", "circle: {format: online-peer}\nanswers:\n  agreements: [written, no-advice]\n  difficult-experience: [escalation-path]\n  norms: [no-selling]\n  peer-safeguards: {active-moderation: yes}\n  " + allFlagsNoBlock, checklist.VerdictPromising},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := checklist.Evaluate(p, answers(t, p, tc.body))
			if r.Verdict != tc.want {
				t.Errorf("verdict = %s, want %s (%s; fired %v)", r.Verdict, tc.want, r.Headline.Verdict, fired(r))
			}
			text := r.Headline.Verdict
			for _, reason := range r.VerdictReasons {
				text += " " + reason.Text
			}
			if strings.Contains(strings.ToLower(text), "facilitat") {
				t.Errorf("an unfacilitated group's verdict speaks of a facilitator: %q", text)
			}
		})
	}
}

// Item 2: what someone attending has seen outranks what was promised.
func TestHardCase2SeenOutranksSaid(t *testing.T) {
	p := defaultPack(t)
	body := with("stage", "attending") + "\n  sessions-attended: 10\n  leave-signs: [advice-drift]"
	r := checklist.Evaluate(p, answers(t, p, body))
	// Before: Promising, "the three questions were answered well".
	if r.Verdict != checklist.VerdictCaution || !strings.Contains(r.Headline.Verdict, "promised") {
		t.Errorf("verdict %s %q: want caution naming what was promised", r.Verdict, r.Headline.Verdict)
	}
	if len(r.Contradictions) == 0 || r.Contradictions[0].Said != "agreements" {
		t.Errorf("contradictions = %+v, want the no-advice agreement contradicted", r.Contradictions)
	}
	for _, seen := range []struct{ name, extra string }{
		{"pressure seen", "\n  facilitation-poor: [pushes-sharing]"},
		{"agreements skipped", "\n  facilitation-poor: [skips-agreements]"},
		{"coercion seen", "\n  leave-signs: [coercive]"},
	} {
		r := checklist.Evaluate(p, answers(t, p, with("stage", "attending")+seen.extra))
		if r.Verdict.Rank() > checklist.VerdictCaution.Rank() || len(r.Contradictions) == 0 {
			t.Errorf("%s: verdict %s, contradictions %v: want at most caution, the contradiction named", seen.name, r.Verdict, r.Contradictions)
		}
	}
}

// Item 3: each format's look-fors decide something.
func TestHardCase3LookFors(t *testing.T) {
	p := defaultPack(t)
	retreat := withCircle("kap-circle", "retreat") + "  facilitator-team: unknown\n  medical-backup: unknown\n"
	retreat = strings.Replace(retreat, "screening: yes", "screening: unknown", 1)
	r := checklist.Evaluate(p, answers(t, p, retreat))
	// Before: promising, and none of the three asked.
	if r.Verdict != checklist.VerdictIncomplete {
		t.Errorf("retreat with its team unknown: verdict %s, want incomplete", r.Verdict)
	}
	var asked []string
	for _, f := range r.FollowUps[:3] {
		asked = append(asked, f.Question)
	}
	slices.Sort(asked)
	if want := []string{"facilitator-team", "medical-backup", "screening"}; !slices.Equal(asked, want) {
		t.Errorf("first follow-ups %v, want the retreat's look-fors %v", asked, want)
	}
	kap := strings.Replace(strings.Replace(strongBody, "screening: yes", "screening: no", 1), "no-pressure, written]", "no-pressure]", 1)
	kap = strings.Replace(kap, "individual-follow-up, ", "", 1)
	r = checklist.Evaluate(p, answers(t, p, kap))
	// Before: promising.
	if r.Verdict != checklist.VerdictCaution || len(r.VerdictReasons) < 2 {
		t.Errorf("KAP circle without screening or written agreements: %s %v, want caution naming both", r.Verdict, r.VerdictReasons)
	}
}

// Item 4: one session is not a trend; safety signs are.
func TestHardCase4TimeInTheCircle(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name   string
		extra  string
		stay   checklist.StayValue
		crisis bool
	}{
		// Before: leave.
		{"performing after one session", "\n  sessions-attended: 1\n  leave-signs: [performing]", checklist.StayWatch, false},
		// Before: leave and the crisis line.
		{"'consistently worse' after one session", "\n  sessions-attended: 1\n  leave-signs: [feel-worse]", checklist.StayWatch, false},
		{"consistently worse after four sessions", "\n  sessions-attended: 4\n  leave-signs: [feel-worse]", checklist.StayLeave, true},
		{"coercion in the first session", "\n  sessions-attended: 1\n  leave-signs: [coercive]", checklist.StayLeave, false},
		{"unsafe risk in the first session", "\n  sessions-attended: 1\n  leave-signs: [risk-taking]", checklist.StayLeave, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := checklist.Evaluate(p, answers(t, p, with("stage", "attending")+tc.extra))
			if r.Stay == nil || r.Stay.Value != tc.stay || r.Crisis != tc.crisis {
				t.Fatalf("stay %+v crisis %v, want %s crisis %v", r.Stay, r.Crisis, tc.stay, tc.crisis)
			}
			if tc.stay == checklist.StayWatch && r.Stay.Reasons[0].Source != "How often should I attend?" {
				t.Errorf("reason %+v: want the guide's word on the first sessions", r.Stay.Reasons[0])
			}
		})
	}
}

// Item 5: money is judged against this circle's price.
func TestHardCase5MoneyAgainstThePrice(t *testing.T) {
	p := defaultPack(t)
	donation := withCircle("cost_usd: 45", "cost_usd: 0") + "  budget: free\n  goals: [structured-support]\n  individual-support: practices\n"
	r := checklist.Evaluate(p, answers(t, p, donation))
	// Before: not now, "sessions usually cost $30-80".
	if r.Fit == nil || r.Fit.Value != checklist.FitGood || strings.Contains(r.Headline.Fit, "$30-80") {
		t.Errorf("a free circle for a free budget: fit %+v %q, want good without the usual price", r.Fit, r.Headline.Fit)
	}
	dear := strongBody + "  budget: low\n  goals: [structured-support]\n"
	r = checklist.Evaluate(p, answers(t, p, dear))
	if r.Fit == nil || r.Fit.Value == checklist.FitNotNow || r.Fit.Reasons[0].Rule != "FIT-OVER-BUDGET" {
		t.Errorf("a $45 circle for a $30 budget: fit %+v, want a cost reason first, never not-now", r.Fit)
	}
	sliding := withCircle("cost_usd: 45", "cost_usd: 60") + "  budget: low\n  pricing: sliding-scale\n"
	if r := checklist.Evaluate(p, answers(t, p, sliding)); r.Fit.Value == checklist.FitPoor || r.Fit.Value == checklist.FitNotNow {
		t.Errorf("a sliding-scale circle: fit %s, want the price not to keep the person out", r.Fit.Value)
	}
}

// Item 6: nothing known about the person stays unknown.
func TestHardCase6UnknownStaysUnknown(t *testing.T) {
	p := defaultPack(t)
	for _, format := range []string{"retreat", "kap-circle", "ceremony", "online-peer"} {
		r := checklist.Evaluate(p, answers(t, p, withCircle("kap-circle", format)))
		// Before, for a retreat: "not now", with no reasons.
		if r.Fit == nil || r.Fit.Value != checklist.FitUnknown || len(r.Fit.Reasons) == 0 || !strings.HasPrefix(r.Headline.Fit, "Not known yet") {
			t.Errorf("%s: fit %+v %q, want not known yet, saying what to answer", format, r.Fit, r.Headline.Fit)
		}
	}
	if r := checklist.Evaluate(p, answers(t, p, strongBody+"  budget: standard\n")); r.Fit.Value == checklist.FitUnknown {
		t.Error("one thing known about the person still gave 'not known yet'")
	}
}

// Item 7: distress unasked is asked first; crisis words in what was written
// bring the crisis line, quoting them.
func TestHardCase7Distress(t *testing.T) {
	p := defaultPack(t)
	r := checklist.Evaluate(p, answers(t, p, strongBody))
	i := slices.IndexFunc(r.FollowUps, func(f checklist.FollowUp) bool { return f.To == "self" })
	if i < 0 || r.FollowUps[i].Question != "distress" {
		t.Errorf("first question for yourself = %+v, want distress", r.FollowUps[i])
	}
	note := "since my last session I keep having thoughts of ending my life"
	r = checklist.Evaluate(p, answers(t, p, strongBody+"notes:\n  facilitator: \""+note+"\"\n"))
	// Before: Good fit, no crisis line.
	if !r.Crisis || len(r.CrisisQuotes) != 1 || r.CrisisQuotes[0].Quote != note || r.CrisisQuotes[0].Question != "facilitator" {
		t.Errorf("crisis %v, quotes %+v: want the crisis line quoting the note", r.Crisis, r.CrisisQuotes)
	}
	// The circle's own name is not the person's words.
	r = checklist.Evaluate(p, answers(t, p, withCircle("name: Strong", "name: Suicide Loss Survivors Circle")))
	if r.Crisis || len(r.CrisisQuotes) != 0 {
		t.Errorf("a circle's name raised the crisis line: %+v", r.CrisisQuotes)
	}
	r = checklist.Evaluate(p, answers(t, p, strongBody+"notes:\n  goals: \"Quiero ayuda. A veces pienso en quitarme la vida.\"\n"))
	if !r.Crisis || len(r.CrisisQuotes) != 1 || r.CrisisQuotes[0].Quote != "A veces pienso en quitarme la vida" {
		t.Errorf("Spanish note: crisis %v, quotes %+v", r.Crisis, r.CrisisQuotes)
	}
}

// TestCrisisWords: both packs find crisis words in English and Spanish, and
// raise no alarm on ordinary words that come near them.
func TestCrisisWords(t *testing.T) {
	alarms := []string{
		"I want to die", "thinking about suicide", "I've felt suicidal since", "I might hurt myself",
		"I don't want to live like this", "I Don’t want to live", "better off dead", "I could kill myself",
		"pienso en suicidarme", "no quiero vivir así", "a veces quiero morirme", "tengo ganas de morir",
		"quiero acabar con mi vida", "pensé en hacerme daño", "me quiero matarme",
	}
	ordinary := []string{
		"I'd die for a good coffee", "the session killed it", "dead tired after the retreat", "killing time before group",
		"my life changed", "the end of my life's first chapter", "harmless fun", "selfish of me", "the suicide squad movie", // the last is an alarm below
		"me muero de risa", "la vida es bella", "quiero vivir mejor", "me hizo daño el café", "morir de calor",
		"un dano menor", "mi vida cambió", "sin ganas de ir",
	}
	for _, pack := range []func() (*checklist.Pack, error){rules.Default, rules.DefaultES} {
		p, err := pack()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range alarms {
			a := checklist.NewAnswers()
			a.SetNote("goals", s)
			if r := checklist.Evaluate(p, a); len(r.CrisisQuotes) == 0 {
				t.Errorf("%s: no alarm for %q", p.Meta.ID, s)
			}
		}
		for _, s := range ordinary {
			a := checklist.NewAnswers()
			a.SetNote("goals", s)
			r := checklist.Evaluate(p, a)
			want := strings.Contains(s, "suicide") // a film title is still the word: better a line too many
			if got := len(r.CrisisQuotes) > 0; got != want {
				t.Errorf("%s: alarm %v for ordinary words %q, want %v", p.Meta.ID, got, s, want)
			}
		}
	}
}

// Item 8: a seller-run group is named; an avoid's fit speaks of the format.
func TestHardCase8SellerRunAndAvoidFit(t *testing.T) {
	p := defaultPack(t)
	body := with("rf-vendor-dosing", "yes") + "  seller-run: yes\n  goals: [structured-support]\n  individual-support: therapist\n"
	r := checklist.Evaluate(p, answers(t, p, body))
	if !slices.ContainsFunc(r.VerdictReasons, func(x checklist.Reason) bool { return x.Rule == "SELLER-RUN" }) || !strings.Contains(r.Headline.Verdict, "sells the medicine") {
		t.Errorf("verdict reasons %v, headline %q: want the seller-run group named", r.VerdictReasons, r.Headline.Verdict)
	}
	// Before: "Good fit: You want structured support" beside "Avoid".
	if !r.Fit.FormatOnly || !strings.Contains(r.Headline.Fit, "this one is not safe") {
		t.Errorf("fit %+v %q: want it to speak of the format, this circle being unsafe", r.Fit, r.Headline.Fit)
	}
	// Seller-run without a red flag is named too, without deciding.
	r = checklist.Evaluate(p, answers(t, p, strongBody+"  seller-run: yes\n"))
	if !slices.ContainsFunc(r.VerdictReasons, func(x checklist.Reason) bool { return x.Rule == "SELLER-RUN" }) {
		t.Errorf("verdict reasons %v: want the seller-run group named", r.VerdictReasons)
	}
}

// TestHardCasesSameInSpanish: the Spanish pack reaches the same three
// answers, crisis line and contradictions on the hard cases.
func TestHardCasesSameInSpanish(t *testing.T) {
	en := defaultPack(t)
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	bodies := []string{
		forumKnown,
		"circle: {format: online-peer}\nanswers: {training: no-facilitator, peer-safeguards: {written-rules: no, active-moderation: unknown}}",
		with("stage", "attending") + "\n  sessions-attended: 10\n  leave-signs: [advice-drift]",
		with("stage", "attending") + "\n  sessions-attended: 1\n  leave-signs: [feel-worse]",
		withCircle("kap-circle", "retreat"),
		withCircle("cost_usd: 45", "cost_usd: 0") + "  budget: free\n",
		strongBody + "notes:\n  goals: \"A veces pienso en quitarme la vida.\"\n",
		with("rf-vendor-dosing", "yes") + "  seller-run: yes\n  goals: [structured-support]\n",
	}
	type outcome struct {
		verdict checklist.Verdict
		fit     checklist.Fit
		stay    checklist.StayValue
		crisis  bool
		quotes  int
		contra  int
		reasons string
	}
	judge := func(p *checklist.Pack, body string) outcome {
		r := checklist.Evaluate(p, answers(t, p, body))
		o := outcome{verdict: r.Verdict, crisis: r.Crisis, quotes: len(r.CrisisQuotes), contra: len(r.Contradictions)}
		if r.Fit != nil {
			o.fit = r.Fit.Value
		}
		if r.Stay != nil {
			o.stay = r.Stay.Value
		}
		for _, x := range r.VerdictReasons {
			o.reasons += x.Rule + " "
		}
		return o
	}
	for _, body := range bodies {
		if a, b := judge(en, body), judge(es, body); a != b {
			t.Errorf("English %+v, Spanish %+v for:\n%s", a, b, body)
		}
	}
}
