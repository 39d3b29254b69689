package intake_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/rules"
)

var day = time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)

func session(t *testing.T, p *checklist.Pack, o intake.Options) *intake.Session {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return day }
	}
	if o.Dir == "" {
		o.Dir = t.TempDir()
	}
	return intake.NewSession(p, o)
}

// TestParse: every field kind, as typed at a line prompt or into a field.
func TestParse(t *testing.T) {
	p := pack(t)
	es, err := rules.ForLanguage("es")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		pack     *checklist.Pack
		question string
		typed    string
		want     checklist.Value
		empty    bool
		problem  intake.ProblemKind
	}{
		{p, "user-role", "2", intake.Choice("coordinator"), false, 0},
		{p, "user-role", "coordinator", intake.Choice("coordinator"), false, 0},
		{p, "user-role", "3", checklist.Value{}, false, intake.NotUnderstood},
		{p, "user-role", "  ", checklist.Value{}, true, 0},
		{p, "rf-vendor-dosing", "y", intake.Choice(checklist.Yes), false, 0},
		{p, "rf-vendor-dosing", "No", intake.Choice(checklist.No), false, 0},
		{p, "rf-vendor-dosing", "u", intake.Choice(checklist.Unknown), false, 0},
		{es, "rf-vendor-dosing", "sí", intake.Choice(checklist.Yes), false, 0},
		{p, "rf-vendor-dosing", "maybe", checklist.Value{}, false, intake.NotUnderstood},
		{p, "agreements", "3, 1", checklist.Value{List: []string{"confidentiality", "no-pressure"}}, false, 0},
		{p, "agreements", "0", intake.None(), false, 0},
		{p, "agreements", "none", intake.None(), false, 0},
		{p, "agreements", "1 99", checklist.Value{}, false, intake.NotAnOption},
		{p, "participants", "a dozen", checklist.Value{Number: 12}, false, 0},
		{p, "participants", "about 12", checklist.Value{Number: 12, Approx: true}, false, 0},
		{p, "participants", "0", checklist.Value{}, false, intake.OutOfRange},
		{p, "participants", "lots", checklist.Value{}, false, intake.NotUnderstood},
		{es, "participants", "una docena", checklist.Value{Number: 12}, false, 0},
		{p, "cost-usd", "$150 a session", checklist.Value{Number: 150}, false, 0},
		{p, "circle-name", "  Thursday \x1b[31mKAP\x1b[0m  Circle ", intake.Text("Thursday KAP Circle"), false, 0},
		{p, "circle-name", strings.Repeat("x", checklist.MaxLineLen+1), checklist.Value{}, false, intake.TooLong},
	}
	for _, tt := range tests {
		t.Run(tt.question+"/"+tt.typed, func(t *testing.T) {
			q := tt.pack.Question(tt.question)
			if q == nil {
				t.Fatalf("no question %s", tt.question)
			}
			v, empty, problem := intake.Parse(tt.pack, q, tt.typed)
			switch {
			case tt.problem != 0:
				if problem == nil || problem.Kind != tt.problem {
					t.Errorf("problem = %+v, want kind %d", problem, tt.problem)
				}
			case problem != nil:
				t.Errorf("refused: %+v", problem)
			case empty != tt.empty:
				t.Errorf("empty = %v", empty)
			case !empty && !v.Equal(tt.want):
				t.Errorf("value = %+v, want %+v", v, tt.want)
			}
		})
	}
	// Agreements are saved in the pack's order, whatever order they were typed in.
	q := p.Question("agreements")
	v, _, _ := intake.Parse(p, q, "3 1")
	if len(v.List) != 2 || v.List[0] != q.Options[0].ID {
		t.Errorf("list not in pack order: %v", v.List)
	}
}

// TestRangeText: the one range phrase both front ends say.
func TestRangeText(t *testing.T) {
	p := pack(t)
	for id, want := range map[string]string{
		"participants": " from 1 to 100000 people",
		"circle-name":  "",
	} {
		if got := intake.RangeText(p, p.Question(id)); got != want {
			t.Errorf("RangeText(%s) = %q, want %q", id, got, want)
		}
	}
}

// TestSessionChanges: answering, clearing and notes report a change only
// when there is one (Value.Equal: range ends, unsure items and
// approximations count).
func TestSessionChanges(t *testing.T) {
	p := pack(t)
	upper := func(f float64) *float64 { return &f }
	steps := []struct {
		name    string
		do      func(s *intake.Session) bool
		changed bool
	}{
		{"a first answer", func(s *intake.Session) bool {
			return s.Answer("participants", checklist.Value{Number: 20, Upper: upper(60)})
		}, true},
		{"the same answer", func(s *intake.Session) bool {
			return s.Answer("participants", checklist.Value{Number: 20, Upper: upper(60)})
		}, false},
		{"a range's end", func(s *intake.Session) bool {
			return s.Answer("participants", checklist.Value{Number: 20, Upper: upper(80)})
		}, true},
		{"approximate", func(s *intake.Session) bool {
			return s.Answer("participants", checklist.Value{Number: 20, Upper: upper(80), Approx: true})
		}, true},
		{"an unsure item", func(s *intake.Session) bool {
			return s.Answer("agreements", checklist.Value{List: []string{}, Unsure: []string{"confidentiality"}})
		}, true},
		{"the unsure item again", func(s *intake.Session) bool {
			return s.Answer("agreements", checklist.Value{List: []string{}, Unsure: []string{"confidentiality"}})
		}, false},
		{"typed the same", func(s *intake.Session) bool { ch, _ := s.Typed(p.Question("participants"), "about 20-80"); return ch }, false},
		{"typed empty clears", func(s *intake.Session) bool { ch, _ := s.Typed(p.Question("participants"), ""); return ch }, true},
		{"clear again", func(s *intake.Session) bool { return s.Clear("participants") }, false},
		{"a note", func(s *intake.Session) bool { ch, _ := s.Note("training", "first line\r\nsecond line"); return ch }, true},
		{"the same note", func(s *intake.Session) bool { ch, _ := s.Note("training", "first line\nsecond line"); return ch }, false},
		{"a note removed", func(s *intake.Session) bool { ch, _ := s.Note("training", "  "); return ch }, true},
		{"a note too long", func(s *intake.Session) bool {
			ch, problem := s.Note("training", strings.Repeat("x", intake.NoteLimit+1))
			return ch || problem == nil
		}, false},
	}
	s := session(t, p, intake.Options{})
	for _, st := range steps {
		rev := s.Rev()
		got := st.do(s)
		if got != st.changed {
			t.Errorf("%s: changed = %v, want %v", st.name, got, st.changed)
		}
		if (s.Rev() != rev) != st.changed {
			t.Errorf("%s: revision moved %d -> %d", st.name, rev, s.Rev())
		}
	}
	if s.Unsaved() != true {
		t.Error("answers nobody saved are not unsaved")
	}
}

// TestSessionMoves: the cursor through the plan, back, edits from the
// review, and the resume point at every place.
func TestSessionMoves(t *testing.T) {
	p := pack(t)
	s := session(t, p, intake.Options{})
	qs := s.Questions()
	if !s.AtFirst() || s.At().Question != qs[0].ID || s.ResumeAt() != qs[0].ID {
		t.Fatalf("a fresh session starts at %+v", s.At())
	}
	if _, ok := s.Back(); ok {
		t.Error("back from the first question went somewhere")
	}
	s.Next()
	if s.At().Question != qs[1].ID {
		t.Errorf("next went to %+v, want %s", s.At(), qs[1].ID)
	}
	// Saying you attend adds a step; moving on follows the new plan.
	s.Answer("stage", intake.Choice("attending"))
	if n, total := s.Step("leave-signs"); n == 0 || total != len(s.Plan()) {
		t.Errorf("attending did not plan its step: %d of %d", n, total)
	}
	for s.At().AtQuestion() {
		s.Next()
	}
	if !s.At().Review || s.ResumeAt() != checklist.ResumeReview {
		t.Errorf("past the last question: %+v, resume at %q", s.At(), s.ResumeAt())
	}
	if back, ok := s.Back(); !ok || back.Question != s.Questions()[len(s.Questions())-1].ID {
		t.Errorf("back from the review went to %+v", back)
	}
	s.ToReview()
	s.Edit("training")
	if !s.Editing() || s.ResumeAt() != "training" {
		t.Errorf("editing: %v at %q", s.Editing(), s.ResumeAt())
	}
	if next := s.Next(); !next.Review || s.Editing() {
		t.Errorf("next from an edit went to %+v (editing %v)", next, s.Editing())
	}
	s.Next()
	if !s.At().Summary || s.ResumeAt() != checklist.ResumeReview {
		t.Errorf("the summary resumes at %q", s.ResumeAt())
	}
}

// TestSessionStarts: where a walkthrough opens.
func TestSessionStarts(t *testing.T) {
	p := pack(t)
	finished := checklist.NewAnswers()
	finished.Set("user-role", intake.Choice("self"))
	finished.Set("training", intake.Choice("general"))
	withResume := func(at string) *checklist.Answers {
		a := finished.Clone()
		a.ResumeAt = at
		return a
	}
	first := intake.NewSession(p, intake.Options{}).Questions()[0].ID
	tests := []struct {
		name string
		o    intake.Options
		want intake.Place
	}{
		{"fresh", intake.Options{}, intake.Place{Question: first}},
		{"a draft on a question", intake.Options{Answers: withResume("agreements")}, intake.Place{Question: "agreements"}},
		{"a draft on the review", intake.Options{Answers: withResume(checklist.ResumeReview)}, intake.Place{Review: true}},
		{"a finished file", intake.Options{Answers: finished.Clone()}, intake.Place{Review: true}},
		{"a finished file, walked", intake.Options{Answers: finished.Clone(), WalkFinished: true}, intake.Place{Question: first}},
		{"a question no longer asked", intake.Options{Answers: withResume("peer-safeguards")}, intake.Place{Question: "training"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := intake.NewSession(p, tt.o)
			if tt.name == "a question no longer asked" {
				// peer-safeguards is asked of informal groups only: the walk
				// goes on from where it stood in the pack.
				for i, q := range p.Questions {
					if q.ID == "peer-safeguards" {
						for _, next := range p.Questions[i+1:] {
							if s.Applies(next) {
								tt.want = intake.Place{Question: next.ID}
								break
							}
						}
					}
				}
			}
			if s.At() != tt.want {
				t.Errorf("starts at %+v, want %+v", s.At(), tt.want)
			}
		})
	}
}

// TestSessionNotes: a note follows the answer just given while the user
// has not moved by hand; after a move by hand it is about the question
// under the cursor.
func TestSessionNotes(t *testing.T) {
	p := pack(t)
	s := session(t, p, intake.Options{})
	s.Focus("rf-vendor-dosing")
	s.Answer("rf-vendor-dosing", intake.Choice(checklist.Yes))
	s.MoveTo("rf-coercion") // the checklist moved on by itself
	if got := s.NoteTarget(""); got != "rf-vendor-dosing" {
		t.Errorf("note after answering goes to %s", got)
	}
	s.Next() // a line prompt moves on after every answer
	if got := s.NoteTarget(""); got != "rf-vendor-dosing" {
		t.Errorf("note after moving on by itself goes to %s", got)
	}
	s.Focus("rf-coercion")
	if got := s.NoteTarget(""); got != "rf-coercion" {
		t.Errorf("note after a move by hand goes to %s", got)
	}
}

// TestSessionSaves: what each kind writes, and what follows it.
func TestSessionSaves(t *testing.T) {
	p := pack(t)
	store := draft.Store{Dir: t.TempDir()}
	encode := func(file string, r *report.Report) ([]byte, error) {
		return []byte(`{"file":"` + file + `"}`), nil
	}
	var kept []byte
	keep := func(name, source string, answers []byte) (string, error) {
		kept = answers
		return "/register/" + name + "/" + source, nil
	}
	dir := t.TempDir()
	s := session(t, p, intake.Options{Dir: dir, Drafts: intake.NewAutosaver(p, store, nil), ResultJSON: encode, Keep: keep})
	s.Answer("circle-name", intake.Text("Thursday KAP Circle"))
	s.Answer("training", intake.Choice("general"))
	s.Next()
	if w := s.Sync(true); w == nil || w().Err != nil {
		t.Fatal("no draft written")
	}
	if got := s.FileName(intake.SaveAnswers); got != "vetcircle-thursday-kap-circle-2026-01-02.yaml" {
		t.Errorf("file name = %s", got)
	}
	if len(s.Kinds()) != len(intake.SaveKinds) {
		t.Errorf("kinds = %v", s.Kinds())
	}
	if len(intake.NewSession(p, intake.Options{}).Kinds()) != 3 {
		t.Error("JSON and keep offered without an encoder and a register")
	}
	save := func(k intake.SaveKind) string {
		path := filepath.Join(dir, s.FileName(k))
		got, err := s.SaveJob(k, path, false, intake.Keeping{})()
		if err != nil {
			t.Fatalf("save %v: %v", k, err)
		}
		return got
	}
	tests := []struct {
		kind  intake.SaveKind
		after intake.After
		check func(t *testing.T, data string)
	}{
		{intake.SaveSummary, intake.OfferAnswers, func(t *testing.T, data string) {
			if !strings.HasPrefix(data, "#") {
				t.Errorf("summary is not markdown: %.40q", data)
			}
		}},
		{intake.SaveNote, intake.AfterNothing, func(t *testing.T, data string) {
			if strings.Contains(data, "**") {
				t.Errorf("the note holds markdown: %.80q", data)
			}
		}},
		{intake.SaveAnswers, intake.DropDraftNow, func(t *testing.T, data string) {
			if strings.Contains(data, "resume_at") {
				t.Error("a saved answers file says where a draft stopped")
			}
			if _, err := checklist.ParseAnswers(p, "saved", []byte(data)); err != nil {
				t.Errorf("saved answers do not read back: %v", err)
			}
		}},
		{intake.SaveJSON, intake.AfterNothing, func(t *testing.T, data string) {
			if !strings.Contains(data, "vetcircle-thursday-kap-circle-2026-01-02.yaml") {
				t.Errorf("the score does not name the answers file saved: %s", data)
			}
		}},
	}
	for _, tt := range tests {
		path := save(tt.kind)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tt.check(t, string(data))
		if got := s.Saved(tt.kind, path); got != tt.after {
			t.Errorf("after saving %v: %v, want %v", tt.kind, got, tt.after)
		}
	}
	if s.Unsaved() {
		t.Error("saved answers are still unsaved")
	}
	// Never replaced without asking.
	if _, err := s.SaveJob(intake.SaveSummary, filepath.Join(dir, s.FileName(intake.SaveSummary)), false, intake.Keeping{})(); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second save replaced the file: %v", err)
	}
	// Kept in the register: the answers, without resume_at, with the source
	// and dated by the call.
	path, err := s.SaveJob(intake.SaveKeep, "", false, intake.Keeping{Source: "phone", On: "2025-12-30"})()
	if err != nil || path != "/register/Thursday KAP Circle/phone" || strings.Contains(string(kept), "resume_at") {
		t.Errorf("kept at %q (%v): %s", path, err, kept)
	}
	if a, err := checklist.ParseAnswers(p, "kept", kept); err != nil || a.Vetted.On != "2025-12-30" {
		t.Errorf("kept without the call's date (%v): %s", err, kept)
	}
	if rm := s.DropDraft(); rm == nil || rm().Err != nil {
		t.Error("the draft was not removed")
	}
	if entries, _ := os.ReadDir(store.Dir); len(entries) != 0 {
		t.Errorf("drafts left: %v", entries)
	}
}

// TestCheckinMapping: the check-in's questions and how their answers map
// to a check-in, for every way one is asked.
func TestCheckinMapping(t *testing.T) {
	p := pack(t)
	qs := intake.CheckinQuestions(p)
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, ","); got != "felt,leave-signs,facilitation-good,facilitation-poor,distress,note" {
		t.Errorf("questions = %s", got)
	}
	good, poor := p.Question("facilitation-good"), p.Question("facilitation-poor")
	tests := []struct {
		name    string
		answers map[string]checklist.Value
		want    checklist.Checkin
	}{
		{"felt only", map[string]checklist.Value{"felt": intake.Choice("worse")},
			checklist.Checkin{Felt: "worse", Signs: []string{}, Seen: []string{}}},
		{"seen good and poor together", map[string]checklist.Value{
			"felt":              intake.Choice("same"),
			"facilitation-good": intake.List(good, []string{good.Options[0].ID}, nil),
			"facilitation-poor": intake.List(poor, []string{poor.Options[0].ID}, nil),
		}, checklist.Checkin{Felt: "same", Signs: []string{}, Seen: []string{good.Options[0].ID, poor.Options[0].ID}}},
		{"distress unknown records nothing", map[string]checklist.Value{"felt": intake.Choice("better"), "distress": intake.Choice(checklist.Unknown)},
			checklist.Checkin{Felt: "better", Signs: []string{}, Seen: []string{}}},
		{"distress yes and a note", map[string]checklist.Value{"felt": intake.Choice("worse"), "distress": intake.Choice(checklist.Yes), "note": intake.Text("hard night")},
			checklist.Checkin{Felt: "worse", Signs: []string{}, Seen: []string{}, Distress: checklist.Yes, Note: "hard night"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := intake.CheckinSession(p)
			for id, v := range tt.answers {
				s.Answer(id, v)
			}
			got := intake.Checkin("Thursday\x1b[2J Circle", s.Answers())
			tt.want.Circle = "Thursday Circle"
			if string(checklist.MarshalCheckin(got)) != string(checklist.MarshalCheckin(&tt.want)) {
				t.Errorf("check-in =\n%s\nwant\n%s", checklist.MarshalCheckin(got), checklist.MarshalCheckin(&tt.want))
			}
		})
	}
}

// TestScript: who reads the script aloud.
func TestScript(t *testing.T) {
	p := pack(t)
	self, coord := checklist.NewAnswers(), checklist.NewAnswers()
	self.Set("user-role", intake.Choice("self"))
	coord.Set("user-role", intake.Choice("coordinator"))
	for _, q := range p.Questions {
		say, isCoord := intake.Script(q, self)
		if isCoord {
			t.Fatal("a patient is taken for a coordinator")
		}
		if q.Ask == "self" && say != "" {
			t.Errorf("%s: a patient asking themselves gets a script", q.ID)
		}
		say, isCoord = intake.Script(q, coord)
		if !isCoord {
			t.Fatal("a coordinator is not one")
		}
		if q.SayCoordinator != "" && say != q.SayCoordinator {
			t.Errorf("%s: the coordinator reads %q", q.ID, say)
		}
	}
}
