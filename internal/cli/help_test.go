package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandPaths lists every visible command as its arguments ("circles
// add"), the root as "".
func commandPaths(t *testing.T) []string {
	t.Helper()
	root := newRoot(env{}, &bytes.Buffer{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var paths []string
	var walk func(c *cobra.Command, prefix string)
	walk = func(c *cobra.Command, prefix string) {
		paths = append(paths, strings.TrimSpace(prefix))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub, prefix+" "+sub.Name())
			}
		}
	}
	walk(root, "")
	return paths
}

// TestHelpFitsAndKeepsWordsWhole: every command's help fits 80 columns when
// piped (and the terminal's width on one), carries no escape codes when
// piped, and never breaks a word of its description across lines.
func TestHelpFitsAndKeepsWordsWhole(t *testing.T) {
	paths := commandPaths(t)
	if len(paths) < 12 {
		t.Fatalf("only %d commands: %v", len(paths), paths)
	}
	for _, path := range paths {
		for _, size := range []struct {
			tty   bool
			width int
		}{{false, 0}, {true, 60}, {true, 80}} {
			var out, errb bytes.Buffer
			e := env{stdout: &out, stderr: &errb, isTTY: size.tty, width: size.width, getenv: func(string) string { return "" }}
			args := append(strings.Fields(path), "--help")
			if code := run(context.Background(), e, args); code != ExitOK {
				t.Fatalf("%v: exit %d, %s", args, code, errb.String())
			}
			limit := max(size.width, 80*boolInt(!size.tty))
			text := out.String()
			if !size.tty && strings.Contains(text, "\x1b") {
				t.Errorf("%v piped: escape codes in help", args)
			}
			for _, line := range strings.Split(text, "\n") {
				// A single word longer than the line (a file path in an
				// example) is left whole rather than broken.
				if w := len([]rune(stripANSI(line))); w > limit && len(strings.Fields(line)) > 1 {
					t.Errorf("%v at %d (tty %v): line of %d columns: %q", args, limit, size.tty, w, line)
				}
			}
			if !strings.Contains(text, "USAGE") || !strings.Contains(text, "FLAGS") {
				t.Errorf("%v: help lacks its headings:\n%s", args, text)
			}
			words := strings.Fields(stripANSI(text))
			have := map[string]bool{}
			for _, w := range words {
				have[w] = true
			}
			r := newRoot(env{}, &bytes.Buffer{})
			r.InitDefaultHelpCmd()
			r.InitDefaultCompletionCmd()
			localize(r, packFor(e, ""))
			c, _, _ := r.Find(strings.Fields(path))
			for _, w := range strings.Fields(cmpOr(c.Long, c.Short)) {
				if !have[w] {
					t.Errorf("%v at %d: the word %q of the description is broken or missing", args, limit, w)
				}
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// TestHelpInSpanish: the help's headings follow the language.
func TestHelpInSpanish(t *testing.T) {
	code, out, _ := runCLI(t, "", "--lang", "es", "--help")
	if code != ExitOK || !strings.Contains(out, "USO") || !strings.Contains(out, "COMANDOS") || !strings.Contains(out, "OPCIONES") {
		t.Errorf("exit %d, Spanish help:\n%s", code, out)
	}
}

// TestArgumentErrorsInPlainWords: a missing, extra or unknown argument is
// said in words with the command's usage line, exit 2, never cobra's
// "accepts 1 arg(s), received 0".
func TestArgumentErrorsInPlainWords(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"checkin"}, "vetcircle: checkin needs CIRCLE. (usage: vetcircle checkin CIRCLE"},
		{[]string{"history"}, "vetcircle: history needs CIRCLE. (usage: vetcircle history CIRCLE"},
		{[]string{"circles", "show"}, "vetcircle: circles show needs NAME. (usage: vetcircle circles show NAME"},
		{[]string{"revet", "Thursday", "KAP", "Circle"}, "vetcircle: revet takes 1 argument, not 3: quote a name that has spaces in it."},
		{[]string{"bogus"}, "vetcircle: there is no command bogus; vetcircle --help lists them."},
		{[]string{"rules", "nope"}, "there is no command nope"},
		{[]string{"--lang", "es", "checkin"}, "vetcircle: a checkin le falta CÍRCULO. (uso: vetcircle checkin CÍRCULO"},
	} {
		code, out, errs := runCLI(t, "", tc.args...)
		if code != ExitBadInput || out != "" || !strings.Contains(errs, tc.want) || strings.Contains(errs, "arg(s)") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, out, errs, tc.want)
		}
	}
}
