//go:build windows

package cli

import (
	"os"
	"syscall"
)

// stopSignals end the walkthrough from outside, after the draft is written.
// Windows has no SIGHUP: Go delivers the console's close, logoff and
// shutdown events as SIGTERM, and ctrl+c / ctrl+break as os.Interrupt.
var stopSignals = []os.Signal{syscall.SIGTERM, os.Interrupt}
