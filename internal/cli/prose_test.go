package cli

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/msg/prosetest"
)

// knownEnglish are the command layer's English literals that are not
// words for a person, each with why.
var knownEnglish = map[string]string{
	"unknown command %q for %q":                             "cobra's own wording, read back by argsError and said anew from the catalog",
	"flag needs an argument":                                "pflag's wording, recognised by isUsageError",
	"^unknown shorthand flag: '(.)' in":                     "pflag's wording, read by flagError",
	"^flag needs an argument: (?:'(.)' in -\\S+|(--\\S+))$": "pflag's wording, read by flagError",
	"^invalid argument \"(.*)\" for \"(.+)\" flag":          "pflag's wording, read by flagError",
	"  %d sections, %d questions, %d scoring rules, %d formats with %d fit rules, %d verdict bands, %d text entries\n": "rules check, for pack authors (pack problems stay English: docs/languages.md)",
	"built-in rules (es)": "rules check, for pack authors",
	"%q is not one of %s": "an answers-file problem (checklist.FieldError), said through the pack's err: texts",
}

// TestNoEnglishProseInCommands: the command layer holds no sentence for a
// person; every one is in the catalog (rules/cli.yaml and its
// translations). A string literal of three or more words with a common
// English word fails, unless it is a command's usage or example (commands
// to type) or listed in knownEnglish with its reason.
func TestNoEnglishProseInCommands(t *testing.T) { prosetest.Check(t, knownEnglish) }
