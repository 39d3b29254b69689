package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/ui"
)

// addNoDraftFlag adds --no-draft, persistent so that resume honours it too.
func addNoDraftFlag(root *cobra.Command) {
	root.PersistentFlags().Bool(noDraftFlag, false, "")
}

// runWalkthrough opens the interactive walkthrough (vetcircle with no
// arguments) on the terminal. Unless --no-draft is given, the first change
// creates a draft and every change is saved to it.
func runWalkthrough(cmd *cobra.Command, ce cmdEnv) error {
	e, p := ce.env, ce.pack
	drafts, err := walkthroughDrafts(cmd, p, ce.drafts, nil)
	if err != nil {
		return err
	}
	// Unfinished checks are offered first, newest first: enter continues
	// one, n starts a new one.
	if drafts != nil && e.stdinTTY && e.isTTY {
		store := draft.Store{Dir: drafts.Dir()}
		if infos, err := store.List(p); err == nil && len(infos) > 0 {
			switch i, err := pickDraft(e, p, infos); {
			case err != nil:
				return err
			case i == ui.PickQuit:
				return nil
			case i >= 0:
				return resumeFile(cmd, e, p, store, infos[i].Path, true)
			}
		}
	}
	return runProgram(cmd, e, p, intake.Options{Drafts: drafts})
}

// keepInRegister keeps an answers file in the register under the circle's
// own name, with its provenance (today, VETCIRCLE_BY or the login name,
// the rules; the source when the keep-flow asked for it); nil when there
// is no register folder to keep it in. The same answers as the circle's
// latest vetting are kept once: the path is the one already kept.
func keepInRegister(e env, p *checklist.Pack) func(name, source string, answers []byte) (string, error) {
	g, err := locateRegister(e)
	if err != nil {
		return nil
	}
	return func(name, source string, answers []byte) (string, error) {
		if name == "" {
			name = "unnamed circle"
		}
		a, err := checklist.ParseAnswers(p, "answers", answers)
		if err != nil {
			return "", err
		}
		if _, _, err := g.Migrate(p); err != nil {
			return "", err
		}
		splitPeople(e, p, g)
		c, err := g.Ensure(name)
		if err != nil {
			return "", err
		}
		now := time.Now()
		a.Vetted = provenanceOptions{source: source}.provenance(e, p, a.Vetted, now)
		// The circle's part to the register, the person's to their own
		// private record. The walkthrough asks the date of the call: the
		// same answers from a later call (a re-vet that found nothing
		// changed) are kept.
		k, err := keepVetting(p, g, e.forAlias, c, a, true, now)
		return k.Circle, err
	}
}

// pickDraft shows the unfinished drafts and returns the index of the one
// chosen, ui.PickNew or ui.PickQuit. Tests replace it.
var pickDraft = func(e env, p *checklist.Pack, infos []draft.Info) (int, error) {
	k := ui.NewPicker(p, infos, mdrender.DarkFromEnv(), mdrender.NoColor())
	if _, err := tea.NewProgram(k, programOptions()...).Run(); err != nil {
		return ui.PickQuit, msg.Wrap(err, "cli.err.screen", "reason", err)
	}
	return k.Chosen(), nil
}

// resumeInWalkthrough continues draft d at the question where it stopped,
// with every answer and note, saving into the same file; the answers kept
// from other rules are shown in a notice first.
func resumeInWalkthrough(cmd *cobra.Command, e env, p *checklist.Pack, store draft.Store, d *draft.Draft, warnings checklist.Errors) error {
	drafts, err := walkthroughDrafts(cmd, p, store, d)
	if err != nil {
		return err
	}
	return runProgram(cmd, e, p, intake.Options{Answers: d.Answers, Drafts: drafts, Warnings: warnings})
}

// walkthroughDrafts keeps the walkthrough's drafts in store (the
// command's drafts folder, from prepare), continuing d when it is given;
// nil with --no-draft.
func walkthroughDrafts(cmd *cobra.Command, p *checklist.Pack, store draft.Store, d *draft.Draft) (*intake.Autosaver, error) {
	if draftsOff(cmd) || store.Dir == "" {
		return nil, nil
	}
	return intake.NewAutosaver(p, store, d), nil
}

// stopSignal is why the walkthrough was stopped from outside.
type stopSignal struct{ sig os.Signal }

func (s stopSignal) Error() string { return s.Tell(msg.Default()) }

// Tell names the signal in c's language ("stopped by hangup").
func (s stopSignal) Tell(c msg.Catalog) string { return c.Tf("cli.stopped", "signal", s.sig.String()) }

// runProgram runs the walkthrough and makes sure the draft holds the last
// answer before the process exits, however the program ends: quitting,
// ctrl+c, a crash inside the program, or a stop signal from outside (a
// closed terminal, a logout, kill: stopSignals, per platform). bubbletea's
// own handler would quit on SIGTERM without a word and die on SIGHUP, so
// signals are ours: they cancel the program's context, and the final write runs after
// Run returns.
func runProgram(cmd *cobra.Command, e env, p *checklist.Pack, w intake.Options) error {
	w.ResultJSON = resultJSON
	if g, err := locateRegister(e); err == nil {
		w.Where, w.Keep = g.Dir, keepInRegister(e, p)
	}
	drafts := w.Drafts
	m := ui.New(p, ui.Options{Options: w, Dark: mdrender.DarkFromEnv(), NoColor: mdrender.NoColor(),
		InTmux: e.env("TMUX") != "", Coalesce: true})

	parent := cmd.Context()
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	go func() {
		select {
		case s := <-sigs:
			cancel(stopSignal{s})
		case <-ctx.Done():
		}
	}()

	opts := append(programOptions(), tea.WithContext(ctx), tea.WithoutSignalHandler())
	_, runErr := tea.NewProgram(m, opts...).Run()

	// The last write, whatever ended the program. Signals stay caught until
	// it is done (the deferred Stop), so a second SIGTERM cannot cut it short.
	var flushErr error
	where := ""
	if drafts != nil {
		flushErr = drafts.Flush()
		where = drafts.Path()
		if where != "" {
			if _, err := os.Stat(where); err != nil {
				where = "" // removed once the answers were saved
			}
		}
	}
	var sig stopSignal
	stopped := errors.As(context.Cause(ctx), &sig)
	switch {
	case flushErr != nil:
		return msg.Wrap(flushErr, "cli.err.draft-not-saved", "reason", flushErr)
	case stopped && where != "":
		return msg.Wrap(sig, "cli.err.stopped-kept", "reason", sig, "path", where)
	case stopped && drafts == nil:
		return msg.Wrap(sig, "cli.err.stopped-lost", "reason", sig)
	case stopped:
		return sig
	case runErr != nil && !errors.Is(runErr, tea.ErrInterrupted):
		if where != "" {
			return msg.Wrap(runErr, "cli.err.failed-kept", "reason", runErr, "path", where)
		}
		return runErr
	}
	if where != "" {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.words().Tf("cli.kept-in-draft", "path", where))
	}
	return nil
}

// resultJSON encodes a score exactly as `vetcircle score --format json`
// does, so the walkthrough's JSON and the command line's never differ.
func resultJSON(file string, r *report.Report) ([]byte, error) {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := writeJSONLine(w, file, r); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// programOptions are tuned for a fast first frame and snappy keys: the
// colour profile comes from the environment alone (no `tmux info` or
// terminfo query before the first frame), and frames are drawn at 120 fps
// so a keystroke shows within ~8 ms.
func programOptions() []tea.ProgramOption {
	env := os.Environ()
	profile := colorprofile.Env(env)
	if mdrender.NoColor() && profile > colorprofile.ASCII {
		profile = colorprofile.ASCII
	}
	return []tea.ProgramOption{
		tea.WithFPS(120),
		tea.WithColorProfile(profile),
	}
}
