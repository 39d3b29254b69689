package cli

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/ui"
)

// resumeFunc continues a draft in the interactive walkthrough
// (resumeInWalkthrough; tests give env one of their own).
//
// It receives the pack the draft was loaded with (--rules); the store and
// the draft, so that it saves every change to d.Path (an intake.Autosaver
// continuing d, as intake.Options.Drafts: one write at a time, newest state
// wins) and removes the draft once the answers are saved; d.Answers with
// ResumeAt set to the place to continue from (intake.Options.Answers); and
// the warnings for answers kept from other rules, to show before the first
// screen. d is always a file in store: a user's own answers file is
// copied into a new draft first and never rewritten.
type resumeFunc func(cmd *cobra.Command, e env, p *checklist.Pack, store draft.Store, d *draft.Draft, warnings checklist.Errors) error

// resumer is how env continues a draft.
func (e env) resumer() resumeFunc {
	if e.resume != nil {
		return e.resume
	}
	return resumeInWalkthrough
}

type resumeOptions struct {
	list bool
}

func newResumeCmd(e env) *cobra.Command {
	var o resumeOptions
	cmd := &cobra.Command{
		Use:   "resume [--list] [FILTER | NUMBER | FILE]",
		Short: "List drafts and continue one where it stopped",
		Long: `Every answer given in the walkthrough is saved at once to a draft, so
nothing is lost when a call drops or the terminal closes.

  vetcircle resume --list [FILTER]   list drafts, newest first: circle, when,
                                     how complete, file; FILTER keeps those
                                     whose circle or file name contains it
  vetcircle resume NUMBER            continue the draft at that place in the list
  vetcircle resume FILTER            continue the one draft that matches
  vetcircle resume FILE              continue from a draft or answers file
                                     (an answers file of yours is copied into a
                                     new draft and left as it is)

Drafts live in $XDG_STATE_HOME/vetcircle/drafts (by default
~/.local/state/vetcircle/drafts; on macOS ~/Library/Application
Support/vetcircle/drafts, on Windows %LocalAppData%\vetcircle\drafts),
files 0600 in a folder 0700. A draft is an
answers file: vetcircle score reads it. A draft made under older rules still
loads: answers the rules no longer know are reported and kept in the file.

Without a terminal, resume only lists.`,
		Example: `  vetcircle resume --list
  vetcircle resume --list thursday
  vetcircle resume 1
  vetcircle resume ~/.local/state/vetcircle/drafts/20261124-203001-thursday-kap-circle.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			arg := ""
			if len(args) == 1 {
				arg = args[0]
			}
			ce, err := prepare(cmd, e, needs{pack: true, drafts: true, readsDrafts: true})
			if err != nil {
				return err
			}
			return runResume(cmd, ce, o, arg)
		},
	}
	cmd.Flags().BoolVarP(&o.list, "list", "l", false, "only list drafts (FILTER keeps the matching ones)")
	return addPackFlags(cmd)
}

func runResume(cmd *cobra.Command, ce cmdEnv, o resumeOptions, arg string) error {
	e, p, store := ce.env, ce.pack, ce.drafts
	interactive := e.isTTY && e.stdinTTY

	if !o.list && isFileArg(arg) {
		return resumeFile(cmd, e, p, store, arg, interactive)
	}

	all, err := store.List(p)
	if err != nil {
		return err
	}
	infos := all
	if n, ok := listIndex(arg, len(all)); ok && !o.list {
		infos = all[n-1 : n]
	} else {
		infos = draft.Filter(all, arg)
	}

	if !o.list && interactive && len(infos) > 1 {
		// Several match: pick one, as the walkthrough offers them.
		switch i, err := pickDraft(e, p, infos); {
		case err != nil:
			return err
		case i >= 0:
			return resumeFile(cmd, e, p, store, infos[i].Path, interactive)
		case i == ui.PickNew:
			return runWalkthrough(cmd, ce)
		}
		return nil
	}
	if o.list || !interactive || len(infos) != 1 {
		// The list is the command's output: one that cannot be written (a
		// full disk, a closed pipe) is a failure, not an exit 0.
		ow := &outWriter{w: e.stdout}
		le := e
		le.stdout = ow
		printDrafts(le, p, store, all, infos, arg)
		if ow.err != nil {
			return fmt.Errorf("cannot write the list of drafts: %s", describeWriteError(ow.err))
		}
		switch {
		case o.list || len(infos) == 0:
		case !interactive:
			fmt.Fprintln(e.stderr, "vetcircle: continuing a draft needs a terminal; run vetcircle resume FILE in one")
		default:
			fmt.Fprintln(e.stderr, "vetcircle: several drafts match; give its number or a FILTER that matches only one")
		}
		return nil
	}
	return resumeFile(cmd, e, p, store, infos[0].Path, interactive)
}

// isFileArg tells a file from a filter: an existing file, a path, or a
// name ending in .yaml or .yml.
func isFileArg(arg string) bool {
	if arg == "" {
		return false
	}
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return true
	}
	return strings.ContainsRune(arg, os.PathSeparator) || strings.ContainsRune(arg, '/') ||
		strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml")
}

// listIndex reads a 1-based position in the list of drafts.
func listIndex(arg string, n int) (int, bool) {
	i, err := strconv.Atoi(arg)
	if err != nil || i < 1 || i > n {
		return 0, false
	}
	return i, true
}

// resumeFile loads a draft (or answers file) leniently, reports what it
// holds and any answers kept from other rules, and continues it in the
// walkthrough when there is one and a terminal to run it on.
func resumeFile(cmd *cobra.Command, e env, p *checklist.Pack, store draft.Store, path string, interactive bool) error {
	if _, err := os.Stat(path); err != nil {
		return badInput(describeOpenError(path, err))
	}
	d, warnings, err := draft.Load(p, path)
	if err != nil {
		return badInput(err)
	}
	printWarnings(e, warnings)
	r := report.Build(p, d.Answers, report.Options{})
	name := r.Name
	if name == "" {
		name = p.T("summary.circle")
	}
	fmt.Fprintf(e.stdout, "%s: %s, %d%% answered, saved %s", displayName(path), name, r.Trace.Completeness, when(d.Updated))
	if q := p.Question(d.Answers.ResumeAt); q != nil {
		fmt.Fprintf(e.stdout, ", stopped at %s (%s)", textclean.CleanLine(q.Label), q.ID)
	} else if d.Answers.ResumeAt == checklist.ResumeReview {
		fmt.Fprintf(e.stdout, ", stopped at %s", p.T("ui.review.title"))
	}
	fmt.Fprintln(e.stdout)

	if !interactive {
		fmt.Fprintln(e.stderr, "vetcircle: continuing a draft needs a terminal; run vetcircle resume FILE in one")
		return nil
	}
	if store.Contains(path) && !draftsOff(cmd) {
		lock, err := draft.TryLock(path)
		switch {
		case errors.Is(err, draft.ErrLocked):
			choice, err := askWhenLocked(e, path)
			if err != nil {
				return err
			}
			switch choice {
			case lockedQuit:
				return nil
			case lockedReadOnly:
				// The answers stay in this window's memory; the draft is
				// the other window's. The summary can still be saved.
				if err := cmd.Flags().Set(noDraftFlag, "true"); err != nil {
					return err
				}
			case lockedCopy:
				copied, err := store.Create(p, d.Answers, time.Now())
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Continuing in a copy, %s; the other window keeps %s.\n", displayName(copied.Path), displayName(path))
				d = copied
				if l, err := draft.TryLock(d.Path); err == nil {
					defer l.Unlock()
				}
			}
		case err != nil:
			fmt.Fprintf(e.stderr, "vetcircle: warning: the draft cannot be locked (%s); a second window on it could overwrite its answers\n", textclean.CleanLine(err.Error()))
		default:
			defer lock.Unlock()
		}
		return e.resumer()(cmd, e, p, store, d, warnings)
	}
	if !store.Contains(path) && !draftsOff(cmd) {
		// Never rewrite a file of the user's: continue in a copy. With
		// --no-draft nothing is copied: the answers stay in memory.
		copied, err := store.Create(p, d.Answers, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Continuing in a new draft, %s; %s is left as it is.\n", displayName(copied.Path), displayName(path))
		d = copied
	}
	return e.resumer()(cmd, e, p, store, d, warnings)
}

// printDrafts lists drafts, numbered by their place in the full list so a
// number stays valid whatever the filter, and prints the warnings of any
// draft that holds answers from other rules.
func printDrafts(e env, p *checklist.Pack, store draft.Store, all, shown []draft.Info, filter string) {
	if len(shown) == 0 {
		if len(all) == 0 {
			fmt.Fprintf(e.stdout, "No drafts in %s.\n", displayName(store.Dir))
		} else {
			fmt.Fprintf(e.stdout, "No draft in %s matches %q.\n", displayName(store.Dir), filter)
		}
		return
	}
	pos := make(map[string]int, len(all))
	for i, in := range all {
		pos[in.Path] = i + 1
	}
	fmt.Fprintf(e.stdout, "Drafts in %s, newest first:\n\n", displayName(store.Dir))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, in := range shown {
		if in.Err != nil {
			fmt.Fprintf(tw, "%d.\t%s\t%s\t%s\t%s\n", pos[in.Path], "(cannot be read)", when(in.Updated), "", displayName(in.Path))
			continue
		}
		name := textclean.CleanLine(in.Name)
		if name == "" {
			name = p.T("summary.circle")
		}
		fmt.Fprintf(tw, "%d.\t%s\t%s\t%d%%\t%s\n", pos[in.Path], name, when(in.Updated), in.Completeness, displayName(in.Path))
	}
	tw.Flush()
	for _, in := range shown {
		switch {
		case in.Err != nil:
			fmt.Fprintf(e.stderr, "vetcircle: %s cannot be read: %s\n", displayName(in.Path), textclean.CleanLine(firstLineOf(in.Err.Error())))
		case in.Warnings > 0:
			if _, warnings, err := draft.Load(p, in.Path); err == nil {
				printWarnings(e, warnings)
			}
		}
	}
}

// printWarnings prints one line per answer kept from other rules.
func printWarnings(e env, warnings checklist.Errors) {
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "vetcircle: warning: %s\n", textclean.CleanLine(w.Error()))
	}
}

// when is a draft's time as a person reads it, in local time.
func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// What to do with a draft another window has open.
const (
	lockedCopy = iota + 1
	lockedReadOnly
	lockedQuit
)

// askWhenLocked says that the draft is open in another window and asks, as
// numbered line prompts (readable by a screen reader, before any full
// screen opens), whether to continue in a copy or read-only.
func askWhenLocked(e env, path string) (int, error) {
	fmt.Fprintf(e.stdout, "%s is open in another vetcircle window.\n", displayName(path))
	fmt.Fprintln(e.stdout, "Two windows saving one draft would overwrite each other's answers. Choose:")
	fmt.Fprintln(e.stdout, "1. Continue in a copy (a new draft; the other window keeps this one)")
	fmt.Fprintln(e.stdout, "2. Open read-only (nothing is saved to a draft; you can still save the summary)")
	fmt.Fprintln(e.stdout, "q. Quit")
	in := bufio.NewReader(e.stdin)
	for {
		fmt.Fprint(e.stdout, "Choice: ")
		line, err := in.ReadString('\n')
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "1", "c", "copy":
			return lockedCopy, nil
		case "2", "r", "read-only":
			return lockedReadOnly, nil
		case "q", "quit":
			return lockedQuit, nil
		}
		if err != nil {
			return lockedQuit, nil // no answer: leave the other window's draft alone
		}
		fmt.Fprintln(e.stdout, "Type 1, 2 or q.")
	}
}
