//go:build unix

package cli

import (
	"os"
	"os/signal"
	"syscall"
)

// ignoreSIGPIPE turns a write to a closed pipe on standard output into an
// EPIPE error, which the command reports on one line and exits 1 for,
// instead of the silent death by signal that Go's default gives.
func ignoreSIGPIPE() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
}
