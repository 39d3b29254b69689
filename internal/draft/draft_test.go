package draft_test

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/rules"
)

func pack(t *testing.T) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("rules.Default() error: %v", err)
	}
	return p
}

func answers(t *testing.T, p *checklist.Pack, yaml string) *checklist.Answers {
	t.Helper()
	a, err := checklist.ParseAnswers(p, "test.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("ParseAnswers: %v", err)
	}
	return a
}

var now = time.Date(2026, 11, 24, 20, 30, 1, 0, time.UTC)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// dirNames lists every entry of dir, hidden ones included.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		// Hidden files are the drafts' locks (see lock.go), not drafts.
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestDefaultStoreFollowsTheEnvironment(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	s, err := draft.DefaultStore()
	if err != nil {
		t.Fatalf("DefaultStore() error: %v", err)
	}
	if want := filepath.Join(state, "vetcircle", "drafts"); s.Dir != want {
		t.Errorf("DefaultStore().Dir = %q, want %q", s.Dir, want)
	}
}

func TestCreateModesAndName(t *testing.T) {
	p := pack(t)
	// A folder that does not exist yet, two levels down, as on a fresh machine.
	s := draft.Store{Dir: filepath.Join(t.TempDir(), "vetcircle", "drafts")}
	a := answers(t, p, "version: 1\ncircle:\n  name: \"Thursday KAP Circle!\"\nanswers:\n  training: named-program\n")
	d, err := s.Create(p, a, now)
	if err != nil {
		t.Fatalf("Create() error: %v", err)
	}
	if got, want := filepath.Base(d.Path), "20261124-203001-thursday-kap-circle.yaml"; got != want {
		t.Errorf("Create() file = %q, want %q", got, want)
	}
	if got := mode(t, s.Dir); got != 0o700 {
		t.Errorf("drafts folder mode = %v, want 0700", got)
	}
	if got := mode(t, d.Path); got != 0o600 {
		t.Errorf("draft mode = %v, want 0600", got)
	}
	if d.Updated.IsZero() {
		t.Error("Create() left Updated zero")
	}

	// The same second and circle again never replaces the first draft.
	d2, err := s.Create(p, a, now)
	if err != nil {
		t.Fatalf("second Create() error: %v", err)
	}
	if got, want := filepath.Base(d2.Path), "20261124-203001-thursday-kap-circle-2.yaml"; got != want {
		t.Errorf("second Create() file = %q, want %q", got, want)
	}
	if got := dirNames(t, s.Dir); len(got) != 2 {
		t.Errorf("drafts folder holds %q, want exactly the two drafts (no temporary files)", got)
	}

	// A nil answers set is a new, empty intake.
	d3, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatalf("Create(nil answers) error: %v", err)
	}
	if filepath.Base(d3.Path) != now.Format("20060102-150405")+".yaml" || d3.Answers == nil {
		t.Errorf("Create(nil answers) = %q with answers %v, want an unnamed circle draft", d3.Path, d3.Answers)
	}
}

func TestCreateTightensExistingFolder(t *testing.T) {
	p := pack(t)
	dir := filepath.Join(t.TempDir(), "drafts")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := (draft.Store{Dir: dir}).Create(p, nil, now); err != nil {
		t.Fatalf("Create() error: %v", err)
	}
	if got := mode(t, dir); got != 0o700 {
		t.Errorf("existing drafts folder mode = %v after Create, want 0700", got)
	}
}

func TestSaveIsAtomicPrivateAndScoreable(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	// Answer questions one at a time, saving after each, as the TUI does.
	steps := []struct {
		id string
		v  checklist.Value
	}{
		{"circle-name", checklist.Value{Text: "Night \"owls\": circle #2"}},
		{"training", checklist.Value{Choice: "named-program"}},
		{"agreements", checklist.Value{List: []string{}}},
		{"participants", checklist.Value{Number: 8}},
		{"rf-vendor-dosing", checklist.Value{Choice: checklist.No}},
	}
	for _, st := range steps {
		d.Answers.Set(st.id, st.v)
		d.Answers.SetNote(st.id, "note on "+st.id)
		d.Answers.ResumeAt = st.id
		if err := s.Save(p, d); err != nil {
			t.Fatalf("Save() after %s: %v", st.id, err)
		}
		if got := dirNames(t, s.Dir); len(got) != 1 {
			t.Fatalf("after saving %s the folder holds %q, want only the draft", st.id, got)
		}
		if got := mode(t, d.Path); got != 0o600 {
			t.Errorf("draft mode after Save = %v, want 0600", got)
		}
	}

	// The draft is a strict answers file: `vetcircle score` reads it.
	data, err := os.ReadFile(d.Path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := checklist.ParseAnswers(p, d.Path, data)
	if err != nil {
		t.Fatalf("ParseAnswers(saved draft) error: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(got.Values, d.Answers.Values) {
		t.Errorf("saved answers = %v, want %v", got.Values, d.Answers.Values)
	}
	if !reflect.DeepEqual(got.Notes, d.Answers.Notes) {
		t.Errorf("saved notes = %v, want %v", got.Notes, d.Answers.Notes)
	}
	if got.ResumeAt != "rf-vendor-dosing" {
		t.Errorf("saved resume_at = %q, want rf-vendor-dosing", got.ResumeAt)
	}

	// Load gives back the same draft.
	l, warnings, err := draft.Load(p, d.Path)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("Load() = warnings %v, error %v; want none", warnings, err)
	}
	if !reflect.DeepEqual(l.Answers.Values, d.Answers.Values) || l.Answers.ResumeAt != d.Answers.ResumeAt {
		t.Errorf("Load() answers = %v (resume at %q), want %v (resume at %q)", l.Answers.Values, l.Answers.ResumeAt, d.Answers.Values, d.Answers.ResumeAt)
	}
}

func TestSaveRecreatesDeletedFolder(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: filepath.Join(t.TempDir(), "drafts")}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(s.Dir); err != nil {
		t.Fatal(err)
	}
	d.Answers.Set("training", checklist.Value{Choice: "general"})
	if err := s.Save(p, d); err != nil {
		t.Fatalf("Save() after the folder was deleted: %v", err)
	}
	if got := mode(t, s.Dir); got != 0o700 {
		t.Errorf("recreated folder mode = %v, want 0700", got)
	}
}

// oldDraft was written under other rules: an ID, an option, a circle field
// and a note that the current pack does not know.
const oldDraft = `version: 1
circle:
  name: "Old Rules Circle"
  format: pod-circle
  vibe: "calm"
answers:
  training: named-program
  agreements: [confidentiality, hugs]
  rf-old-flag: yes
  screening: yes
notes:
  rf-old-flag: "asked on the phone"
  screening: "intake call"
resume_at: screening
`

func TestUnknownIDsSurviveLoadAndSave(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	path := filepath.Join(s.Dir, "20250101-000000-old-rules-circle.yaml")
	if err := os.WriteFile(path, []byte(oldDraft), 0o600); err != nil {
		t.Fatal(err)
	}

	d, warnings, err := draft.Load(p, path)
	if err != nil {
		t.Fatalf("Load(old draft) error: %v", err)
	}
	wantWarnings := []string{
		path + `:4:11: circle-format: "pod-circle" is not one of its options`,
		path + `:5:9: unknown circle field "vibe"`,
		path + `:8:33: agreements: "hugs" is not one of its options`,
		path + `:9:16: unknown question id "rf-old-flag"`,
		path + `:12:3: note for unknown question id "rf-old-flag"`,
	}
	checkWarnings(t, "Load(old draft)", warnings, wantWarnings)
	if v, _ := d.Answers.Get("screening"); v.Choice != checklist.Yes {
		t.Errorf("known answer screening = %q, want yes", v.Choice)
	}
	if d.Answers.ResumeAt != "screening" {
		t.Errorf("ResumeAt = %q, want screening", d.Answers.ResumeAt)
	}

	// The user answers one more question; the draft is saved and read again.
	d.Answers.Set("rf-no-consent", checklist.Value{Choice: checklist.No})
	if err := s.Save(p, d); err != nil {
		t.Fatalf("Save() error: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`format: "pod-circle"`, `vibe: "calm"`, `agreements: [confidentiality, "hugs"]`, `rf-old-flag: "yes"`, `rf-old-flag: "asked on the phone"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("saved draft lacks %q:\n%s", want, data)
		}
	}
	// Circle fields kept from other rules stay in the circle block.
	circle, _, _ := strings.Cut(string(data), "\nanswers:")
	if !strings.Contains(circle, `format: "pod-circle"`) {
		t.Errorf("the kept circle format left the circle block:\n%s", data)
	}

	again, warnings2, err := draft.Load(p, path)
	if err != nil {
		t.Fatalf("Load(saved draft) error: %v", err)
	}
	checkWarnings(t, "Load(saved draft)", warnings2, nil)
	if len(warnings2) != len(wantWarnings) {
		t.Errorf("Load(saved draft) gave %d warnings, want the same %d as before", len(warnings2), len(wantWarnings))
	}
	if !reflect.DeepEqual(ids(again.Answers.Unknown), ids(d.Answers.Unknown)) {
		t.Errorf("unknown answers after a round trip = %v, want %v", ids(again.Answers.Unknown), ids(d.Answers.Unknown))
	}
	if !reflect.DeepEqual(ids(again.Answers.UnknownNotes), []string{"rf-old-flag"}) {
		t.Errorf("unknown notes after a round trip = %v, want [rf-old-flag]", ids(again.Answers.UnknownNotes))
	}
	if v, ok := again.Answers.Get("rf-no-consent"); !ok || v.Choice != checklist.No {
		t.Errorf("new answer rf-no-consent = %v, %v after a round trip, want no", v, ok)
	}
	// A second save writes the very same bytes: nothing drifts.
	if err := s.Save(p, again); err != nil {
		t.Fatal(err)
	}
	data2, _ := os.ReadFile(path)
	if string(data2) != string(data) {
		t.Errorf("second save changed the draft:\n%s\nwant\n%s", data2, data)
	}
}

// checkWarnings compares each warning's position and message with the
// prefixes wanted (hints may follow); want nil only checks none is empty.
func checkWarnings(t *testing.T, what string, got checklist.Errors, want []string) {
	t.Helper()
	if want == nil {
		for _, w := range got {
			if w.Msg == "" {
				t.Errorf("%s: empty warning at %s", what, w.Pos)
			}
		}
		return
	}
	if len(got) != len(want) {
		t.Errorf("%s gave %d warnings, want %d:\n%v", what, len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		if !strings.HasPrefix(got[i].Error(), want[i]) {
			t.Errorf("%s warning %d = %q, want it to start %q", what, i, got[i].Error(), want[i])
		}
	}
}

func ids(es []checklist.Extra) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestLoadErrors(t *testing.T) {
	p := pack(t)
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"not yaml", "version: 1\nanswers: [\n", "bad.yaml"},
		{"no version", "answers:\n  training: general\n", "no version"},
		{"newer version", "version: 9\n", "newer vetcircle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.yaml")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, _, err := draft.Load(p, path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%q) error = %v, want one mentioning %q", tt.content, err, tt.want)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		_, _, err := draft.Load(p, filepath.Join(dir, "nope.yaml"))
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Load(missing) error = %v, want fs.ErrNotExist", err)
		}
	})
	t.Run("folder", func(t *testing.T) {
		if _, _, err := draft.Load(p, dir); err == nil {
			t.Error("Load(folder): want an error")
		}
	})
}

func TestListOrderAndFilter(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	write := func(name, content string, mtime time.Time) string {
		t.Helper()
		path := filepath.Join(s.Dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return path
	}
	old := write("a-old.yaml", "version: 1\ncircle:\n  name: \"Thursday KAP Circle\"\nanswers:\n  training: named-program\n", now.Add(-48*time.Hour))
	mid := write("b-mid.yaml", oldDraft, now.Add(-time.Hour))
	broken := write("c-broken.yaml", "version: 1\nanswers: {training: [\n", now.Add(-2*time.Hour))
	newest := write("d-new.yaml", "version: 1\ncircle:\n  name: \"Sunday \\u001b[31mCollective\\n\"\n", now)
	tie := write("e-tie.yaml", "version: 1\n", now)
	write(".vetcircle-123.tmp", "version: 1\n", now)                          // a temporary file left by a crash
	write("notes.txt", "not a draft", now)                                    // not a draft
	write(".hidden.yaml", "version: 1\n", now)                                // hidden
	if err := os.Mkdir(filepath.Join(s.Dir, "sub.yaml"), 0o700); err != nil { // a folder
		t.Fatal(err)
	}

	infos, err := s.List(p)
	if err != nil {
		t.Fatalf("List() error: %v", err)
	}
	var paths []string
	for _, in := range infos {
		paths = append(paths, in.Path)
	}
	if want := []string{tie, newest, mid, broken, old}; !slices.Equal(paths, want) {
		t.Fatalf("List() order = %q, want %q", paths, want)
	}
	byPath := map[string]draft.Info{}
	for _, in := range infos {
		byPath[in.Path] = in
	}
	if in := byPath[broken]; in.Err == nil {
		t.Errorf("List(): broken draft has no error, want it listed with one")
	}
	if in := byPath[newest]; in.Name != "Sunday Collective" {
		t.Errorf("List(): name = %q, want the cleaned one-line name %q", in.Name, "Sunday Collective")
	}
	if in := byPath[mid]; in.Warnings != 5 || in.Name != "Old Rules Circle" {
		t.Errorf("List(): old-rules draft = %+v, want 5 warnings and its name", in)
	}
	if in := byPath[old]; in.Completeness == 0 || in.Completeness == 100 || in.Verdict != checklist.VerdictIncomplete {
		t.Errorf("List(): one answer gives completeness %d, verdict %s; want partial and incomplete", in.Completeness, in.Verdict)
	}
	if in := byPath[old]; !in.Updated.Equal(now.Add(-48 * time.Hour)) {
		t.Errorf("List(): Updated = %v, want the file's mtime %v", in.Updated, now.Add(-48*time.Hour))
	}

	filters := []struct {
		query string
		want  []string
	}{
		{"", []string{tie, newest, mid, broken, old}},
		{"kap", []string{old}},
		{"  SUNDAY ", []string{newest}},
		{"broken", []string{broken}}, // by file name
		{"rules circle", []string{mid}},
		{"no such circle", nil},
	}
	for _, f := range filters {
		var got []string
		for _, in := range draft.Filter(infos, f.query) {
			got = append(got, in.Path)
		}
		if !slices.Equal(got, f.want) {
			t.Errorf("Filter(%q) = %q, want %q", f.query, got, f.want)
		}
	}
}

func TestListMissingFolder(t *testing.T) {
	s := draft.Store{Dir: filepath.Join(t.TempDir(), "never-made")}
	infos, err := s.List(pack(t))
	if err != nil || len(infos) != 0 {
		t.Errorf("List(missing folder) = %v, %v; want nothing and no error", infos, err)
	}
	if _, err := os.Stat(s.Dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("List() created the folder; want it left alone")
	}
}

func TestRemove(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(d); err != nil {
		t.Fatalf("Remove() error: %v", err)
	}
	if _, err := os.Stat(d.Path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Remove() left %s", d.Path)
	}
	if err := s.Remove(d); err != nil {
		t.Errorf("Remove() of a draft already gone = %v, want nil", err)
	}

	// A user's own answers file, resumed from, is never deleted.
	own := filepath.Join(t.TempDir(), "my-answers.yaml")
	if err := os.WriteFile(own, []byte("version: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(&draft.Draft{Path: own}); !errors.Is(err, draft.ErrNotDraft) {
		t.Errorf("Remove(file outside the store) = %v, want ErrNotDraft", err)
	}
	if _, err := os.Stat(own); err != nil {
		t.Errorf("Remove() deleted a file outside the store: %v", err)
	}
}

func TestContains(t *testing.T) {
	dir := t.TempDir()
	s := draft.Store{Dir: dir}
	tests := []struct {
		path string
		want bool
	}{
		{filepath.Join(dir, "x.yaml"), true},
		{filepath.Join(dir, "sub", "x.yaml"), false},
		{filepath.Join(dir, "x.txt"), false},
		{filepath.Join(dir, "..", "x.yaml"), false},
		{filepath.Join(filepath.Dir(dir), "x.yaml"), false},
	}
	for _, tt := range tests {
		if got := s.Contains(tt.path); got != tt.want {
			t.Errorf("Contains(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if (draft.Store{}).Contains("x.yaml") {
		t.Error("an empty Store contains nothing")
	}
}

func TestSaverNewestStateWins(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	sv := s.NewSaver(p, d)
	a := checklist.NewAnswers()

	// Snapshots taken in order; writes run in reverse, as concurrent
	// commands may.
	var writes []func() error
	for i := range 20 {
		a.Set("participants", checklist.Value{Number: float64(i + 1)})
		a.ResumeAt = "participants"
		writes = append(writes, sv.Queue(a))
	}
	a.Set("participants", checklist.Value{Number: 999}) // after Queue: not in any snapshot
	slices.Reverse(writes)
	for _, w := range writes {
		if err := w(); err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	l, _, err := draft.Load(p, d.Path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := l.Answers.Get("participants"); v.Number != 20 {
		t.Errorf("saved participants = %v, want 20 (the newest snapshot)", v.Number)
	}
	if got := sv.Draft(); got.Path != d.Path {
		t.Errorf("Saver.Draft().Path = %q, want %q", got.Path, d.Path)
	}
}

func TestSaverConcurrent(t *testing.T) {
	p := pack(t)
	s := draft.Store{Dir: t.TempDir()}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	sv := s.NewSaver(p, d)
	a := checklist.NewAnswers()
	const n = 40
	writes := make([]func() error, n)
	for i := range n {
		a.Set("integration-months", checklist.Value{Number: float64(i)})
		writes[i] = sv.Queue(a)
	}
	errs := make(chan error, n)
	for _, i := range rand.Perm(n) {
		go func() { errs <- writes[i]() }()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent write: %v", err)
		}
	}
	l, _, err := draft.Load(p, d.Path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := l.Answers.Get("integration-months"); v.Number != n-1 {
		t.Errorf("saved integration-months = %v, want %d", v.Number, n-1)
	}
	if got := dirNames(t, s.Dir); len(got) != 1 {
		t.Errorf("folder holds %q after concurrent saves, want only the draft", got)
	}
	if got := mode(t, d.Path); got != 0o600 {
		t.Errorf("draft mode = %v, want 0600", got)
	}
}

func TestSaverReportsFailure(t *testing.T) {
	p := pack(t)
	parent := t.TempDir()
	s := draft.Store{Dir: filepath.Join(parent, "drafts")}
	d, err := s.Create(p, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	sv := s.NewSaver(p, d)
	// The drafts folder is replaced by a file: saving cannot work.
	if err := os.RemoveAll(s.Dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "general"})
	if err := sv.Save(a); err == nil || sv.Err() == nil {
		t.Fatalf("Save() into a file, not a folder = %v (Err %v), want an error", err, sv.Err())
	}
	if err := os.Remove(s.Dir); err != nil {
		t.Fatal(err)
	}
	if err := sv.Save(a); err != nil || sv.Err() != nil {
		t.Errorf("Save() once the folder can be made again = %v (Err %v), want success", err, sv.Err())
	}
}
