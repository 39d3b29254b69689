package ui

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/mdrender"
)

// BenchmarkKeystroke is one key press on a busy screen at 120x40, with the
// side panel: Update, the commands it starts (rescoring included, though a
// program runs those off the UI goroutine) and the next View. Budget: 1 ms.
func BenchmarkKeystroke(b *testing.B) {
	cases := []struct {
		name  string
		setup func(d *driver)
		keys  []string // pressed in turn, round and round
	}{
		{"basics-typing", func(d *driver) { d.keys("enter", "enter") }, []string{"a", "backspace"}},
		{"basics-fields", func(d *driver) { d.keys("enter", "enter") }, []string{"tab", "tab", "tab", "esc", "esc", "esc"}},
		{"question-multi-toggle", func(d *driver) { d.goToStep("q:agreements") }, []string{"space"}},
		{"red-flags-answer", func(d *driver) { d.goToStep("section:red-flags") }, []string{"y", "up", "n", "up"}},
		{"review-scroll", func(d *driver) {
			d.fill(loadExample(d.tb, "strong-kap-circle.yaml"))
		}, []string{"down", "down", "down", "up", "up", "up"}},
		{"summary-scroll", func(d *driver) {
			d.fill(loadExample(d.tb, "strong-kap-circle.yaml")).keys("enter")
		}, []string{"down", "up"}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			d := newDriver(b, 120, 40, Options{Dark: true})
			tc.setup(d)
			msgs := make([]any, len(tc.keys))
			for i, k := range tc.keys {
				msgs[i] = press(k)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				d.send(msgs[i%len(msgs)])
				_ = d.m.View()
			}
		})
	}
}

// BenchmarkSummaryRender is the work done once per change of answers or
// width when the summary is shown: score, write the markdown and style it
// with glamour (renderer cached per width and style).
func BenchmarkSummaryRender(b *testing.B) {
	for _, style := range []string{mdrender.StyleDark, mdrender.StylePlain} {
		b.Run(style, func(b *testing.B) {
			d := newDriver(b, 120, 40, Options{})
			d.fill(loadExample(b, "strong-kap-circle.yaml"))
			k := renderKey{rev: d.m.c.rev(), width: 116, style: style}
			b.ReportAllocs()
			for b.Loop() {
				if msg := renderCmd(d.m.c, k)().(summaryMsg); msg.err != nil {
					b.Fatal(msg.err)
				}
			}
		})
	}
}

// BenchmarkSummaryFrame is one frame of the summary screen: it must not
// render markdown again.
func BenchmarkSummaryFrame(b *testing.B) {
	d := newDriver(b, 120, 40, Options{Dark: true})
	d.fill(loadExample(b, "strong-kap-circle.yaml")).keys("enter")
	b.ReportAllocs()
	for b.Loop() {
		_ = d.m.View()
	}
}

// BenchmarkNewRenderer is what a resize of the summary costs once: a
// glamour renderer for the new width.
func BenchmarkNewRenderer(b *testing.B) {
	for b.Loop() {
		if _, err := mdrender.New(116, mdrender.StyleDark); err != nil {
			b.Fatal(err)
		}
	}
}
