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
	"github.com/vetcircle/vetcircle/internal/msg"
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
		Use: "resume [--list] [FILTER | NUMBER | FILE]",
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
	cmd.Flags().BoolVarP(&o.list, "list", "l", false, "")
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
			return msg.Wrap(ow.err, "cli.err.list-not-written", "reason", describeWriteError(p, ow.err))
		}
		switch {
		case o.list || len(infos) == 0:
		case !interactive:
			fmt.Fprintln(e.stderr, "vetcircle: "+p.T("cli.resume.needs-terminal"))
		default:
			fmt.Fprintln(e.stderr, "vetcircle: "+p.T("cli.resume.several"))
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
		fmt.Fprintln(e.stderr, "vetcircle: "+p.T("cli.resume.needs-terminal"))
		return nil
	}
	if store.Contains(path) && !draftsOff(cmd) {
		lock, err := draft.TryLock(path)
		switch {
		case errors.Is(err, draft.ErrLocked):
			choice, err := askWhenLocked(e, p, path)
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
				fmt.Fprintln(e.stdout, p.Tf("cli.locked.copied", "draft", displayName(copied.Path), "file", displayName(path)))
				d = copied
				if l, err := draft.TryLock(d.Path); err == nil {
					defer l.Unlock()
				}
			}
		case err != nil:
			fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.resume.no-lock", "reason", textclean.CleanLine(msg.Say(p, err))))
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
		fmt.Fprintln(e.stdout, p.Tf("cli.resume.copied", "draft", displayName(copied.Path), "file", displayName(path)))
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
			fmt.Fprintln(e.stdout, p.Tf("cli.resume.none", "dir", displayName(store.Dir)))
		} else {
			fmt.Fprintln(e.stdout, p.Tf("cli.resume.no-match", "dir", displayName(store.Dir), "filter", strconv.Quote(textclean.CleanLine(filter))))
		}
		return
	}
	pos := make(map[string]int, len(all))
	for i, in := range all {
		pos[in.Path] = i + 1
	}
	fmt.Fprintf(e.stdout, "%s\n\n", p.Tf("cli.resume.list", "dir", displayName(store.Dir)))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for _, in := range shown {
		if in.Err != nil {
			fmt.Fprintf(tw, "%d.\t%s\t%s\t%s\t%s\n", pos[in.Path], p.T("cli.resume.unreadable"), when(in.Updated), "", displayName(in.Path))
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
			fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.cannot-read", "file", displayName(in.Path), "reason", textclean.CleanLine(firstLineOf(msg.Say(p, in.Err)))))
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
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.words().Tf("cli.warning", "reason", textclean.CleanLine(w.Error())))
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
func askWhenLocked(e env, p *checklist.Pack, path string) (int, error) {
	fmt.Fprintln(e.stdout, p.Tf("cli.locked.open", "file", displayName(path)))
	fmt.Fprintln(e.stdout, p.T("cli.locked.choose"))
	fmt.Fprintln(e.stdout, "1. "+p.T("cli.locked.copy"))
	fmt.Fprintln(e.stdout, "2. "+p.T("cli.locked.read-only"))
	fmt.Fprintln(e.stdout, "q. "+p.T("cli.locked.quit"))
	in := bufio.NewReader(e.stdin)
	for {
		fmt.Fprint(e.stdout, p.T("cli.locked.prompt")+" ")
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
		fmt.Fprintln(e.stdout, p.T("cli.locked.again"))
	}
}
