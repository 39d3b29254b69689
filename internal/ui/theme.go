package ui

import (
	"image/color"
	"os"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/mdrender"
)

// theme is every style the walkthrough uses, built once per background and
// colour setting and handed to screens through common; there are no style
// globals. Nothing in it carries meaning by colour alone: verdicts and
// answers always have a symbol or a word too.
type theme struct {
	isDark  bool
	noColor bool

	app       lipgloss.Style // the name pill in the header
	section   lipgloss.Style // section name in the header
	progress  lipgloss.Style // "step n of m"
	title     lipgloss.Style // a screen's main line (the question)
	text      lipgloss.Style
	faint     lipgloss.Style
	label     lipgloss.Style // "Say:", "Why it matters:"
	say       lipgloss.Style // the words to say
	good      lipgloss.Style
	bad       lipgloss.Style
	warn      lipgloss.Style
	cursor    lipgloss.Style // the "›" marker and the focused row
	selected  lipgloss.Style // a chosen option
	notAsked  lipgloss.Style
	key       lipgloss.Style // a digit next to an option
	errText   lipgloss.Style
	okText    lipgloss.Style
	heading   lipgloss.Style // section headings in the review
	button    lipgloss.Style // the focused button
	buttonOff lipgloss.Style
	panel     lipgloss.Style // the side panel's box
	dialog    lipgloss.Style // the box around dialogs
	notes     lipgloss.Style // the box around the notes editor
	input     lipgloss.Style // a focused text field's prompt

	help help.Styles

	verdicts map[checklist.Verdict]lipgloss.Style
	// mdStyle is the glamour style for the summary.
	mdStyle string
}

// newTheme builds the styles for a background and colour setting. With
// noColor every colour is dropped but bold, faint and reverse remain, as
// no-color.org asks.
func newTheme(isDark, noColor bool) *theme {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#5A3FD6", "#A992FF")
	accentBg := c("#5A3FD6", "#6B50FF")
	onAccent := c("#FFFFFF", "#FFFFFF")
	fg := c("#1F1F24", "#E4E4EA")
	faint := c("#6B6B76", "#8E8E9A")
	green := c("#11734B", "#4FD6A0")
	red := c("#B3261E", "#FF7A70")
	amber := c("#8A5A00", "#F5C451")
	blue := c("#1F5FAF", "#7FB2FF")
	border := c("#B9B4D6", "#55506E")

	s := lipgloss.NewStyle
	t := &theme{
		isDark:    isDark,
		noColor:   noColor,
		app:       s().Bold(true).Foreground(onAccent).Background(accentBg).Padding(0, 1),
		section:   s().Bold(true).Foreground(accent),
		progress:  s().Foreground(faint),
		title:     s().Bold(true).Foreground(fg),
		text:      s().Foreground(fg),
		faint:     s().Foreground(faint),
		label:     s().Bold(true).Foreground(accent),
		say:       s().Italic(true).Foreground(fg),
		good:      s().Foreground(green),
		bad:       s().Foreground(red),
		warn:      s().Foreground(amber),
		cursor:    s().Bold(true).Foreground(accent),
		selected:  s().Bold(true).Foreground(fg),
		notAsked:  s().Faint(true).Foreground(faint),
		key:       s().Foreground(faint),
		errText:   s().Bold(true).Foreground(red),
		okText:    s().Bold(true).Foreground(green),
		heading:   s().Bold(true).Foreground(accent),
		button:    s().Bold(true).Foreground(onAccent).Background(accentBg).Padding(0, 1),
		buttonOff: s().Foreground(fg).Padding(0, 1),
		panel:     s().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1),
		dialog:    s().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		notes:     s().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		input:     s().Foreground(accent),
		mdStyle:   mdStyle(isDark, noColor),
	}
	if noColor {
		// Without colour the focused button and pill still stand out.
		t.app = s().Bold(true).Reverse(true).Padding(0, 1)
		t.button = s().Bold(true).Reverse(true).Padding(0, 1)
		t.notAsked = s().Faint(true)
	}
	t.help = help.Styles{
		ShortKey:       s().Foreground(faint).Bold(true),
		ShortDesc:      s().Foreground(faint),
		ShortSeparator: s().Foreground(border),
		Ellipsis:       s().Foreground(border),
		FullKey:        s().Foreground(faint).Bold(true),
		FullDesc:       s().Foreground(faint),
		FullSeparator:  s().Foreground(border),
	}
	banner := func(bg color.Color) lipgloss.Style {
		st := s().Bold(true).Padding(0, 1)
		if noColor {
			return st.Reverse(true)
		}
		return st.Foreground(c("#FFFFFF", "#15151A")).Background(bg)
	}
	t.verdicts = map[checklist.Verdict]lipgloss.Style{
		checklist.VerdictPromising:  banner(green),
		checklist.VerdictCaution:    banner(amber),
		checklist.VerdictAvoid:      banner(red),
		checklist.VerdictIncomplete: banner(blue),
	}
	return t
}

// verdict returns the style for a verdict's badge.
func (t *theme) verdict(v checklist.Verdict) lipgloss.Style {
	if st, ok := t.verdicts[v]; ok {
		return st
	}
	return t.title
}

func mdStyle(isDark, noColor bool) string {
	switch {
	case noColor && os.Getenv("TERM") == "dumb":
		return mdrender.StylePlain
	case noColor:
		// Colour goes, structure stays: bold and headings, never **.
		return mdrender.StyleNoColor
	case isDark:
		return mdrender.StyleDark
	}
	return mdrender.StyleLight
}
