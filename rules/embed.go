// Package rules holds vetcircle's built-in rule pack as data: questions,
// scoring rules, formats and every sentence a user reads. The YAML files here
// are the source of truth; builtin_gen.go is the same pack compiled to Go by
// `go generate ./rules`, so start-up parses no YAML. A test fails if the two
// drift apart.
package rules

import (
	"embed"
	"sync"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

//go:generate go run ./gen

// Files is the built-in pack, as the YAML files in this folder.
//
//go:embed *.yaml
var Files embed.FS

// Label names the built-in pack's files in messages.
const Label = "rules"

// Default returns the built-in pack, built once on first use.
var Default = sync.OnceValues(func() (*checklist.Pack, error) {
	return builtinPack().Index(), nil
})

// Parse loads and validates the YAML files themselves, as `rules check` and
// the drift test do.
func Parse() (*checklist.Pack, error) {
	return checklist.LoadPack(Files, Label)
}
