package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// TestBothFrontEndsSaveTheSameAnswers: the same answers, typed into the
// full-screen walkthrough (keys at 80x24) and into accessible mode (lines),
// are saved as byte-identical answers files. Both front ends only read
// keys or lines and draw; the session parses, records and saves.
func TestBothFrontEndsSaveTheSameAnswers(t *testing.T) {
	p := testPack(t)
	for _, name := range []string{"strong-kap-circle.yaml", "red-flag-vendor.yaml", "online-peer-group.yaml",
		"attending-should-leave.yaml", "retreat-early-integration.yaml", "donation-circle.yaml", "incomplete-intake.yaml"} {
		t.Run(name, func(t *testing.T) {
			want := loadExample(t, name)
			file := intake.FileName(want.Values["circle-name"].Text, testDate, ".yaml")

			tuiDir := t.TempDir()
			d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: tuiDir}})
			// Review, summary, save the summary, then the answers offered beside it.
			d.fill(want).keys("enter", "s", "enter", "enter")
			tui, err := os.ReadFile(filepath.Join(tuiDir, file))
			if err != nil {
				t.Fatalf("the walkthrough saved no answers file: %v\n%s", err, d.view())
			}

			a11yDir := t.TempDir()
			lines := append(lineScript(p, want), "y", "1")
			var out bytes.Buffer
			_, err = accessible.Run(context.Background(), p, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out,
				accessible.Options{Options: intake.Options{Dir: a11yDir, Now: func() time.Time { return testDate }}})
			if err != nil {
				t.Fatalf("accessible mode: %v\n%s", err, out.String())
			}
			lined, err := os.ReadFile(filepath.Join(a11yDir, file))
			if err != nil {
				t.Fatalf("accessible mode saved no answers file: %v\n%s", err, out.String())
			}
			if !bytes.Equal(tui, lined) {
				t.Errorf("the answers files differ:\nwalkthrough:\n%s\naccessible:\n%s", tui, lined)
			}
			if bytes.Contains(tui, []byte("resume_at")) {
				t.Error("a saved answers file says where a draft stopped")
			}
		})
	}
}

// lineScript is the lines that answer a at accessible mode's prompts, in
// the order it asks them (a session of its own follows the plan as it
// grows); Enter alone skips what a does not answer.
func lineScript(p *checklist.Pack, a *checklist.Answers) []string {
	s := intake.NewSession(p, intake.Options{})
	var lines []string
	for s.At().AtQuestion() {
		q := p.Question(s.At().Question)
		v, ok := a.Get(q.ID)
		if !ok {
			lines = append(lines, "")
			s.Next()
			continue
		}
		s.Answer(q.ID, v)
		number := func(id string) string {
			for i, o := range q.Options {
				if o.ID == id {
					return strconv.Itoa(i + 1)
				}
			}
			return id
		}
		switch q.Kind {
		case checklist.KindChoice:
			lines = append(lines, number(v.Choice))
		case checklist.KindMulti:
			var ns []string
			for _, id := range v.List {
				ns = append(ns, number(id))
			}
			lines = append(lines, strings.Join(append(ns, "0")[:max(len(ns), 1)], " "))
		case checklist.KindTristate:
			lines = append(lines, v.Choice[:1])
		default:
			lines = append(lines, intake.AnswerText(p, q, v))
		}
		s.Next()
	}
	return lines
}

// TestBothCheckinsRecordTheSame: the same check-in, on the check-in screen
// and at line prompts, records the same check-in file (the questions and
// their mapping are the intake core's).
func TestBothCheckinsRecordTheSame(t *testing.T) {
	p := testPack(t)
	tests := []struct {
		name  string
		keys  []string // on the screen: one field per enter, the note typed
		lines []string // at the prompts
	}{
		{"worse, a sign, a poor habit, distress and a note",
			[]string{"3", "enter", "4", "enter", "enter", "2", "enter", "y", "enter", "left shaky", "enter"},
			[]string{"3", "4", "", "2", "y", "left shaky"}},
		{"better, nothing else", []string{"1", "enter", "enter", "enter", "enter", "enter", "enter"},
			[]string{"1", "", "", "", "", ""}},
		{"same, distress unknown", []string{"2", "enter", "enter", "enter", "enter", "u", "enter", "enter"},
			[]string{"2", "", "", "", "u", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := NewCheckin(p, "Thursday KAP Circle", true, true)
			k.Init()
			for _, key := range tt.keys {
				if len(key) > 1 && key != "enter" {
					for _, r := range key {
						checkinKeys(k, string(r))
					}
					continue
				}
				checkinKeys(k, key)
			}
			screen := k.Result()
			var out bytes.Buffer
			lined, err := accessible.Checkin(p, strings.NewReader(strings.Join(tt.lines, "\n")+"\n"), &out, "Thursday KAP Circle", accessible.Options{})
			if err != nil || screen == nil {
				t.Fatalf("screen %+v; prompts: %v\n%s", screen, err, out.String())
			}
			if a, b := checklist.MarshalCheckin(screen), checklist.MarshalCheckin(lined); !bytes.Equal(a, b) {
				t.Errorf("the check-ins differ:\nscreen:\n%s\nprompts:\n%s", a, b)
			}
		})
	}
}
