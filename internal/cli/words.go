package cli

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// Commands and flags carry no prose of their own: their descriptions are
// the pack's text (rules/cli.yaml and its translations), set on the built
// command tree in the language chosen, just before help, completions or
// the man page read them. Commands that only run never pay for it.

// cmdKey is the catalog key of a command's text: "cmd.root" for vetcircle
// itself, "cmd.circles.add" for "vetcircle circles add".
func cmdKey(c *cobra.Command) string {
	if !c.HasParent() {
		return "cmd.root"
	}
	path := strings.Fields(c.CommandPath())[1:]
	return "cmd." + strings.Join(path, ".")
}

// flagKey is the catalog key of a flag's text on command c: the command's
// own "cmd.<path>.flag.<name>" when the pack has it, else "flag.<name>",
// shared by every command that takes the flag.
func flagKey(p *checklist.Pack, c *cobra.Command, name string) string {
	own := cmdKey(c) + ".flag." + name
	if _, ok := p.Text[own]; ok {
		return own
	}
	return "flag." + name
}

// localize sets every command's Short and Long and every flag's usage
// from the pack, over the whole tree under c. A missing key shows as
// "[key]" (see Pack.T), and TestEveryCommandHasItsWords fails on it.
func localize(c *cobra.Command, p *checklist.Pack) {
	c.InitDefaultHelpFlag()
	key := cmdKey(c)
	c.Short = p.T(key + ".short")
	if long, ok := p.Text[key+".long"]; ok {
		c.Long = long
	} else {
		c.Long = ""
	}
	set := func(f *pflag.Flag) {
		k := flagKey(p, c, f.Name)
		f.Usage = p.Tf(k, "command", c.CommandPath(), "languages", strings.Join(rules.Languages(), " "+p.T("cond.or")+" "))
	}
	c.LocalFlags().VisitAll(set)
	for _, sub := range c.Commands() {
		localize(sub, p)
	}
}

// wantsWords reports whether the arguments ask for the command tree's
// words: help, completions (whose descriptions are the commands' and
// flags' texts), the man page, or a group of commands given no command.
func wantsWords(root *cobra.Command, args []string) bool {
	if _, ok := helpRequest(root, args); ok {
		return true
	}
	if first := firstWord(args); first != "" {
		switch first {
		case "man", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return true // added as the command line runs: Find does not know them yet
		}
	}
	c, _, err := root.Find(args)
	if err != nil || c == nil {
		return false
	}
	for p := c; p != nil; p = p.Parent() {
		switch p.Name() {
		case "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd, "man":
			return true
		}
	}
	return !c.Runnable() && c.HasSubCommands()
}

// placeholder matches the words a usage line or a flag shows in capitals
// for what the user types (FILE, CIRCLE, NEW-NAME) and cobra's "[flags]".
var placeholder = regexp.MustCompile(`\[flags\]|\b[A-Z][A-Z-]*[A-Z]\b`)

// placeholders reads the pack's help.placeholders ("FILE=ARCHIVO, ...").
func placeholders(p *checklist.Pack) map[string]string {
	m := map[string]string{}
	for _, pair := range strings.Split(p.T("help.placeholders"), ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(pair), "="); ok {
			m[k] = v
		}
	}
	return m
}

// sayPlaceholders puts a usage line's or a flag's capitals in the pack's
// language (CIRCLE, [flags] → CÍRCULO, [opciones]); a word the pack does
// not name stays as it is (an ID or a name such as FHIR).
func sayPlaceholders(s string, p *checklist.Pack) string {
	m := placeholders(p)
	return placeholder.ReplaceAllStringFunc(s, func(w string) string {
		if v, ok := m[w]; ok {
			return v
		}
		return w
	})
}

// useLine is c's usage line in the pack's language.
func useLine(c *cobra.Command, p *checklist.Pack) string {
	return sayPlaceholders(c.UseLine(), p)
}

// words is the pack in the language the command chose, for messages: the
// chosen language once the command runs, else the locale's.
func (e env) words() *checklist.Pack {
	if e.lang != "" {
		if p, err := rules.ForLanguage(e.lang); err == nil {
			return p
		}
	}
	return packFor(e, "")
}

// wordsFor is words for a run of args: before the command chose (a bad
// flag, an unknown command), --lang as the arguments give it.
func (e env) wordsFor(args []string) *checklist.Pack {
	if e.lang != "" {
		return e.words()
	}
	return packFor(e, langFromArgs(args))
}

// flagWords reads pflag's complaints, which it makes only in English.
var flagWords = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown flag: (--\S+)$`), "cli.flag.unknown"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in`), "cli.flag.unknown-short"},
	{regexp.MustCompile(`^flag needs an argument: (?:'(.)' in -\S+|(--\S+))$`), "cli.flag.needs-value"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.+)" flag`), "cli.flag.invalid"},
}

// flagError says a flag error in the catalog's words, naming the flag
// and the command; an error pflag words otherwise stays as it is.
func flagError(cmd *cobra.Command, err error) error {
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	for _, f := range flagWords {
		m := f.re.FindStringSubmatch(err.Error())
		if m == nil {
			continue
		}
		switch f.key {
		case "cli.flag.unknown":
			return msg.Wrap(err, f.key, "flag", textclean.CleanLine(m[1]), "command", cmd.CommandPath())
		case "cli.flag.unknown-short":
			return msg.Wrap(err, "cli.flag.unknown", "flag", "-"+textclean.CleanLine(m[1]), "command", cmd.CommandPath())
		case "cli.flag.needs-value":
			flag := m[2]
			if m[1] != "" {
				flag = "-" + m[1]
			}
			return msg.Wrap(err, f.key, "flag", flag, "command", name)
		case "cli.flag.invalid":
			return msg.Wrap(err, f.key, "flag", m[2], "value", strconv.Quote(textclean.CleanLine(m[1])))
		}
	}
	return err
}

// firstWord is the first argument that is not a flag (nor --lang's value).
func firstWord(args []string) string {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--"+langFlag:
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return a
		}
	}
	return ""
}
