// Package mdrender turns summary markdown into styled terminal text with
// glamour, choosing the style from the background and NO_COLOR rather than
// from a blocking terminal query.
package mdrender

import (
	"fmt"
	"os"
	"strings"

	"charm.land/glamour/v2"
)

// Styles glamour ships with; we only ever use these built-in ones, never a
// style file from disk or the environment.
const (
	StyleDark  = "dark"
	StyleLight = "light"
	StylePlain = "notty"
)

// Style picks a glamour style: plain when NO_COLOR is set (any value, per
// no-color.org), otherwise light or dark.
func Style(isDark bool) string {
	if NoColor() {
		return StylePlain
	}
	if isDark {
		return StyleDark
	}
	return StyleLight
}

// NoColor reports whether the user asked for no colour.
func NoColor() bool {
	_, set := os.LookupEnv("NO_COLOR")
	return set || os.Getenv("TERM") == "dumb"
}

// DarkFromEnv guesses the background from COLORFGBG ("15;0" is light text
// on a dark background) without asking the terminal, and defaults to dark.
func DarkFromEnv() bool {
	v := os.Getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		switch v[i+1:] {
		case "7", "15":
			return false
		}
	}
	return true
}

// Render renders markdown at a width with a style. Building a renderer costs
// real time, so callers that render often keep a Renderer instead.
func Render(md string, width int, style string) (string, error) {
	r, err := New(width, style)
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// Renderer is a glamour renderer built once for a width and style.
type Renderer struct {
	tr    *glamour.TermRenderer
	Width int
	Style string
}

// New builds a renderer; width below 20 is raised to 20 so words still fit.
func New(width int, style string) (*Renderer, error) {
	width = max(width, 20)
	tr, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return nil, fmt.Errorf("markdown renderer: %w", err)
	}
	return &Renderer{tr: tr, Width: width, Style: style}, nil
}

// Render renders one document.
func (r *Renderer) Render(md string) (string, error) {
	out, err := r.tr.Render(md)
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return out, nil
}
