package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// accessibleFlag is the persistent flag that asks for line prompts; commands
// added later (resume, say) honour it through accessibleMode.
const accessibleFlag = "accessible"

func addAccessibleFlag(root *cobra.Command) {
	root.PersistentFlags().Bool(accessibleFlag, false, "")
}

// mode says whether to use the accessible walkthrough, and why when it was
// chosen for the user rather than by them.
type mode struct {
	on bool
	// notice is the key of the one line printed on stderr when the mode was chosen
	// automatically; empty when the user asked for it.
	notice string
}

// accessibleMode decides between the full-screen walkthrough and line
// prompts. Asked for: --accessible, or ACCESSIBLE set to anything but
// empty, 0, false or no. Chosen
// automatically, with a notice: TERM=dumb, or standard input or output not
// being a terminal (a pipe, a file, a screen reader's plain console), where a
// full-screen program could not work at all.
func accessibleMode(cmd *cobra.Command, e env) mode {
	getenv := e.getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if on, _ := cmd.Flags().GetBool(accessibleFlag); on {
		return mode{on: true}
	}
	if v := strings.ToLower(getenv("ACCESSIBLE")); v != "" && v != "0" && v != "false" && v != "no" {
		return mode{on: true}
	}
	switch {
	case getenv("TERM") == "dumb":
		return mode{on: true, notice: "cli.accessible.dumb"}
	case !e.stdinTTY && !e.isTTY:
		return mode{on: true, notice: "cli.accessible.no-terminal"}
	case !e.stdinTTY:
		return mode{on: true, notice: "cli.accessible.no-input"}
	case !e.isTTY:
		return mode{on: true, notice: "cli.accessible.no-output"}
	}
	return mode{}
}

// runAccessible runs the walkthrough as line prompts.
//
// Exit codes: 0 when the walkthrough finished (saved or not) or the user
// typed q; 2 when input ended before the last question, with one line on
// stderr naming where; 1 for anything else (a broken pipe, say).
func runAccessible(cmd *cobra.Command, ce cmdEnv, m mode) error {
	return runAccessibleFrom(cmd, ce, m, nil, nil)
}

// runAccessibleFrom is runAccessible starting from answers (nil: afresh),
// as revet does with a kept vetting (r: enter keeps each answer as it was,
// and only the circle's questions are asked).
func runAccessibleFrom(cmd *cobra.Command, ce cmdEnv, m mode, answers *checklist.Answers, r *intake.Revet) error {
	e, p := ce.env, ce.pack
	if m.notice != "" {
		cmd.PrintErrln("vetcircle: " + e.words().T(m.notice))
	}
	drafts, err := walkthroughDrafts(cmd, p, ce.drafts, nil)
	if err != nil {
		return err
	}
	opts := accessible.Options{Echo: !e.stdinTTY, Problems: e.stderr,
		Options: intake.Options{ResultJSON: resultJSON, Keep: keepInRegister(e, p), Answers: answers, Drafts: drafts, Revet: r}}
	_, err = accessible.Run(cmd.Context(), p, e.stdin, e.stdout, opts)
	switch {
	case errors.Is(err, accessible.ErrQuit):
		return nil
	case errors.Is(err, accessible.ErrInputEnded):
		return badInput(err)
	}
	return err
}
