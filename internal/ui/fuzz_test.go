package ui

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	tea "charm.land/bubbletea/v2"
)

// fuzzKeys are the keys a fuzzed byte picks from.
var fuzzKeys = []string{
	"enter", "esc", "tab", "shift+tab", "up", "down", "space", "backspace", "delete",
	"pgdown", "pgup", "home", "end", "ctrl+u", "?", "q", "s", "y", "n", "u", "x", "0", "1", "2", "3", "4", "9", "a",
	"ctrl+n", "c", "N",
}

// FuzzModel drives the walkthrough with arbitrary keys, pastes and resizes:
// it must never panic, and every frame must fit the window.
// FuzzModelKeepsAnswers checks that no answer is ever lost.
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

// keepKeys are every key the fuzzer uses except those whose job is to take
// an answer back to "not asked yet" (clearing it, or erasing a text field).
var keepKeys = func() []string {
	var ks []string
	for _, k := range fuzzKeys {
		if k != "backspace" && k != "delete" && k != "ctrl+u" {
			ks = append(ks, k)
		}
	}
	return ks
}()

// FuzzModelKeepsAnswers starts from a complete intake (the strong example)
// and drives arbitrary keys (all but the clear keys), pastes and resizes:
// an answer may change, but no answered question may ever go back to "not
// asked yet" and no note may disappear.
func FuzzModelKeepsAnswers(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte("\xff\x01\x01\x00\x00\xfe\x1b[2J\x07\x05\x06"))
	f.Add([]byte{16, 16, 16, 28, 1, 1, 17, 0, 0, 3, 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		a := loadExample(t, "strong-kap-circle.yaml")
		want := map[string]bool{}
		for id := range a.Values {
			want[id] = true
		}
		notes := map[string]bool{}
		for id := range a.Notes {
			notes[id] = true
		}
		d := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: a}})
		for i := 0; i < len(data) && !d.quit; i++ {
			b := data[i]
			switch {
			case b == 0xff && i+2 < len(data):
				d.send(tea.WindowSizeMsg{Width: int(data[i+1] % 200), Height: int(data[i+2] % 70)})
				i += 2
			case b == 0xfe && i+1 < len(data):
				d.send(tea.PasteMsg{Content: string(data[i+1 : min(len(data), i+9)])})
				i += 8
			default:
				d.keys(keepKeys[int(b)%len(keepKeys)])
			}
			for id := range want {
				if _, ok := d.answer(id); !ok {
					t.Fatalf("after %q, answer %s was lost", data[:i+1], id)
				}
			}
			for id := range notes {
				if _, ok := d.m.c.answers.Notes[id]; !ok {
					t.Fatalf("after %q, the note on %s was lost", data[:i+1], id)
				}
			}
		}
	})
}
