package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// FrameInterval is the least time between two frames drawn while changes
// keep coming (60 a second: the terminal shows no more).
const FrameInterval = time.Second / 60

// frameMsg says a frame held back is now due.
type frameMsg struct{}

// frames coalesces drawing: bubbletea asks for a frame after every
// message, and drawing costs about twenty times what a key's Update does,
// so a flood of keys drawn one by one takes seconds to catch up. A change
// within FrameInterval of the last frame reuses it and asks for one frame
// at the end of the interval, which shows every change since: the screen
// is never more than one interval behind, and never left stale.
type frames struct {
	last    tea.View
	at      time.Time
	drawnOK bool
	stale   bool // a change since last was drawn
	pending bool // a frameMsg is on its way
}

// changed notes a change at now and returns the command that brings the
// held-back frame, if one is needed and none is on its way.
func (f *frames) changed(now time.Time) tea.Cmd {
	if !f.drawnOK || now.Sub(f.at) >= FrameInterval {
		f.stale = false
		return nil // draw at once
	}
	f.stale = true
	if f.pending {
		return nil
	}
	f.pending = true
	return tea.Tick(FrameInterval-now.Sub(f.at), func(time.Time) tea.Msg { return frameMsg{} })
}

// due is the held-back frame's turn: the next View draws.
func (f *frames) due() { f.stale, f.pending = false, false }

// reuse returns the last frame while a change is held back.
func (f *frames) reuse() (tea.View, bool) {
	if f.stale && f.drawnOK {
		return f.last, true
	}
	return tea.View{}, false
}

// drawn records a frame just drawn.
func (f *frames) drawn(v tea.View, now time.Time) {
	f.last, f.at, f.drawnOK, f.stale = v, now, true, false
}
