package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

func newRulesCmd(e env) *cobra.Command {
	group := &cobra.Command{
		Use: "rules",
	}
	check := &cobra.Command{
		Use:  "check [DIR]",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := ""
			if len(args) == 1 {
				dir = args[0]
			}
			report := func(name string, p *checklist.Pack) {
				fits := 0
				for _, f := range p.Formats {
					fits += len(f.Rules)
				}
				fmt.Fprintf(e.stdout, "%s: ok — %s %s (last reviewed %s)\n", name, p.Meta.ID, p.Meta.Version, p.Meta.LastReviewed)
				fmt.Fprintf(e.stdout, "  %d sections, %d questions, %d scoring rules, %d formats with %d fit rules, %d verdict bands, %d text entries\n",
					len(p.Sections), len(p.Questions), len(p.Rules), len(p.Formats), fits, len(p.Bands), len(p.Text))
			}
			if dir != "" {
				p, err := loadPack(e, dir)
				if err != nil {
					return err
				}
				report(displayName(dir), p)
				return nil
			}
			// Check the YAML itself, not the compiled copy the binary runs
			// on, for every built-in language.
			for _, lang := range []struct {
				name  string
				parse func() (*checklist.Pack, error)
			}{{"built-in rules", rules.Parse}, {"built-in rules (es)", rules.ParseES}} {
				p, err := lang.parse()
				if err != nil {
					return badInput(err)
				}
				report(lang.name, p)
			}
			return nil
		},
	}
	group.AddCommand(check)
	return group
}
