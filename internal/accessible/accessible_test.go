package accessible_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/packcheck"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/rules"
)

var day = time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)

func pack(t testing.TB) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("built-in pack: %v", err)
	}
	return p
}

func example(t testing.TB, p *checklist.Pack, name string) *checklist.Answers {
	t.Helper()
	path := filepath.Join("..", "..", "examples", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := checklist.ParseAnswers(p, path, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// script returns the lines a person would type to give answers a, in the
// order the walkthrough asks: a number for a choice, numbers for a list (0
// for none), y/n/u, the number or the text, and an empty line for a
// question the answers leave out.
func script(p *checklist.Pack, a *checklist.Answers) []string {
	var lines []string
	so := checklist.NewAnswers()
	for _, q := range p.Questions {
		if q.Detail || !p.Applicable(q, so) {
			continue
		}
		v, ok := a.Get(q.ID)
		if !ok {
			lines = append(lines, "")
			continue
		}
		so.Set(q.ID, v)
		index := func(id string) string {
			for i, o := range q.Options {
				if o.ID == id {
					return strconv.Itoa(i + 1)
				}
			}
			return "?" + id
		}
		switch q.Kind {
		case checklist.KindChoice:
			lines = append(lines, index(v.Choice))
		case checklist.KindMulti:
			if len(v.List) == 0 {
				lines = append(lines, "0")
				continue
			}
			var ns []string
			for _, id := range v.List {
				ns = append(ns, index(id))
			}
			lines = append(lines, strings.Join(ns, ", "))
		case checklist.KindTristate:
			lines = append(lines, v.Choice[:1])
		case checklist.KindNumber:
			lines = append(lines, strconv.FormatFloat(v.Number, 'f', -1, 64))
		case checklist.KindText:
			lines = append(lines, v.Text)
		}
	}
	return lines
}

func input(lines ...string) *strings.Reader {
	return strings.NewReader(strings.Join(lines, "\n") + "\n")
}

// run drives Run as `printf '...' | vetcircle --accessible` would.
func run(t *testing.T, p *checklist.Pack, lines []string, opts accessible.Options) (*checklist.Answers, string, error) {
	t.Helper()
	var out strings.Builder
	if opts.Now == nil {
		opts.Now = func() time.Time { return day }
	}
	if opts.Dir == "" {
		opts.Dir = t.TempDir()
	}
	opts.Echo = true
	a, err := accessible.Run(context.Background(), p, input(lines...), &out, opts)
	return a, out.String(), err
}

func sameValues(t *testing.T, got, want *checklist.Answers) {
	t.Helper()
	for id, w := range want.Values {
		g, ok := got.Values[id]
		if !ok {
			t.Errorf("answer %s missing, want %+v", id, w)
			continue
		}
		// Lists are sets: the walkthrough records them in the pack's order.
		if g.Choice != w.Choice || g.Number != w.Number || g.Text != w.Text || !slices.Equal(slices.Sorted(slices.Values(g.List)), slices.Sorted(slices.Values(w.List))) {
			t.Errorf("answer %s = %+v, want %+v", id, g, w)
		}
	}
	for id := range got.Values {
		if _, ok := want.Values[id]; !ok {
			t.Errorf("unexpected answer %s = %+v", id, got.Values[id])
		}
	}
}

// TestExamplesByHand types every example file's answers at the prompts and
// checks the walkthrough records exactly those answers and reaches the same
// verdict as `vetcircle score`.
func TestExamplesByHand(t *testing.T) {
	p := pack(t)
	files, _ := filepath.Glob("../../examples/*.yaml")
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want := example(t, p, name)
			for _, q := range p.Questions {
				if q.Detail {
					// Details come from answers files; the walkthrough does not ask them.
					delete(want.Values, q.ID)
				}
			}
			lines := append(script(p, want), "n")
			got, out, err := run(t, p, lines, accessible.Options{})
			if err != nil {
				t.Fatalf("Run: %v\n%s", err, out)
			}
			sameValues(t, got, want)
			verdict := strings.ToUpper(string(checklist.Evaluate(p, want).Verdict))
			if !strings.Contains(out, "Is the circle safe and well run? "+verdict+"\n") {
				t.Errorf("output lacks verdict %s:\n%s", verdict, out)
			}
			if strings.Contains(out, "Not understood") {
				t.Errorf("the scripted answers were not all understood:\n%s", out)
			}
		})
	}
}

func TestStrongCircleIsPromising(t *testing.T) {
	p := pack(t)
	lines := append(script(p, example(t, p, "strong-kap-circle.yaml")), "n")
	a, out, err := run(t, p, lines, accessible.Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if v := checklist.Evaluate(p, a).Verdict; v != checklist.VerdictPromising {
		t.Errorf("verdict = %s, want promising", v)
	}
	for _, want := range []string{
		"Step 1 of 6: Getting started\n",
		"Step 3 of 6: The three questions\n",
		"Step 6 of 6: Your own fit\n",
		"Question 1 of 3: Facilitator training\n",
		"Recorded: Names a specific training program.\n",
		"Circle check: Thursday KAP Circle\n",
		"Is the circle safe and well run? PROMISING\n",
		"Promising: the three questions were answered well and no red flag was found.",
		"The summary was not saved.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "Since you started attending") {
		t.Error("the attending step was shown to someone who has not joined")
	}
	if strings.Contains(out, "Say: ") {
		t.Error("words to say were shown to someone vetting for themselves")
	}
}

func TestCriticalRedFlagMeansAvoid(t *testing.T) {
	p := pack(t)
	a := example(t, p, "strong-kap-circle.yaml")
	a.Set("rf-vendor-dosing", checklist.Value{Choice: checklist.Yes})
	got, out, err := run(t, p, append(script(p, a), "n"), accessible.Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if v, _ := got.Get("rf-vendor-dosing"); v.Choice != checklist.Yes {
		t.Fatalf("rf-vendor-dosing = %q, want yes", v.Choice)
	}
	if !strings.Contains(out, "Is the circle safe and well run? AVOID\n") || !strings.Contains(out, "RF-VENDOR-DOSING") {
		t.Errorf("summary does not say avoid because of RF-VENDOR-DOSING:\n%s", out[strings.Index(out, "Here is the summary"):])
	}
}

func TestInvalidInputAsksAgain(t *testing.T) {
	p := pack(t)
	lines := []string{
		"7", "x", "1", // user-role: out of range, a word, then self
		"maybe", "2", // stage
		"Circle",         // name
		"1",              // format
		"",               // facilitator
		"lots", "0", "8", // participants: a word, out of range (min 1), then 8
	}
	_, out, err := run(t, p, lines, accessible.Options{})
	if !errors.Is(err, accessible.ErrInputEnded) {
		t.Fatalf("Run error = %v, want ErrInputEnded", err)
	}
	for _, want := range []string{
		`Not understood: "7". Type one number from 1 to 2.`,
		`Not understood: "x". Type one number from 1 to 2.`,
		`Not understood: "maybe". Type one number from 1 to 2.`,
		`Not understood: "lots". Type a number from 1 to 100000 people, like 8, or a range such as 6-10.`,
		`Not understood: "0". That is out of range. Type a number from 1 to 100000 people, like 8, or a range such as 6-10.`,
		"Recorded: 8 people.",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("output lacks %q", want)
		}
	}
	// The allowed answers are listed again after each mistake.
	if n := strings.Count(out, "1. I'm vetting a circle for myself\n"); n != 3 {
		t.Errorf("user-role options listed %d times, want 3 (once, then after each of two mistakes)", n)
	}
}

func TestMultiAndTristateInput(t *testing.T) {
	p := pack(t)
	to := func(id string) []string {
		// Skip everything up to the question id.
		var lines []string
		so := checklist.NewAnswers()
		for _, q := range p.Questions {
			if q.ID == id {
				return lines
			}
			if !q.Detail && p.Applicable(q, so) {
				lines = append(lines, "")
			}
		}
		t.Fatalf("no question %s", id)
		return nil
	}
	cases := []struct {
		id, typed string
		want      checklist.Value
		complaint string
	}{
		{"agreements", "4, 1,1", checklist.Value{List: []string{"confidentiality", "written"}}, ""},
		{"agreements", "none", checklist.Value{List: []string{}}, ""},
		{"agreements", "0", checklist.Value{List: []string{}}, ""},
		{"agreements", "no-advice written", checklist.Value{List: []string{"no-advice", "written"}}, ""},
		{"agreements", "1, 9", checklist.Value{}, `"9" is not one of the numbers.`},
		{"training", "named-program", checklist.Value{Choice: "named-program"}, ""},
		{"rf-vendor-dosing", "YES", checklist.Value{Choice: "yes"}, ""},
		{"rf-vendor-dosing", "u", checklist.Value{Choice: "unknown"}, ""},
		{"rf-vendor-dosing", "maybe", checklist.Value{}, "Type y for yes, n for no, or u for unknown."},
		{"cost-usd", "$1,500", checklist.Value{Number: 1500}, ""},
		{"circle-name", "  Two   spaces\t", checklist.Value{Text: "Two spaces"}, ""},
	}
	for _, c := range cases {
		t.Run(c.id+"="+c.typed, func(t *testing.T) {
			a, out, err := run(t, p, append(to(c.id), c.typed), accessible.Options{})
			if !errors.Is(err, accessible.ErrInputEnded) {
				t.Fatalf("Run error = %v, want ErrInputEnded", err)
			}
			got, ok := a.Get(c.id)
			if c.complaint != "" {
				if ok {
					t.Errorf("%s recorded %+v from %q, want a complaint", c.id, got, c.typed)
				}
				if !strings.Contains(out, c.complaint) {
					t.Errorf("output lacks %q", c.complaint)
				}
				return
			}
			if !ok || got.Choice != c.want.Choice || got.Number != c.want.Number || got.Text != c.want.Text ||
				!slices.Equal(got.List, c.want.List) || (got.List == nil) != (c.want.List == nil) {
				t.Errorf("%s from %q = %+v (answered %v), want %+v", c.id, c.typed, got, ok, c.want)
			}
		})
	}
}

func TestInputEndsMidway(t *testing.T) {
	p := pack(t)
	t.Run("with a draft hook", func(t *testing.T) {
		var saved []*checklist.Answers
		drafts := intake.NewAutosaver(p, draft.Store{Dir: t.TempDir()}, nil)
		opts := accessible.Options{Options: intake.Options{
			Drafts:   drafts,
			OnChange: func(a *checklist.Answers) { saved = append(saved, a.Clone()) },
		}}
		a, out, err := run(t, p, []string{"1", "1", "Thursday"}, opts)
		if !errors.Is(err, accessible.ErrInputEnded) {
			t.Fatalf("Run error = %v, want ErrInputEnded", err)
		}
		if !strings.Contains(err.Error(), "circle-format") {
			t.Errorf("error %q does not name the question it stopped at", err)
		}
		if len(saved) != 4 { // three answers, then the end of input
			t.Errorf("OnChange called %d times, want 4", len(saved))
		}
		last := saved[len(saved)-1]
		if last.ResumeAt != "circle-format" || len(last.Values) != 3 {
			t.Errorf("last draft: resume at %q with %d answers, want circle-format with 3", last.ResumeAt, len(last.Values))
		}
		if a.Len() != 3 {
			t.Errorf("Run returned %d answers, want 3", a.Len())
		}
		if !strings.Contains(out, "Input ended before the last question. Your answers so far are saved in "+drafts.Path()+".\n") || drafts.Path() == "" {
			t.Errorf("output lacks the end-of-input message:\n%s", out)
		}
	})
	t.Run("without one", func(t *testing.T) {
		_, out, err := run(t, p, []string{"1"}, accessible.Options{})
		if !errors.Is(err, accessible.ErrInputEnded) {
			t.Fatalf("Run error = %v, want ErrInputEnded", err)
		}
		if !strings.Contains(out, "Input ended before the last question; nothing was saved.\n") {
			t.Errorf("output lacks the end-of-input message:\n%s", out)
		}
	})
	t.Run("at the offer to save", func(t *testing.T) {
		lines := script(p, example(t, p, "strong-kap-circle.yaml"))
		_, out, err := run(t, p, lines, accessible.Options{})
		if err != nil {
			t.Fatalf("Run error = %v, want nil: the walkthrough was finished", err)
		}
		if !strings.Contains(out, "Input ended; the summary was not saved to a file.\n") {
			t.Errorf("output lacks the message:\n%s", out)
		}
	})
	t.Run("empty input", func(t *testing.T) {
		var out strings.Builder
		_, err := accessible.Run(context.Background(), p, strings.NewReader(""), &out, accessible.Options{})
		if !errors.Is(err, accessible.ErrInputEnded) {
			t.Fatalf("Run error = %v, want ErrInputEnded", err)
		}
	})
}

// TestPlainOutput checks the transcript is plain lines: no escape sequence
// (even when typed in), no carriage return, no box drawing, block or braille
// glyphs, and no summary badges.
func TestPlainOutput(t *testing.T) {
	p := pack(t)
	a := example(t, p, "strong-kap-circle.yaml")
	lines := script(p, a)
	for i, l := range lines {
		if l == "Thursday KAP Circle" {
			lines[i] = "\x1b]52;c;aGVsbG8=\a\x1b[2JThursday\r \x1b]8;;http://evil.example\x1b\\KAP\x1b]8;;\x1b\\ Circle\x1b[?1049h"
		}
	}
	_, out, err := run(t, p, append(lines, "n"), accessible.Options{})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if !strings.Contains(out, "Recorded: Thursday KAP Circle.\n") {
		t.Errorf("typed name was not cleaned to its text")
	}
	for i, r := range out {
		switch {
		case r == utf8.RuneError:
			t.Fatalf("invalid UTF-8 at byte %d", i)
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("control character %U at byte %d: %q", r, i, out[max(0, i-40):i+1])
		case r >= 0x2500 && r <= 0x259f: // box drawing and block elements
			t.Fatalf("box-drawing glyph %q at byte %d", r, i)
		case r >= 0x2800 && r <= 0x28ff:
			t.Fatalf("braille glyph %q at byte %d", r, i)
		case r >= 0x25a0 && r <= 0x25ff, r == '✔', r == '✘', r == '⚠':
			t.Fatalf("decorative symbol %q at byte %d: %q", r, i, out[max(0, i-40):i+4])
		}
	}
}

func TestBackAndFirstQuestion(t *testing.T) {
	p := pack(t)
	lines := []string{
		"b",    // at the first question: nothing before it
		"1",    // user-role: self
		"b",    // stage: back to user-role
		"2",    // user-role: coordinator
		"1",    // stage
		"/b",   // circle-name (free text): back to stage, which keeps its answer
		"",     // stage: kept
		"Name", // circle-name
	}
	a, out, err := run(t, p, lines, accessible.Options{})
	if !errors.Is(err, accessible.ErrInputEnded) {
		t.Fatalf("Run error = %v, want ErrInputEnded", err)
	}
	if v, _ := a.Get("user-role"); v.Choice != "coordinator" {
		t.Errorf("user-role = %q, want coordinator", v.Choice)
	}
	if v, _ := a.Get("circle-name"); v.Text != "Name" {
		t.Errorf("circle-name = %q, want Name", v.Text)
	}
	for _, want := range []string{
		"This is the first question; there is nothing before it.\n",
		"Going back one question.\n",
		"Current answer: Thinking about joining. Press Enter to keep it, or type - to clear it.\n",
		"Kept: Thinking about joining.\n",
		"Step 2 of 6: Circle basics\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Going back into the first step from the second prints its heading again.
	if n := strings.Count(out, "Step 1 of 6: Getting started\n"); n != 2 {
		t.Errorf("first step heading printed %d times, want 2", n)
	}
}

func TestClearAnswer(t *testing.T) {
	p := pack(t)
	a, out, err := run(t, p, []string{"1", "b", "-"}, accessible.Options{})
	if !errors.Is(err, accessible.ErrInputEnded) {
		t.Fatalf("Run error = %v", err)
	}
	if _, ok := a.Get("user-role"); ok {
		t.Errorf("user-role still answered after -")
	}
	if !strings.Contains(out, "Cleared; this question is not asked yet again.\n") {
		t.Errorf("no confirmation of clearing")
	}
}

func TestCoordinatorHearsWhatToSay(t *testing.T) {
	p := pack(t)
	lines := []string{"2", "1", "", "1", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""}
	_, out, _ := run(t, p, lines, accessible.Options{})
	if strings.Contains(out, "Say: How comfortable am I") {
		t.Error("a question for the person themselves was read out as words to say")
	}
	for _, want := range []string{
		"Say: What's your facilitator training?\n",
		"Listen for, a good answer: A specific, named program",
		"Listen for, a worrying answer: \"My own experience is my training\"",
		// The person's own questions, worded for asking them.
		"How do they feel about sharing in a group?\n",
		"Say: How comfortable are you sharing personal experiences with a group?\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coordinator output lacks %q", want)
		}
	}
}

func TestSectionsWithWhen(t *testing.T) {
	p := pack(t)
	a := example(t, p, "retreat-early-integration.yaml")
	_, out, err := run(t, p, append(script(p, a), "n"), accessible.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Team of trained facilitators") {
		t.Error("retreat-only question not asked for a retreat")
	}
	a = example(t, p, "strong-kap-circle.yaml")
	a.Set("stage", checklist.Value{Choice: "attending"})
	_, out, err = run(t, p, append(script(p, a), "n"), accessible.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Step 6 of 7: Since you started attending\n", "Step 7 of 7: Your own fit\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("attending output lacks %q", want)
		}
	}
	if strings.Contains(out, "Team of trained facilitators") {
		t.Error("retreat-only question asked for a KAP circle")
	}
}

func TestQuit(t *testing.T) {
	p := pack(t)
	t.Run("with a draft hook", func(t *testing.T) {
		calls := 0
		a, out, err := run(t, p, []string{"1", "q"}, accessible.Options{Options: intake.Options{OnChange: func(*checklist.Answers) { calls++ }}})
		if !errors.Is(err, accessible.ErrQuit) {
			t.Fatalf("Run error = %v, want ErrQuit", err)
		}
		if calls != 2 || a.ResumeAt != "stage" {
			t.Errorf("OnChange calls = %d, resume at %q; want 2 and stage", calls, a.ResumeAt)
		}
		if !strings.Contains(out, "Stopped. Your answers so far are saved as a draft.\n") {
			t.Errorf("no quit message:\n%s", out)
		}
	})
	t.Run("without one, thinking better of it", func(t *testing.T) {
		a, out, err := run(t, p, []string{"1", "q", "n", "2", "", "q", "y"}, accessible.Options{})
		if !errors.Is(err, accessible.ErrQuit) {
			t.Fatalf("Run error = %v, want ErrQuit", err)
		}
		if v, _ := a.Get("stage"); v.Choice != "attending" {
			t.Errorf("stage = %q; the question after carrying on was not asked again", v.Choice)
		}
		if !strings.Contains(out, "Your answers are not kept anywhere once you quit.\n") || !strings.Contains(out, "Stopped. Nothing was saved.\n") {
			t.Errorf("no warning before quitting:\n%s", out)
		}
	})
}

func TestResume(t *testing.T) {
	p := pack(t)
	start := example(t, p, "incomplete-intake.yaml")
	start.ResumeAt = "training"
	a, out, err := run(t, p, []string{"b", "", "", "q"}, accessible.Options{Options: intake.Options{Answers: start, OnChange: func(*checklist.Answers) {}}})
	if !errors.Is(err, accessible.ErrQuit) {
		t.Fatalf("Run error = %v, want ErrQuit", err)
	}
	if !strings.HasPrefix(out, "Continuing where you stopped.\n") {
		t.Errorf("output does not say it continues:\n%s", out[:min(200, len(out))])
	}
	if !strings.Contains(out, "Step 3 of 6: The three questions\nAsk the facilitator") {
		t.Errorf("did not start at the three questions")
	}
	if i, j := strings.Index(out, "Facilitator training"), strings.Index(out, "Question 7 of 7: Where it meets"); i < 0 || j < i {
		t.Errorf("b after resuming did not go back to the question before")
	}
	if a.ResumeAt != "agreements" {
		t.Errorf("ResumeAt = %q, want agreements", a.ResumeAt)
	}
	if start.ResumeAt != "training" {
		t.Errorf("Run changed the caller's answers")
	}
}

func TestLongLineIsIgnored(t *testing.T) {
	p := pack(t)
	long := strings.Repeat("x", accessible.MaxLine+100)
	a, out, err := run(t, p, []string{long, "1"}, accessible.Options{})
	if !errors.Is(err, accessible.ErrInputEnded) {
		t.Fatalf("Run error = %v", err)
	}
	if v, _ := a.Get("user-role"); v.Choice != "self" {
		t.Errorf("user-role = %q after a long line, want self", v.Choice)
	}
	if !strings.Contains(out, "That line was longer than 16384 bytes and was ignored.") {
		t.Errorf("no message about the long line")
	}
	if strings.Contains(out, long[:100]) {
		t.Errorf("the long line was echoed")
	}
}

func TestSaveSummary(t *testing.T) {
	p := pack(t)
	a := example(t, p, "strong-kap-circle.yaml")
	lines := script(p, a)
	dir := t.TempDir()
	name := filepath.Join(dir, "vetcircle-thursday-kap-circle-2026-01-02.md")
	opts := accessible.Options{Options: intake.Options{Dir: dir}}

	got, out, err := run(t, p, append(lines, "y"), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("summary not saved: %v\n%s", err, out)
	}
	want := summary.Markdown(p, summary.Build(p, got, summary.Options{Date: day}))
	if string(data) != want {
		t.Errorf("saved summary differs from summary.Markdown")
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o600 {
		t.Errorf("saved summary mode = %v, want 0600", fi.Mode().Perm())
	}
	if !strings.Contains(out, "Saved the summary to "+name+".\n") {
		t.Errorf("save not confirmed")
	}

	// Saving again asks before replacing; n asks for another name; a folder
	// is refused with a reason; then a new name works.
	os.WriteFile(name, []byte("keep me"), 0o600)
	os.Mkdir(filepath.Join(dir, "folder"), 0o700)
	_, out, err = run(t, p, append(lines, "y", "n", "folder", "other.md"), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if b, _ := os.ReadFile(name); string(b) != "keep me" {
		t.Errorf("existing file was replaced without consent")
	}
	for _, want := range []string{
		name + " already exists.\nReplace it? Type y to replace it, or n to choose another name.\n",
		"Could not save " + filepath.Join(dir, "folder") + ": that path is a folder. Your answers are kept; try another name or folder.\n",
		"Saved the summary to " + filepath.Join(dir, "other.md") + ".\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "other.md")); err != nil {
		t.Errorf("other.md not saved: %v", err)
	}

	// y replaces.
	_, _, err = run(t, p, append(lines, "y", "y"), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if b, _ := os.ReadFile(name); string(b) != want {
		t.Errorf("file not replaced after y")
	}
}

// TestPackTranslatesSentences checks a pack's text: entry replaces the
// built-in English sentence, and placeholders are filled in.
func TestPackTranslatesSentences(t *testing.T) {
	base := pack(t)
	p := *base
	p.Text = maps.Clone(base.Text)
	p.Text["a11y.step"] = "Etapa {n} de {m}: {title}"
	_, out, _ := run(t, &p, []string{"1"}, accessible.Options{})
	if !strings.Contains(out, "Etapa 1 de 6: Getting started\n") {
		t.Errorf("pack sentence not used:\n%s", out)
	}
}

// TestBuiltinPackHasEverySentence: every sentence this mode says is in the
// built-in pack, so a translated pack (which must match it key for key)
// translates accessible mode too. It reads this package's calls to t.
func TestBuiltinPackHasEverySentence(t *testing.T) {
	uses, err := packcheck.Keys(regexp.MustCompile(`\.t\("(a11y\.[a-z0-9.-]+)"`), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range packcheck.Missing(uses, pack(t).Text, 30, t.Fatal) {
		t.Errorf("%s: the built-in pack lacks %s", u.File, u.Key)
	}
}

// TestCommandsOnlyWhereExpected: in free text every word is the answer, so a
// circle called "q" is named, not quit; where an option is picked, q quits.
func TestCommandsOnlyWhereExpected(t *testing.T) {
	p := pack(t)
	a, _, err := run(t, p, []string{"1", "1", "q", "b"}, accessible.Options{})
	if v, _ := a.Get("circle-name"); v.Text != "q" {
		t.Errorf("circle name = %q, want q recorded as typed (err %v)", v.Text, err)
	}
}

// TestSpanishWords: the Spanish pack's words answer and command (s for sí),
// and the English ones still work.
func TestSpanishWords(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{"1", "1", "", "1", "", "", "", "", "", "1", "1,2,3,4", "1,2,3", "s", "no", "sí", "n", "u", "ns", "y", "n", "n", "n", "salir", "s"}
	a, out, err := run(t, es, lines, accessible.Options{})
	if !errors.Is(err, accessible.ErrQuit) {
		t.Fatalf("Run error = %v, want ErrQuit (salir, then s):\n%s", err, out)
	}
	for id, want := range map[string]string{"screening": "yes", "seller-run": "no", "rf-no-training": "yes", "rf-vendor-dosing": "no", "rf-pressure-disclose": "unknown", "rf-charismatic-leader": "unknown", "rf-no-consent": "yes"} {
		if v, _ := a.Get(id); v.Choice != want {
			t.Errorf("%s = %q, want %q", id, v.Choice, want)
		}
	}
	if strings.Contains(out, "Not understood") || strings.Contains(out, "No se entendió") {
		t.Errorf("a Spanish word was not understood:\n%s", out)
	}
}
