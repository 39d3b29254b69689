package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 19: circles and people apart. A circle's record is kept in the
// register (which a team may share); a person's only in the user's private
// data folder.

// circleFile is an answers file for circle name, kept by a coordinator on
// a call with a patient: the circle's facts and the facilitator's answers,
// and the patient's fit answers with a note about them.
func circleFile(t *testing.T, dir, name, setting, extra string) string {
	t.Helper()
	body := `version: 1
circle:
  name: "` + name + `"
  format: kap-circle
  facilitator: "A. Rivera, LMFT"
  participants: 8
  minutes: 120
  cost_usd: 45
  setting: ` + setting + `
answers:
  user-role: coordinator
  stage: before
  training: named-program
  agreements: [confidentiality, no-advice, no-pressure, written]
  difficult-experience: [holding-capacity, individual-follow-up, escalation-path]
  screening: yes
  seller-run: no
  rf-no-training: no
  rf-vendor-dosing: no
  rf-pressure-disclose: no
  rf-charismatic-leader: no
  rf-no-consent: no
  rf-romantic-sexual: no
  rf-refuses-credentials: no
  rf-outcome-promises: no
` + extra + `notes:
  training: "Fluence certificate, 2024"
  comfort-sharing: "Pt M.R. prefers to listen first; SI last spring, safety plan on file"
`
	path := filepath.Join(dir, strings.ReplaceAll(strings.ToLower(name), " ", "-")+".yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const patientFit = `  comfort-sharing: listen-first
  ceremonial: neutral
  individual-support: therapist
  integration-months: 4
  budget: standard
  access: online-only
  goals: [structured-support, less-isolated]
`

// grepTree returns the files under dir that hold any of words.
func grepTree(t *testing.T, dir string, words ...string) []string {
	t.Helper()
	var hits []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, w := range words {
			if strings.Contains(string(data), w) {
				hits = append(hits, path+": "+w)
			}
		}
		return nil
	})
	return hits
}

func TestKeptVettingLeavesNoPersonDataInTheRegister(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	team := filepath.Join(t.TempDir(), "team")
	f := circleFile(t, t.TempDir(), "Thursday KAP Circle", "in-person", patientFit+"  sessions-attended: 2\n  facilitation-poor: [allows-advice]\n  leave-signs: [performing]\n  stage: attending\n")
	// stage twice is a YAML error; drop the first.
	b, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(b), "  stage: before\n", "", 1)), 0o600)
	code, out, errs := runCLI(t, "", "--register", team, "circles", "add", "--for", "M.R. (Tue)", f)
	if code != 0 {
		t.Fatalf("circles add: exit %d: %s %s", code, out, errs)
	}
	// The register: no alias, no note about the person, no fit answer.
	if hits := grepTree(t, team, "M.R.", "safety plan", "comfort-sharing", "listen-first", "online-only", "structured-support", "less-isolated",
		"user-role", "coordinator", "performing", "sessions-attended"); len(hits) > 0 {
		t.Errorf("the register holds person data:\n%s", strings.Join(hits, "\n"))
	}
	// The circle's facts, the facilitator's answers and their notes stay.
	if hits := grepTree(t, team, "Fluence certificate", "named-program", "A. Rivera"); len(hits) != 3 {
		t.Errorf("the register lost the circle's record: %v", hits)
	}
	// What was seen of the circle is the circle's: dated, nothing else.
	if hits := grepTree(t, team, "allows-advice"); len(hits) != 1 || !strings.Contains(hits[0], string(filepath.Separator)+"seen"+string(filepath.Separator)) {
		t.Errorf("what was seen: %v, want one file in seen/", hits)
	}
	// The person's record: private, with the fit answers and the note.
	people := filepath.Join(data, "vetcircle", "people")
	if hits := grepTree(t, people, "M.R. (Tue)", "safety plan", "listen-first", "performing"); len(hits) != 4 {
		t.Errorf("the person's record lacks their answers: %v", hits)
	}
	filepath.WalkDir(people, func(path string, d os.DirEntry, err error) error {
		if fi, _ := d.Info(); fi != nil && (d.IsDir() && fi.Mode().Perm() != 0o700 || !d.IsDir() && fi.Mode().Perm() != 0o600) {
			t.Errorf("%s: mode %v", path, fi.Mode().Perm())
		}
		return nil
	})
	// The register's listing shows no fit: a circle has none of its own.
	_, js, _ := runCLI(t, "", "--register", team, "circles", "--format", "json")
	if !strings.Contains(js, `"fit": ""`) || !strings.Contains(js, `"fit_words": ""`) {
		t.Errorf("the listing shows a person's fit as the circle's:\n%s", js)
	}
	// A register inside the people's folder (or holding it) is refused.
	if code, _, errs := runCLI(t, "", "--register", filepath.Join(data, "vetcircle"), "circles", "add", f); code != 2 || !strings.Contains(errs, "inside the register") {
		t.Errorf("people's records inside a register: exit %d: %s", code, errs)
	}
	// An alias is checked like a circle's name.
	if code, _, errs := runCLI(t, "", "--register", team, "circles", "add", "--for", "../x", f); code != 2 || !strings.Contains(errs, "--for") {
		t.Errorf("--for ../x: exit %d: %s", code, errs)
	}
}

func TestTwoPeopleTwoHistories(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	if code, _, errs := runCLI(t, "", "circles", "add", "../../examples/strong-kap-circle.yaml"); code != 0 {
		t.Fatal(errs)
	}
	for i, d := range []string{"2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22"} {
		felt := map[bool]string{true: "worse", false: "same"}[i > 0]
		if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--for", "pt-A", "--felt", felt, "--date", d); code != 0 {
			t.Fatal(errs)
		}
		if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--for", "pt-B", "--felt", "better", "--date", d); code != 0 {
			t.Fatal(errs)
		}
	}
	_, a, _ := runCLI(t, "", "history", "Thursday KAP Circle", "--for", "pt-A", "--format", "json")
	_, b, _ := runCLI(t, "", "history", "Thursday KAP Circle", "--for", "pt-B", "--format", "json")
	var ha, hb historyJSON
	json.Unmarshal([]byte(a), &ha)
	json.Unmarshal([]byte(b), &hb)
	if len(ha.Sessions) != 4 || len(hb.Sessions) != 4 || ha.For != "pt-A" || hb.For != "pt-B" {
		t.Fatalf("histories: %d and %d sessions, want 4 each:\n%s\n%s", len(ha.Sessions), len(hb.Sessions), a, b)
	}
	if ha.Stay == nil || ha.Stay.Value != "leave" || hb.Stay == nil || hb.Stay.Value == "leave" {
		t.Errorf("stay: A %v, B %v; want A leave (worse 3 of 4), B not", ha.Stay, hb.Stay)
	}
	// The user's own record is a third, empty one; a typo is refused.
	if code, _, errs := runCLI(t, "", "history", "Thursday KAP Circle"); code != 2 || !strings.Contains(errs, "no check-ins") {
		t.Errorf("own history: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "history", "Thursday KAP Circle", "--for", "pt"); code != 2 || !strings.Contains(errs, "did you mean") {
		t.Errorf("history --for pt: exit %d: %s", code, errs)
	}
}

func TestCheckinObservationMovesTheCirclesVerdict(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	runCLI(t, "", "circles", "add", "../../examples/strong-kap-circle.yaml")
	verdict := func() string {
		_, js, _ := runCLI(t, "", "circles", "--format", "json")
		var es []struct{ Verdict string }
		json.Unmarshal([]byte(js), &es)
		if len(es) != 1 {
			t.Fatalf("circles: %s", js)
		}
		return es[0].Verdict
	}
	if v := verdict(); v != "promising" {
		t.Fatalf("before: %s", v)
	}
	if code, _, errs := runCLI(t, "", "checkin", "Thursday KAP Circle", "--for", "pt-A", "--felt", "worse", "--date", "2026-10-01",
		"--seen", "medication-advice", "--note", "Pt A told to stop her sertraline"); code != 0 {
		t.Fatal(errs)
	}
	// A member's medication advice confirms the discourages-care red flag.
	if v := verdict(); v != "caution" {
		t.Errorf("after a member's medication advice was seen: %s, want caution (a red flag)", v)
	}
	_, show, _ := runCLI(t, "", "circles", "show", "Thursday KAP Circle")
	if !strings.Contains(show, "seen in a session on 2026-10-01") || strings.Contains(show, "sertraline") || strings.Contains(show, "pt-A") {
		t.Errorf("circles show:\n%s", show)
	}
	// A circle's record answers the verdict only: no fit, no stay.
	if strings.Contains(show, "Is it right for you") || strings.Contains(show, "Should you stay") {
		t.Errorf("circles show answers a person's questions for the circle:\n%s", show)
	}
	// For pt-A, who attends: their stay, over their own sessions.
	_, mine, _ := runCLI(t, "", "compare", "--format", "json", "--for", "pt-A", "Thursday KAP Circle")
	if !strings.Contains(mine, `"stay": "`) {
		t.Errorf("compare --for pt-A gives no stay:\n%s", mine)
	}
	_, cmp, _ := runCLI(t, "", "compare", "--format", "json", "Thursday KAP Circle")
	if !strings.Contains(cmp, `"verdict": "caution"`) || !strings.Contains(cmp, "rf-discourages-care") {
		t.Errorf("compare does not see it:\n%s", cmp)
	}
}

func TestCompareForAPerson(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	// Two circles vetted without the patient, then the patient's intake
	// kept against one of them.
	bare := ""
	runCLI(t, "", "circles", "add", circleFile(t, dir, "Tuesday Online Circle", "online", bare))
	runCLI(t, "", "circles", "add", circleFile(t, dir, "Harbor Room Circle", "in-person", bare))
	runCLI(t, "", "circles", "add", "--for", "MR", circleFile(t, t.TempDir(), "Harbor Room Circle", "in-person", patientFit))
	fitOf := func(out string) map[string]string {
		var rows []struct {
			Name string
			Fit  string
		}
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		m := map[string]string{}
		for _, r := range rows {
			m[r.Name] = r.Fit
		}
		return m
	}
	code, out, errs := runCLI(t, "", "compare", "--format", "json", "--for", "MR", "Tuesday Online Circle", "Harbor Room Circle")
	if code != 0 {
		t.Fatalf("compare --for: exit %d: %s", code, errs)
	}
	fits := fitOf(out)
	if fits["Tuesday Online Circle"] == "" || fits["Harbor Room Circle"] == "" || fits["Tuesday Online Circle"] == fits["Harbor Room Circle"] {
		t.Errorf("compare --for MR: fits %v, want one per circle, the online one better for someone who needs online", fits)
	}
	if fits["Harbor Room Circle"] != "poor" && fits["Harbor Room Circle"] != "not-now" {
		t.Logf("fits: %v", fits)
	}
	_, out, _ = runCLI(t, "", "compare", "--format", "json", "Tuesday Online Circle", "Harbor Room Circle")
	for name, fit := range fitOf(out) {
		if fit != "" {
			t.Errorf("compare without --for: %s has fit %q, want none", name, fit)
		}
	}
	reg := filepath.Join(data, "vetcircle", "circles")
	if hits := grepTree(t, reg, "online-only", "listen-first", "MR", "safety plan"); len(hits) > 0 {
		t.Errorf("fit leaked into the register:\n%s", strings.Join(hits, "\n"))
	}
}

func TestReferralInTheRecordNote(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	runCLI(t, "", "circles", "add", "--for", "MR", circleFile(t, t.TempDir(), "Harbor Room Circle", "in-person", patientFit))
	if code, _, errs := runCLI(t, "", "referral", "Harbor Room Circle", "--for", "MR", "--status", "referred", "--date", "2026-10-20"); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI(t, "", "referral", "Harbor Room Circle", "--for", "MR", "--status", "declined", "--by", "person", "--date", "2026-11-02", "--note", "prefers evenings"); code != 0 {
		t.Fatal(errs)
	}
	_, note, _ := runCLI(t, "", "circles", "show", "Harbor Room Circle", "--for", "MR", "--format", "note")
	if !strings.Contains(note, "Referral: declined by the person on 2026-11-02 (prefers evenings)") {
		t.Errorf("note:\n%s", note)
	}
	_, hist, _ := runCLI(t, "", "history", "Harbor Room Circle", "--for", "MR")
	if !strings.Contains(hist, "declined by the person on 2026-11-02") {
		t.Errorf("history:\n%s", hist)
	}
	if hits := grepTree(t, filepath.Join(data, "vetcircle", "circles"), "prefers evenings", "declined"); len(hits) > 0 {
		t.Errorf("the referral is in the register: %v", hits)
	}
	for _, bad := range [][]string{
		{"--status", "maybe"}, {"--status", "joined", "--by", "person"}, {"--status", "declined", "--by", "cat"}, {"--note", "x"},
	} {
		args := append([]string{"referral", "Harbor Room Circle", "--for", "MR"}, bad...)
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	// In Spanish too.
	_, es, _ := runCLI(t, "", "--lang", "es", "history", "Harbor Room Circle", "--for", "MR")
	if !strings.Contains(es, "rechazada por la persona el 2026-11-02") {
		t.Errorf("Spanish history:\n%s", es)
	}
}

// TestStayWaitsThreeMonths: six weekly check-ins are not "enough sessions
// to judge fit"; thirteen weeks are (the guide's "How often should I
// attend?": three to six months).
func TestStayWaitsThreeMonths(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	runCLI(t, "", "circles", "add", "../../examples/strong-kap-circle.yaml")
	start := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	judged := func() bool {
		_, js, _ := runCLI(t, "", "history", "Thursday KAP Circle", "--format", "json")
		return strings.Contains(js, "STAY-JUDGE-FIT") || strings.Contains(js, "STAY-TIME-TO-JUDGE")
	}
	for w := 0; w < 14; w++ {
		runCLI(t, "", "checkin", "Thursday KAP Circle", "--felt", "better", "--date", start.AddDate(0, 0, 7*w).Format(time.DateOnly))
		if w == 5 && judged() {
			t.Error("six weekly sessions: says it is time to judge fit")
		}
	}
	if !judged() {
		t.Error("fourteen weekly sessions: does not say it is time to judge fit")
	}
}

// TestKeepInMyCirclesSplits: the save dialog's and the accessible keep
// (keepInRegister) keep the circle's part in the register and the person's
// in the record the walkthrough's --for names.
func TestKeepInMyCirclesSplits(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	f := circleFile(t, t.TempDir(), "Harbor Room Circle", "in-person", patientFit)
	body, _ := os.ReadFile(f)
	var out, errb strings.Builder
	e := env{stdout: &out, stderr: &errb, lang: "en", forAlias: "MR"}
	p, err := loadPack(e, "")
	if err != nil {
		t.Fatal(err)
	}
	path, err := keepInRegister(e, p)("Harbor Room Circle", "call", body)
	if err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(data, "vetcircle", "circles")
	if !strings.HasPrefix(path, reg) {
		t.Errorf("kept at %s, want in the register %s", path, reg)
	}
	if hits := grepTree(t, reg, "safety plan", "listen-first", "MR"); len(hits) > 0 {
		t.Errorf("the register holds person data: %v", hits)
	}
	if hits := grepTree(t, filepath.Join(data, "vetcircle", "people"), `name: "MR"`, "safety plan", "listen-first"); len(hits) != 3 {
		t.Errorf("MR's record: %v", hits)
	}
}

// TestOldRegisterSplitOnFirstUse: a register written before issue 19 (by
// main's binary; internal/people/testdata) is split by the first command
// that opens it, once: the check-in is then the user's own.
func TestOldRegisterSplitOnFirstUse(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	team := filepath.Join(t.TempDir(), "team")
	from := "../people/testdata/register-before-issue-19"
	filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(team, rel), 0o700)
		}
		b, _ := os.ReadFile(path)
		return os.WriteFile(filepath.Join(team, rel), b, 0o600)
	})
	code, out, errs := runCLI(t, "", "--register", team, "circles")
	if code != 0 || !strings.Contains(errs, "moved the person answers and check-ins of 2 files") || !strings.Contains(out, "AVOID") {
		t.Fatalf("first use: exit %d:\n%s\n%s", code, out, errs)
	}
	if hits := grepTree(t, team, "M.R.", "sertraline", "safety plan", "online-only"); len(hits) > 0 {
		t.Errorf("person data left in the register: %v", hits)
	}
	_, hist, _ := runCLI(t, "", "--register", team, "history", "Thursday KAP Circle", "--format", "text")
	if !strings.Contains(hist, "2026-10-08") || !strings.Contains(hist, "sertraline") {
		t.Errorf("the own history lacks the moved check-in:\n%s", hist)
	}
	if _, _, errs := runCLI(t, "", "--register", team, "circles"); strings.Contains(errs, "moved") {
		t.Errorf("split twice: %s", errs)
	}
}
