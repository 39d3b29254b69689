package draft

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: every sentence this package says to a person is a
// catalog key (rules/cli.yaml and its translations), never English in Go.
func TestNoEnglishProse(t *testing.T) { prosetest.Check(t, nil) }
