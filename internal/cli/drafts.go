package cli

import (
	"github.com/spf13/cobra"
)

// noDraftFlag turns drafts off, for shared computers.
const noDraftFlag = "no-draft"

// draftsOff reports whether the user asked for no drafts. The flag is
// persistent on the root; a command without it keeps drafts on.
func draftsOff(cmd *cobra.Command) bool {
	off, err := cmd.Flags().GetBool(noDraftFlag)
	return err == nil && off
}
