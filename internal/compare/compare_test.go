package compare_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/compare"
	"github.com/vetcircle/vetcircle/rules"
)

func pack(t *testing.T) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func row(t *testing.T, p *checklist.Pack, file, yaml string) compare.Row {
	t.Helper()
	a, err := checklist.ParseAnswers(p, file, []byte(yaml))
	if err != nil {
		t.Fatalf("ParseAnswers(%s): %v", file, err)
	}
	return compare.New(p, file, a)
}

func example(t *testing.T, p *checklist.Pack, name string) compare.Row {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return row(t, p, "examples/"+name, string(data))
}

func TestNew(t *testing.T) {
	p := pack(t)
	r := example(t, p, "red-flag-vendor.yaml")
	if r.Name != "Sunday Integration Collective" || r.Verdict != checklist.VerdictAvoid || r.Format != "kap-circle" {
		t.Errorf("New(red-flag-vendor) = %+v, want its name, avoid, kap-circle", r)
	}
	if !slices.Equal(r.RedFlags, []string{"rf-vendor-dosing"}) {
		t.Errorf("New(red-flag-vendor).RedFlags = %v, want [rf-vendor-dosing]", r.RedFlags)
	}
	if r.Participants == nil || *r.Participants != 10 || r.CostUSD == nil || *r.CostUSD != 40 {
		t.Errorf("New(red-flag-vendor) size and cost = %v, %v; want 10 and 40", r.Participants, r.CostUSD)
	}
	// The answer columns are the pack's core questions, in pack order.
	var ids []string
	for _, a := range r.Core {
		ids = append(ids, a.Question)
	}
	var core []string
	for _, q := range p.Questions {
		if q.Core {
			core = append(core, q.ID)
		}
	}
	if !slices.Equal(ids, core) || len(core) != 4 {
		t.Errorf("New().Core questions = %v, want the pack's core questions %v", ids, core)
	}

	// An informal group is asked what it offers, not the facilitator
	// questions; the partly known list names only what was ruled out.
	o := example(t, p, "online-peer-group.yaml")
	if o.Core[1].Applies || o.Core[1].Asked {
		t.Errorf("online-peer agreements = %+v, want not applicable", o.Core[1])
	}
	safeguards := o.Core[3]
	if !safeguards.Asked || !slices.Equal(safeguards.List, []string{"written-rules", "active-moderation", "crisis-resources"}) || safeguards.Of != 4 ||
		!slices.Equal(safeguards.Lacks, []string{"no-selling-rule"}) {
		t.Errorf("online-peer safeguards = %+v, want 3 of 4, lacking no-selling-rule", safeguards)
	}
	if o.Fit != checklist.FitGood || o.Stay != "" {
		t.Errorf("online-peer fit, stay = %q, %q; want good and none (not attending)", o.Fit, o.Stay)
	}

	in := example(t, p, "incomplete-intake.yaml")
	if in.Core[1].Asked || in.CostUSD != nil {
		t.Errorf("incomplete intake: agreements asked = %v, cost = %v; want not asked", in.Core[1].Asked, in.CostUSD)
	}
}

func TestSort(t *testing.T) {
	mk := func(file, name string, v checklist.Verdict, score, done int) compare.Row {
		return compare.Row{File: file, Name: name, Verdict: v, Score: score, Completeness: done}
	}
	rows := []compare.Row{
		mk("a", "Zed", checklist.VerdictAvoid, 90, 100),
		mk("b", "beta", checklist.VerdictCaution, 50, 80),
		mk("c", "Alpha", checklist.VerdictCaution, 50, 80),
		mk("d", "Alpha", checklist.VerdictCaution, 50, 90),
		mk("e", "Alpha", checklist.VerdictCaution, 60, 10),
		mk("f", "", checklist.VerdictPromising, 70, 100),
		mk("g", "Inc", checklist.VerdictIncomplete, 99, 20),
		mk("h", "alpha", checklist.VerdictCaution, 50, 80),
		mk("i", "Alpha", checklist.VerdictCaution, 50, 80),
	}
	compare.Sort(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.File)
	}
	// Verdict first (a high score does not lift an avoid), then score,
	// completeness, name ignoring case, exact name, file.
	want := []string{"f", "e", "d", "c", "i", "h", "b", "g", "a"}
	if !slices.Equal(got, want) {
		t.Errorf("Sort() order = %v, want %v", got, want)
	}
}

func TestMarshalJSON(t *testing.T) {
	p := pack(t)
	tests := []struct {
		name, yaml string
		want       map[string]any
	}{
		{"not asked is null", "version: 1\n", map[string]any{"training": nil, "agreements": nil, "difficult-experience": nil, "peer-safeguards": nil}},
		{"none is an empty list", "version: 1\nanswers:\n  agreements: []\n  training: general\n",
			map[string]any{"training": "general", "agreements": []any{}, "difficult-experience": nil, "peer-safeguards": nil}},
		{"a list", "version: 1\nanswers:\n  difficult-experience: [escalation-path]\n",
			map[string]any{"training": nil, "agreements": nil, "difficult-experience": []any{"escalation-path"}, "peer-safeguards": nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(row(t, p, "x.yaml", tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				RedFlags []string       `json:"red_flags"`
				Core     map[string]any `json:"core"`
				Format   *string        `json:"format"`
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if got.RedFlags == nil {
				t.Errorf("red_flags is null in %s, want []", b)
			}
			if len(got.Core) != len(tt.want) {
				t.Errorf("core = %v, want %v", got.Core, tt.want)
			}
			for k, w := range tt.want {
				g, ok := got.Core[k]
				if !ok {
					t.Errorf("core lacks %q in %s", k, b)
					continue
				}
				gb, _ := json.Marshal(g)
				wb, _ := json.Marshal(w)
				if string(gb) != string(wb) {
					t.Errorf("core[%q] = %s, want %s", k, gb, wb)
				}
			}
			if got.Format != nil {
				t.Errorf("format = %q for a circle without one, want it left out", *got.Format)
			}
		})
	}
}

func TestMarkdownEscapesAndFootnote(t *testing.T) {
	p := pack(t)
	rows := []compare.Row{
		row(t, p, "a|b.yaml", "version: 1\ncircle:\n  name: \"# Evil | *circle*\\n[link](x)\"\n"),
	}
	md := compare.Markdown(p, rows)
	lines := strings.Split(strings.TrimSpace(md), "\n")
	if len(lines) != 5 {
		t.Fatalf("Markdown() has %d lines, want header, rule, one row, blank, footnote:\n%s", len(lines), md)
	}
	if want := `| a\|b.yaml | \# Evil \| \*circle\* \[link\](x) |`; !strings.HasPrefix(lines[2], want) {
		t.Errorf("Markdown() row = %q, want it to start %q", lines[2], want)
	}
	head := strings.Count(lines[0], "|")
	if n := strings.Count(lines[2], "|") - strings.Count(lines[2], `\|`); n != head {
		t.Errorf("row has %d cell borders, want %d like the header", n, head)
	}
	if lines[4] != "— not asked yet" {
		t.Errorf("Markdown() footnote = %q, want %q", lines[4], "— not asked yet")
	}

	full := compare.Markdown(p, []compare.Row{example(t, p, "strong-kap-circle.yaml")})
	if strings.Contains(full, "not asked yet") {
		t.Errorf("Markdown() of a complete circle has the not-asked footnote:\n%s", full)
	}
}

func TestTableFitsEveryWidth(t *testing.T) {
	p := pack(t)
	var rows []compare.Row
	for _, name := range []string{"strong-kap-circle.yaml", "red-flag-vendor.yaml", "online-peer-group.yaml", "incomplete-intake.yaml", "retreat-early-integration.yaml"} {
		rows = append(rows, example(t, p, name))
	}
	// Hostile names: very long, wide characters, escapes, no spaces.
	rows = append(rows,
		row(t, p, "long.yaml", "version: 1\ncircle:\n  name: \""+strings.Repeat("Integration ", 16)+"\"\nanswers:\n  rf-no-training: yes\n  rf-vendor-dosing: yes\n  rf-pressure-disclose: yes\n  rf-charismatic-leader: yes\n  rf-romantic-sexual: yes\n"),
		row(t, p, "wide.yaml", "version: 1\ncircle:\n  name: \"ケタミン統合サークル東京ケタミン統合サークル東京\"\n"),
		row(t, p, "esc.yaml", "version: 1\ncircle:\n  name: \"\\u001b[31mRed\\u001b[0m \\u001b]8;;http://x\\u0007link\"\n"),
		row(t, p, strings.Repeat("nospaces", 12)+".yaml", "version: 1\n"),
	)
	compare.Sort(rows)
	for _, width := range []int{220, 160, 120, 100, 90, 80, 72, 60, 50, 40, 30} {
		for _, padding := range []bool{true, false} {
			out := compare.Table(p, rows, compare.TableOptions{Width: width, Padding: padding})
			for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("Table(width %d, padding %v) line %d is %d wide: %q", width, padding, i+1, w, line)
				}
			}
			if strings.ContainsAny(out, "\x1b\a") {
				t.Errorf("Table(width %d) holds escape sequences from a circle name", width)
			}
			if width >= 80 {
				for _, v := range []string{"PROMISING", "CAUTION", "AVOID", "INCOMPLETE"} {
					if !strings.Contains(out, v) {
						t.Errorf("Table(width %d) lacks %s", width, v)
					}
				}
			}
		}
	}
}

func TestTableLayouts(t *testing.T) {
	p := pack(t)
	rows := []compare.Row{example(t, p, "strong-kap-circle.yaml"), example(t, p, "online-peer-group.yaml")}
	tests := []struct {
		width      int
		want, lack []string
	}{
		// Wide: every column, full file paths, full list answers.
		{240, []string{"│ File ", "│ Score ", "│ Fit ", "examples/strong-kap-circle.yaml", "3/4, lacks", "n/a"}, []string{"3/4 "}},
		// Narrow: file under the name, lists as counts, headings wrapped.
		{80, []string{"Thursday", "strong-kap-", "100 · 100%", "3/4", "8 · $45", "good"}, []string{"│ File ", "lacks", "examples/"}},
	}
	for _, tt := range tests {
		out := compare.Table(p, rows, compare.TableOptions{Width: tt.width, Padding: true})
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("Table(width %d) lacks %q:\n%s", tt.width, w, out)
			}
		}
		for _, l := range tt.lack {
			if strings.Contains(out, l) {
				t.Errorf("Table(width %d) has %q:\n%s", tt.width, l, out)
			}
		}
	}
}

func TestTableStyles(t *testing.T) {
	p := pack(t)
	rows := []compare.Row{example(t, p, "strong-kap-circle.yaml")}
	plain := compare.Table(p, rows, compare.TableOptions{Width: 100})
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("unstyled table holds escape sequences: %q", plain)
	}
	styled := compare.Table(p, rows, compare.TableOptions{Width: 100, Styled: true, Color: true})
	if !strings.Contains(styled, "\x1b[") {
		t.Error("styled table has no styling")
	}
	if ansi.Strip(styled) != plain {
		t.Errorf("styling changed the table's text:\n%s\nwant\n%s", ansi.Strip(styled), plain)
	}
}
