package checklist_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// TestSplitAnswers: the pack's record: person sections go to the person,
// the rest (and the circle block) to the circle; together they are the
// whole vetting again.
func TestSplitAnswers(t *testing.T) {
	p := defaultPack(t)
	a := answers(t, p, strongBody)
	a.Set("distress", checklist.Value{Choice: checklist.No})
	a.Set("leave-signs", checklist.Value{List: []string{"performing", "advice-drift"}})
	a.SetNote("comfort-sharing", "Pt M.R.: SI last spring")
	circle, person := checklist.SplitAnswers(p, a)
	for id := range person.Values {
		if s := p.Section(p.Question(id).Section); s.Record != checklist.RecordPerson {
			t.Errorf("person record holds %s (section %s)", id, s.ID)
		}
	}
	for _, id := range []string{"user-role", "comfort-sharing", "distress", "leave-signs", "access"} {
		if _, ok := circle.Get(id); ok {
			t.Errorf("circle record holds %s", id)
		}
	}
	if _, ok := circle.Notes["comfort-sharing"]; ok || person.Notes["comfort-sharing"] == "" {
		t.Error("the note under a person's question is not the person's")
	}
	if _, ok := circle.Get("circle-name"); !ok {
		t.Error("the circle lost its name")
	}
	joined := checklist.JoinAnswers(circle, person)
	if !reflect.DeepEqual(joined.Values, a.Values) || !reflect.DeepEqual(joined.Notes, a.Notes) {
		t.Error("circle and person joined are not the vetting")
	}
	// What the person saw of the circle, and only that.
	if got := p.ObservationsOf(person); !slices.Equal(got, []string{"advice-drift"}) {
		t.Errorf("observations = %v, want [advice-drift]", got)
	}
}

func FuzzParseSeenAndReferral(f *testing.F) {
	f.Add([]byte("version: 1\ndate: 2026-11-02\nseen: [allows-advice]\n"))
	f.Add([]byte("version: 1\ncircle: \"A\"\nstatus: declined\ndate: 2026-11-02\nby: person\nnote: \"x\"\n"))
	f.Add([]byte("seen: [[[\n"))
	p := defaultPack(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := checklist.ParseSeen(p, "s.yaml", data); err == nil {
			back, err := checklist.ParseSeen(p, "s.yaml", checklist.MarshalSeen(s))
			if err != nil || back.Date != s.Date || !slices.Equal(back.IDs, s.IDs) {
				t.Errorf("seen does not round-trip: %v", err)
			}
		}
		if r, err := checklist.ParseReferral(p, "r.yaml", data); err == nil {
			back, err := checklist.ParseReferral(p, "r.yaml", checklist.MarshalReferral(r))
			if err != nil || back.Status != r.Status || back.Note != r.Note || back.Circle != r.Circle {
				t.Errorf("referral does not round-trip: %v", err)
			}
		}
	})
}
