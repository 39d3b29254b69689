// Package cli builds vetcircle's command line with cobra and fang: the
// walkthrough (no arguments), score, compare, questions, the register's
// commands (circles, checkin, history, revet), resume and rules check.
// Every command starts with one preamble (prepare, in preamble.go): its
// --format checked against what it takes, the language decided once
// (--lang, else the locale, else English) and carried in the command's
// environment, the rule pack (--rules, on every command that reads it),
// and the register and drafts folders (internal/places says where).
// Commands then call the front ends (ui, accessible) and the core, and map
// errors to exit codes; they hold no rule logic.
//
// Layers: cmd → cli → front ends → core → domain → leaves
// (internal/layers tests it).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = ""

// Exit codes.
const (
	ExitOK       = 0
	ExitFailure  = 1 // something went wrong that is not the input's fault
	ExitBadInput = 2 // a bad file, flag or argument: one line on stderr says which
	// ExitKeptOutputLost: a check-in or vetting was kept in the register,
	// but what the command then printed could not be written (a full disk,
	// a closed pipe). stderr names the file kept: do not record it again.
	ExitKeptOutputLost = 3
)

// version is the -ldflags version, else what the Go toolchain stamped into
// the binary (module version and VCS revision), never an empty string.
func version() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 && !strings.Contains(v, s.Value[:12]) {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}

// inputError marks errors caused by what the user gave us.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// Tell says the error in c's language.
func (e inputError) Tell(c msg.Catalog) string { return msg.Say(c, e.err) }

func badInput(err error) error { return inputError{err} }

// langFlag chooses the built-in rules' language.
const langFlag = "lang"

// env is what commands need from the outside world, so tests can supply it.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// isTTY reports whether stdout is a terminal (styled output) or not (plain).
	isTTY bool
	// stdinTTY reports whether stdin is a terminal; without one the
	// walkthrough runs in accessible (line prompt) mode.
	stdinTTY bool
	// getenv reads the environment; nil means an empty one (tests).
	getenv func(string) string
	// width is the terminal's width when stdout is one; 0 otherwise.
	width int
	// resume continues a draft in the walkthrough; nil is the real one.
	resume resumeFunc
	// lang is the command's language (--lang, else the locale, else
	// English) and registerDir its --register, both decided by prepare
	// at the top of the command; "" before.
	lang        string
	registerDir string
	// forAlias is the walkthrough's --for: whose private record keeps the
	// person's part of a vetting kept in the register ("": the user's own),
	// read with the command's other flags at the top of the walkthrough.
	forAlias string
	// kept lists the files this run kept in the register.
	kept *[]string
}

// outWriter passes writes on and keeps the first error, so that a command
// that wrote nothing because its output was closed or full fails loudly.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// describeWriteError says in c's words why standard output took nothing.
func describeWriteError(c msg.Catalog, err error) string {
	if key := string(fileio.KindOf(err)) + "/output"; fileioHas(key) {
		return c.Tf("file." + key)
	}
	return textclean.CleanLine(err.Error())
}

// fileioHas reports whether fileio's one table names key; the words
// themselves are the catalog's (file.<key>).
func fileioHas(key string) bool {
	_, ok := fileio.Words(key)
	return ok
}

// env reads a variable; an env without getenv (tests) is empty.
func (e env) env(k string) string {
	if e.getenv == nil {
		return ""
	}
	return e.getenv(k)
}

// Main runs the command line and returns the process exit code.
func Main(args []string) int {
	ignoreSIGPIPE()
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, isTTY: isTerminal(os.Stdout), stdinTTY: isTerminal(os.Stdin), getenv: os.Getenv}
	if e.isTTY {
		e.width, _, _ = term.GetSize(os.Stdout.Fd())
	}
	return run(context.Background(), e, args)
}

func run(ctx context.Context, e env, args []string) int {
	// Output that is the command's result (score, compare, rules check,
	// questions, --version, help, completions, man) goes through out, which
	// remembers the first failed write: to a full disk, /dev/full, a closed
	// pipe or a closed standard output, the command must not exit 0.
	out := &outWriter{w: e.stdout}
	if e.kept == nil {
		e.kept = new([]string)
	}
	root := newRoot(e, out)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(out)
	root.SetErr(e.stderr)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	if wantsWords(root, args) {
		root.Version = version()
		root.InitDefaultVersionFlag()
		localize(root, packFor(e, langFromArgs(args)))
	}
	// Errors are printed here, not by fang: fang's error path first asks
	// the terminal for its background colour, which stalls for seconds on
	// a terminal that never answers. A command's failure is recorded and
	// the command "succeeds" as far as fang is concerned.
	if c, ok := helpRequest(root, args); ok {
		return printHelp(e, out, root, c, args)
	}
	var failure error
	catchErrors(root, e, func(err error) {
		if failure == nil {
			failure = err
		}
	})
	err := fang.Execute(ctx, root, fang.WithVersion(version()), fang.WithErrorHandler(func(w io.Writer, st fang.Styles, err error) {
		if out.err == nil { // else one line below says the output is lost
			errorHandler(w, st, err)
		}
	}))
	if err == nil {
		err = failure
	}
	if out.err != nil {
		// Whatever else went wrong, the output is lost: say that, once.
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.wordsFor(args).Tf("cli.output-lost", "reason", describeWriteError(e.wordsFor(args), out.err)))
		if len(*e.kept) > 0 {
			for _, k := range *e.kept {
				fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.wordsFor(args).Tf("cli.kept-anyway", "path", displayName(k)))
			}
			return ExitKeptOutputLost
		}
		return ExitFailure
	}
	if err == nil {
		return ExitOK
	}
	if failure != nil {
		printProblems(e.stderr, e.wordsFor(args), err)
	}
	var ie inputError
	if errors.As(err, &ie) || isUsageError(err) {
		return ExitBadInput
	}
	return ExitFailure
}

// printHelp prints c's help (see help.go) and returns the exit code.
func printHelp(e env, out *outWriter, root, c *cobra.Command, args []string) int {
	root.Version = version()
	root.InitDefaultVersionFlag()
	c.InitDefaultHelpFlag()
	_ = writeHelp(out, e, c, helpPack(e, args), helpWidth(e))
	if out.err != nil {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.wordsFor(args).Tf("cli.output-lost", "reason", describeWriteError(e.wordsFor(args), out.err)))
		return ExitFailure
	}
	return ExitOK
}

// catchErrors makes every command report its errors (bad flags, bad
// arguments, failures) to report and return nil to cobra.
func catchErrors(c *cobra.Command, e env, report func(error)) {
	if !c.Runnable() && c.HasSubCommands() {
		// A group of commands ("rules", "circles" without one of its
		// own): its help, and a word on an unknown command, rather than
		// cobra's help through fang with exit 0.
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("unknown command %q for %q", args[0], cmd.CommandPath()) // cobra's words: argsError says them anew
			}
			return nil
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error {
			return writeHelp(cmd.OutOrStdout(), e, cmd, packFor(e, cmd.Flag(langFlag).Value.String()), helpWidth(e))
		}
	}
	c.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		report(badInput(flagError(cmd, err)))
		return nil
	})
	if validate := c.Args; validate != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := validate(cmd, args); err != nil {
				report(badInput(argsError(e, cmd, args, err)))
				cmd.RunE = func(*cobra.Command, []string) error { return nil }
			}
			return nil
		}
	}
	if runE := c.RunE; runE != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if err := runE(cmd, args); err != nil {
				report(err)
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		catchErrors(sub, e, report)
	}
}

// errorHandler prints one plain line per error: no banners, no stack, so a
// script or a person can read it at a glance. Only errors that escape
// catchErrors (there should be none) reach it.
func errorHandler(w io.Writer, _ fang.Styles, err error) {
	printProblems(w, msg.Default(), err)
}

// isUsageError recognises cobra's own complaints about flags and arguments.
func isUsageError(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand", "unknown command", "accepts ", "requires at least", "invalid argument", "flag needs an argument", "requires exactly"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func newRoot(e env, out io.Writer) *cobra.Command {
	// Commands whose standard output is their result write through out.
	re := e
	re.stdout = out
	root := &cobra.Command{
		Use:  "vetcircle",
		Args: cobra.NoArgs,
		// A --lang we lack is refused before any command runs, even one
		// that reads no pack; each command's preamble (prepare) then
		// decides its language once and carries it in its cmdEnv.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			flag, _ := cmd.Flags().GetString(langFlag)
			if _, err := rules.Choose(flag, func(string) string { return "" }); err != nil {
				return badInput(err)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, drafts: true})
			if err != nil {
				return err
			}
			if ce.forAlias, _ = cmd.Flags().GetString(forFlag); ce.forAlias != "" {
				if err := people.CheckAlias(ce.forAlias); err != nil {
					return badInput(err)
				}
			}
			if m := accessibleMode(cmd, e); m.on {
				return runAccessible(cmd, ce, m)
			}
			return runWalkthrough(cmd, ce)
		},
	}
	addPackFlags(root)
	addAccessibleFlag(root)
	addNoDraftFlag(root)
	addRegisterFlag(root)
	addForFlag(root, new(string))
	root.PersistentFlags().String(langFlag, "", "")
	root.AddCommand(newScoreCmd(re), newRulesCmd(re), newQuestionsCmd(re), newCompareCmd(re), newResumeCmd(e),
		newCheckinCmd(re), newHistoryCmd(re), newCirclesCmd(re), newRevetCmd(e), newReferralCmd(re))
	root.AddCommand(addPackFlags(newHandoutCmd(re)))
	return root
}
