package cli

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/rules"
)

// TestEveryCommandHasItsWords: every command's description and every
// flag's text comes from the pack, in every built-in language: none is
// missing (a missing key shows as "[key]"), and the command definitions
// hold no prose of their own (cobra's own help and completion commands
// aside, whose words the pack replaces).
func TestEveryCommandHasItsWords(t *testing.T) {
	bare := newRoot(env{}, &bytes.Buffer{})
	var walkBare func(c *cobra.Command)
	walkBare = func(c *cobra.Command) {
		if c.Short != "" || c.Long != "" {
			t.Errorf("%s: the command's definition holds prose (%q); put it in rules/cli.yaml as %s.short", c.CommandPath(), c.Short, cmdKey(c))
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Usage != "" {
				t.Errorf("%s --%s: the flag's definition holds prose (%q); put it in rules/cli.yaml", c.CommandPath(), f.Name, f.Usage)
			}
		})
		for _, s := range c.Commands() {
			walkBare(s)
		}
	}
	walkBare(bare)

	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		root := newRoot(env{}, &bytes.Buffer{})
		root.InitDefaultHelpCmd()
		root.InitDefaultCompletionCmd()
		root.Version = "v"
		root.InitDefaultVersionFlag()
		localize(root, p)
		n := 0
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			n++
			if c.Short == "" || strings.Contains(c.Short, "[cmd.") {
				t.Errorf("%s: %s has no %s.short", lang, c.CommandPath(), cmdKey(c))
			}
			if strings.Contains(c.Long, "[cmd.") {
				t.Errorf("%s: %s: %q", lang, c.CommandPath(), c.Long)
			}
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if f.Usage == "" || strings.Contains(f.Usage, "[flag.") || strings.Contains(f.Usage, "[cmd.") {
					t.Errorf("%s: %s --%s has no words (%q): add %s or flag.%s", lang, c.CommandPath(), f.Name, f.Usage, cmdKey(c)+".flag."+f.Name, f.Name)
				}
			})
			for _, s := range c.Commands() {
				walk(s)
			}
		}
		walk(root)
		if n < 15 {
			t.Fatalf("%s: only %d commands; the walk is broken", lang, n)
		}
	}
}

// englishWords are common English words no Spanish sentence holds;
// spanishWords the reverse. Names, IDs, flags, paths and commands are
// taken out before the words are read (see readable).
var (
	englishWords = words("the and you your with this that what which is are of to for it not they their or in on be can cannot has was from file folder no-such there one none")
	spanishWords = words("el los las del que una por para con sus está qué cómo también archivo carpeta círculo borrador ningún hay según")
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// notWords are what a sentence may quote in any language: --flags,
// IDs with a hyphen, paths and file names, `code`, and capitals.
var notWords = regexp.MustCompile("`[^`]*`|--?[a-z][a-z-]*|\\S*[/\\\\.]\\S+|\\b[a-z]+(-[a-z0-9]+)+\\b|\\b[A-Z][A-Z-]+\\b|\"[^\"]*\"")

// readable is the text's words as a person reads them, lower-cased, with
// names (the examples' circles, which are in English), IDs, flags, paths
// and code taken out.
func readable(text string, names ...string) []string {
	for _, n := range names {
		text = strings.ReplaceAll(text, n, " ")
	}
	text = sources.ReplaceAllString(text, " ")
	text = notWords.ReplaceAllString(text, " ")
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}

// exampleNames are the circle names of the examples, English names a
// Spanish table lists as they are.
var exampleNames = []string{"Mountain Integration Retreat", "Thursday KAP Circle", "Open Door Integration Circle", "Integration forum with pinned rules", "Harbor Integration Group", "Riverside Integration Circle", "Ketamine integration forum", "Eastside Integration Group", "Sunday Integration Collective"}

// outputCase is one command run whose every word is read.
type outputCase struct {
	name  string
	args  []string
	stdin string
}

// everyOutput is each command's help and the outputs and error paths the
// other tests reach, in lang.
func everyOutput(t *testing.T, lang string) []outputCase {
	t.Helper()
	var cases []outputCase
	for _, path := range commandPaths(t) {
		cases = append(cases, outputCase{name: "help " + path, args: append(strings.Fields(path), "--help")})
	}
	ex := examplesWithoutNotes(t)
	cases = append(cases,
		outputCase{name: "missing file", args: []string{"score", "missing.yaml"}},
		outputCase{name: "folder", args: []string{"score", "."}},
		outputCase{name: "bad format", args: []string{"score", "--format", "x", ex("strong-kap-circle.yaml")}},
		outputCase{name: "no files", args: []string{"score"}},
		outputCase{name: "unknown command", args: []string{"bogus"}},
		outputCase{name: "unknown flag", args: []string{"score", "--bogus"}},
		outputCase{name: "flag without value", args: []string{"score", "--format"}},
		outputCase{name: "missing argument", args: []string{"checkin"}},
		outputCase{name: "extra arguments", args: []string{"revet", "a", "b"}},
		outputCase{name: "unknown circle", args: []string{"checkin", "zzz", "--felt", "better"}},
		outputCase{name: "bad felt", args: []string{"checkin", "zzz", "--felt", "mal"}},
		outputCase{name: "bad date", args: []string{"checkin", "zzz", "--felt", "better", "--date", "ayer"}},
		outputCase{name: "history unknown", args: []string{"history", "zzz"}},
		outputCase{name: "no vetting", args: []string{"circles", "show", "zzz"}},
		outputCase{name: "circles empty", args: []string{"circles"}},
		outputCase{name: "resume list", args: []string{"resume", "--list"}},
		outputCase{name: "rules missing", args: []string{"score", "--rules", "nowhere", ex("strong-kap-circle.yaml")}},
		outputCase{name: "compare", args: []string{"compare", ex("*.yaml")}},
		outputCase{name: "score", args: []string{"score", ex("attending-should-leave.yaml")}},
		outputCase{name: "score text", args: []string{"score", "--format", "text", ex("red-flag-vendor.yaml")}},
		outputCase{name: "checkin", args: []string{"checkin", "--new", "Jueves", "--date", "2026-11-01"}, stdin: "3\n\n\n\nno\n\n"},
	)
	for i := range cases {
		cases[i].args = append([]string{"--lang", lang}, cases[i].args...)
	}
	return cases
}

// examplesWithoutNotes copies the examples without their notes (a
// person's own words, in English in the examples) and names a copy.
func examplesWithoutNotes(t *testing.T) func(string) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if i := strings.Index(s, "\nnotes:"); i >= 0 {
			rest := s[i+1:]
			end := regexp.MustCompile(`\n[a-z_]+:`).FindStringIndex(rest)
			if end == nil {
				s = s[:i+1]
			} else {
				s = s[:i+1] + rest[end[0]+1:]
			}
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return func(f string) string { return filepath.Join(dir, f) }
}

// sources are the guide's own headings a Spanish reason cites: the guide
// is in English, and its headings are titles.
var sources = regexp.MustCompile(`(Fuente|Source): [^)*]*|\[[^\]]*\]`)

// TestSpanishOutputHasNoEnglish reads every command's output in Spanish:
// each help, each error path, lists and the summaries; an English word
// fails it. TestEnglishOutputHasNoSpanish is the same the other way.
func TestSpanishOutputHasNoEnglish(t *testing.T) { checkOutputWords(t, "es", englishWords) }

func TestEnglishOutputHasNoSpanish(t *testing.T) { checkOutputWords(t, "en", spanishWords) }

func checkOutputWords(t *testing.T, lang string, foreign map[string]bool) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, c := range everyOutput(t, lang) {
		args := c.args
		if i := slicesIndexGlob(args); i >= 0 {
			m, _ := filepath.Glob(args[i])
			args = append(append(append([]string{}, args[:i]...), m...), args[i+1:]...)
		}
		var out, errb bytes.Buffer
		e := env{stdin: strings.NewReader(c.stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		run(context.Background(), e, args)
		text := out.String() + "\n" + errb.String()
		if strings.TrimSpace(text) == "" {
			t.Errorf("%s %s: no output", lang, c.name)
		}
		for _, line := range strings.Split(text, "\n") {
			for _, w := range readable(line, exampleNames...) {
				if foreign[w] {
					t.Errorf("%s %s: %q in %q", lang, c.name, w, line)
					break
				}
			}
		}
	}
}

func slicesIndexGlob(args []string) int {
	for i, a := range args {
		if strings.Contains(a, "*") {
			return i
		}
	}
	return -1
}

// TestCompletionsInTheLanguage: the shell's completions describe each
// command in the chosen language (they are the catalog's words too).
func TestCompletionsInTheLanguage(t *testing.T) {
	for lang, want := range map[string]string{"en": "checkin\tRecord a session of a circle you attend", "es": "checkin\tAnote una sesión de un círculo al que asiste"} {
		code, out, errs := runCLI(t, "", "--lang", lang, "__complete", "")
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, completions lack %q:\n%s%s", lang, code, want, out, errs)
		}
	}
}

// TestFileErrorsInSpanish: a failed save is said in the reader's
// language, path as it is: fileio's one table, the catalog's words.
func TestFileErrorsInSpanish(t *testing.T) {
	es, err := rules.ForLanguage("es")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "no-such-folder")
	ferr := fileio.WriteNew(filepath.Join(dir, "a.md"), []byte("x"))
	if ferr == nil {
		t.Fatal("saving into a folder that does not exist worked")
	}
	got := msg.Say(es, ferr)
	if want := "guardar " + filepath.Join(dir, "a.md") + ": la carpeta " + dir + " no existe"; got != want {
		t.Errorf("Spanish: %q, want %q", got, want)
	}
	if en := ferr.Error(); !strings.Contains(en, "the folder "+dir+" does not exist") {
		t.Errorf("English: %q", en)
	}
}

// TestSaveReasonsInSpanish: the reason the walkthrough's save and draft
// lines give (fileio.ExplainIn) is in the screen's language, for this
// package's errors and the system's own.
func TestSaveReasonsInSpanish(t *testing.T) {
	es, err := rules.ForLanguage("es")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "no-such-folder")
	ferr := fileio.WriteNew(filepath.Join(dir, "a.md"), []byte("x"))
	_, readErr := os.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	for _, e := range []error{ferr, readErr, &fs.PathError{Op: "write", Path: "p", Err: syscall.ENOSPC}} {
		got := fileio.ExplainIn(es, e)
		if got == "" || got == fileio.Explain(e) {
			t.Errorf("%v: %q is not in Spanish", e, got)
		}
	}
	if got := fileio.ExplainIn(es, ferr); !strings.Contains(got, "no existe") {
		t.Errorf("a missing folder: %q", got)
	}
}
