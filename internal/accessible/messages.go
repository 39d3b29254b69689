package accessible

import (
	"github.com/vetcircle/vetcircle/internal/intake"
)

// The walkthrough's sentences live in the rule pack (a11y.* keys), so a
// translated pack translates this mode too. A custom pack that leaves some
// out falls back to the built-in English pack's. {name} placeholders are
// filled in by t. The one-letter commands (b, q, y, n, u) are not translated.

// t returns the sentence for key, from the pack if it has one, with {name}
// placeholders replaced from pairs of name, value.
func (s *session) t(key string, pairs ...string) string { return intake.T(s.p, key, pairs...) }

// command returns the canonical command or answer typed in line ("yes",
// "back", ...), or "" for none: the pack's words, the English ones too.
func (s *session) command(line string) string { return intake.Word(s.p, line) }
