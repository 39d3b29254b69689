// Package rules holds vetcircle's built-in rule packs as data: questions,
// scoring rules, formats and every sentence a user reads, one pack per
// language. The YAML files are the source of truth; builtin_*gen.go is the
// same pack compiled to Go by `go generate ./rules`, so start-up parses no
// YAML. A test fails if the two drift apart.
package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
)

// guideprint checks guide/ (the guide's headings and a fingerprint of its
// wording) against the guide named by $VETCIRCLE_GUIDE, when it is set
// (the guide is not part of the repository); see rules/guideprint.
//go:generate go run ./guideprint
//go:generate go run ./gen . builtin_gen.go builtinPack
//go:generate go run ./gen es builtin_es_gen.go builtinPackES
//go:generate go run ./docgen ../docs

// Files is the built-in English pack, as the YAML files in this folder.
//
//go:embed *.yaml
var Files embed.FS

// Label names the built-in pack's files in messages.
const Label = "rules"

// FilesES is the built-in Spanish pack's YAML files, under es/.
//
//go:embed es/*.yaml
var FilesES embed.FS

// Default returns the built-in English pack, built once on first use.
var Default = sync.OnceValues(func() (*checklist.Pack, error) {
	return builtinPack().Index(), nil
})

// DefaultES returns the built-in Spanish pack, built once on first use.
var DefaultES = sync.OnceValues(func() (*checklist.Pack, error) {
	return builtinPackES().Index(), nil
})

// builtin lists the built-in packs by language, English first: it is the
// fallback when no other language matches.
var builtin = []struct {
	tag  language.Tag
	pack func() (*checklist.Pack, error)
}{
	{language.English, Default},
	{language.Spanish, DefaultES},
}

// Languages lists the built-in packs' languages as BCP 47 codes ("en", ...).
func Languages() []string {
	out := make([]string, len(builtin))
	for i, b := range builtin {
		out[i] = b.tag.String()
	}
	return out
}

// ForLanguage returns the built-in pack for a language code as Choose
// returns it; an unknown code is an error naming the languages there are.
func ForLanguage(code string) (*checklist.Pack, error) {
	for _, b := range builtin {
		if b.tag.String() == code {
			return b.pack()
		}
	}
	return nil, fmt.Errorf("no built-in rules in %q; choose one of %s", code, strings.Join(Languages(), ", "))
}

// Choose picks the built-in language for a --lang flag value, or when that
// is empty for the environment's locale (LC_ALL, then LC_MESSAGES, then
// LANG, as POSIX orders them), falling back to English. A flag that names
// no built-in language is an error; a locale that matches none is English.
func Choose(flag string, getenv func(string) string) (string, error) {
	if flag != "" {
		tag, err := language.Parse(posixLocale(flag))
		if code := match(tag); err == nil && code != "" {
			return code, nil
		}
		return "", fmt.Errorf("--lang %q: choose one of %s", flag, strings.Join(Languages(), ", "))
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		s := getenv(v)
		if s == "" {
			continue
		}
		tag, err := language.Parse(posixLocale(s))
		if code := match(tag); err == nil && code != "" {
			return code, nil
		}
		break // the first one set decides, even when it is "C"
	}
	return builtin[0].tag.String(), nil
}

// posixLocale turns a POSIX locale ("es_US.UTF-8@euro") into a BCP 47 tag
// ("es-US"); "C" and "POSIX" name no language.
func posixLocale(s string) string {
	s, _, _ = strings.Cut(s, ".")
	s, _, _ = strings.Cut(s, "@")
	if s == "C" || s == "POSIX" {
		return "und"
	}
	return strings.ReplaceAll(s, "_", "-")
}

// match returns the built-in language with the same base language as tag,
// or "" for none.
func match(tag language.Tag) string {
	base, conf := tag.Base()
	if conf == language.No {
		return ""
	}
	for _, b := range builtin {
		if bb, _ := b.tag.Base(); bb == base {
			return b.tag.String()
		}
	}
	return ""
}

// Parse loads and validates the English YAML files themselves, as `rules
// check` and the drift test do.
func Parse() (*checklist.Pack, error) {
	return checklist.LoadPack(Files, Label)
}

// ParseES loads and validates the Spanish YAML files themselves.
func ParseES() (*checklist.Pack, error) {
	sub, err := fs.Sub(FilesES, "es")
	if err != nil {
		return nil, err
	}
	return checklist.LoadPack(sub, Label+"/es")
}

// ptr is used by the generated packs for optional values.
func ptr[T any](v T) *T { return &v }

// Errors told by key (internal/msg) read in English wherever the language
// is not known (logs, tests, err.Error()); the commands tell them in the
// chosen language. The pack is built on the first such error, not now.
func init() {
	msg.SetDefault(func() msg.Catalog {
		p, err := Default()
		if err != nil {
			return nil
		}
		return p
	})
}
