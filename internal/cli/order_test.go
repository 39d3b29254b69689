package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// inOrder reports where out does not give parts in this order (each
// part's first occurrence after the one before it).
func inOrder(t *testing.T, what, out string, parts ...string) {
	t.Helper()
	prev := -1
	for i, p := range parts {
		at := strings.Index(out, p)
		switch {
		case at < 0:
			t.Errorf("%s lacks %q:\n%s", what, p, out)
			return
		case at < prev:
			t.Errorf("%s gives %q before %q; a reader needs them the other way round:\n%s", what, p, parts[i-1], out)
			return
		}
		prev = at
	}
}

// TestScoreOrder: in every rendering score gives (markdown piped, markdown
// rendered for a terminal, the plain-text note), a person in distress reads
// the crisis line before any answer, then that now is not the time, then
// the verdict; a person who should leave reads that before the verdict;
// anyone else reads the verdict before the fit.
func TestScoreOrder(t *testing.T) {
	const (
		verdictQ = "Is the circle safe and well run?"
		stayQ    = "Should you stay?"
	)
	tests := []struct {
		file  string
		order []string
	}{
		{"in-distress.yaml", []string{"988", "Is it right for the person", "Not now:", verdictQ}},
		{"attending-should-leave.yaml", []string{"988", stayQ, "Consider leaving:", verdictQ, "Is it right for you now?"}},
		{"strong-kap-circle.yaml", []string{verdictQ, "Promising:", "Is it right for you now?"}},
		{"red-flag-vendor.yaml", []string{verdictQ, "Avoid:"}},
	}
	for _, tc := range tests {
		file := "../../examples/" + tc.file
		for _, f := range []struct {
			name string
			tty  bool
			args []string
		}{
			{"markdown", false, []string{"score", file}},
			{"rendered", true, []string{"score", file}},
			{"text", false, []string{"score", "--format", "text", file}},
		} {
			t.Run(tc.file+"/"+f.name, func(t *testing.T) {
				code, out, errs := runWith(t, "", false, f.tty, map[string]string{"NO_COLOR": "1", "COLUMNS": "100"}, f.args...)
				if code != ExitOK {
					t.Fatalf("exit %d: %s", code, errs)
				}
				// Wrapping may break a sentence across lines: compare words.
				flat := strings.Join(strings.Fields(ansi.Strip(out)), " ")
				inOrder(t, f.name, flat, tc.order...)
			})
		}
	}
}

// TestHistoryOrder: feeling worse three sessions running brings the crisis
// line before the sessions and before "consider leaving", in the table and
// in the text.
func TestHistoryOrder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for i, day := range []string{"2026-11-01", "2026-11-08", "2026-11-15"} {
		args := []string{"checkin", "Thursday KAP Circle", "--felt", "worse", "--date", day}
		if i == 0 {
			args = append(args, "--new") // the first check-in starts the circle
		}
		if code, _, errs := runCLI(t, "", args...); code != ExitOK {
			t.Fatalf("checkin %s: exit %d: %s", day, code, errs)
		}
	}
	for _, format := range []string{"table", "text"} {
		code, out, errs := runCLI(t, "", "history", "Thursday KAP Circle", "--format", format)
		if code != ExitOK {
			t.Fatalf("history --format %s: exit %d: %s", format, code, errs)
		}
		flat := strings.Join(strings.Fields(out), " ")
		inOrder(t, "history "+format, flat, "988", "2026-11-01", "2026-11-15", "Consider leaving")
	}
}
