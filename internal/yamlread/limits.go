// Package yamlread reads the small YAML files vetcircle uses (rule packs,
// answers files, drafts, register entries) into a tree of values with their
// positions, within limits on size, nesting, counts and value length, so a
// hostile or mistaken file is refused after bounded work and memory, with a
// file:line:col, what was expected and a hint how to fix it.
//
// It is a leaf: it knows YAML and positions, nothing of rules, answers or
// terminals. What a value means is decided by its callers (checklist).
// Anchors, aliases, tags, complex keys and several documents are refused.
package yamlread

// Limits bound what one file may hold. They are enforced while the file is
// read, so a hostile file is refused after a bounded amount of work and
// memory, never after the whole tree was built.
type Limits struct {
	Depth  int // nesting of mappings and lists
	Items  int // keys in one mapping, or items in one list
	Nodes  int // values in the whole file
	Scalar int // bytes in one value
}

// AnswersLimits fit answers files and drafts: a handful of levels (the
// circle block, the answers mapping, a list or a mapping of list items, and
// room for answers kept from other rules), a few hundred answers.
var AnswersLimits = Limits{Depth: 8, Items: 1000, Nodes: 20000, Scalar: 64 << 10}

// PackLimits fit rule packs: conditions nest, and a pack holds hundreds of
// questions, rules and text keys.
var PackLimits = Limits{Depth: MaxDepth, Items: 5000, Nodes: 200000, Scalar: 64 << 10}

// MaxFileSize is the largest rules or answers file read, so a stray disk image
// or log passed by mistake fails fast with a clear message.
const MaxFileSize = 1 << 20

// MaxDepth bounds nesting; real files are a handful of levels deep.
const MaxDepth = 32
