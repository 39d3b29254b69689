//go:build !windows

package cli

import (
	"os"
	"slices"
	"syscall"
	"testing"
)

// A closed terminal (SIGHUP), kill (SIGTERM) and an interrupt signal must
// all reach the walkthrough's handler, which writes the draft before exiting;
// scripts/e2e.sh sends each to the real binary.
func TestStopSignalsUnix(t *testing.T) {
	for _, s := range []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT} {
		if !slices.Contains(stopSignals, s) {
			t.Errorf("stopSignals %v lack %v: the draft would not be written when it arrives", stopSignals, s)
		}
	}
}
