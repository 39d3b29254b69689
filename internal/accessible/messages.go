package accessible

import (
	"strings"

	"github.com/vetcircle/vetcircle/rules"
)

// The walkthrough's sentences live in the rule pack (a11y.* keys), so a
// translated pack translates this mode too. A custom pack that leaves some
// out falls back to the built-in English pack's. {name} placeholders are
// filled in by t. The one-letter commands (b, q, y, n, u) are not translated.

// t returns the sentence for key, from the pack if it has one, with {name}
// placeholders replaced from pairs of name, value.
func (s *session) t(key string, pairs ...string) string {
	msg, ok := s.p.Text[key]
	if !ok {
		if en, err := rules.Default(); err == nil {
			msg = en.T(key)
		}
	}
	if len(pairs) == 0 {
		return msg
	}
	var r []string
	for i := 0; i+1 < len(pairs); i += 2 {
		r = append(r, "{"+pairs[i]+"}", pairs[i+1])
	}
	// One pass, so a value that happens to contain "{name}" stays as typed.
	return strings.NewReplacer(r...).Replace(msg)
}

// commands are the canonical commands and answers a user may type; the
// words for each come from the pack (a11y.words.<name>, comma-separated),
// and the English words always work too, so "y" answers yes in any
// language.
var commands = []string{"yes", "no", "unknown", "back", "quit", "help", "none", "note"}

// command returns the canonical command or answer typed in line ("yes",
// "back", ...), or "" for none.
func (s *session) command(line string) string {
	line = strings.ToLower(strings.TrimSpace(line))
	if line == "" {
		return ""
	}
	for _, c := range commands {
		for _, list := range []string{s.p.Text["a11y.words."+c], s.english("a11y.words." + c)} {
			for _, w := range strings.Split(list, ",") {
				if strings.TrimSpace(strings.ToLower(w)) == line {
					return c
				}
			}
		}
	}
	return ""
}

// english is the built-in English pack's sentence for key.
func (s *session) english(key string) string {
	if en, err := rules.Default(); err == nil {
		return en.Text[key]
	}
	return ""
}
