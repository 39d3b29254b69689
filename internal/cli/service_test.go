package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/textclean"
)

// A vetting done with a patient: the circle's service record beside the
// patient's fit answers and a note about the patient.
const withPatient = `version: 1
circle:
  name: Thursday Harbor KAP Group
  format: kap-circle
  setting: hybrid
  contact: {phone: "+1 503 555 0142 x7", email: intake@harbor.example.org}
  schedule: {text: "Every other Thursday, 6:30 pm", weekday: thursday, start: "18:30", frequency: biweekly}
  languages: [en, es]
  cost: {model: sliding-scale, amount: 20-60}
vetted: {on: 2026-11-20, by: "Ana Coordinator", source: call}
answers:
  comfort-sharing: uncomfortable
notes:
  comfort-sharing: "Pt M.R. SI, safety plan in chart"
`

// TestServiceExportAndHandout: the service record goes in with circles
// add, is set without YAML by circles service, and comes out in the HSDS
// export (the same bytes every time, and nothing about any person) and in
// the handout, in both languages.
func TestServiceExportAndHandout(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	f := filepath.Join(dir, "harbor.yaml")
	os.WriteFile(f, []byte(withPatient), 0o600)
	other := answersNamed(t, dir, "luna.yaml", "Café Luna", false)
	for _, file := range []string{f, other} {
		if code, _, errs := runCLI(t, "", "circles", "add", file); code != 0 {
			t.Fatalf("add %s: %d %s", file, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "checkin", "Thursday Harbor KAP Group", "--felt", "worse", "--note", "PRIVATE check-in note"); code != 0 {
		t.Fatalf("checkin: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "checkin", "--new", "Only Checked In", "--felt", "same"); code != 0 {
		t.Fatalf("checkin --new: %d %s", code, errs)
	}
	// Set without YAML: a bad field is refused in words and nothing is kept.
	code, _, errs := runCLI(t, "", "circles", "service", "Café Luna", "--phone", "CALL US", "--website", "ftp://luna.example")
	if code != 2 || !strings.Contains(errs, `--phone: "CALL US" is not a phone number`) || !strings.Contains(errs, "--website:") {
		t.Fatalf("bad fields: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "--lang", "es", "circles", "service", "Café Luna", "--phone", "LLAMAR"); code != 2 || !strings.Contains(errs, `--phone: "LLAMAR" no es un número de teléfono`) {
		t.Errorf("bad field in Spanish: %d %s", code, errs)
	}
	if code, out, _ := runCLI(t, "", "circles", "service", "Café Luna"); code != 0 || !strings.Contains(out, "has no service record yet") {
		t.Errorf("no record yet: %d %s", code, out)
	}
	code, out, errs := runCLI(t, "", "circles", "service", "cafe luna", "--website", "https://luna.example/circle", "--languages", "es", "--cost", "donation", "--verified", "2026-11-28")
	if code != 0 || !strings.Contains(out, "Website: https://luna.example/circle") || !strings.Contains(out, "Kept in ") {
		t.Fatalf("service: %d %s %s", code, out, errs)
	}
	code, list, _ := runCLI(t, "", "circles", "--format", "json")
	if code != 0 || !strings.Contains(list, `"website": "https://luna.example/circle"`) || !strings.Contains(list, `"phone": "+1 503 555 0142 x7"`) {
		t.Fatalf("circles --format json lacks the service records:\n%s", list)
	}

	if code, show, _ := runCLI(t, "", "circles", "show", "Thursday Harbor KAP Group", "--format", "json"); code != 0 || !strings.Contains(show, `"frequency": "biweekly"`) {
		t.Errorf("circles show --format json lacks the service record:\n%s", show)
	}
	if code, show, _ := runCLI(t, "", "circles", "show", "Thursday Harbor KAP Group"); code != 0 || !strings.Contains(show, "- Phone: +1 503 555 0142 x7") {
		t.Errorf("circles show lacks the service record:\n%s", show)
	}
	code, first, errs := runCLI(t, "", "circles", "export", "--format", "hsds")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errs)
	}
	_, second, _ := runCLI(t, "", "circles", "export")
	if first != second {
		t.Error("two exports of the same register differ")
	}
	for _, want := range []string{`"total_items": 2`, `"byday": "TH"`, `"assured_date": "2026-11-28"`, `"assured_date": "2026-11-20"`, `"code": "es"`} {
		if !strings.Contains(first, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	for _, private := range []string{"pt-17", "Only Checked In", "Pt M.R.", "safety plan", "PRIVATE", "Ana Coordinator", "uncomfortable", "comfort", "worse", "verdict", "promising"} {
		if strings.Contains(strings.ToLower(first), strings.ToLower(private)) {
			t.Errorf("the export holds %q: a person's data or a verdict", private)
		}
	}
	// --output writes a new file, never over one.
	path := filepath.Join(dir, "directory.json")
	if code, _, errs := runCLI(t, "", "circles", "export", "--output", path); code != 0 {
		t.Fatalf("export --output: %d %s", code, errs)
	}
	if data, _ := os.ReadFile(path); string(data) != first {
		t.Error("the file differs from standard output")
	}
	if code, _, errs := runCLI(t, "", "circles", "export", "--output", path); code != 2 || !strings.Contains(errs, "already exists") {
		t.Errorf("export over a file: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "circles", "export", "--format", "csv"); code != 2 || !strings.Contains(errs, "hsds") {
		t.Errorf("--format csv: %d %s", code, errs)
	}

	// The handout, in both languages, for a person by alias: their
	// referral's latest step is on it; an alias with no record is refused.
	if code, _, errs := runCLI(t, "", "referral", "Thursday Harbor KAP Group", "--for", "pt-17", "--status", "referred", "--date", "2026-11-21"); code != 0 {
		t.Fatalf("referral: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "handout", "Thursday Harbor KAP Group", "--for", "pt-71"); code != 2 {
		t.Errorf("handout --for an alias with no record: %d %s", code, errs)
	}
	code, text, errs := runCLI(t, "", "handout", "Thursday Harbor KAP Group", "--for", "pt-17")
	if code != 0 {
		t.Fatalf("handout: %d %s", code, errs)
	}
	for _, want := range []string{"Your referral: referred on 2026-11-21", "Phone: +1 503 555 0142 x7", "a sliding scale, $20 to $60 a session", "988", "Where: in person or online"} {
		if !strings.Contains(text, want) {
			t.Errorf("handout lacks %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if textclean.Width(line) > 80 {
			t.Errorf("handout line over 80 columns: %q", line)
		}
	}
	if _, again, _ := runCLI(t, "", "circles", "export"); again != first || strings.Contains(again, "pt-17") {
		t.Error("a person's referral changed the export")
	}
	code, es, _ := runCLI(t, "", "--lang", "es", "handout", "Thursday Harbor KAP Group")
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(es), " "), "para español, marque 2") || !strings.Contains(es, "Teléfono:") {
		t.Errorf("handout in Spanish:\n%s", es)
	}
	code, md, _ := runCLI(t, "", "handout", "cafe luna", "--format", "markdown")
	if code != 0 || !strings.HasPrefix(md, "# Café Luna") || !strings.Contains(md, "- Website: https://luna.example/circle") {
		t.Errorf("handout markdown:\n%s", md)
	}
	// A circle with confirmed red flags: they come first, before how to join.
	vendor := answersNamed(t, dir, "vendor.yaml", "Vendor Circle", true)
	if code, _, errs := runCLI(t, "", "circles", "add", vendor); code != 0 {
		t.Fatalf("add vendor: %d %s", code, errs)
	}
	for _, lang := range []string{"en", "es"} {
		code, sheet, _ := runCLI(t, "", "--lang", lang, "handout", "Vendor Circle")
		heading := map[string][2]string{"en": {"RED FLAGS FOUND", "HOW TO JOIN"}, "es": {"SEÑALES DE ALERTA ENCONTRADAS", "CÓMO UNIRSE"}}[lang]
		i, j := strings.Index(sheet, heading[0]), strings.Index(sheet, heading[1])
		if code != 0 || i < 0 || j < i {
			t.Errorf("%s: the red flags do not come first:\n%s", lang, sheet)
		}
	}
	if code, _, errs := runCLI(t, "", "handout", "thurzday"); code != 2 || !strings.Contains(errs, "did you mean") {
		t.Errorf("handout for an unknown circle: %d %s", code, errs)
	}
}

// TestHandoutForSomeoneInDistress: a check-in that records distress puts the
// crisis line at the top of that person's handout, and only theirs.
func TestHandoutForSomeoneInDistress(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	f := answersNamed(t, dir, "luna.yaml", "Café Luna", false)
	if code, _, errs := runCLI(t, "", "circles", "add", f); code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	for _, who := range []string{"pt-1", "pt-2"} {
		args := []string{"checkin", "Café Luna", "--for", who, "--felt", "worse", "--date", "2026-11-20"}
		if who == "pt-1" {
			args = append(args, "--distress", "yes")
		}
		if code, _, errs := runCLI(t, "", args...); code != 0 {
			t.Fatalf("checkin %s: %d %s", who, code, errs)
		}
	}
	_, sheet, _ := runCLI(t, "", "handout", "Café Luna", "--for", "pt-1")
	i, j := strings.Index(sheet, "988"), strings.Index(sheet, "HOW TO JOIN")
	if i < 0 || j < 0 || i > j {
		t.Errorf("in distress, 988 must come before how to join:\n%s", sheet)
	}
	_, calm, _ := runCLI(t, "", "handout", "Café Luna", "--for", "pt-2")
	if i, j := strings.Index(calm, "988"), strings.Index(calm, "HOW TO JOIN"); i < j {
		t.Errorf("someone else's distress moved the crisis line on this sheet:\n%s", calm)
	}
}
