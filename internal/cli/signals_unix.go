//go:build !windows

package cli

import (
	"os"
	"syscall"
)

// stopSignals end the walkthrough from outside, after the draft is written:
// SIGTERM (kill, a shutdown), SIGHUP (the terminal closed, ssh dropped) and
// SIGINT (ctrl+c delivered as a signal, not as a key).
var stopSignals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT}
