package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/rules"
)

// parsed returns the root command with args parsed, as the walkthrough
// sees it.
func parsed(t *testing.T, args ...string) *cobra.Command {
	t.Helper()
	root := newRoot(env{}, io.Discard)
	if err := root.ParseFlags(args); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestWalkthroughDrafts(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)

	// The drafts folder is the command's, from its preamble.
	ce, err := prepare(parsed(t), env{}, needs{drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := walkthroughDrafts(parsed(t), p, ce.drafts, nil)
	if err != nil || d == nil {
		t.Fatalf("drafts on by default: %v, %v", d, err)
	}
	if want := filepath.Join(state, "vetcircle", "drafts"); d.Dir() != want {
		t.Errorf("drafts in %s, want %s", d.Dir(), want)
	}
	if d.Path() != "" {
		t.Errorf("a draft exists before any change: %s", d.Path())
	}

	d, err = walkthroughDrafts(parsed(t, "--no-draft"), p, ce.drafts, nil)
	if err != nil || d != nil {
		t.Errorf("--no-draft: drafts %v, %v; want none", d, err)
	}

	// Resuming saves into the draft being resumed.
	store := draft.Store{Dir: filepath.Join(state, "vetcircle", "drafts")}
	a := checklist.NewAnswers()
	a.Set("training", checklist.Value{Choice: "general"})
	created, err := store.Create(p, a, time.Date(2026, 11, 24, 20, 30, 1, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	d, err = walkthroughDrafts(parsed(t), p, store, created)
	if err != nil || d == nil || d.Path() != created.Path {
		t.Errorf("resumed drafts = %v (%v), want saving to %s", d, err, created.Path)
	}
	// The flag is known to every command, resume included.
	if f := newRoot(env{}, io.Discard).PersistentFlags().Lookup(noDraftFlag); f == nil {
		t.Error("--no-draft is not a persistent flag")
	}
	if (env{}).resumer() == nil {
		t.Error("resume is not wired to the walkthrough")
	}
}

// TestWalkthroughJSONIsScoreJSON: the JSON the walkthrough saves is, byte
// for byte, what vetcircle score --format json prints.
func TestWalkthroughJSONIsScoreJSON(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "..", "examples", "strong-kap-circle.yaml")
	var out, errOut bytes.Buffer
	if code := run(context.Background(), env{stdout: &out, stderr: &errOut}, []string{"score", "--format", "json", file}); code != 0 {
		t.Fatalf("score: exit %d: %s", code, errOut.String())
	}
	a, err := loadAnswers(env{}, p, file)
	if err != nil {
		t.Fatal(err)
	}
	got, err := resultJSON(file, summary.Build(p, a, summary.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != out.String() {
		t.Errorf("walkthrough JSON:\n%s\nscore --format json:\n%s", got, out.String())
	}
	if !strings.Contains(string(got), `"file":"`+file+`"`) {
		t.Errorf("JSON does not name the answers file: %s", got)
	}
}
