// Command docgen writes the built-in packs' rules reference, one markdown
// file per language (rules.md for English, rules.LANG.md for the others),
// into the folder it is given. `go generate ./rules` runs it after the packs
// are compiled; internal/rulesdoc's drift test fails when the files differ
// from what the packs give.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vetcircle/vetcircle/internal/rulesdoc"
	"github.com/vetcircle/vetcircle/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: docgen DIR")
		os.Exit(2)
	}
	for _, lang := range rules.Languages() {
		p, err := rules.ForLanguage(lang)
		if err != nil {
			fmt.Fprintln(os.Stderr, "docgen:", err)
			os.Exit(1)
		}
		path := filepath.Join(os.Args[1], rulesdoc.FileName(lang))
		if err := os.WriteFile(path, []byte(rulesdoc.Markdown(p)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "docgen:", err)
			os.Exit(1)
		}
	}
}
