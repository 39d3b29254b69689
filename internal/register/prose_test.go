package register

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: every sentence this package says to a person is a
// catalog key (rules/cli.yaml and its translations), never English in Go.
// The allow-list holds what no person is told.
func TestNoEnglishProse(t *testing.T) {
	prosetest.Check(t, map[string]string{
		"# vetcircle circle: its identity, written once; a rename adds a file under names/\n": "a comment inside circle.yaml, part of the file format",
	})
}
