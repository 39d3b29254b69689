package people

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: every sentence this package says to a person is a
// catalog key (rules/cli.yaml and its translations), never English in Go.
// The allow-list holds what no person is told.
func TestNoEnglishProse(t *testing.T) {
	prosetest.Check(t, map[string]string{
		"# vetcircle person record: the alias it is kept under (private to you; never in a register)\nversion: 1\nname: ": "a comment inside a person's record file, part of the file format",
		"# vetcircle: the register at this path holds no person's data (split once)\nversion: 1\n":                        "a marker file's comment, part of the file format",
	})
}
