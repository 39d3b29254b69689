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
