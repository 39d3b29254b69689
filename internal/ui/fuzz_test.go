package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// fuzzKeys are the keys a fuzzed byte picks from.
var fuzzKeys = []string{
	"enter", "esc", "tab", "shift+tab", "up", "down", "space", "backspace", "delete",
	"pgdown", "pgup", "home", "end", "ctrl+u", "?", "q", "s", "y", "n", "u", "x", "0", "1", "2", "3", "4", "9", "a",
	"ctrl+n", "c", "N",
}

// FuzzModel drives the walkthrough with arbitrary keys, pastes and resizes:
// it must never panic, and every frame must fit the window. (Issue 5 adds
// the check that no answer is ever lost.)
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte("\x16\x00\x00\x00\x00\x00\x00\x00\x00\x0e\x0c\x10\x01\x00\xff\x05\x20\x03\xfe\x01\x01"))
	f.Add([]byte{22, 0, 5, 5, 0, 255, 1, 1, 254, 40, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := newDriver(t, 80, 24, Options{})
		w, h := 80, 24
		for i := 0; i < len(data) && !d.quit; i++ {
			b := data[i]
			switch {
			case b == 0xff && i+2 < len(data): // resize
				w, h = int(data[i+1]%200), int(data[i+2]%70)
				i += 2
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
			case b == 0xfe && i+1 < len(data): // paste
				d.send(tea.PasteMsg{Content: string(data[i+1 : min(len(data), i+9)])})
				i += 8
			default:
				d.keys(fuzzKeys[int(b)%len(fuzzKeys)])
			}
			checkFits(t, d.m.View().Content, w, h)
		}
	})
}
