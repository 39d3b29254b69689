package cli

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/ui"
)

// runWalkthrough opens the interactive walkthrough (vetcircle with no
// arguments) on the terminal.
func runWalkthrough(cmd *cobra.Command, _ env) error {
	p, err := loadPack("")
	if err != nil {
		return err
	}
	m := ui.New(p, ui.Options{
		Dark:    mdrender.DarkFromEnv(),
		NoColor: mdrender.NoColor(),
	})
	opts := programOptions()
	if ctx := cmd.Context(); ctx != nil {
		opts = append(opts, tea.WithContext(ctx))
	}
	_, err = tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
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
