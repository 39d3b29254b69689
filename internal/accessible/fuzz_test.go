package accessible_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
)

// FuzzRun types arbitrary input at the prompts. The walkthrough must never
// panic, never print a control character or escape sequence, end with one
// of its documented outcomes, and only ever record answers that an answers
// file can hold: MarshalAnswers then ParseAnswers gives them back unchanged.
//
//	go test ./internal/accessible -run '^$' -fuzz FuzzRun -fuzztime 30s
func FuzzRun(f *testing.F) {
	p := pack(f)
	a := example(f, p, "strong-kap-circle.yaml")
	f.Add([]byte(strings.Join(append(script(p, a), "y"), "\n")))
	f.Add([]byte("2\n2\n\x1b]52;c;eA==\a\r\n1\n\n-1\n1e400\n1,2,,9\nb\nb\nb\n-\nq\nn\n?\nnone\n0,1\nq\ny\n"))
	f.Add([]byte("1\r\n1\r\nName\r\n4\r\n\r\n\r\n\r\n\r\n\r\nNaN\r\nInf\r\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		var out strings.Builder
		opts := accessible.Options{Options: intake.Options{Dir: t.TempDir(), Now: func() time.Time { return day }, OnChange: func(*checklist.Answers) {}}, Echo: true}
		got, err := accessible.Run(context.Background(), p, strings.NewReader(string(input)), &out, opts)
		if err != nil && !errors.Is(err, accessible.ErrQuit) && !errors.Is(err, accessible.ErrInputEnded) {
			t.Fatalf("Run: unexpected error %v", err)
		}
		s := out.String()
		if !utf8.ValidString(s) {
			t.Fatalf("output is not valid UTF-8")
		}
		for i, r := range s {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("output has %U at byte %d: %q", r, i, s[max(0, i-30):min(len(s), i+10)])
			}
		}
		data := checklist.MarshalAnswers(p, got)
		back, err := checklist.ParseAnswers(p, "draft.yaml", data)
		if err != nil {
			t.Fatalf("recorded answers do not make a valid file: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(back.Values, got.Values) {
			t.Fatalf("answers changed through a file:\n got %#v\nwant %#v", back.Values, got.Values)
		}
	})
}

// FuzzCheckin types arbitrary input at the check-in's prompts: never a
// panic or a control character out, and whatever is kept makes a check-in
// file that reads back the same.
//
//	go test ./internal/accessible -run '^$' -fuzz FuzzCheckin -fuzztime 30s
func FuzzCheckin(f *testing.F) {
	p := pack(f)
	f.Add([]byte("3\n4\n1,2\n2\ny\nleft shaky\n"))
	f.Add([]byte("\n\x1b[2J\n9\n1\nnone\n0\n-\nu\n\x07note\r\n"))
	f.Add([]byte("q\n"))
	f.Fuzz(func(t *testing.T, input []byte) {
		var out strings.Builder
		c, err := accessible.Checkin(p, strings.NewReader(string(input)), &out, "Circle\x1b]0;x\a", accessible.Options{Echo: true})
		if err != nil {
			if !errors.Is(err, accessible.ErrNoCheckin) {
				t.Fatalf("Checkin: unexpected error %v", err)
			}
			return
		}
		for i, r := range out.String() {
			if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("output has %U at byte %d", r, i)
			}
		}
		c.Date = "2026-11-30"
		back, err := checklist.ParseCheckin(p, "checkin.yaml", checklist.MarshalCheckin(c))
		if err != nil {
			t.Fatalf("the check-in does not make a valid file: %v\n%s", err, checklist.MarshalCheckin(c))
		}
		back.File = ""
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("changed through a file:\n got %#v\nwant %#v", back, c)
		}
	})
}
