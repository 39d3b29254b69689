package accessible_test

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// TestTakeNote: "note" at a prompt takes a note about the answer just
// given (or the question asked, before any answer), as the full-screen
// walkthrough does. An empty note removes it; a note longer than a line
// may be is refused and the one kept stays; escape sequences are cleaned;
// the draft hears of every change; input that ends at the note prompt
// changes nothing.
func TestTakeNote(t *testing.T) {
	p := pack(t)
	long := strings.Repeat("x", intake.NoteLimit+1) // one limit for notes, as the full-screen notes box has
	tests := []struct {
		name  string
		lines []string
		notes map[string]string // the notes kept
		say   []string          // in this order in the transcript
	}{
		{"before any answer: about the question asked",
			[]string{"note", "first note"},
			map[string]string{"user-role": "first note"},
			[]string{"Note on Who is using this (press Enter alone to remove it): first note", "Noted under Who is using this."}},
		{"after an answer: about that answer, not the next question",
			[]string{"1", "note", "self, on the phone"},
			map[string]string{"user-role": "self, on the phone"},
			[]string{"Recorded: I'm vetting a circle for myself.", "Question 2 of 2: Stage", "Note on Who is using this", "Noted under Who is using this."}},
		{"/note works too, and an empty note removes it",
			[]string{"note", "first", "/note", ""},
			map[string]string{},
			[]string{"Noted under Who is using this.", "The note on Who is using this was removed."}},
		{"too long: refused, the note kept stays",
			[]string{"note", "kept", "note", long},
			map[string]string{"user-role": "kept"},
			[]string{"Noted under Who is using this.", "That is longer than 2000"}},
		{"escape sequences are cleaned",
			[]string{"note", "red \x1b[31malert\x1b[0m \x1b]52;c;SGVsbG8=\a done"},
			map[string]string{"user-role": "red alert done"},
			nil},
		{"input ends at the note prompt: nothing changes",
			[]string{"note"},
			map[string]string{},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			changes := 0
			opts := accessible.Options{Options: intake.Options{OnChange: func(*checklist.Answers) { changes++ }}}
			a, out, err := run(t, p, tc.lines, opts)
			if !errors.Is(err, accessible.ErrInputEnded) {
				t.Fatalf("Run error = %v, want the input to end midway", err)
			}
			got := map[string]string{}
			maps.Copy(got, a.Notes)
			if !maps.Equal(got, tc.notes) {
				t.Errorf("notes = %q, want %q\n%s", got, tc.notes, out)
			}
			if strings.ContainsRune(out, 0x1b) {
				t.Errorf("an escape reached the transcript: %q", out)
			}
			prev := -1
			for _, s := range tc.say {
				at := strings.Index(out[max(prev, 0):], s)
				if at < 0 {
					t.Fatalf("the transcript lacks %q after what came before:\n%s", s, out)
				}
				prev = max(prev, 0) + at
			}
			if len(tc.notes) > 0 && changes == 0 {
				t.Error("a note was taken but the draft was not told")
			}
		})
	}
}
