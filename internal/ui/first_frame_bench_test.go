package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkFirstFrame is the walkthrough's work before its first frame at
// 80x24: the model (and its session) made, sized and drawn. The process
// start around it is timed by scripts/bench-tui against huh and gum.
func BenchmarkFirstFrame(b *testing.B) {
	p := testPack(b)
	b.ReportAllocs()
	for b.Loop() {
		m := New(p, Options{})
		m.Init()
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if m.View().Content == "" {
			b.Fatal("no first frame")
		}
	}
}
