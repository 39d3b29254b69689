// Package hostile makes the hostile input files that the tests, fuzz seeds
// and benchmarks use: small files shaped to cost a naive YAML reader
// gigabytes or minutes. They are generated, never committed.
package hostile

import (
	"fmt"
	"strings"
)

// File is one hostile input.
type File struct {
	Name string
	Pack bool // a rules file rather than an answers file
	Data []byte
}

func nested(open, close string, n int, closed bool) string {
	s := strings.Repeat(open, n)
	if closed {
		s += strings.Repeat(close, n)
	}
	return s
}

// manyLists is an answers mapping of n keys, each a list of m short
// items: every list and mapping within its limits, the file as a whole far
// over the number of values one may hold.
func manyLists(n, m int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\nanswers:\n")
	item := strings.TrimSuffix(strings.Repeat("a,", m), ",")
	for i := range n {
		fmt.Fprintf(&b, "  k%d: [%s]\n", i, item)
	}
	return []byte(b.String())
}

func manyKeys(prefix string, n int, key func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(prefix)
	for i := range n {
		fmt.Fprintf(&b, "  %s: x\n", key(i))
	}
	return []byte(b.String())
}

// Files returns every hostile shape of issue 9, each under 1 MiB.
func Files() []File {
	answers := "version: 1\nanswers:\n  agreements: "
	return []File{
		{Name: "flow-20k", Data: []byte(answers + nested("[", "]", 20_000, true) + "\n")},
		{Name: "flow-100k", Data: []byte(answers + nested("[", "]", 100_000, true) + "\n")},
		{Name: "unclosed-500k", Data: []byte(answers + nested("[", "", 500_000, false))},
		{Name: "maps-50k", Data: []byte("version: 1\nanswers: " + nested("{a: ", "}", 50_000, true) + "\n")},
		{Name: "block-seq-100k", Data: []byte("version: 1\nanswers:\n  agreements:\n    " + strings.Repeat("- ", 100_000) + "x\n")},
		{Name: "keys-88k", Data: manyKeys("version: 1\nanswers:\n", 88_000, func(i int) string { return fmt.Sprintf("k%d", i) })},
		{Name: "duplicate-keys-88k", Data: manyKeys("version: 1\nanswers:\n", 88_000, func(int) string { return "a" })},
		{Name: "items-250k", Data: []byte(answers + "[" + strings.Repeat("a,", 250_000) + "a]\n")},
		{Name: "values-30k", Data: manyLists(40, 750)},
		{Name: "long-scalar", Data: []byte("version: 1\nnotes:\n  training: \"" + strings.Repeat("x", 900_000) + "\"\n")},
		{Name: "pack-text-40k", Pack: true, Data: manyKeys("text:\n", 40_000, func(i int) string { return fmt.Sprintf("t.k%d", i) })},
		{Name: "pack-flow-100k", Pack: true, Data: []byte("rules: " + nested("[", "]", 100_000, true) + "\n")},
	}
}
