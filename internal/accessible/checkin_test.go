package accessible_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/intake"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/rules"
)

// TestCheckinByLines: a check-in answered line by line, as a screen reader
// user or a script does: numbers pick the answers, an empty line skips an
// optional question and is refused for the required one, a bad number asks
// again, and q stops with nothing kept.
func TestCheckinByLines(t *testing.T) {
	p := pack(t)
	tests := []struct {
		name, input          string
		felt, distress, note string
		signs, seen          []string
		wantErr              bool
		transcript           []string
	}{
		{name: "every question", input: "3\n4\n1,2\n2\ny\nleft shaky\n", felt: "worse", distress: "yes", note: "left shaky",
			signs: []string{"performing"}, seen: []string{"opens-with-agreements", "holds-time", "allows-advice"},
			transcript: []string{"How did you feel after the session?", "Recorded: worse.", "Signs it is time to leave", "Recorded: yes.\n\nYou mentioned distress. A peer circle is not crisis care: if you are in crisis, call or text 988"}},
		{name: "skips and a retry", input: "\n7\n1\n\n\n\n\n\n", felt: "better",
			transcript: []string{"This one is needed", "Not understood", "Skipped."}},
		{name: "input ends after the first answer", input: "2\n", felt: "same"},
		{name: "q stops, nothing kept", input: "3\nq\n", wantErr: true, transcript: []string{"no check-in was kept"}},
		{name: "no answer at all", input: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			c, err := accessible.Checkin(p, strings.NewReader(tt.input), &out, "Thursday KAP Circle", accessible.Options{Echo: true})
			if tt.wantErr {
				if !errors.Is(err, accessible.ErrNoCheckin) || c != nil {
					t.Fatalf("Checkin = %+v, %v; want nothing kept", c, err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if c.Felt != tt.felt || c.Distress != tt.distress || c.Note != tt.note ||
					strings.Join(c.Signs, ",") != strings.Join(tt.signs, ",") || strings.Join(c.Seen, ",") != strings.Join(tt.seen, ",") {
					t.Errorf("Checkin = %+v", c)
				}
			}
			for _, want := range tt.transcript {
				if !strings.Contains(out.String(), want) {
					t.Errorf("the transcript lacks %q:\n%s", want, out.String())
				}
			}
		})
	}
}

// TestCheckinInSpanish: the Spanish pack asks in Spanish, and s answers yes.
func TestCheckinInSpanish(t *testing.T) {
	p, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	c, err := accessible.Checkin(p, strings.NewReader("1\n\n\n\nsí\n\n"), &out, "Jueves", accessible.Options{Echo: true})
	if err != nil || c.Felt != "better" || c.Distress != "yes" {
		t.Fatalf("Checkin = %+v, %v\n%s", c, err, out.String())
	}
	if !strings.Contains(out.String(), "¿Cómo se sintió después de la sesión?") || strings.Contains(out.String(), "How did you feel") {
		t.Errorf("not Spanish:\n%s", out.String())
	}
}

// TestKeepAfterSummary: after the summary and answers offers, y keeps the
// answers in the register under the circle's name, and says where; a
// failure says why; enter declines without writing.
func TestKeepAfterSummary(t *testing.T) {
	p := pack(t)
	a := example(t, p, "strong-kap-circle.yaml")
	lines := script(p, a)
	var kept, sources []string
	keep := func(name, source string, answers []byte) (string, error) {
		if name == "" || !strings.Contains(string(answers), "seller-run: no") || strings.Contains(string(answers), "resume_at") {
			t.Errorf("kept %q with:\n%s", name, answers)
		}
		kept = append(kept, name)
		sources = append(sources, source)
		if len(kept) == 2 {
			return "", errors.New("write /reg/x.yaml: no space left on device")
		}
		return "/reg/thursday-kap-circle/vettings/x.yaml", nil
	}
	opts := accessible.Options{Options: intake.Options{Dir: t.TempDir(), Keep: keep}}
	_, out, err := run(t, p, append(lines, "n", "", "y", "1"), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	// Keeping asks how the answers were gathered (issue 17: provenance).
	if len(sources) != 1 || sources[0] != "call" || !strings.Contains(out, "How were these answers gathered?") {
		t.Errorf("the source asked: %q\n%s", sources, out[max(0, len(out)-600):])
	}
	if len(kept) != 1 || kept[0] != "Thursday KAP Circle" || !strings.Contains(out, "Kept in your circles as /reg/thursday-kap-circle/vettings/x.yaml") {
		t.Fatalf("kept %v:\n%s", kept, out[max(0, len(out)-600):])
	}
	_, out, _ = run(t, p, append(lines, "n", "", "y"), opts)
	if !strings.Contains(out, "Not kept in your circles: ") {
		t.Errorf("a failed keep says nothing:\n%s", out[max(0, len(out)-400):])
	}
	_, _, _ = run(t, p, append(lines, "n", "", ""), opts)
	if len(kept) != 2 {
		t.Errorf("enter at the keep offer still kept (%d calls)", len(kept))
	}
}
