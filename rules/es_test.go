package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// The Spanish pack lives in rules/es as YAML. It must be the English pack in
// other words: the same IDs, the same logic (conditions, points, caps,
// severities, sources) and the same placeholders, so that an answers file
// scores identically in either language.

const esDir = "es"

func loadPacks(t *testing.T) (en, es *checklist.Pack) {
	t.Helper()
	en, err := rules.Parse()
	if err != nil {
		t.Fatalf("the English pack does not validate:\n%v", err)
	}
	es, err = checklist.LoadPack(os.DirFS(esDir), "rules/es")
	if err != nil {
		t.Fatalf("the Spanish pack does not validate:\n%v", err)
	}
	return en, es
}

// prose names the fields a person reads, by type and field: these are
// translated. Every other field is logic and must be identical. (Question.Ask
// is "facilitator" or "self", logic; Rule.Ask is words to say, prose.)
var prose = map[string]bool{
	"Guide.Title": true,

	"Section.Title": true, "Section.Intro": true, "Section.IntroCoordinator": true, "Section.TitleCoordinator": true,

	"Question.Label": true, "Question.Prompt": true, "Question.Say": true,
	"Question.PromptCoordinator": true, "Question.SayCoordinator": true,
	"Question.ListenGood": true, "Question.ListenWorrying": true, "Question.Why": true, "Question.Example": true,
	"Question.Unit": true,

	"Option.Label": true, "Option.Help": true,

	"Rule.Title": true, "Rule.Message": true, "Rule.MessageCoordinator": true, "Rule.Ask": true, "Rule.Headline": true,

	"Derivation.From": true,

	"StayRule.Reason": true, "StayRule.ReasonCoordinator": true,
	"StayVerdict.Reason": true, "StayVerdict.ReasonCoordinator": true,
	"HistoryRule.Reason": true, "HistoryRule.ReasonCoordinator": true,

	"Format.Name": true, "Format.Summary": true, "Format.Size": true, "Format.Cost": true,
	"Format.Frequency": true, "Format.FitsWho": true, "Format.Cautions": true,

	"FitRule.Reason": true, "FitRule.ReasonCoordinator": true,
}

// prosePair is one sentence in both languages, with where it is.
type prosePair struct{ path, en, es string }

// parity compares two packs and collects every difference, and every pair of
// translated sentences.
type parity struct {
	problems []string
	pairs    []prosePair
}

func (p *parity) add(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

var (
	posType  = reflect.TypeFor[checklist.Pos]()
	condType = reflect.TypeFor[checklist.Condition]()
)

// sameCondition compares two conditions as data, ignoring where they sit in
// their files.
func sameCondition(a, b *checklist.Condition) bool {
	return cmp.Equal(a, b, cmpopts.IgnoreTypes(checklist.Pos{}), cmpopts.EquateEmpty())
}

func describe(c *checklist.Condition) string { return checklist.DescribeCondition(c, nil) }

// idOf returns the ID field of a struct (or pointer to one), if it has one.
func idOf(v reflect.Value) (string, bool) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "", false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return "", false
	}
	f := v.FieldByName("ID")
	if !f.IsValid() || f.Kind() != reflect.String {
		return "", false
	}
	return f.String(), true
}

func (p *parity) walk(path string, en, es reflect.Value) {
	switch en.Kind() {
	case reflect.Pointer:
		switch {
		case en.IsNil() && es.IsNil():
		case en.IsNil() || es.IsNil():
			if en.Type().Elem() == condType {
				p.add("%s: condition differs: English %q, Spanish %q", path, describeV(en), describeV(es))
				return
			}
			p.add("%s: set in one pack only (English nil: %v, Spanish nil: %v)", path, en.IsNil(), es.IsNil())
		default:
			p.walk(path, en.Elem(), es.Elem())
		}
	case reflect.Struct:
		t := en.Type()
		if t == posType {
			return
		}
		if t == condType {
			a, b := en.Addr().Interface().(*checklist.Condition), es.Addr().Interface().(*checklist.Condition)
			if !sameCondition(a, b) {
				p.add("%s: condition differs:\n    English: %s\n    Spanish: %s", path, describe(a), describe(b))
			}
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fp := path + "." + f.Name
			if prose[t.Name()+"."+f.Name] {
				p.prose(fp, en.Field(i).String(), es.Field(i).String())
				continue
			}
			p.walk(fp, en.Field(i), es.Field(i))
		}
	case reflect.Slice:
		p.slice(path, en, es)
	case reflect.Map:
		p.add("%s: unexpected map in pack comparison", path)
	default:
		if !reflect.DeepEqual(en.Interface(), es.Interface()) {
			p.add("%s: differs: English %v, Spanish %v", path, en.Interface(), es.Interface())
		}
	}
}

func describeV(v reflect.Value) string {
	if v.IsNil() {
		return "(none)"
	}
	return describe(v.Interface().(*checklist.Condition))
}

// slice pairs the elements of two lists by ID when they have one (reporting
// what either pack lacks, and any change of order), else by position.
func (p *parity) slice(path string, en, es reflect.Value) {
	if en.Len() > 0 || es.Len() > 0 {
		probe := en
		if en.Len() == 0 {
			probe = es
		}
		if _, ok := idOf(probe.Index(0)); ok {
			p.byID(path, en, es)
			return
		}
	}
	if en.Len() != es.Len() {
		p.add("%s: English has %d entries, Spanish %d", path, en.Len(), es.Len())
		return
	}
	for i := range en.Len() {
		p.walk(fmt.Sprintf("%s[%d]", path, i), en.Index(i), es.Index(i))
	}
}

func (p *parity) byID(path string, en, es reflect.Value) {
	ids := func(v reflect.Value) ([]string, map[string]reflect.Value) {
		var list []string
		m := map[string]reflect.Value{}
		for i := range v.Len() {
			id, _ := idOf(v.Index(i))
			list = append(list, id)
			m[id] = v.Index(i)
		}
		return list, m
	}
	enIDs, enBy := ids(en)
	esIDs, esBy := ids(es)
	var lacks, extra []string
	for _, id := range enIDs {
		if _, ok := esBy[id]; !ok {
			lacks = append(lacks, id)
		}
	}
	for _, id := range esIDs {
		if _, ok := enBy[id]; !ok {
			extra = append(extra, id)
		}
	}
	if len(lacks) > 0 {
		p.add("%s: the Spanish pack lacks %s", path, strings.Join(lacks, ", "))
	}
	if len(extra) > 0 {
		p.add("%s: the Spanish pack has what English lacks: %s", path, strings.Join(extra, ", "))
	}
	if len(lacks) == 0 && len(extra) == 0 && !slices.Equal(enIDs, esIDs) {
		p.add("%s: order differs:\n    English: %s\n    Spanish: %s", path, strings.Join(enIDs, ", "), strings.Join(esIDs, ", "))
	}
	for _, id := range enIDs {
		if v, ok := esBy[id]; ok {
			p.walk(path+"["+id+"]", enBy[id], v)
		}
	}
}

var placeholder = regexp.MustCompile(`\{[A-Za-z0-9_.-]+\}`)

func placeholders(s string) []string {
	found := placeholder.FindAllString(s, -1)
	sort.Strings(found)
	return slices.Compact(found)
}

// prose checks one translated sentence: given in both packs or in neither,
// with the same placeholders.
func (p *parity) prose(path, en, es string) {
	switch {
	case strings.TrimSpace(en) == "" && strings.TrimSpace(es) == "":
		return
	case strings.TrimSpace(es) == "":
		p.add("%s: missing in Spanish (English: %q)", path, en)
		return
	case strings.TrimSpace(en) == "":
		p.add("%s: in Spanish only (%q); English has none", path, es)
		return
	}
	if a, b := placeholders(en), placeholders(es); !slices.Equal(a, b) {
		p.add("%s: placeholders differ: English %v, Spanish %v", path, a, b)
	}
	p.pairs = append(p.pairs, prosePair{path, en, es})
}

func compare(en, es *checklist.Pack) *parity {
	p := &parity{}

	// Identity: the version, dates and citations are the English pack's.
	m, n := en.Meta, es.Meta
	if base, _ := language.Make(n.Language).Base(); n.ID != "vetcircle-es" || base.String() != "es" {
		p.add("pack: id %q, language %q; want vetcircle-es, a Spanish language code", n.ID, n.Language)
	}
	if n.Version != m.Version || n.LastReviewed != m.LastReviewed {
		p.add("pack: version %s (%s), English %s (%s)", n.Version, n.LastReviewed, m.Version, m.LastReviewed)
	}
	if n.Guide.LastReviewed != m.Guide.LastReviewed || n.Guide.Addition != m.Guide.Addition ||
		!slices.Equal(n.Guide.Headings, m.Guide.Headings) {
		p.add("pack: guide headings, addition and last_reviewed must be the English pack's, byte for byte")
	}
	p.prose("pack.Name", m.Name, n.Name)
	p.prose("pack.Guide.Title", m.Guide.Title, n.Guide.Title)
	if en.BaseScore != es.BaseScore {
		p.add("scoring.base: English %d, Spanish %d", en.BaseScore, es.BaseScore)
	}

	for _, part := range []struct {
		name   string
		en, es any
	}{
		{"bands", en.Bands, es.Bands},
		{"sections", en.Sections, es.Sections},
		{"questions", en.Questions, es.Questions},
		{"rules", en.Rules, es.Rules},
		{"formats", en.Formats, es.Formats},
		{"derive", en.Derived, es.Derived},
		{"circle_fit", en.CircleFit, es.CircleFit},
		{"stay", en.Stay, es.Stay},
	} {
		p.walk(part.name, reflect.ValueOf(part.en), reflect.ValueOf(part.es))
	}

	// Every text key, both ways, but for the locale's own keys.
	var lacks, extra []string
	for _, k := range sortedKeys(en.Text) {
		if _, ok := es.Text[k]; !ok {
			if k != "date.format" && k != "date.months" { // a singular English has, Spanish needs too
				lacks = append(lacks, k)
			}
			continue
		}
		p.prose("text["+k+"]", en.Text[k], es.Text[k])
	}
	for _, k := range sortedKeys(es.Text) {
		if _, ok := en.Text[k]; !ok && !localeOnly(k, en) {
			extra = append(extra, k)
		}
	}
	if len(lacks) > 0 {
		p.add("text: the Spanish pack lacks %s", strings.Join(lacks, ", "))
	}
	if len(extra) > 0 {
		p.add("text: the Spanish pack has keys English lacks: %s", strings.Join(extra, ", "))
	}
	return p
}

// localeOnly reports whether a text key may be in the Spanish pack only: how
// the language writes dates (date.format, date.months: English keeps ISO
// 8601), and a plural's singular variant (key.one) of a key both packs have,
// since Spanish may need a singular where English does not.
func localeOnly(key string, other *checklist.Pack) bool {
	switch key {
	case "date.format", "date.months":
		return true
	}
	if strings.HasPrefix(key, "source.") {
		return true // the English guide's headings, named in the pack's language
	}
	base, ok := strings.CutSuffix(key, ".one")
	_, inOther := other.Text[base]
	return ok && inOther
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestSpanishPackParity fails, with a list, on anything the Spanish pack
// lacks or adds, on any logic that differs, and on any placeholder that does
// not match.
func TestSpanishPackParity(t *testing.T) {
	en, es := loadPacks(t)
	p := compare(en, es)
	if len(p.problems) > 0 {
		t.Fatalf("rules/es is not the English pack in Spanish (%d problems):\n  %s",
			len(p.problems), strings.Join(p.problems, "\n  "))
	}
	if len(p.pairs) < 500 {
		t.Fatalf("only %d translated sentences compared; the comparison is not reaching the pack", len(p.pairs))
	}
}

// TestParityCatchesDrift proves the comparison is not vacuous: a changed
// point, condition, option order, source, placeholder or missing key is named.
func TestParityCatchesDrift(t *testing.T) {
	en, _ := loadPacks(t)
	fresh := func() *checklist.Pack {
		_, es := loadPacks(t)
		return es
	}
	cases := []struct {
		name  string
		spoil func(*checklist.Pack)
		want  string
	}{
		{"points", func(p *checklist.Pack) { p.Rules[1].Points++ }, "rules[" + en.Rules[1].ID + "].Points"},
		{"condition", func(p *checklist.Pack) { p.Rules[1].When.Is = []string{"general"} }, "condition differs"},
		{"at_least on any", func(p *checklist.Pack) {
			for _, r := range p.Rules {
				if r.When.AtLeast != nil && len(r.When.Any) > 0 {
					n := *r.When.AtLeast + 1
					r.When.AtLeast = &n
					return
				}
			}
		}, "condition differs"},
		{"option order", func(p *checklist.Pack) {
			q := p.Question("training")
			q.Options[0], q.Options[1] = q.Options[1], q.Options[0]
		}, "order differs"},
		{"source", func(p *checklist.Pack) { p.Questions[0].Source = "Resumen" }, ".Source: differs"},
		{"missing question", func(p *checklist.Pack) { p.Questions = p.Questions[1:] }, "lacks " + en.Questions[0].ID},
		{"missing text", func(p *checklist.Pack) { delete(p.Text, "summary.title") }, "lacks summary.title"},
		{"extra text", func(p *checklist.Pack) { p.Text["summary.extra"] = "x" }, "keys English lacks: summary.extra"},
		{"singular of an unknown key", func(p *checklist.Pack) { p.Text["summary.extra.one"] = "x" }, "keys English lacks: summary.extra.one"},
		{"placeholder", func(p *checklist.Pack) { p.Text["summary.title"] = "Revisión: {circulo}" }, "placeholders differ"},
		{"missing say", func(p *checklist.Pack) { p.Question("training").Say = "" }, "missing in Spanish"},
	}
	for _, c := range cases {
		es := fresh()
		c.spoil(es)
		got := strings.Join(compare(en, es).problems, "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: want a problem naming %q, got:\n%s", c.name, c.want, got)
		}
	}
}

// TestSpanishScoresLikeEnglish scores every example (and the compatibility
// answers kept by the checklist tests) with both packs: verdict, fit, stay,
// red flags and score must be the same.
func TestSpanishScoresLikeEnglish(t *testing.T) {
	en, es := loadPacks(t)
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	compat, _ := filepath.Glob(filepath.Join("..", "internal", "checklist", "testdata", "compat", "*.yaml"))
	for _, file := range append(files, compat...) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ae, err := checklist.ParseAnswers(en, file, data)
			if err != nil {
				t.Fatalf("English: %v", err)
			}
			as, err := checklist.ParseAnswers(es, file, data)
			if err != nil {
				t.Fatalf("Spanish: %v", err)
			}
			re, rs := checklist.Evaluate(en, ae), checklist.Evaluate(es, as)
			type outcome struct {
				Verdict      checklist.Verdict
				Fit          checklist.Fit
				Stay         checklist.StayValue
				RedFlags     []string
				Score        int
				Completeness int
				Crisis       bool
				Rules        []string
				FollowUps    []string
			}
			of := func(r checklist.Result) outcome {
				o := outcome{Verdict: r.Verdict, RedFlags: r.RedFlags, Score: r.Score, Completeness: r.Completeness, Crisis: r.Crisis}
				if r.Fit != nil {
					o.Fit = r.Fit.Value
				}
				if r.Stay != nil {
					o.Stay = r.Stay.Value
				}
				for _, f := range r.Findings {
					o.Rules = append(o.Rules, f.Rule)
				}
				for _, f := range r.FollowUps {
					o.FollowUps = append(o.FollowUps, f.Question+"/"+f.Rule)
				}
				return o
			}
			if diff := cmp.Diff(of(re), of(rs), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("the two packs judge %s differently (-English +Spanish):\n%s", file, diff)
			}
			if rs.Pack.ID != "vetcircle-es" {
				t.Errorf("Spanish result names pack %q", rs.Pack.ID)
			}
		})
	}
}

// sameInBoth lists sentences that are rightly the same in both languages:
// the program's name, a number, a Spanish word that English shares.
var sameInBoth = map[string]bool{
	"vetcircle":       true, // ui.app
	"no":              true, // answer.no
	"988":             true,
	"--for: {reason}": true, // people.err.for: a flag and its reason
	"KAP":             true,
	"USD":             true, // the unit of cost-usd, an ISO code the summary leaves out after "$"
	"n, no":           true, // a11y.words.no: the letters typed for no
}

// languageNeutral is a sentence with no words to translate: numbers,
// ranges such as "$30-80", punctuation and placeholders only.
func languageNeutral(s string) bool {
	return !strings.ContainsFunc(placeholder.ReplaceAllString(s, ""), unicode.IsLetter)
}

// englishWords are common English words that no Spanish sentence uses.
var englishWords = map[string]bool{
	"the": true, "and": true, "you": true, "your": true, "with": true, "this": true,
	"that": true, "what": true, "which": true, "is": true, "are": true, "of": true,
	"to": true, "for": true, "it": true, "not": true, "they": true, "their": true,
}

// flagName is a command-line flag (--for), a name in any language.
var flagName = regexp.MustCompile(`--[a-z][a-z-]*`)

// TestSpanishHasNoEnglishLeft fails on a sentence left as the English one,
// and on a Spanish sentence that holds common English words.
func TestSpanishHasNoEnglishLeft(t *testing.T) {
	en, es := loadPacks(t)
	p := compare(en, es)
	for _, pair := range p.pairs {
		if pair.en == pair.es && !sameInBoth[pair.es] && !languageNeutral(pair.es) {
			t.Errorf("%s is still English: %q", pair.path, pair.es)
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(flagName.ReplaceAllString(pair.es, " ")), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if englishWords[w] {
				t.Errorf("%s holds the English word %q: %q", pair.path, w, pair.es)
				break
			}
		}
	}
}

// TestSpanishCrisisResources keeps the crisis lines right for a Spanish
// speaker: 988 offers Spanish (press 2, or text AYUDA), the pack never
// claims HIPAA covers a circle, and it says it is not medical advice.
func TestSpanishCrisisResources(t *testing.T) {
	_, es := loadPacks(t)
	for _, k := range []string{"summary.crisis", "summary.crisis.coordinator", "summary.limits-body"} {
		s := es.T(k)
		if !strings.Contains(s, "988") || !strings.Contains(s, "marque 2") || !strings.Contains(s, "AYUDA") {
			t.Errorf("text %s must give 988 with its Spanish line (marque 2, AYUDA): %q", k, s)
		}
	}
	if s := es.T("summary.limits-body"); !strings.Contains(s, "no un consejo médico") || !strings.Contains(s, "no está protegida por HIPAA") {
		t.Errorf("summary.limits-body must say it is not medical advice and that circles are not HIPAA-covered: %q", s)
	}
	for _, k := range []string{"ui.welcome.disclaimer", "note.limits"} {
		if s := es.T(k); !strings.Contains(s, "988") || !strings.Contains(s, "marque 2") || !strings.Contains(s, "no un consejo médico") {
			t.Errorf("%s must keep 988 with its Spanish line (marque 2) and say it is not medical advice: %q", k, s)
		}
	}
	// The three questions to the facilitator keep their meaning exactly.
	for id, want := range map[string]string{
		"training":             "¿Qué formación tiene para facilitar grupos?",
		"agreements":           "¿Cuáles son los acuerdos del grupo?",
		"difficult-experience": "¿Qué pasa si alguien tiene una experiencia difícil en el grupo",
	} {
		if got := es.Question(id).Say; !strings.HasPrefix(got, want) {
			t.Errorf("question %s says %q; want it to start %q", id, got, want)
		}
	}
}

// TestAnswerErrorsInSpanish: a problem with an answers file is told in the
// pack's language, at the same file:line:col.
func TestAnswerErrorsInSpanish(t *testing.T) {
	en, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("version: 1\nanswers:\n  training: phd\n  nonsense: yes\n  screening: maybe\n")
	_, errEN := checklist.ParseAnswers(en, "a.yaml", body)
	_, errES := checklist.ParseAnswers(es, "a.yaml", body)
	if errEN == nil || errES == nil {
		t.Fatal("bad answers accepted")
	}
	for _, want := range []string{"a.yaml:3:13: training: \"phd\" no es una de sus opciones (se permite: named-program",
		"a.yaml:4:3: id de pregunta desconocido \"nonsense\"", "a.yaml:5:14: screening: \"maybe\" no es yes, no ni unknown"} {
		if !strings.Contains(errES.Error(), want) {
			t.Errorf("Spanish error lacks %q:\n%v", want, errES)
		}
	}
	if !strings.Contains(errEN.Error(), "a.yaml:3:13: training: \"phd\" is not one of its options") {
		t.Errorf("English error:\n%v", errEN)
	}
}

// TestEveryAnswerErrorIsInThePack: each message and hint the answers
// loader can give has its err:/hint: entry in the built-in pack (and so,
// by parity, in Spanish); a new message without one fails here.
func TestEveryAnswerErrorIsInThePack(t *testing.T) {
	en, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../internal/checklist/answersfile.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := `"((?:[^"\\]|\\.)*)"`
	args := `(?:\[\]any\{[^}]*\}|nil)`
	n := 0
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?:l|warn)\.add\([^,]+,\s*` + lit + `,\s*` + lit),
		regexp.MustCompile(`l\.addHint\([^,]+,\s*` + lit + `,\s*` + args + `,\s*` + lit),
		regexp.MustCompile(`bad\(` + lit + `,\s*` + args + `,\s*` + lit),
	} {
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			hint, _ := strconv.Unquote(`"` + m[1] + `"`)
			format, _ := strconv.Unquote(`"` + m[2] + `"`)
			n++
			if _, ok := en.Text["hint:"+hint]; !ok {
				t.Errorf("no hint:%s in the pack", hint)
			}
			if _, ok := en.Text["err:"+format]; !ok && format != "%s" {
				t.Errorf("no err:%s in the pack", format)
			}
		}
	}
	if n < 25 {
		t.Fatalf("found only %d messages; the scan is broken", n)
	}
}

// TestSpanishHasNoSlashGender: nothing a person reads or hears in Spanish
// carries "/a" ("facilitador/a", "cómodo/a"): a screen reader says it as
// "slash a". Neutral forms are used instead (quien facilita, con comodidad).
func TestSpanishHasNoSlashGender(t *testing.T) {
	slash := regexp.MustCompile(`\p{L}/as?\b|\bun/a\b`)
	for _, f := range []string{"pack.yaml", "questions.yaml", "formats.yaml", "rules.yaml", "judgement.yaml", "text.yaml", "ui.yaml"} {
		data, err := rules.FilesES.ReadFile("es/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := slash.FindString(line); m != "" {
				t.Errorf("es/%s:%d: %q reads aloud as a slash: %s", f, i+1, m, strings.TrimSpace(line))
			}
		}
	}
}
