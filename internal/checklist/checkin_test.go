package checklist_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

func checkins(felt ...string) []checklist.Checkin {
	var out []checklist.Checkin
	for i, f := range felt {
		out = append(out, checklist.Checkin{Circle: "Thursday", Date: "2026-0" + string(rune('1'+i)) + "-01", Felt: f, Signs: []string{}, Seen: []string{}})
	}
	return out
}

// weekly is a check-in a week from 2026-01-05, one per felt.
func weekly(felt ...string) []checklist.Checkin {
	var out []checklist.Checkin
	for i, f := range felt {
		d := time.Date(2026, 1, 5+7*i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		out = append(out, checklist.Checkin{Circle: "Thursday", Date: d, Felt: f, Signs: []string{}, Seen: []string{}})
	}
	return out
}

// TestStayOverHistory: the stay answer judged over check-ins.
func TestStayOverHistory(t *testing.T) {
	p := defaultPack(t)
	strong := answers(t, p, strongBody)
	stayOf := func(hist []checklist.Checkin) (checklist.StayValue, []string, bool) {
		r := checklist.EvaluateHistory(p, strong, hist)
		var ids []string
		for _, x := range r.Stay.Reasons {
			ids = append(ids, x.Rule)
		}
		return r.Stay.Value, ids, r.Crisis
	}
	tests := []struct {
		name   string
		hist   []checklist.Checkin
		want   checklist.StayValue
		reason string
		not    string
	}{
		{"a single bad session is not a trend", checkins("better", "same", "better", "worse"), checklist.StayWatch, "STAY-ONE-BAD-SESSION", "STAY-TREND-WORSE"},
		{"three of the last four worse is a trend: leave", checkins("better", "worse", "worse", "same", "worse"), checklist.StayLeave, "STAY-TREND-WORSE", "STAY-ONE-BAD-SESSION"},
		{"worse three times running: leave", checkins("worse", "worse", "worse"), checklist.StayLeave, "STAY-TREND-WORSE", ""},
		{"early days: keep watching", checkins("better", "better"), checklist.StayWatch, "EARLY-DAYS", "STAY-TREND-WORSE"},
		{"steady and better: stay", checkins("better", "same", "better", "better", "better", "same"), checklist.StayStay, "STAY-JUDGE-FIT", "STAY-ONE-BAD-SESSION"},
		// Issue 19: six weekly sessions are five weeks, not the guide's
		// three to six months ("How often should I attend?"): no "enough
		// sessions to judge fit" from a count of sessions.
		{"six weekly sessions: too soon to judge fit", weekly("better", "same", "better", "better", "better", "same"), checklist.StayStay, "", "STAY-TIME-TO-JUDGE"},
		{"six weekly sessions: no judge-fit prompt", weekly("better", "same", "better", "better", "better", "same"), checklist.StayStay, "", "STAY-JUDGE-FIT"},
		{"thirteen weekly sessions: three months, time to judge fit", weekly("same", "same", "same", "same", "same", "same", "same", "same", "same", "same", "same", "same", "same", "same"), checklist.StayStay, "STAY-JUDGE-FIT", "STAY-TIME-TO-JUDGE"},
		{"three months in (monthly): time to judge fit", checkins("same", "same", "same", "same"), checklist.StayStay, "STAY-JUDGE-FIT", "STAY-TREND-WORSE"},
		{"two months in: not yet", checkins("same", "same", "same"), checklist.StayStay, "", "STAY-JUDGE-FIT"},
		{"an old bad run has passed", checkins("worse", "worse", "worse", "better", "better", "better", "same"), checklist.StayStay, "", "STAY-TREND-WORSE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ids, _ := stayOf(tc.hist)
			if got != tc.want || (tc.reason != "" && !slices.Contains(ids, tc.reason)) || (tc.not != "" && slices.Contains(ids, tc.not)) {
				t.Errorf("stay = %s %v, want %s with %s and without %s", got, ids, tc.want, tc.reason, tc.not)
			}
		})
	}
	// A leave sign noticed in a recent check-in counts as the walkthrough's.
	hist := checkins("better", "same", "better", "better")
	hist[2].Signs = []string{"performing"}
	hist[3].Signs = []string{"performing"}
	if got, ids, _ := stayOf(hist); got != checklist.StayLeave || !slices.Contains(ids, "LEAVE-PERFORMING") {
		t.Errorf("a recurring sign: stay = %s %v, want leave", got, ids)
	}
	// A trend brings the crisis line first; distress in a check-in too.
	if _, _, crisis := stayOf(checkins("worse", "worse", "worse")); !crisis {
		t.Error("a run of worse sessions does not put the crisis line first")
	}
	hist = checkins("better", "better", "better")
	hist[2].Distress = checklist.Yes
	if r := checklist.EvaluateHistory(p, strong, hist); !r.Crisis {
		t.Error("distress in a check-in does not put the crisis line first")
	}
}

func TestCheckinFiles(t *testing.T) {
	p := defaultPack(t)
	c := &checklist.Checkin{Circle: "Thursday KAP Circle", Date: "2026-11-30", Felt: "worse", Signs: []string{"feel-worse"}, Seen: []string{"allows-advice", "holds-time"}, Distress: "no", Note: "hard one"}
	back, err := checklist.ParseCheckin(p, "c.yaml", checklist.MarshalCheckin(c))
	if err != nil {
		t.Fatal(err)
	}
	back.File = ""
	if back.Circle != c.Circle || back.Felt != c.Felt || !slices.Equal(back.Signs, c.Signs) || !slices.Equal(back.Seen, c.Seen) || back.Note != c.Note || back.Distress != c.Distress {
		t.Errorf("round trip: %+v, want %+v", back, c)
	}
	for _, tc := range []struct{ body, want string }{
		{"version: 1\ncircle: T\ndate: 2026-13-01\nfelt: worse\n", "c.yaml:3:7: date \"2026-13-01\" is not a date"},
		{"version: 1\ncircle: T\ndate: 2026-11-01\nfelt: awful\n", "c.yaml:4:7: felt \"awful\" is not better, same or worse"},
		{"version: 1\ncircle: T\ndate: 2026-11-01\nfelt: same\nsigns: [dizzy]\n", "c.yaml:5:9: \"dizzy\" is not one of the options"},
		{"version: 1\ndate: 2026-11-01\nfelt: same\n", "check-in has no circle"},
		{"version: 1\ncircle: T\ndate: 2026-11-01\nfelt: same\nmood: blue\n", "c.yaml:5:1: unknown key \"mood\""},
	} {
		_, err := checklist.ParseCheckin(p, "c.yaml", []byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseCheckin(%q) = %v, want %q", tc.body, err, tc.want)
		}
	}
}

func FuzzParseCheckin(f *testing.F) {
	f.Add([]byte("version: 1\ncircle: T\ndate: 2026-11-01\nfelt: same\nsigns: [performing]\nseen: [holds-time]\n"))
	f.Add([]byte("[[[[[[[[[["))
	p := defaultPack(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := checklist.ParseCheckin(p, "f.yaml", data)
		if err == nil {
			if _, err := checklist.ParseCheckin(p, "g.yaml", checklist.MarshalCheckin(c)); err != nil {
				t.Fatalf("a check-in read back fails: %v", err)
			}
		}
	})
}

// TestSurrogatePairEscapes: "\ud83c\udf3f Grove" (how JSON, and tools that
// write YAML like JSON, spell a character outside the BMP) reads as
// "🌿 Grove", not two replacement characters (issue 17, item 7).
func TestSurrogatePairEscapes(t *testing.T) {
	p := defaultPack(t)
	for in, want := range map[string]string{
		`"\ud83c\udf3f Grove"`: "🌿 Grove",
		`"\U0001F33F Grove"`:   "🌿 Grove",
		`"\ud83c Grove"`:       "\uFFFD Grove",
	} {
		c, err := checklist.ParseCheckin(p, "c.yaml", []byte("version: 1\ncircle: "+in+"\ndate: 2026-11-02\nfelt: same\n"))
		if err != nil || c.Circle != want {
			t.Errorf("circle: %s reads as %+v, %v; want %q", in, c, err, want)
		}
	}
}

// TestCheckinRecorded: a check-in keeps when, by whom, from what and under
// which rules it was recorded, and reads it back; a session before 2000
// is refused (issue 17: provenance, dates).
func TestCheckinRecorded(t *testing.T) {
	p := defaultPack(t)
	c := &checklist.Checkin{Circle: "Thursday", Date: "2026-11-02", Felt: "same", Signs: []string{}, Seen: []string{},
		Recorded: checklist.Provenance{On: "2026-11-03", By: "Ana", Source: "session", Rules: "vetcircle-en 2.0.0"}}
	back, err := checklist.ParseCheckin(p, "c.yaml", checklist.MarshalCheckin(c))
	if err != nil || back.Recorded != c.Recorded {
		t.Errorf("read back %+v, %v", back, err)
	}
	if _, err := checklist.ParseCheckin(p, "c.yaml", []byte("version: 1\ncircle: x\ndate: 0001-01-01\nfelt: same\n")); err == nil {
		t.Error("a session in year 1 was read")
	}
}
