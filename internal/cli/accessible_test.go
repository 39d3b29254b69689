package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// strongCircle is what a person types to describe examples/strong-kap-circle.yaml
// at the accessible prompts, ending with n to the offer to save.
var strongCircle = strings.Join([]string{
	"1", "1", // self, before joining
	"Thursday KAP Circle", "1", "A. Rivera, LMFT", "8", "120", "45", "1",
	"1", "1,2,3,4", "1,2,3", // the three questions
	"y", "n", // screening, run by the seller
	"n", "n", "n", "n", "n", "n", "n", "n", // red flags
	"2", "2", "1", "4", "3", "3", "1,4", "", // fit; distress skipped
	"n", // do not save
}, "\n") + "\n"

// runWith runs the command line with the given terminals and environment.
func runWith(t *testing.T, stdin string, stdinTTY, stdoutTTY bool, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		isTTY: stdoutTTY, stdinTTY: stdinTTY,
		getenv: func(k string) string { return vars[k] },
	}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

// TestPipedWalkthroughIsAccessible is `printf '...' | vetcircle`: with no
// terminal the walkthrough runs as line prompts, says so in one line on
// stderr, and ends with the summary.
func TestPipedWalkthroughIsAccessible(t *testing.T) {
	code, stdout, stderr := runWith(t, strongCircle, false, false, nil)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want := "vetcircle: input and output are not a terminal, so using accessible mode (numbered line prompts); pass --accessible to choose it yourself\n"
	if stderr != want {
		t.Errorf("stderr = %q, want the one-line notice %q", stderr, want)
	}
	for _, w := range []string{"Step 1 of 6: Getting started\n", "Answer: 1\nRecorded: I'm vetting a circle for myself.\n", "Is the circle safe and well run? PROMISING\n", "The summary was not saved.\n"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q", w)
		}
	}
	if strings.ContainsRune(stdout, 0x1b) {
		t.Error("accessible output contains an escape character")
	}
}

func TestAccessibleModeChoice(t *testing.T) {
	const auto = "so using accessible mode"
	cases := []struct {
		name             string
		stdinTTY, ttyOut bool
		vars             map[string]string
		args             []string
		notice           string // "" for none
	}{
		{"flag", true, true, nil, []string{"--accessible"}, ""},
		{"ACCESSIBLE=1", true, true, map[string]string{"ACCESSIBLE": "1"}, nil, ""},
		{"TERM=dumb", true, true, map[string]string{"TERM": "dumb"}, nil, "vetcircle: TERM is dumb, " + auto},
		{"stdin piped", false, true, nil, nil, "vetcircle: input is not a terminal, " + auto},
		{"stdout piped", true, false, nil, nil, "vetcircle: output is not a terminal, " + auto},
		{"flag on a pipe says nothing", false, false, nil, []string{"--accessible"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runWith(t, strongCircle, c.stdinTTY, c.ttyOut, c.vars, c.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "Is the circle safe and well run? PROMISING") {
				t.Errorf("accessible walkthrough did not run:\n%.300s", stdout)
			}
			switch {
			case c.notice == "" && stderr != "":
				t.Errorf("stderr = %q, want nothing", stderr)
			case c.notice != "" && (!strings.HasPrefix(stderr, c.notice) || strings.Count(stderr, "\n") != 1):
				t.Errorf("stderr = %q, want one line starting %q", stderr, c.notice)
			}
		})
	}
	// ACCESSIBLE set but empty is not a request.
	root := newRoot(env{stdinTTY: true, isTTY: true, getenv: func(k string) string { return "" }}, io.Discard)
	if m := accessibleMode(root, env{stdinTTY: true, isTTY: true}); m.on {
		t.Errorf("accessible mode chosen on a terminal with no flag or variable")
	}
}

func TestAccessibleExitCodes(t *testing.T) {
	t.Run("input ends before the last question", func(t *testing.T) {
		code, stdout, stderr := runWith(t, "1\n1\nThursday\n", false, false, nil, "--accessible")
		if code != ExitBadInput {
			t.Errorf("exit %d, want %d", code, ExitBadInput)
		}
		if want := "vetcircle: input ended before the walkthrough finished (it stopped at question circle-format)\n"; stderr != want {
			t.Errorf("stderr = %q, want %q", stderr, want)
		}
		if !strings.Contains(stdout, "Input ended before the last question. Your answers so far are saved in ") {
			t.Errorf("stdout lacks the end-of-input message naming the draft:\n%s", stdout)
		}
	})
	t.Run("q", func(t *testing.T) {
		code, _, stderr := runWith(t, "1\nq\ny\n", false, false, nil, "--accessible")
		if code != ExitOK || stderr != "" {
			t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
		}
	})
	t.Run("input ends at the offer to save", func(t *testing.T) {
		in := strings.TrimSuffix(strongCircle, "n\n")
		code, stdout, stderr := runWith(t, in, false, false, nil, "--accessible")
		if code != ExitOK || stderr != "" {
			t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
		}
		if !strings.Contains(stdout, "Input ended; the summary was not saved to a file.") {
			t.Errorf("stdout lacks the message")
		}
	})
}

// TestAccessibleParity: through a pipe, accessible mode reads why each
// question matters, takes a note on the answer just given, prints a summary
// a screen reader can read (no markdown symbols), and saves the answers as
// a file that vetcircle score accepts, the note included.
func TestAccessibleParity(t *testing.T) {
	dir := t.TempDir()
	lines := strings.Split(strings.TrimSuffix(strongCircle, "n\n"), "\n")
	// After the training answer (the 10th line), a note on it.
	in := append(append(append([]string{}, lines[:10]...), "note", "Fluence certificate, 2024"), lines[10:]...)
	in = append(in[:len(in)-1], filepath.Join(dir, "thursday.md"), "1 2 3")
	code, stdout, stderr := runWith(t, strings.Join(in, "\n")+"\n", false, false, nil, "--accessible", "--no-draft")
	if code != ExitOK {
		t.Fatalf("exit %d: %s\n%s", code, stderr, stdout)
	}
	for _, want := range []string{
		"Why it matters: Untrained facilitators are the most common way a circle goes wrong",
		"Ask them: What's your facilitator training?",
		"Listen for, a good answer: A specific, named program",
		"Noted under Facilitator training.",
		"Is the circle safe and well run? PROMISING",
		"Saved the summary to " + filepath.Join(dir, "thursday.md"),
		"Saved " + filepath.Join(dir, "thursday.yaml") + ".",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	summaryPart := stdout[strings.Index(stdout, "Here is the summary."):]
	for _, bad := range []string{"**", "##", "`"} {
		if strings.Contains(summaryPart, bad) {
			t.Errorf("the spoken summary holds %q", bad)
		}
	}
	code, out, errs := runWith(t, "", false, false, nil, "score", "--format", "json", filepath.Join(dir, "thursday.yaml"))
	if code != ExitOK || !strings.Contains(out, `"verdict":"promising"`) {
		t.Errorf("score of the saved answers: exit %d, %s %s", code, out, errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "thursday.yaml"))
	if err != nil || !strings.Contains(string(data), `training: "Fluence certificate, 2024"`) {
		t.Errorf("the saved answers lack the note:\n%s", data)
	}
	if strings.Contains(string(data), "resume_at") {
		t.Errorf("the saved answers say where a walkthrough stopped:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "thursday.json")); err != nil {
		t.Errorf("the score was not saved: %v", err)
	}
	// The note for a record, as the full-screen save dialog writes it.
	note, err := os.ReadFile(filepath.Join(dir, "thursday.txt"))
	if err != nil || !strings.Contains(string(note), "PROMISING") || strings.Contains(string(note), "**") {
		t.Errorf("the note for a record was not saved as plain text (%v):\n%s", err, note)
	}
	// Every choice is said with what it saves.
	for _, want := range []string{"1. Answers (.yaml), as ", "2. Score (.json), as ", "3. Note for a record (.txt), as "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the offer does not say what %q is", want)
		}
	}
}
