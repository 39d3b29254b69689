package fileio

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: every sentence about a failed file operation is in
// the words table (the English of Error(), for logs) and, by the same key,
// in every catalog (rules' TestEveryMessageKeyIsInBothCatalogs); none is
// written anywhere else in Go.
func TestNoEnglishProse(t *testing.T) {
	prosetest.CheckSkipping(t, nil, map[string]string{
		"words.go": "the English table behind Error(), mirrored key by key in rules/cli.yaml and rules/es/cli.yaml",
	})
}
