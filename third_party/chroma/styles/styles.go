// Part of vetcircle's chroma stand-in; see ../README.md.
package styles

import "github.com/alecthomas/chroma/v2"

var Registry = map[string]*chroma.Style{}

func Register(s *chroma.Style) *chroma.Style { Registry[s.Name] = s; return s }
