package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// Help is printed by vetcircle itself rather than by fang, whose help is
// as wide as 120 columns when piped, never wraps a command's or a flag's
// description, and cuts words where the terminal wraps them. This one fits
// the terminal (80 columns when piped), wraps at word boundaries with a
// hanging indent, and takes its headings from the pack, so it follows the
// language like everything else.

// helpWidth is the width help is laid out for: the terminal's, at most 100
// so lines stay readable, or 80 when the output is not a terminal.
func helpWidth(e env) int {
	if e.isTTY && e.width > 0 {
		return max(min(e.width, 100), 30)
	}
	return 80
}

// helpRequest reports the command whose help the arguments ask for:
// -h or --help anywhere before "--", or "help [command]".
func helpRequest(root *cobra.Command, args []string) (*cobra.Command, bool) {
	if len(args) > 0 && args[0] == "help" {
		c, _, err := root.Find(args[1:])
		if err != nil || c == nil {
			c = root
		}
		return c, true
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--help" || a == "--help=true" {
			c, _, err := root.Find(args)
			if err != nil || c == nil {
				c = root
			}
			return c, true
		}
	}
	return nil, false
}

// langFromArgs is --lang's value in args, read before cobra parses them.
func langFromArgs(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--"+langFlag+"="); ok {
			return v
		}
		if a == "--"+langFlag && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// helpPack is the built-in pack in the language the arguments and the
// locale ask for.
func helpPack(e env, args []string) *checklist.Pack { return packFor(e, langFromArgs(args)) }

// packFor is the built-in pack for a --lang value and the locale, before
// cobra runs the command that would choose it (help and argument errors
// come first). A --lang we lack gives the locale's language, as if no
// --lang were given: the help still prints, and the command itself says
// what is wrong with --lang.
func packFor(e env, flag string) *checklist.Pack {
	lang, err := rules.Choose(flag, e.env)
	if err != nil {
		lang, _ = rules.Choose("", e.env)
	}
	p, err := rules.ForLanguage(lang)
	if err != nil {
		p, _ = rules.ForLanguage(rules.Languages()[0])
	}
	return p
}

// helpStyles are the help's few styles; plain text when not styled.
type helpStyles struct {
	heading, name, key, faint lipgloss.Style
}

func newHelpStyles() helpStyles {
	return helpStyles{
		heading: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#A78BFA")),
		name:    lipgloss.NewStyle().Bold(true),
		key:     lipgloss.NewStyle().Foreground(lipgloss.Color("#5EEAD4")),
		faint:   lipgloss.NewStyle().Faint(true),
	}
}

// writeHelp prints c's help to w, laid out for width columns: the
// description, the usage line, the commands, the flags and the flags every
// command takes. Styles are downsampled to what w's terminal shows (none
// when piped or under NO_COLOR).
func writeHelp(w io.Writer, e env, c *cobra.Command, p *checklist.Pack, width int) error {
	var b strings.Builder
	st := newHelpStyles()
	indent := func(n int, s string) string {
		pad := strings.Repeat(" ", n)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
		return strings.Join(lines, "\n")
	}
	para := func(s string) {
		// The description's own line breaks are kept as paragraphs; each
		// is wrapped anew for this width.
		for i, p := range strings.Split(strings.Trim(s, "\n"), "\n\n") {
			if i > 0 {
				b.WriteString("\n")
			}
			if preformatted(p) {
				// A command to copy ("\tsource <(vetcircle completion
				// bash)") keeps its lines.
				for _, l := range strings.Split(strings.ReplaceAll(p, "\t", "    "), "\n") {
					b.WriteString(indent(2, reflow(l, width-2)) + "\n")
				}
				continue
			}
			b.WriteString(indent(2, wordWrap(strings.Join(strings.Fields(p), " "), width-2)) + "\n")
		}
	}
	heading := func(key string) {
		b.WriteString("\n" + indent(2, st.heading.Render(p.T(key))) + "\n\n")
	}
	b.WriteString("\n")
	para(cmpOr(c.Long, c.Short))

	heading("help.usage")
	b.WriteString(indent(4, wordWrap(useLine(c, p), width-4)) + "\n")
	if c.HasAvailableSubCommands() {
		b.WriteString(indent(4, st.faint.Render(wordWrap(c.CommandPath()+" "+p.T("help.command-help"), width-4))) + "\n")
	}

	if c.Example != "" {
		heading("help.examples")
		for _, ex := range strings.Split(strings.TrimSpace(c.Example), "\n") {
			b.WriteString(indent(4, shellWrap(strings.TrimSpace(ex), width-4)) + "\n")
		}
	}

	var cmds [][2]string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() || sub.Name() == "help" {
			cmds = append(cmds, [2]string{sub.Name(), sub.Short})
		}
	}
	if len(cmds) > 0 {
		heading("help.commands")
		b.WriteString(twoColumns(cmds, width, st))
	}
	if rows := flagRows(c.LocalFlags(), p); len(rows) > 0 {
		heading("help.flags")
		b.WriteString(twoColumns(rows, width, st))
	}
	if rows := flagRows(c.InheritedFlags(), p); len(rows) > 0 {
		heading("help.global-flags")
		b.WriteString(twoColumns(rows, width, st))
	}
	b.WriteString("\n")
	cw := &colorprofile.Writer{Forward: w, Profile: colorprofile.NoTTY}
	if e.isTTY && e.env("NO_COLOR") == "" {
		cw = colorprofile.NewWriter(w, environ(e))
	}
	_, err := io.WriteString(cw, b.String())
	return err
}

// environ is the environment colorprofile reads, from env's getenv.
func environ(e env) []string {
	if e.getenv == nil {
		return nil
	}
	var out []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM"} {
		if v := e.env(k); v != "" {
			out = append(out, k+"="+v)
		}
	}
	if len(out) == 0 {
		return os.Environ()
	}
	return out
}

// flagRows lists flags as "--name, -n" and their usage, with a default
// worth saying; hidden flags are left out.
func flagRows(fs *pflag.FlagSet, p *checklist.Pack) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name := "--" + f.Name
		if f.Shorthand != "" {
			name = "-" + f.Shorthand + ", " + name
		}
		if f.Value.Type() != "bool" {
			name += " " + sayPlaceholders(strings.ToUpper(f.Name), p) // --date DATE: the flag takes a value
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" && !strings.Contains(usage, d) {
			usage += " " + p.Tf("help.default", "value", d)
		}
		rows = append(rows, [2]string{name, usage})
	})
	return rows
}

// twoColumns lays rows out as a key column and a description wrapped
// beside it with a hanging indent; a key too long for its column puts the
// description on the next line.
func twoColumns(rows [][2]string, width int, st helpStyles) string {
	const lead, gap = 4, 2
	col := 0
	for _, r := range rows {
		col = max(col, ansi.StringWidth(r[0]))
	}
	col = min(col, max(width/3, 12))
	descW := max(width-lead-col-gap, 20)
	var b strings.Builder
	for _, r := range rows {
		key := st.key.Render(r[0])
		desc := strings.Split(wordWrap(r[1], descW), "\n")
		pad := strings.Repeat(" ", lead+col+gap)
		if ansi.StringWidth(r[0]) > col {
			b.WriteString(strings.Repeat(" ", lead) + key + "\n")
		} else {
			b.WriteString(strings.Repeat(" ", lead) + key + strings.Repeat(" ", col-ansi.StringWidth(r[0])+gap) + desc[0] + "\n")
			desc = desc[1:]
		}
		for _, d := range desc {
			b.WriteString(pad + d + "\n")
		}
	}
	return b.String()
}

// wordWrap fills lines of at most width columns, breaking only at spaces:
// a word longer than a line ("re-vet", a file path) is kept whole, on a
// line of its own if need be.
func wordWrap(s string, width int) string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	return strings.Join(append(lines, cur), "\n")
}

// reflow fits one preformatted line into width: a two-column line wraps
// its second column with a hanging indent, a command line wraps with a
// shell continuation, anything else wraps at its own indent.
func reflow(l string, width int) string {
	if ansi.StringWidth(l) <= width {
		return l
	}
	text := strings.TrimLeft(l, " ")
	lead := len(l) - len(text)
	pad := strings.Repeat(" ", lead)
	if i := strings.Index(text, "   "); i > 0 {
		at := lead + i + len(text[i:]) - len(strings.TrimLeft(text[i:], " ")) // bytes
		col := ansi.StringWidth(l[:at])                                       // columns: "NÚMERO" is 6
		if width-col >= 20 {
			lines := strings.Split(wordWrap(l[at:], width-col), "\n")
			out := l[:at] + lines[0]
			for _, r := range lines[1:] {
				out += "\n" + strings.Repeat(" ", col) + r
			}
			return out
		}
	}
	if strings.HasPrefix(text, "vetcircle ") {
		return pad + strings.ReplaceAll(shellWrap(text, width-lead), "\n", "\n"+pad)
	}
	return pad + strings.ReplaceAll(wordWrap(text, width-lead), "\n", "\n"+pad)
}

// preformatted reports whether a paragraph holds indented lines, such as
// commands to copy, which are kept as written.
func preformatted(p string) bool {
	for _, l := range strings.Split(p, "\n") {
		if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "  ") {
			return true
		}
	}
	return false
}

// shellWrap wraps a command line at spaces with a shell continuation
// ("\\" at the end of a line), so an example still runs as printed.
func shellWrap(line string, width int) string {
	if ansi.StringWidth(line) <= width {
		return line
	}
	var out []string
	cur := ""
	for _, word := range shellWords(line) {
		if cur != "" && ansi.StringWidth(cur)+1+ansi.StringWidth(word)+2 > width {
			out = append(out, cur+" \\")
			cur = "  " + word
			continue
		}
		if cur == "" {
			cur = word
		} else {
			cur += " " + word
		}
	}
	return strings.Join(append(out, cur), "\n")
}

// shellWords splits a command line at spaces outside quotes, keeping the
// quotes: a quoted name is never broken across lines.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	quote := rune(0)
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ':
			if cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// argsError says in plain words what is wrong with a command's arguments,
// with its usage line, in place of cobra's "accepts 1 arg(s), received 0".
func argsError(e env, cmd *cobra.Command, args []string, err error) error {
	p := packFor(e, cmd.Flag(langFlag).Value.String())
	usage := p.Tf("cli.args.usage", "usage", useLine(cmd, p))
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	var want, got int
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "unknown command") && !cmd.HasSubCommands():
		return fmt.Errorf("%s %s", p.Tf("cli.args.none", "command", name, "arg", textclean.CleanLine(args[0])), usage)
	case strings.HasPrefix(msg, "unknown command"):
		return fmt.Errorf("%s %s", p.Tf("cli.args.unknown", "command", name, "arg", textclean.CleanLine(args[0])), usage)
	case scan(msg, "accepts %d arg(s), received %d", &want, &got), scan(msg, "requires at least %d arg(s), only received %d", &want, &got):
		if got < want {
			return fmt.Errorf("%s %s", p.Tf("cli.args.missing", "command", name, "arg", sayPlaceholders(useArg(cmd), p)), usage)
		}
		return fmt.Errorf("%s %s", p.Tf("cli.args.extra", "command", name, "n", strconv.Itoa(want), "got", strconv.Itoa(got)), usage)
	}
	return fmt.Errorf("%s %s", textclean.CleanLine(msg), usage)
}

// useArg is the first argument a command's usage names ("CIRCLE" in
// "checkin CIRCLE [--felt ...]").
func useArg(cmd *cobra.Command) string {
	fields := strings.Fields(cmd.Use)
	if len(fields) > 1 {
		return strings.Trim(fields[1], "[]")
	}
	return "?"
}

// scan reports whether s reads as format, filling args.
func scan(s, format string, args ...any) bool {
	n, err := fmt.Sscanf(s, format, args...)
	return err == nil && n == len(args)
}
