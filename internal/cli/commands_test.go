package cli

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// readsNoPack are the commands that read no rule pack, and why: every
// other runnable command must take --rules and --lang and use them.
var readsNoPack = map[string]string{
	"vetcircle help":        "cobra's help",
	"vetcircle rules check": "checks the pack in the folder it is given, or every built-in one",
}

// packCommands walks the command tree: every runnable command but the
// completions and readsNoPack, with as many placeholder arguments as its
// usage line names (so argument checks pass and the preamble runs).
func packCommands(t *testing.T) map[string][]string {
	t.Helper()
	root := newRoot(env{}, io.Discard)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	out := map[string][]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := c.CommandPath()
		if c.Runnable() && readsNoPack[path] == "" && !strings.HasPrefix(path, "vetcircle completion") {
			var args []string
			depth := 0
			for _, w := range strings.Fields(c.Use)[1:] {
				if depth == 0 && strings.HasPrefix(w, "-") {
					break // flags follow
				}
				if depth == 0 && !strings.HasPrefix(w, "[") && w != "|" {
					args = append(args, "x")
				}
				depth += strings.Count(w, "[") - strings.Count(w, "]")
			}
			out[path] = append(strings.Fields(path)[1:], args...)
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	if len(out) < 12 {
		t.Fatalf("found only %d commands that read the pack: %v", len(out), out)
	}
	return out
}

// TestPackFlagsOnEveryCommand: every command that reads the rule pack
// (the walkthrough and check-in included) takes --rules and --lang, and
// reads the pack from --rules: a folder that does not exist is refused,
// exit 2, naming it, before anything else happens.
func TestPackFlagsOnEveryCommand(t *testing.T) {
	root := newRoot(env{}, io.Discard)
	missing := filepath.Join(t.TempDir(), "no-such-rules")
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for path, args := range packCommands(t) {
		t.Run(path, func(t *testing.T) {
			c, _, err := root.Find(strings.Fields(path)[1:])
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"rules", "lang"} {
				if c.Flag(f) == nil {
					t.Errorf("%s has no --%s", path, f)
				}
			}
			code, out, errs := runCLI(t, "", append(args, "--rules", missing)...)
			if code != ExitBadInput || !strings.Contains(errs, "rules folder") || !strings.Contains(errs, "no-such-rules") {
				t.Errorf("%s --rules %s: exit %d, stdout %q, stderr %q; want exit 2 naming the missing rules folder", path, missing, code, out, errs)
			}
			code, _, errs = runCLI(t, "", append(args, "--lang", "xx")...)
			if code != ExitBadInput || !strings.Contains(errs, `--lang "xx"`) {
				t.Errorf("%s --lang xx: exit %d, stderr %q; want exit 2 naming --lang", path, code, errs)
			}
		})
	}
}
