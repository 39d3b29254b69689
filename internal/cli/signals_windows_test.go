//go:build windows

package cli

import (
	"os"
	"slices"
	"syscall"
	"testing"
)

// Windows: a closed console window arrives as SIGTERM, ctrl+c as
// os.Interrupt; both must write the draft before exiting.
func TestStopSignalsWindows(t *testing.T) {
	for _, s := range []os.Signal{syscall.SIGTERM, os.Interrupt} {
		if !slices.Contains(stopSignals, s) {
			t.Errorf("stopSignals %v lack %v: the draft would not be written when it arrives", stopSignals, s)
		}
	}
}
