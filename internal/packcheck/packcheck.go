// Package packcheck finds the pack text keys that Go code asks for, so that
// tests can prove a pack holds every sentence the program may say (and so a
// translated pack, matched key for key, says them all in its language). It
// is used by tests only; it reads source files and changes nothing.
package packcheck

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Use is one key found, and the file that asks for it.
type Use struct {
	Key, File string
}

// Keys returns the first capture group of re in every non-test .go file
// of dirs, sorted by key, each once.
func Keys(re *regexp.Regexp, dirs ...string) ([]Use, error) {
	seen := map[string]bool{}
	var out []Use
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				if !seen[m[1]] {
					seen[m[1]] = true
					out = append(out, Use{Key: m[1], File: f})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// Missing lists the keys text lacks; it fails the caller (via fatal) when
// fewer than least keys were found, which means the pattern has broken.
func Missing(uses []Use, text map[string]string, least int, fatal func(...any)) []Use {
	if len(uses) < least {
		fatal("found only", len(uses), "text keys in the code; the pattern is broken")
	}
	var out []Use
	for _, u := range uses {
		if _, ok := text[u.Key]; !ok {
			out = append(out, u)
		}
	}
	return out
}
