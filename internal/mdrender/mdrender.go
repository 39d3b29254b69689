// Package mdrender turns summary markdown into styled terminal text with
// glamour, choosing the style from the background and NO_COLOR rather than
// from a blocking terminal query.
package mdrender

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Styles glamour ships with; we only ever use these built-in ones, never a
// style file from disk or the environment.
const (
	StyleDark  = "dark"
	StyleLight = "light"
	// StyleNoColor is the dark style with every colour taken out: bold,
	// italics, headings and lists still render (NO_COLOR removes colour,
	// not structure), and no ** is shown.
	StyleNoColor = "nocolor"
	// StylePlain is for a terminal that can do nothing (TERM=dumb): text
	// only, with emphasis marks dropped rather than shown as asterisks.
	StylePlain = "notty"
)

// Style picks a glamour style: no colour when NO_COLOR is set (any value,
// per no-color.org), plain on a dumb terminal, otherwise light or dark.
func Style(isDark bool) string {
	if os.Getenv("TERM") == "dumb" {
		return StylePlain
	}
	if NoColor() {
		return StyleNoColor
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
	var c ansi.StyleConfig
	switch style {
	case StyleNoColor:
		c = noColorStyle()
	case StylePlain:
		c = plainStyle()
	case StyleLight:
		c = styles.LightStyleConfig
	default:
		c = styles.DarkStyleConfig
	}
	opt := glamour.WithStyles(quoteBar(c, style == StylePlain))
	tr, err := glamour.NewTermRenderer(opt, glamour.WithWordWrap(width))
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

// quoteBar gives a block quote (the crisis line) a bar one column wide.
// glamour counts its indent token as one column whatever its width, so
// its "│ " made quoted lines one column too long, and the word that
// landed exactly at the edge was wrapped again without its bar
// (glamour#172). A thin bar ("▎", "|" in plain text) keeps the count
// right and still leaves a gap before the text.
func quoteBar(c ansi.StyleConfig, plain bool) ansi.StyleConfig {
	bar := "▎"
	if plain {
		bar = "|"
	}
	c.BlockQuote.IndentToken = &bar
	return c
}

// noColorStyle is the dark style with its colours removed (a copy: the
// shipped style is shared and never changed).
func noColorStyle() ansi.StyleConfig {
	c := styles.DarkStyleConfig
	stripColour(reflect.ValueOf(&c).Elem())
	c.CodeBlock.Chroma = nil
	c.CodeBlock.Theme = ""
	return c
}

// plainStyle is glamour's text-only style without the asterisks and
// underscores it prints for emphasis.
func plainStyle() ansi.StyleConfig {
	c := styles.ASCIIStyleConfig
	c.Strong.BlockPrefix, c.Strong.BlockSuffix = "", ""
	c.Emph.BlockPrefix, c.Emph.BlockSuffix = "", ""
	c.Code.BlockPrefix, c.Code.BlockSuffix = "", ""
	return c
}

// stripColour sets every Color and BackgroundColor in a style to nil,
// walking nested blocks. Pointers to other blocks are copied before they
// are changed, so the shipped styles stay as they are.
func stripColour(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			name := t.Field(i).Name
			if (name == "Color" || name == "BackgroundColor") && f.Kind() == reflect.Pointer {
				f.Set(reflect.Zero(f.Type()))
				continue
			}
			stripColour(f)
		}
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct || !v.CanSet() {
			return
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(v.Elem())
		v.Set(cp)
		stripColour(cp.Elem())
	}
}
