package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestSpanishCheckinThroughAPipe is `printf ... | vetcircle --lang es
// checkin Jueves`: the number typed is the one the prompt shows beside
// "mejor" or "peor", read from the prompt as a person reads it, and the
// register keeps better or worse accordingly; history in Spanish names
// each session with the word that was chosen.
func TestSpanishCheckinThroughAPipe(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	// q at the first question: nothing kept, but the options were listed.
	code, menu, _ := runCLI(t, "q\n", "--lang", "es", "checkin", "--new", "Jueves")
	if code != ExitBadInput {
		t.Fatalf("q at the first question: exit %d", code)
	}
	menu = menu[:max(strings.Index(menu, "Respuesta:"), 0)]
	number := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^(\d+)\. (.+)$`).FindAllStringSubmatch(menu, -1) {
		number[m[2]] = m[1]
	}
	sessions := []struct{ date, word, felt string }{
		{"2026-11-01", "mejor", "better"},
		{"2026-11-08", "peor", "worse"},
		{"2026-11-15", "igual", "same"},
	}
	for i, s := range sessions {
		args := []string{"--lang", "es", "checkin", "Jueves", "--date", s.date}
		if i == 0 {
			args = append(args, "--new") // the first check-in starts the circle
		}
		n, ok := number[s.word]
		if !ok {
			t.Fatalf("the first question lists no %q:\n%s", s.word, menu)
		}
		code, out, errs := runCLI(t, n+"\n\n\n\nno\n\n", args...)
		if code != ExitOK {
			t.Fatalf("checkin %s: exit %d: %s", s.word, code, errs)
		}
		if !strings.Contains(out, "Anotado: "+s.word+".") {
			t.Errorf("typing %s does not read back %q:\n%s", n, s.word, out)
		}
	}
	code, out, errs := runCLI(t, "", "history", "jueves", "--format", "json")
	if code != ExitOK {
		t.Fatalf("history: exit %d: %s", code, errs)
	}
	var h struct {
		Sessions []struct{ Date, Felt string }
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("history json: %v\n%s", err, out)
	}
	if len(h.Sessions) != len(sessions) {
		t.Fatalf("history has %d sessions, want %d:\n%s", len(h.Sessions), len(sessions), out)
	}
	for i, s := range sessions {
		if got := h.Sessions[i]; got.Date != s.date || got.Felt != s.felt {
			t.Errorf("session %d = %s %s, want %s %s (%q was chosen)", i, got.Date, got.Felt, s.date, s.felt, s.word)
		}
	}
}
