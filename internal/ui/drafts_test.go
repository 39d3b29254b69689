package ui

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/intake"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/report"
)

// testStore is a drafts folder under a fresh temporary state folder; the
// folder itself does not exist until the first draft is written.
func testStore(t *testing.T) draft.Store {
	t.Helper()
	return draft.Store{Dir: filepath.Join(t.TempDir(), "state", "vetcircle", "drafts")}
}

// draftFiles lists the drafts in the store.
func draftFiles(t *testing.T, s draft.Store) []string {
	t.Helper()
	all, err := filepath.Glob(filepath.Join(s.Dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range all {
		// Hidden files are the drafts' locks, not drafts.
		if !strings.HasPrefix(filepath.Base(f), ".") {
			files = append(files, f)
		}
	}
	return files
}

// onlyDraft returns the one draft in the store, failing otherwise.
func onlyDraft(t *testing.T, s draft.Store) string {
	t.Helper()
	files := draftFiles(t, s)
	if len(files) != 1 {
		t.Fatalf("drafts in %s = %v, want exactly one", s.Dir, files)
	}
	return files[0]
}

func loadDraft(t *testing.T, path string) *checklist.Answers {
	t.Helper()
	d, warnings, err := draft.Load(testPack(t), path)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("load %s: %v %v", path, err, warnings)
	}
	return d.Answers
}

func TestDraftWrittenOnEveryChange(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Drafts: intake.NewAutosaver(p, store, nil)}})
	if !strings.Contains(strings.Join(strings.Fields(d.view()), ""), "draftin"+store.Dir) {
		t.Errorf("welcome does not say where drafts live (%s):\n%s", store.Dir, d.view())
	}
	// Moving without answering writes nothing, not even the folder.
	d.keys("down", "tab", "enter", "enter", "esc", "esc", "shift+tab")
	if _, err := os.Stat(filepath.Dir(store.Dir)); !os.IsNotExist(err) {
		t.Fatalf("moving around without answers made %s (%v)", filepath.Dir(store.Dir), err)
	}
	if d.m.screen().focused() != "user-role" {
		t.Fatalf("moved to %s, want user-role", d.m.screen().focused())
	}
	// Saying who you are and the stage leaves nothing behind: a draft is
	// made by the first real answer, with everything answered so far.
	d.keys("2", "enter", "1")
	if _, err := os.Stat(filepath.Dir(store.Dir)); !os.IsNotExist(err) {
		t.Fatalf("who is using vetcircle and the stage alone made a draft (%v)", err)
	}
	d.keys("enter").typeText("T")
	path := onlyDraft(t, store)
	if st, err := os.Stat(store.Dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("drafts folder: %v, mode %v; want 0700", err, st.Mode().Perm())
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("draft: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
	if a := loadDraft(t, path); a.Values["user-role"].Choice != "coordinator" || a.Values["circle-name"].Text != "T" || a.ResumeAt != "circle-name" {
		t.Errorf("draft after the first answer = %+v", a)
	}
	// Every later change goes to the draft at once: a typed name, letter
	// by letter (the one draft renamed after the circle as it is typed,
	// never a second file), a choice, a tick, a red flag.
	d.typeText("hu")
	path = onlyDraft(t, store)
	if a := loadDraft(t, path); a.Values["circle-name"].Text != "Thu" || a.ResumeAt != "circle-name" {
		t.Errorf("draft while typing the name = %+v", a)
	}
	if !strings.HasSuffix(path, "-thu.yaml") {
		t.Errorf("draft is named %s, not after the circle", filepath.Base(path))
	}
	d.goToStep("q:agreements").keys("1", "3")
	d.goToStep("section:red-flags").keys("n", "y")
	got := loadDraft(t, path)
	if !reflect.DeepEqual(got.Values, d.m.Answers().Values) {
		t.Errorf("draft values = %v\nwant %v", got.Values, d.m.Answers().Values)
	}
	if got.ResumeAt != "rf-pressure-disclose" {
		t.Errorf("draft resume_at = %q, want the flag under the cursor", got.ResumeAt)
	}
	d.keys("down")
	if got := loadDraft(t, path); got.ResumeAt != "rf-charismatic-leader" {
		t.Errorf("after moving down the checklist, resume_at = %q", got.ResumeAt)
	}
	if files := draftFiles(t, store); len(files) != 1 {
		t.Errorf("changes made more drafts: %v", files)
	}
	if d.m.draftErr != "" {
		t.Errorf("draft error shown after good saves: %s", d.m.draftErr)
	}
	// Clearing every answer keeps the (now empty) draft up to date.
	d.keys("up", "up", "backspace")
	if a := loadDraft(t, path); a.Values["rf-vendor-dosing"].Choice != "" {
		t.Errorf("cleared flag still in the draft: %v", a.Values)
	}
}

func TestNoDraftsWritesNothing(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", state)
	d := newDriver(t, 80, 24, Options{})
	if !strings.Contains(d.view(), "Drafts are off") {
		t.Errorf("welcome does not say drafts are off:\n%s", d.view())
	}
	d.keys("2", "enter", "1", "enter").typeText("Circle").goToStep("q:training").keys("1", "ctrl+n").typeText("a note").keys("esc")
	d.keys("ctrl+c", "y")
	if !d.quit {
		t.Fatal("did not quit")
	}
	if !strings.Contains(ansi.Strip(newQuitDialog(d.m.c, true).view(80)), "not saved anywhere") {
		t.Error("without drafts the quit dialog does not say answers are lost")
	}
	entries, _ := os.ReadDir(state)
	if len(entries) != 0 {
		t.Errorf("drafts off, yet %s holds %v", state, entries)
	}
}

func TestDraftSaveErrorShownAndAnswersKept(t *testing.T) {
	p := testPack(t)
	dir := t.TempDir()
	blocker := filepath.Join(dir, "state")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// The state folder is a file: no draft can be made (tests run as root,
	// so permissions alone would not stop the write).
	store := draft.Store{Dir: filepath.Join(blocker, "vetcircle", "drafts")}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Drafts: intake.NewAutosaver(p, store, nil)}})
	d.keys("1", "enter", "2", "enter").typeText("K")
	view := d.view()
	for _, want := range []string{"Could not save the draft", blocker, "is a file, not a folder", "answers are still here"} {
		if !strings.Contains(strings.Join(strings.Fields(view), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("draft error does not say %q:\n%s", want, view)
		}
	}
	checkFits(t, d.m.View().Content, 80, 24)
	// It stays while keys are pressed, and nothing is lost.
	d.typeText("ept Circle").keys("tab", "2")
	if d.m.draftErr == "" {
		t.Error("the draft error went away though the draft is still not saved")
	}
	for id, want := range map[string]string{"user-role": "self", "stage": "attending", "circle-format": "ceremony"} {
		if v, _ := d.answer(id); v.Choice != want {
			t.Errorf("%s = %q, want %q", id, v.Choice, want)
		}
	}
	// Quitting says the answers are not kept.
	d.keys("ctrl+c")
	if !strings.Contains(d.view(), "not saved anywhere") {
		t.Errorf("quit dialog claims a draft after a failed save:\n%s", d.view())
	}
	d.keys("esc")
	// Once the folder can be made, the next change saves and the error goes.
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	d.keys("3")
	if d.m.draftErr != "" {
		t.Errorf("draft error stays after a good save: %s", d.m.draftErr)
	}
	if a := loadDraft(t, onlyDraft(t, store)); a.Values["circle-name"].Text != "Kept Circle" || a.Values["circle-format"].Choice != "online-peer" {
		t.Errorf("draft after recovering = %v", a.Values)
	}
}

// TestDraftsKeepOrder: writes queued in order but run in any order (as
// bubbletea runs commands) never let an older state win, and Flush writes
// the newest state when its command never ran (a signal, a quit).
func TestDraftsKeepOrder(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	k := intake.NewAutosaver(p, store, nil)
	a := checklist.NewAnswers()
	if cmd := writeCmd(k.Queue(a, false)); cmd != nil {
		t.Error("a move with no answers queued a write")
	}
	if err := k.Flush(); err != nil || len(draftFiles(t, store)) != 0 {
		t.Fatalf("flush with nothing to save wrote a draft (%v)", err)
	}
	var cmds []tea.Cmd
	for _, v := range []string{"named-program", "general", "refused"} {
		a.Set("training", checklist.Value{Choice: v})
		cmds = append(cmds, writeCmd(k.Queue(a, true)))
	}
	a.SetNote("training", "newest")
	last := writeCmd(k.Queue(a, true))
	// The newest first, then the older ones: they must be skipped.
	if msg, ok := last().(draftMsg); !ok || msg.err != nil {
		t.Fatalf("write = %#v", msg)
	}
	for i := len(cmds) - 1; i >= 0; i-- {
		if msg := cmds[i](); msg != nil {
			t.Errorf("an older write ran after a newer one: %#v", msg)
		}
	}
	path := onlyDraft(t, store)
	if got := loadDraft(t, path); got.Values["training"].Choice != "refused" || got.Notes["training"] != "newest" {
		t.Errorf("draft = %v %v, want the newest state", got.Values, got.Notes)
	}
	// A change whose command never runs is written by Flush.
	a.Set("agreements", checklist.Value{List: []string{"written"}})
	_ = writeCmd(k.Queue(a, true))
	if err := k.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := loadDraft(t, path); !reflect.DeepEqual(got.Values["agreements"].List, []string{"written"}) {
		t.Errorf("flush did not write the newest state: %v", got.Values)
	}
	if k.Path() != path {
		t.Errorf("Path() = %q, want %q", k.Path(), path)
	}
	// After removal nothing older comes back, and a move alone makes
	// no new draft; a change does.
	stale := writeCmd(k.Queue(a, true))
	writeCmd(k.Remove())()
	if files := draftFiles(t, store); len(files) != 0 {
		t.Fatalf("draft not removed: %v", files)
	}
	if msg := stale(); msg != nil || k.Flush() != nil || len(draftFiles(t, store)) != 0 {
		t.Errorf("a write queued before the removal brought the draft back: %#v %v", msg, draftFiles(t, store))
	}
	if cmd := writeCmd(k.Queue(a, false)); cmd != nil {
		t.Error("a move after the removal queued a write")
	}
	a.Set("training", checklist.Value{Choice: "general"})
	writeCmd(k.Queue(a, true))()
	if files := draftFiles(t, store); len(files) != 1 {
		t.Errorf("a change after the removal did not start a new draft: %v", files)
	}
}

func TestResumeDraft(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	a := checklist.NewAnswers()
	a.Set("user-role", checklist.Value{Choice: "coordinator"})
	a.Set("circle-name", checklist.Value{Text: "Resumed Circle"})
	a.Set("training", checklist.Value{Choice: "general"})
	a.SetNote("training", "Says \"various\"")
	a.ResumeAt = "difficult-experience"
	created, err := store.Create(p, a, testDate)
	if err != nil {
		t.Fatal(err)
	}
	// A draft from older rules: an answer these rules do not know.
	data, _ := os.ReadFile(created.Path)
	data = []byte(strings.Replace(string(data), "answers:\n", "answers:\n  facilitator-vibes: great\n", 1))
	if err := os.WriteFile(created.Path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	dr, warnings, err := draft.Load(p, created.Path)
	if err != nil || len(warnings) != 1 {
		t.Fatalf("load: %v, warnings %v", err, warnings)
	}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: dr.Answers, Drafts: intake.NewAutosaver(p, store, dr), Warnings: warnings}})
	view := d.view()
	for _, want := range []string{p.T("ui.notice.title"), "facilitator-vibes"} {
		if !strings.Contains(view, want) {
			t.Errorf("no notice of the unknown answer (%q):\n%s", want, view)
		}
	}
	for _, sz := range [][2]int{{1, 1}, {7, 3}, {20, 6}, {50, 20}, {80, 24}} {
		d.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, d.m.View().Content, sz[0], sz[1])
	}
	d.keys("enter")
	if d.m.top() != nil {
		t.Fatal("enter did not dismiss the notice")
	}
	if d.step() != "q:difficult-experience" {
		t.Errorf("resumed at %s, want difficult-experience", d.step())
	}
	if !strings.Contains(d.view(), p.T("ui.say")) {
		t.Errorf("resumed coordinator does not see what to say:\n%s", d.view())
	}
	d.keys("esc", "esc")
	if !strings.Contains(d.view(), "Vague or general") || !strings.Contains(d.view(), "Says \"various\"") {
		t.Errorf("resumed training lost its answer or note:\n%s", d.view())
	}
	// Changes keep going to the same draft, unknown answer and all.
	d.keys("1")
	if files := draftFiles(t, store); len(files) != 1 || files[0] != created.Path {
		t.Fatalf("resumed changes went to %v, want %s", files, created.Path)
	}
	data, _ = os.ReadFile(created.Path)
	for _, want := range []string{"training: named-program", "facilitator-vibes: \"great\"", "Resumed Circle", "Says", "resume_at: training"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("draft lacks %q:\n%s", want, data)
		}
	}
	// The quit dialog says where the answers are kept.
	d.keys("q")
	flat := strings.Join(strings.Fields(strings.ReplaceAll(d.view(), "│", "")), "")
	if !strings.Contains(flat, "keptinthedraft"+tildePath(created.Path)+":") {
		t.Errorf("quit dialog does not name the draft:\n%s", d.view())
	}
}

func TestDraftRemovedAfterSaving(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	dir := t.TempDir()
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir, Drafts: intake.NewAutosaver(p, store, nil)}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	onlyDraft(t, store)
	d.keys("s", "enter")
	// While the offer to save the answers is open, the draft is still the
	// only resumable copy: it stays.
	if files := draftFiles(t, store); len(files) != 1 {
		t.Errorf("drafts while offering to save the answers: %v, want the one draft", files)
	}
	// The offer: y saves the answers, readable by vetcircle score, and
	// only then is the draft removed.
	d.keys("y")
	if files := draftFiles(t, store); len(files) != 0 {
		t.Errorf("draft kept after the answers were saved: %v", files)
	}
	if !strings.Contains(d.m.status, p.T("ui.draft.removed")) {
		t.Errorf("status does not say the draft was removed: %q", d.m.status)
	}
	answers := filepath.Join(dir, "vetcircle-thursday-kap-circle-2026-05-01.yaml")
	data, err := os.ReadFile(answers)
	if err != nil {
		t.Fatalf("answers not saved: %v", err)
	}
	if st, _ := os.Stat(answers); st.Mode().Perm() != 0o600 {
		t.Errorf("answers file mode %v, want 0600", st.Mode().Perm())
	}
	a, err := checklist.ParseAnswers(p, answers, data)
	if err != nil {
		t.Fatalf("saved answers do not parse: %v", err)
	}
	if !reflect.DeepEqual(sortedLists(a.Values), sortedLists(d.m.Answers().Values)) || a.ResumeAt != "" {
		t.Errorf("saved answers = %v (resume_at %q)\nwant %v", a.Values, a.ResumeAt, d.m.Answers().Values)
	}
	if d.m.top() != nil || !strings.Contains(d.view(), "Saved the answers to") {
		t.Errorf("no confirmation of the answers file:\n%s", d.view())
	}
	// Quitting now asks nothing and leaves no draft behind.
	d.keys("q")
	if !d.quit || len(draftFiles(t, store)) != 0 {
		t.Errorf("quit after saving: quit %v, drafts %v", d.quit, draftFiles(t, store))
	}
	// A change after saving starts a new draft, so it is not lost either.
	d.quit = false
	d.keys("esc", "home", "down", "enter", "2")
	if files := draftFiles(t, store); len(files) != 1 {
		t.Errorf("a change after saving: drafts %v", files)
	} else if a := loadDraft(t, files[0]); !reflect.DeepEqual(sortedLists(a.Values), sortedLists(d.m.Answers().Values)) {
		t.Errorf("the new draft lacks the change: %v\nwant %v", a.Values, d.m.Answers().Values)
	}
}

func TestSaveAnswersAndJSON(t *testing.T) {
	p := testPack(t)
	dir := t.TempDir()
	var gotFile string
	encode := func(file string, r *report.Report) ([]byte, error) {
		gotFile = file
		return []byte(`{"file":"` + file + `","verdict":"` + r.Verdict.Value + `"}` + "\n"), nil
	}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir, ResultJSON: encode}})
	d.fill(loadExample(t, "red-flag-vendor.yaml")).goToStep("summary")
	d.keys("s", "tab")
	if !strings.Contains(d.view(), "● "+p.T("ui.save.kind.answers")) || !strings.Contains(d.view(), ".yaml") {
		t.Fatalf("tab did not switch to the answers file:\n%s", d.view())
	}
	d.keys("enter")
	yamlPath := filepath.Join(dir, "vetcircle-sunday-integration-collective-2026-05-01.yaml")
	if _, err := os.Stat(yamlPath); err != nil {
		t.Fatalf("answers not saved: %v\n%s", err, d.view())
	}
	d.keys("s", "tab", "tab")
	if !strings.Contains(d.view(), "● "+p.T("ui.save.kind.json")) {
		t.Fatalf("tab twice did not choose JSON:\n%s", d.view())
	}
	d.keys("enter")
	data, err := os.ReadFile(strings.TrimSuffix(yamlPath, ".yaml") + ".json")
	if err != nil || !strings.Contains(string(data), `"verdict":"avoid"`) {
		t.Fatalf("JSON not saved: %v %s", err, data)
	}
	if gotFile != yamlPath {
		t.Errorf("JSON names file %q, want the answers file %s", gotFile, yamlPath)
	}
	// Saving the JSON again asks before replacing it (shift+tab goes round
	// backwards: the note, then the JSON).
	d.keys("s", "shift+tab", "shift+tab", "enter")
	if !strings.Contains(d.view(), "already exists. Replace it?") {
		t.Errorf("no overwrite prompt for the JSON:\n%s", d.view())
	}
	d.keys("n", "esc")
	// Without an encoder there is no JSON choice.
	d = newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir}})
	d.goToStep("summary").keys("s")
	if strings.Contains(d.view(), p.T("ui.save.kind.json")) {
		t.Errorf("JSON offered without an encoder:\n%s", d.view())
	}
}

func TestCopySummary(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	d.keys("c")
	if d.clipboard == nil {
		t.Fatal("c issued no clipboard command")
	}
	if !strings.HasPrefix(*d.clipboard, "# Circle check: Thursday KAP Circle") || strings.Contains(*d.clipboard, "\x1b") {
		t.Errorf("clipboard holds %.80q, want the plain markdown summary", *d.clipboard)
	}
	// Honest: the copy was sent, and may not arrive; saving always works.
	view := strings.Join(strings.Fields(d.view()), " ")
	if !strings.Contains(view, "Sent the summary to the terminal to copy") || !strings.Contains(view, "press s to save") {
		t.Errorf("no honest word on the copy:\n%s", d.view())
	}
	// Inside tmux it says what tmux needs.
	tm := newDriver(t, 80, 24, Options{InTmux: true})
	tm.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "c")
	if !strings.Contains(strings.Join(strings.Fields(tm.view()), " "), "set-clipboard on") {
		t.Errorf("inside tmux the copy message does not name set-clipboard:\n%s", tm.view())
	}
}

// TestSaveNoteForARecord: the save dialog offers the plain-text note for a
// health record, and it is written without markdown.
func TestSaveNoteForARecord(t *testing.T) {
	dir := t.TempDir()
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir, ResultJSON: stubJSON}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s", "tab", "tab", "tab")
	if !strings.Contains(d.view(), ".txt") {
		t.Fatalf("the third tab did not choose the note:\n%s", d.view())
	}
	d.keys("enter")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 1 {
		t.Fatalf("saved %v, want one .txt note", files)
	}
	data, _ := os.ReadFile(files[0])
	if strings.Contains(string(data), "**") || strings.Count(string(data), "\n") > 40 || !strings.Contains(string(data), "PROMISING") {
		t.Errorf("note:\n%s", data)
	}
}

// TestDraftsConcurrentWrites: bubbletea runs commands on goroutines of
// their own; however they interleave (with a Flush from a signal among
// them), the draft ends up holding the newest answers. Run with -race.
func TestDraftsConcurrentWrites(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	k := intake.NewAutosaver(p, store, nil)
	a := checklist.NewAnswers()
	var cmds []tea.Cmd
	for i := range 40 {
		a.Set("participants", checklist.Value{Number: float64(i + 1)})
		cmds = append(cmds, writeCmd(k.Queue(a, true)))
	}
	var wg sync.WaitGroup
	for i := len(cmds) - 1; i >= 0; i-- {
		wg.Go(func() { cmds[i]() })
		if i == 20 {
			wg.Go(func() { _ = k.Flush() })
		}
	}
	wg.Wait()
	if got := loadDraft(t, onlyDraft(t, store)); got.Values["participants"].Number != 40 {
		t.Errorf("after concurrent writes the draft holds %v, want 40", got.Values["participants"].Number)
	}
}

func TestDraftRemovedWhenAnswersDeclined(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: t.TempDir(), Drafts: intake.NewAutosaver(p, store, nil)}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	onlyDraft(t, store)
	d.keys("s", "enter", "n")
	if files := draftFiles(t, store); len(files) != 0 {
		t.Errorf("draft kept after the summary was saved and the answers declined: %v", files)
	}
}

// TestAnswersOfferLetsYouPickAnotherName: when the answers file offered
// already exists and you decline replacing it, you can type another name
// instead of being asked the same question again.
func TestAnswersOfferLetsYouPickAnotherName(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "vetcircle-thursday-kap-circle-2026-05-01.yaml")
	if err := os.WriteFile(taken, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: dir}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).goToStep("summary")
	d.keys("s", "enter", "y", "n") // save summary; answers too; replace? no
	if strings.Contains(d.view(), "Save the answers too?") {
		t.Fatalf("declining the replacement went back to the same offer:\n%s", d.view())
	}
	d.keys("ctrl+u").typeText("other.yaml").keys("enter")
	if _, err := os.Stat(filepath.Join(dir, "other.yaml")); err != nil {
		t.Errorf("answers not saved under the new name: %v\n%s", err, d.view())
	}
	if data, _ := os.ReadFile(taken); string(data) != "mine" {
		t.Error("the existing file was replaced")
	}
}

// TestAnswersGoBesideTheSummary: after the summary is saved to a path of
// the user's choosing, the offer to save the answers puts them beside it,
// and the label names the folder the typed name points into.
func TestAnswersGoBesideTheSummary(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	d := newDriver(t, 100, 30, Options{Options: intake.Options{Dir: dir}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s", "ctrl+u").typeText(filepath.Join(elsewhere, "x.md"))
	if !strings.Contains(strings.Join(strings.Fields(d.view()), ""), "(in"+elsewhere+")") {
		t.Errorf("the label does not name the folder typed:\n%s", d.view())
	}
	d.keys("enter")
	d.keys("y")
	if _, err := os.Stat(filepath.Join(elsewhere, "x.yaml")); err != nil {
		t.Errorf("the answers are not beside the summary: %v\n%s", err, d.view())
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.yaml")); len(files) != 0 {
		t.Errorf("the answers went to the save folder: %v", files)
	}
}

// TestKeepInMyCircles: the save dialog's last kind keeps the answers in the
// register under the circle's name, shows where before anything is
// written, takes no typing, and says where it went; a failure says why and
// keeps the dialog open.
func TestKeepInMyCircles(t *testing.T) {
	var gotName string
	var gotData []byte
	fail := false
	var gotSource string
	keep := func(name, source string, answers []byte) (string, error) {
		if fail {
			return "", errors.New("no space left on device")
		}
		gotName, gotData, gotSource = name, answers, source
		return "/reg/thursday-kap-circle/vettings/x.yaml", nil
	}
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: t.TempDir(), ResultJSON: stubJSON, Keep: keep, Where: "/reg"}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "s", "shift+tab")
	if v := d.view(); !strings.Contains(v, "● Keep in my circles") || !strings.Contains(v, "/reg") {
		t.Fatalf("shift+tab did not choose keep in my circles, or the folder is not named:\n%s", v)
	}
	// The date of the call: today unless typed; a future one or one that
	// does not read is refused in words, and nothing is kept.
	if v := d.view(); !strings.Contains(v, "Date of the call or visit") || !strings.Contains(v, testDate.Format(time.DateOnly)) {
		t.Fatalf("keeping does not offer today as the date of the call:\n%s", v)
	}
	d.keys(slices.Repeat([]string{"backspace"}, 10)...).typeText("2027-01-01").keys("enter")
	if v := strings.Join(strings.Fields(d.view()), " "); gotName != "" || !strings.Contains(v, "2027-01-01 is in the future") {
		t.Fatalf("a future date was not refused (kept %q):\n%s", gotName, d.view())
	}
	d.keys(slices.Repeat([]string{"backspace"}, 10)...).typeText("2025-11-02").keys("down", "enter")
	if gotName != "Thursday KAP Circle" || !strings.Contains(string(gotData), "seller-run: no") ||
		!strings.Contains(string(gotData), `on: "2025-11-02"`) || gotSource != "call" {
		t.Fatalf("kept %q (source %q) with:\n%s", gotName, gotSource, gotData)
	}
	if v := d.view(); !strings.Contains(strings.Join(strings.Fields(v), " "), "Kept in your circles as /reg/thursday-kap-circle/vettings/x.yaml") {
		t.Errorf("no word on where it was kept:\n%s", v)
	}
	fail = true
	d.keys("s", "shift+tab", "enter")
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, "no space left") && !strings.Contains(v, "disk is full") {
		t.Errorf("a failed keep does not say why:\n%s", d.view())
	}
}

// TestCopyNoteForARecord: C on the summary copies the plain note, not the
// markdown, and says so.
func TestCopyNoteForARecord(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Dir: t.TempDir()}})
	d.fill(loadExample(t, "strong-kap-circle.yaml")).keys("enter", "C")
	if d.clipboard == nil {
		t.Fatal("C copied nothing")
	}
	if strings.Contains(*d.clipboard, "**") || strings.Contains(*d.clipboard, "# ") || !strings.Contains(*d.clipboard, "PROMISING") {
		t.Errorf("copied:\n%s", *d.clipboard)
	}
	if !strings.Contains(strings.Join(strings.Fields(d.view()), " "), "Sent the note for a record") {
		t.Errorf("no word on what was copied:\n%s", d.view())
	}
}

// TestQuitFromTheReviewResumesThere: quitting on the review keeps the
// review as the place to resume, not the question under its cursor, and
// the resumed walkthrough opens there.
func TestQuitFromTheReviewResumesThere(t *testing.T) {
	p := testPack(t)
	store := testStore(t)
	d := newDriver(t, 80, 24, Options{Options: intake.Options{Drafts: intake.NewAutosaver(p, store, nil)}})
	d.fill(loadExample(t, "strong-kap-circle.yaml"))
	d.keys("down", "down", "down") // the cursor on some answer
	d.keys("q", "y")
	path := onlyDraft(t, store)
	a := loadDraft(t, path)
	if a.ResumeAt != checklist.ResumeReview {
		t.Fatalf("draft resumes at %q, want the review", a.ResumeAt)
	}
	again := newDriver(t, 80, 24, Options{Options: intake.Options{Answers: a}})
	if again.step() != "review" {
		t.Errorf("resumed at %s, want the review", again.step())
	}
}
