package accessible

import (
	"strings"

	"github.com/vetcircle/vetcircle/internal/intake"
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

// command returns the canonical command or answer typed in line ("yes",
// "back", ...), or "" for none: the pack's words, the English ones too.
func (s *session) command(line string) string { return intake.Word(s.p, line) }
