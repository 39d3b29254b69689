// Package rules holds vetcircle's built-in rule pack as data: questions,
// scoring rules, formats and every sentence a user reads. It is embedded in
// the binary and parsed on first use, never at start-up.
package rules

import (
	"embed"
	"sync"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// Files is the built-in pack, as the YAML files in this folder.
//
//go:embed *.yaml
var Files embed.FS

// Label names the built-in pack's files in messages.
const Label = "rules"

// Default returns the built-in pack, parsed and validated once.
var Default = sync.OnceValues(func() (*checklist.Pack, error) {
	return checklist.LoadPack(Files, Label)
})
