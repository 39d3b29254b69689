package places

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vetcircle/vetcircle/internal/textclean"
)

// MaxSlug bounds a slug, in bytes.
const MaxSlug = 40

// Slug is the readable part of a file or folder named after a circle (a
// draft, a saved summary, the circle's folder in the register): its name
// in lower-case letters of any script, digits and single dashes, NFC, at
// most MaxSlug bytes, never a dash at either end; "circle" when nothing of
// the name is left ("🌿"). It can never name a path outside its folder:
// no dot, slash or control character survives. The register's folders
// are named by it, so its rules never change: a change would leave every
// existing register's circles under names it no longer makes.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(strings.ToLower(textclean.CleanLine(name))) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			dash = true
			continue
		}
		if b.Len()+utf8.RuneLen(r)+1 > MaxSlug {
			break
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "circle"
	}
	return b.String()
}
