// Part of vetcircle's chroma stand-in; see ../README.md.
package quick

import "io"

func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.WriteString(w, source)
	return err
}
