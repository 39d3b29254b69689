package checklist_test

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// builtinFS copies the built-in pack into a MapFS so tests can break one file.
func builtinFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(rules.Files, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(rules.Files, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = &fstest.MapFile{Data: data}
	}
	return m
}

func TestBuiltinPackLints(t *testing.T) {
	p := defaultPack(t)
	seenSource := map[string]bool{}
	for _, q := range p.Questions {
		seenSource[q.Source] = true
		if q.Say != "" && q.Why == "" {
			t.Errorf("question %s has words to say but no why", q.ID)
		}
		if !q.Optional && q.Say == "" {
			t.Errorf("question %s counts toward completeness but has no follow-up words (say)", q.ID)
		}
	}
	for _, r := range p.Rules {
		seenSource[r.Source] = true
		if r.RedFlag != "" && r.Cap == "" {
			t.Errorf("rule %s confirms a red flag but does not cap the verdict", r.ID)
		}
	}
	// Every source must be a heading the guide actually has (the loader
	// checks this too); parent headings with no text of their own are not
	// citations. rules/guide/headings.txt is the committed list of the
	// guide's headings (go generate ./rules checks it against the guide
	// where the guide is present), so the pack's list cannot drift.
	data, err := os.ReadFile("../../rules/guide/headings.txt")
	if err != nil {
		t.Fatalf("the guide's headings are needed to check citations: %v", err)
	}
	guideLines := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			guideLines[l] = true
		}
	}
	if len(guideLines) < 10 {
		t.Fatalf("rules/guide/headings.txt lists %d headings; the guide has more", len(guideLines))
	}
	headings := []string{p.Meta.Guide.Addition}
	headings = append(headings, p.Meta.Guide.Sources...)
	for _, h := range p.Meta.Guide.Headings {
		if !guideLines[h] {
			t.Errorf("guide heading %q is not among the guide's headings (rules/guide/headings.txt)", h)
		}
		headings = append(headings, h)
	}
	for _, parent := range []string{"Practices", "Common concerns", "Frequently asked"} {
		if slices.Contains(headings, parent) {
			t.Errorf("heading %q is a parent with no text of its own; cite the section beneath it", parent)
		}
	}
	check := func(owner, src string) {
		for _, h := range headings {
			if src == h {
				return
			}
		}
		t.Errorf("%s cites %q, which is not a section of the guide", owner, src)
	}
	for _, s := range p.Sections {
		check("section "+s.ID, s.Source)
	}
	for _, q := range p.Questions {
		check("question "+q.ID, q.Source)
	}
	for _, r := range p.Rules {
		check("rule "+r.ID, r.Source)
	}
	for _, f := range p.Formats {
		check("format "+f.ID, f.Source)
		for _, r := range f.Rules {
			check("fit rule "+r.ID, r.Source)
		}
	}
	for _, r := range p.CircleFit {
		check("circle fit rule "+r.ID, r.Source)
	}
	for _, d := range p.Derived {
		check("derivation "+d.ID, d.Source)
	}
	for _, r := range p.Stay.Rules {
		check("stay rule "+r.ID, r.Source)
	}
	for _, s := range p.Meta.Guide.Sources {
		// A second source is named well enough to be found: authors or
		// publisher, and a year.
		if !regexp.MustCompile(`\b(19|20)\d\d\b`).MatchString(s) || len(s) < 20 {
			t.Errorf("second source %q: name its authors or publisher, year and title", s)
		}
	}
	// The fixed public vocabulary.
	for id, opts := range map[string][]string{
		"training":             {"named-program", "general", "personal-experience", "refused"},
		"agreements":           {"confidentiality", "no-advice", "no-pressure", "written"},
		"difficult-experience": {"holding-capacity", "individual-follow-up", "escalation-path"},
		"circle-format":        {"kap-circle", "ceremony", "online-peer", "retreat"},
	} {
		q := p.Question(id)
		if q == nil {
			t.Errorf("question %s missing from the pack", id)
			continue
		}
		for _, o := range opts {
			if q.Option(o) == nil {
				t.Errorf("question %s lost option %s (answers files depend on it)", id, o)
			}
		}
	}
	for _, id := range []string{"rf-no-training", "rf-vendor-dosing", "rf-pressure-disclose", "rf-charismatic-leader", "rf-no-consent", "rf-romantic-sexual", "rf-refuses-credentials", "rf-outcome-promises"} {
		if q := p.Question(id); q == nil || !q.RedFlag {
			t.Errorf("red flag %s missing from the pack", id)
		}
	}
	for _, id := range []string{"kap-circle", "ceremony", "online-peer", "retreat"} {
		if p.Format(id) == nil {
			t.Errorf("format %s missing from the pack", id)
		}
	}
}

func TestLoadPackReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		body  string
		wants []string // each must appear in the error, with its position
	}{
		{
			name:  "unknown fields, all of them",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    titel: typo\n    severity: minor\n    when: {question: training, is: general}\n    message: m\n    source: Practices\n    colour: red\n",
			wants: []string{`rules/zz.yaml:3:5: unknown key "titel"`, `rules/zz.yaml:8:5: unknown key "colour"`},
		},
		{
			name:  "a changed date that is not a date",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    title: t\n    severity: minor\n    when: {question: training, is: general}\n    message: m\n    source: Practices\n    changed: \"2026-13-01\"\n",
			wants: []string{`rule X-ONE: changed "2026-13-01" is not a date`},
		},
		{
			name:  "duplicate rule id",
			file:  "zz.yaml",
			body:  "rules:\n  - id: TRAIN-NAMED\n    title: t\n    severity: info\n    when: {question: training, is: general}\n    message: m\n    source: Practices\n",
			wants: []string{`rules/zz.yaml:2:5: duplicate rule id "TRAIN-NAMED"`},
		},
		{
			name:  "references to questions and options that do not exist",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    title: t\n    severity: minor\n    when: {question: trainin, is: general}\n    message: m\n    source: Practices\n  - id: X-TWO\n    title: t\n    severity: minor\n    when: {question: training, is: certified}\n    message: m\n    source: Practices\n",
			wants: []string{`rules/zz.yaml:5:12: condition names unknown question "trainin"`, `rules/zz.yaml:11:12: question training has no option "certified"`, "allowed: named-program"},
		},
		{
			name:  "empty message and source",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    title: t\n    severity: minor\n    when: {question: training, is: general}\n    message: \"\"\n",
			wants: []string{"rule X-ONE message is missing or empty", "rule X-ONE source is missing or empty"},
		},
		{
			name:  "unreachable band",
			file:  "pack.yaml",
			body:  "pack:\n  id: x\n  name: x\n  version: \"1\"\n  last_reviewed: \"2026-01-01\"\n  guide: {title: g}\nscoring:\n  base: 40\n  bands:\n    - {verdict: avoid, min: 0}\n    - {verdict: caution, min: 30}\n    - {verdict: promising, min: 300}\n",
			wants: []string{`rules/pack.yaml:12:8: band promising min 300 is out of range`},
		},
		{
			name:  "bands that go backwards",
			file:  "pack.yaml",
			body:  "pack:\n  id: x\n  name: x\n  version: \"1\"\n  last_reviewed: \"2026-01-01\"\n  guide: {title: g}\nscoring:\n  base: 40\n  bands:\n    - {verdict: promising, min: 0}\n    - {verdict: avoid, min: 50}\n",
			wants: []string{"band avoid (min 50) is not better than band promising (min 0)"},
		},
		{
			name:  "syntax error",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X\n   title: [unclosed\n",
			wants: []string{"rules/zz.yaml:", "YAML syntax"},
		},
		{
			name:  "alias bomb",
			file:  "zz.yaml",
			body:  "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
			wants: []string{"rules/zz.yaml:1:4: anchors, aliases and merge keys"},
		},
		{
			name:  "wrong type",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    title: t\n    severity: minor\n    points: lots\n    when: {question: training, is: general}\n    message: m\n    source: Practices\n",
			wants: []string{`rules/zz.yaml:5:13: expected a whole number, found "lots"`},
		},
		{
			name:  "strength that takes points",
			file:  "zz.yaml",
			body:  "rules:\n  - id: X-ONE\n    title: t\n    severity: strength\n    points: -5\n    when: {question: training, is: general}\n    message: m\n    source: Practices\n",
			wants: []string{"rule X-ONE is a strength but takes points"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := builtinFS(t)
			if tc.file == "pack.yaml" {
				m[tc.file] = &fstest.MapFile{Data: []byte(tc.body)}
			} else {
				m[tc.file] = &fstest.MapFile{Data: []byte(tc.body)}
			}
			_, err := checklist.LoadPack(m, "rules")
			if err == nil {
				t.Fatal("LoadPack accepted a broken pack")
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "panic") {
				t.Errorf("error mentions a panic: %v", err)
			}
		})
	}
}

func TestLoadPackRejectsUnexpectedFiles(t *testing.T) {
	m := builtinFS(t)
	m["script.sh"] = &fstest.MapFile{Data: []byte("rm -rf /")}
	m["sub/extra.yaml"] = &fstest.MapFile{Data: []byte("rules: []")}
	m["NOTES.md"] = &fstest.MapFile{Data: []byte("docs are fine")}
	_, err := checklist.LoadPack(m, "custom")
	if err == nil {
		t.Fatal("LoadPack accepted a folder with a script and a subfolder")
	}
	for _, w := range []string{"custom/script.sh: unexpected file", "custom/sub: subfolders are not read"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error does not mention %q:\n%v", w, err)
		}
	}
	if strings.Contains(err.Error(), "NOTES.md") {
		t.Errorf("markdown documentation should be allowed: %v", err)
	}
}

func TestParseAnswersErrors(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name, body string
		wants      []string
	}{
		{"unknown id", "version: 1\nanswers:\n  trainig: general\n", []string{`a.yaml:3:3: unknown question id "trainig"`, "vetcircle questions"}},
		{"invalid option names the allowed ones", "version: 1\nanswers:\n  training: certified\n", []string{`a.yaml:3:13: training: "certified" is not one of its options`, "allowed: named-program, general, personal-experience, refused, no-facilitator"}},
		{"wrong shape", "version: 1\nanswers:\n  agreements: confidentiality\n", []string{"a.yaml:3:15: agreements: expected a list of options, found a single value"}},
		{"invalid list item", "version: 1\nanswers:\n  agreements: [confidentiality, secrecy]\n", []string{`a.yaml:3:33: agreements: "secrecy" is not one of its options`}},
		{"tristate", "version: 1\nanswers:\n  rf-vendor-dosing: maybe\n", []string{`rf-vendor-dosing: "maybe" is not yes, no or unknown`}},
		{"number out of range", "version: 1\ncircle: {participants: -3}\n", []string{"participants: \"-3\" is out of range"}},
		{"number as text", "version: 1\ncircle: {participants: \"lots\"}\n", []string{`participants: expected a number, found "lots"`}},
		{"future version", "version: 7\n", []string{"a.yaml:1:10: answers file version 7 was written by a newer vetcircle", "this build reads version 1"}},
		{"no version", "answers: {training: general}\n", []string{"answers file has no version"}},
		{"empty file", "", []string{"a.yaml:1:1: file is empty"}},
		{"not utf-8", "version: 1\ncircle: {name: \"caf\xe9\"}\n", []string{"a.yaml:2:20: file is not UTF-8 text"}},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", []string{"a.yaml:1:1: file is not UTF-8 text"}},
		{"duplicate key", "version: 1\nanswers:\n  training: general\n  training: refused\n", []string{"a.yaml:4:", "already defined"}},
		{"circle field in answers", "version: 1\nanswers:\n  participants: 8\n", []string{"participants belongs in the circle block"}},
		{"unknown top-level key", "version: 1\nanswer: {}\n", []string{`a.yaml:2:1: unknown key "answer"`}},
		{"alias bomb", "version: 1\nx: &a [1,2]\ny: [*a, *a]\n", []string{"anchors, aliases and merge keys"}},
		{"several problems at once", "version: 1\nanswers:\n  training: x\n  agreements: y\n", []string{"a.yaml:3:13", "a.yaml:4:15"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checklist.ParseAnswers(p, "a.yaml", []byte(tc.body))
			if err == nil {
				t.Fatal("ParseAnswers accepted bad input")
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestParseAnswersTooBig(t *testing.T) {
	p := defaultPack(t)
	big := []byte("version: 1\n# " + strings.Repeat("x", checklist.MaxFileSize))
	_, err := checklist.ParseAnswers(p, "big.yaml", big)
	var e *checklist.Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "limit") {
		t.Fatalf("ParseAnswers(2 MiB) = %v, want a size-limit error", err)
	}
}

func TestParseAnswersAcceptsBothBooleanSpellings(t *testing.T) {
	p := defaultPack(t)
	for _, body := range []string{"rf-vendor-dosing: yes", "rf-vendor-dosing: true", "rf-vendor-dosing: Yes", "rf-vendor-dosing: TRUE"} {
		a, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\nanswers:\n  "+body+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if v, _ := a.Get("rf-vendor-dosing"); v.Choice != checklist.Yes {
			t.Errorf("%s read as %q, want yes", body, v.Choice)
		}
	}
}

func TestParseAnswersLenientKeepsUnknown(t *testing.T) {
	p := defaultPack(t)
	body := "version: 1\ncircle: {name: X, colour: blue}\nanswers:\n  training: general\n  old-question: [a, b]\n  agreements: [confidentiality, retired-option]\nnotes:\n  old-question: \"keep me\"\n"
	a, warnings, err := checklist.ParseAnswersLenient(p, "draft.yaml", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 4 {
		t.Errorf("warnings = %v, want 4 (colour, old-question, retired-option, note)", warnings)
	}
	out := string(checklist.MarshalAnswers(p, a))
	for _, w := range []string{`colour: "blue"`, `old-question: ["a","b"]`, `agreements: [confidentiality, "retired-option"]`, `old-question: "keep me"`, "training: general"} {
		if !strings.Contains(out, w) {
			t.Errorf("saved draft lost %q:\n%s", w, out)
		}
	}
	// What it wrote must load again, still leniently, keeping everything.
	b, warnings2, err := checklist.ParseAnswersLenient(p, "draft.yaml", []byte(out))
	if err != nil {
		t.Fatalf("re-reading the saved draft: %v\n%s", err, out)
	}
	if len(warnings2) != len(warnings) || len(b.Unknown) != len(a.Unknown) {
		t.Errorf("second load: %d warnings, %d unknown; want %d, %d", len(warnings2), len(b.Unknown), len(warnings), len(a.Unknown))
	}
}

func TestNullAnswerIsNotAsked(t *testing.T) {
	p := defaultPack(t)
	a := answers(t, p, "answers:\n  training:\n  agreements: ~\n")
	if a.Len() != 0 {
		t.Errorf("empty values were read as answers: %v", a.Values)
	}
}

// TestReansweredKeptAnswerIsWrittenOnce: a draft kept an option the rules no
// longer know; once the question is answered again, the new answer replaces
// the kept one instead of writing the key twice.
func TestReansweredKeptAnswerIsWrittenOnce(t *testing.T) {
	p := defaultPack(t)
	a, warnings, err := checklist.ParseAnswersLenient(p, "draft.yaml", []byte("version: 1\ncircle: {format: pod}\nanswers:\n  agreements: [secrecy]\n"))
	if err != nil || len(warnings) != 2 {
		t.Fatalf("lenient load: %v, warnings %v", err, warnings)
	}
	a.Set("agreements", checklist.Value{List: []string{"written"}})
	a.Set("circle-format", checklist.Value{Choice: "kap-circle"})
	out := checklist.MarshalAnswers(p, a)
	b, _, err := checklist.ParseAnswersLenient(p, "draft.yaml", out)
	if err != nil {
		t.Fatalf("re-answered draft does not load: %v\n%s", err, out)
	}
	if v, _ := b.Get("agreements"); len(v.List) != 1 || v.List[0] != "written" {
		t.Errorf("agreements = %v, want [written]", v.List)
	}
	// The unknown list item is still kept beside the new answer; the
	// replaced circle field is not.
	if got := b.KeptItems["agreements"]; len(got) != 1 || got[0] != `"secrecy"` {
		t.Errorf("kept items = %v, want the unknown option kept", got)
	}
	if strings.Contains(string(out), "pod") {
		t.Errorf("the replaced format was written back:\n%s", out)
	}
}

// TestAnswersThatDoNotApplyAreNamed: an answer whose question does not apply
// (say an answers file written before a rule gained a condition) still
// loads, is not scored, and is named in the result, never dropped in silence.
func TestAnswersThatDoNotApplyAreNamed(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		body, question, when string
	}{
		{"circle: {format: online-peer}\nanswers:\n  agreements: [confidentiality]\n", "agreements", "circle-format is not online-peer"},
		{"circle: {format: kap-circle}\nanswers:\n  medical-backup: no\n", "medical-backup", "circle-format is retreat or medicine-sessions is yes"},
		{"answers:\n  training: no-facilitator\n  rf-no-training: yes\n", "rf-no-training", "not (training is no-facilitator or circle-format is online-peer)"},
	}
	for _, tc := range tests {
		r := checklist.Evaluate(p, answers(t, p, tc.body))
		want := []checklist.Ignored{{Question: tc.question, When: tc.when}}
		if !slices.Equal(r.Ignored, want) {
			t.Errorf("Evaluate(%q).Ignored = %v, want %v", tc.body, r.Ignored, want)
		}
		if slices.Contains(r.RedFlags, tc.question) {
			t.Errorf("%s counted as a red flag though it does not apply", tc.question)
		}
	}
}

// TestEveryDecidingRuleHasAHeadline: a rule that can decide the verdict (a
// cap, or points taken) must say what it found in a few plain words, for the
// verdict's one-sentence answer.
func TestEveryDecidingRuleHasAHeadline(t *testing.T) {
	p := defaultPack(t)
	for _, r := range p.Rules {
		if (r.Cap != "" || r.Points < 0) && r.Headline == "" {
			t.Errorf("rule %s can decide the verdict but has no headline", r.ID)
		}
	}
}
