package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/fhir"
	"github.com/vetcircle/vetcircle/rules"
)

// TestFHIRFormats: questions --format fhir prints the pack's Questionnaire,
// and score --format fhir one QuestionnaireResponse per file, each line
// citing that Questionnaire and read back by the same pack; in English and
// Spanish; --date stands in for authored, and no date is invented without it.
func TestFHIRFormats(t *testing.T) {
	files := []string{"../../examples/strong-kap-circle.yaml", "../../examples/incomplete-intake.yaml"}
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runArgs(t, "", "--lang", lang, "questions", "--format", "fhir")
		if code != ExitOK || errOut != "" {
			t.Fatalf("%s: questions --format fhir: exit %d, stderr %q", lang, code, errOut)
		}
		var q fhir.Questionnaire
		if err := json.Unmarshal([]byte(out), &q); err != nil {
			t.Fatalf("%s: questionnaire is not JSON: %v", lang, err)
		}
		if q.ResourceType != "Questionnaire" || q.URL+"|"+q.Version != fhir.Canonical(p) {
			t.Errorf("%s: %s %s|%s, want a Questionnaire at %s", lang, q.ResourceType, q.URL, q.Version, fhir.Canonical(p))
		}

		args := append([]string{"--lang", lang, "score", "--format", "fhir"}, files...)
		out, errOut, code = runArgs(t, "", args...)
		if code != ExitOK || errOut != "" {
			t.Fatalf("%s: score --format fhir: exit %d, stderr %q", lang, code, errOut)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(files) {
			t.Fatalf("%s: %d lines for %d files:\n%s", lang, len(lines), len(files), out)
		}
		for i, line := range lines {
			var qr fhir.QuestionnaireResponse
			if err := json.Unmarshal([]byte(line), &qr); err != nil {
				t.Fatalf("%s %s: not JSON: %v", lang, files[i], err)
			}
			if qr.Questionnaire != fhir.Canonical(p) || qr.Authored != "" {
				t.Errorf("%s %s: questionnaire %q authored %q", lang, files[i], qr.Questionnaire, qr.Authored)
			}
			if _, err := fhir.ReadResponse(p, []byte(line)); err != nil {
				t.Errorf("%s %s: does not read back: %v", lang, files[i], err)
			}
		}
	}
	out, _, _ := runArgs(t, "", "score", "--format", "fhir", "--date", "2026-11-30", files[0])
	if !strings.Contains(out, `"authored":"2026-11-30"`) {
		t.Errorf("--date 2026-11-30 not the authored date:\n%s", out)
	}
	if _, errOut, code := runArgs(t, "", "questions", "--format", "fhirr"); code == ExitOK || !strings.Contains(errOut, "fhir") {
		t.Errorf("a bad --format: exit %d, stderr %q; want an error naming fhir", code, errOut)
	}
}
