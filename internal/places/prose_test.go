package places

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// TestNoEnglishProse: where-to-keep errors are catalog keys (places.* in
// rules/cli.yaml and its translations), never English in Go.
func TestNoEnglishProse(t *testing.T) { prosetest.Check(t, nil) }
