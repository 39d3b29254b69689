package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestOneFormatCheck: every --format is checked by the preamble, with one
// message naming what the command takes.
func TestOneFormatCheck(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"score", "--format", "xml", "x.yaml"}, `--format "xml": use markdown, json, text or fhir`},
		{[]string{"questions", "--format", "xml"}, `--format "xml": use markdown, json or fhir`},
		{[]string{"compare", "--format", "xml", "x.yaml"}, `--format "xml": use table, markdown, json or csv`},
		{[]string{"circles", "--format", "xml"}, `--format "xml": use table or json`},
		{[]string{"circles", "show", "x", "--format", "xml"}, `--format "xml": use markdown, note or json`},
		{[]string{"history", "x", "--format", "xml"}, `--format "xml": use table, text or json`},
	} {
		code, _, errs := runCLI(t, "", tc.args...)
		if code != ExitBadInput || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	// Any case is the same format.
	if code, _, errs := runCLI(t, "", "questions", "--format", "JSON"); code != ExitOK {
		t.Errorf("questions --format JSON: exit %d, %s", code, errs)
	}
}

// TestLanguageDecidedOnce: the language is decided in the preamble, from
// --lang, else LC_ALL, LC_MESSAGES, LANG, else English, and carried in the
// command's environment.
func TestLanguageDecidedOnce(t *testing.T) {
	cmd := func(args ...string) *cobra.Command {
		root := newRoot(env{}, io.Discard)
		if err := root.ParseFlags(args); err != nil {
			t.Fatal(err)
		}
		return root
	}
	vars := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name   string
		args   []string
		getenv func(string) string
		want   string
	}{
		{"nothing said: English", nil, nil, "en"},
		{"LANG", nil, vars("LANG", "es_MX.UTF-8"), "es"},
		{"LC_MESSAGES over LANG", nil, vars("LANG", "en_US.UTF-8", "LC_MESSAGES", "es_ES.UTF-8"), "es"},
		{"LC_ALL over the rest", nil, vars("LC_ALL", "en_US.UTF-8", "LC_MESSAGES", "es_ES.UTF-8"), "en"},
		{"--lang over the locale", []string{"--lang", "en"}, vars("LC_ALL", "es_ES.UTF-8"), "en"},
	} {
		ce, err := prepare(cmd(tc.args...), env{getenv: tc.getenv}, needs{pack: true})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if ce.lang != tc.want || !strings.HasPrefix(ce.pack.Meta.Language, tc.want) {
			t.Errorf("%s: language %q, pack %q; want %q", tc.name, ce.lang, ce.pack.Meta.Language, tc.want)
		}
	}
}
