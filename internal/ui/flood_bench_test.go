package ui

import "testing"

// BenchmarkKeyFlood is a backlog of typed keys worked off with one frame
// per frame interval: Update for every key, View once per 100 keys (a
// flood of 5,000 keys in 1.3 s is about 60 keys a frame).
func BenchmarkKeyFlood(b *testing.B) {
	d := newDriver(b, 80, 24, Options{Dark: true})
	d.keys("enter", "enter")
	keys := []any{press("a"), press("backspace")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		d.send(keys[i%2])
		if i%100 == 0 {
			_ = d.m.View()
		}
	}
}
