package cli

import (
	"os"
	"testing"

	"github.com/vetcircle/vetcircle/internal/draft"
)

// TestMain keeps every test's drafts and register out of the real folders:
// commands that save drafts or keep circles write under a temporary
// XDG_STATE_HOME and XDG_DATA_HOME.
func TestMain(m *testing.M) {
	// As a second vetcircle window: hold the lock on a draft until
	// standard input closes (see holdDraftLock).
	draft.HoldLockIfAsked()
	dir, err := os.MkdirTemp("", "vetcircle-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
