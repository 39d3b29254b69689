package cli

import (
	"github.com/spf13/cobra"
)

// runWalkthrough opens the interactive walkthrough.
func runWalkthrough(cmd *cobra.Command, e env) error {
	return cmd.Help()
}
