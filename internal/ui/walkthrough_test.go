package ui

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// fill answers every screen from a, with the keys a person would press,
// until the review. Questions absent from a are passed with enter.
func (d *driver) fill(a *checklist.Answers) *driver {
	d.tb.Helper()
	for range 100 {
		st := d.m.steps[d.m.cur]
		switch st.kind {
		case stepReview:
			return d
		case stepForm:
			// Field by field as focused: an answer can change which fields
			// the form holds (online groups have no session length).
			for i := 0; i < 20 && d.m.steps[d.m.cur].key == st.key; i++ {
				q := d.m.c.pack.Question(d.m.screen().focused())
				if q == nil {
					d.tb.Fatalf("fill: no focused field on %s", st.key)
				}
				d.answerField(q, a)
				d.keys("enter")
			}
		case stepQuestion:
			d.answerField(st.questions[0], a)
			d.keys("enter")
		case stepFlags:
			for _, q := range st.questions {
				v, ok := a.Get(q.ID)
				if !ok {
					d.keys("down")
					continue
				}
				d.keys(v.Choice[:1]) // y, n or u; the cursor moves on
			}
			d.keys("enter")
		default:
			d.tb.Fatalf("fill: unexpected step %s", st.key)
		}
	}
	d.tb.Fatal("fill: never reached the review")
	return d
}

// answerField gives q its answer from a by keys, if a has one.
func (d *driver) answerField(q *checklist.Question, a *checklist.Answers) {
	d.tb.Helper()
	v, ok := a.Get(q.ID)
	if !ok {
		return
	}
	switch q.Kind {
	case checklist.KindTristate:
		d.keys(v.Choice[:1])
	case checklist.KindChoice:
		for i, o := range q.Options {
			if o.ID == v.Choice {
				d.keys(strconv.Itoa(i + 1))
			}
		}
	case checklist.KindMulti:
		if len(v.List) == 0 {
			d.keys("0")
		}
		for _, id := range v.List {
			for i, o := range q.Options {
				if o.ID == id {
					d.keys(strconv.Itoa(i + 1))
				}
			}
		}
	case checklist.KindNumber:
		d.typeText(strconv.FormatFloat(v.Number, 'f', -1, 64))
	default:
		d.typeText(v.Text)
	}
}

// TestWalkthroughVerdicts answers two example circles through the screens
// and checks the answers the UI collected and the verdict it shows.
func TestWalkthroughVerdicts(t *testing.T) {
	for _, tc := range []struct {
		file string
		want checklist.Verdict
	}{
		{"strong-kap-circle.yaml", checklist.VerdictPromising},
		{"red-flag-vendor.yaml", checklist.VerdictAvoid},
		{"retreat-early-integration.yaml", ""},
		{"online-peer-group.yaml", ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			want := loadExample(t, tc.file)
			p := testPack(t)
			verdict := tc.want
			if verdict == "" {
				verdict = checklist.Evaluate(p, want).Verdict
			}
			d := newDriver(t, 80, 24, Options{})
			d.fill(want)
			if !reflect.DeepEqual(sortedLists(d.m.c.answers.Values), sortedLists(want.Values)) {
				t.Errorf("answers through the UI = %v\nwant %v", d.m.c.answers.Values, want.Values)
			}
			d.keys("enter")
			if d.step() != "summary" {
				t.Fatalf("enter on the review went to %s, want the summary", d.step())
			}
			if got := d.m.Result().Verdict; got != verdict {
				t.Errorf("verdict = %s, want %s", got, verdict)
			}
			view := d.view()
			if badge := summary.VerdictBadge(d.m.c.pack, verdict); !strings.Contains(view, badge) {
				t.Errorf("summary screen does not show %q:\n%s", badge, view)
			}
			// The banner opens with the verdict's one-sentence answer.
			head, _, _ := strings.Cut(d.m.Result().Headline.Verdict, ":")
			if !strings.Contains(view, head+":") {
				t.Errorf("summary screen does not state the verdict in words (%q):\n%s", head, view)
			}
		})
	}
}

// TestEnterThroughEverything: every question defaults to "not asked yet",
// so enter on every screen reaches an incomplete summary that asks the
// three questions first.
func TestEnterThroughEverything(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.goToStep("summary")
	if n := len(d.m.c.answers.Values); n != 0 {
		t.Errorf("enter alone answered %d questions: %v", n, d.m.c.answers.Values)
	}
	r := d.m.Result()
	if r.Verdict != checklist.VerdictIncomplete {
		t.Errorf("verdict = %s, want incomplete", r.Verdict)
	}
	if !strings.Contains(d.view(), summary.VerdictBadge(d.m.c.pack, checklist.VerdictIncomplete)) {
		t.Errorf("banner does not say incomplete:\n%s", d.view())
	}
	s := d.m.screens["summary"].(*summaryScreen)
	content := ansi.Strip(s.vp.GetContent())
	p := testPack(t)
	i := strings.Index(content, p.T("summary.ask-next"))
	if i < 0 {
		t.Fatalf("rendered summary has no %q section", p.T("summary.ask-next"))
	}
	askNext := content[i:]
	last := -1
	for _, id := range []string{"training", "agreements", "difficult-experience"} {
		j := strings.Index(askNext, p.Question(id).Label)
		if j < 0 {
			t.Errorf("ask-next does not list %s", id)
			continue
		}
		if j < last {
			t.Errorf("ask-next lists %s out of order", id)
		}
		last = j
	}
	for _, f := range r.FollowUps[:3] {
		if q := p.Question(f.Question); q == nil || !q.Core {
			t.Errorf("first follow-ups = %v, want the three core questions", r.FollowUps[:3])
		}
	}
}

// sortedLists copies answers with every list sorted: the UI keeps a
// list in the pack's order, a file in the order it was written.
func sortedLists(vs map[string]checklist.Value) map[string]checklist.Value {
	out := make(map[string]checklist.Value, len(vs))
	for k, v := range vs {
		if v.List != nil {
			v.List = slices.Sorted(slices.Values(v.List))
		}
		out[k] = v
	}
	return out
}
