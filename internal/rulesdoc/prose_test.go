package rulesdoc

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: the reference's own words are catalog keys
// (rulesdoc.* in rules/cli.yaml and its translations), never English in Go.
func TestNoEnglishProse(t *testing.T) { prosetest.Check(t, nil) }
