package checklist

import (
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/wording"
)

// Limits on a rules folder, so a custom pack cannot make a load slow or large.
const (
	MaxPackFiles = 32
	MaxPackBytes = 4 << 20
)

// packFile is the shape of one rules file. A pack may split its parts across
// files freely; the loader merges them and checks the whole.
type packFile struct {
	Pack        *Meta             `yaml:"pack"`
	Scoring     *scoring          `yaml:"scoring"`
	Sections    []*Section        `yaml:"sections"`
	Questions   []*Question       `yaml:"questions"`
	Rules       []*Rule           `yaml:"rules"`
	Formats     []*Format         `yaml:"formats"`
	Derive      []*Derivation     `yaml:"derive"`
	CircleFit   []*FitRule        `yaml:"circle_fit"`
	FitUnknown  *FitRule          `yaml:"fit_unknown"`
	CrisisWords []string          `yaml:"crisis_words"`
	Stay        *StayBlock        `yaml:"stay"`
	Text        map[string]string `yaml:"text"`
}

type scoring struct {
	Base  *int    `yaml:"base"`
	Bands []*Band `yaml:"bands"`
	Pos   Pos     `yaml:"-"`
}

// TextKeys are the sentences every pack must provide; the summary and the
// walkthrough use them, so that a translated pack needs no Go changes.
var TextKeys = []string{
	"summary.title", "summary.date", "summary.circle", "summary.verdict", "summary.score",
	"summary.completeness", "summary.why", "summary.none", "summary.red-flags",
	"summary.strengths", "summary.ask-next", "summary.ask-self", "summary.ask-person", "summary.formats",
	"summary.leave", "summary.leave-body", "summary.limits", "summary.limits-body",
	"summary.crisis", "summary.crisis-worse", "summary.pack", "summary.notes", "summary.source", "summary.points",
	"summary.why-ask", "summary.not-asked", "summary.tally", "summary.cap", "summary.ignored", "summary.ignored-item",
	"summary.answers", "summary.q-verdict", "summary.q-fit", "summary.q-stay", "summary.no-format", "summary.no-more-questions",
	"summary.scoring", "summary.score-differs", "summary.score-waits", "summary.derived", "summary.derived-item",
	"summary.derived-kept", "summary.derived-replaced", "summary.unsure", "summary.your-format", "summary.try-first",
	"summary.format-size", "summary.format-cost", "summary.format-frequency", "summary.format-cautions",
	"note.unknown", "note.rules", "note.limits",
	"headline.verdict.promising", "headline.verdict.caution", "headline.verdict.avoid", "headline.verdict.incomplete",
	"headline.reasons.promising", "headline.reasons.caution", "headline.reasons.avoid", "headline.reasons.incomplete",
	"headline.reasons.fit", "headline.reasons.stay", "headline.join", "headline.more",
	"headline.fit.good", "headline.fit.possible", "headline.fit.not-now", "headline.fit.poor",
	"headline.stay.stay", "headline.stay.watch", "headline.stay.leave",
	"stay.stay", "stay.watch", "stay.leave",
	"verdict.promising", "verdict.caution", "verdict.avoid", "verdict.incomplete",
	"verdict-word.promising", "verdict-word.caution", "verdict-word.avoid", "verdict-word.incomplete",
	"fit.good", "fit.possible", "fit.not-now", "fit.poor",
	"severity.critical", "severity.major", "severity.minor", "severity.info", "severity.strength",
	"answer.yes", "answer.no", "answer.unknown", "answer.none", "answer.not-asked",
}

// LoadPack reads every .yaml file at the top of fsys as one rule pack and
// validates it. label names the folder in error messages. Every problem is
// reported at once, as Errors.
func LoadPack(fsys fs.FS, label string) (*Pack, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read rules folder %s: %w", label, err)
	}
	var l errorList
	var files []string
	total := 0
	for _, e := range entries {
		name := e.Name()
		where := Pos{File: path.Join(label, textclean.Visible(name))}
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.Type()&fs.ModeSymlink != 0:
			l.add(where, "copy the file into the folder instead", "symbolic links are not followed in a rules folder")
		case e.IsDir():
			l.add(where, "keep every rules file at the top of the folder", "subfolders are not read")
		case !e.Type().IsRegular():
			l.add(where, "a rules folder holds plain files only", "not a regular file (a pipe, socket or device)")
		case strings.HasSuffix(name, ".md") || name == "LICENSE":
			continue // documentation travels with a pack
		case !strings.HasSuffix(name, ".yaml"):
			l.add(where, "rules files end in .yaml; remove or rename it", "unexpected file in a rules folder")
		default:
			files = append(files, name)
		}
	}
	if len(files) > MaxPackFiles {
		l.add(Pos{File: label}, "merge files", "%d rules files, more than the %d allowed", len(files), MaxPackFiles)
		return nil, l.err()
	}
	sort.Strings(files)
	var parts []*packFile
	for _, name := range files {
		file := path.Join(label, textclean.Visible(name))
		data, err := readLimited(fsys, name, MaxFileSize)
		if err != nil {
			l.add(Pos{File: file}, "", "%v", err)
			continue
		}
		total += len(data)
		if total > MaxPackBytes {
			l.add(Pos{File: file}, "a pack is a few small text files", "the rules folder holds more than %d bytes", MaxPackBytes)
			break
		}
		pf, err := parsePackFile(file, data)
		if err != nil {
			l.errs = append(l.errs, asErrors(err)...)
		}
		if pf != nil {
			// Even a file with type errors is checked as part of the whole
			// pack, so one load reports every problem.
			parts = append(parts, pf)
		}
	}
	if len(files) == 0 {
		l.add(Pos{File: label}, "a rules folder holds .yaml files", "no rules files found")
	}
	if len(l.errs) > 0 && len(parts) == 0 {
		return nil, l.err()
	}
	p, err := buildPack(parts, label)
	if len(l.errs) > 0 {
		if err != nil {
			l.errs = append(l.errs, asErrors(err)...)
		}
		sortErrors(l.errs)
		return nil, l.errs
	}
	return p, err
}

// ParsePackFile parses one rules file without validating the pack as a whole;
// it is the unit the fuzz tests drive.
func parsePackFile(file string, data []byte) (*packFile, error) {
	n, err := parseTree(file, data, packLimits)
	if err != nil {
		return nil, err
	}
	var l errorList
	var pf packFile
	decode(n, &pf, &l)
	return &pf, l.err()
}

func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the %d-byte limit", limit)
	}
	return data, nil
}

func asErrors(err error) Errors {
	switch e := err.(type) {
	case Errors:
		return e
	case *Error:
		return Errors{e}
	}
	return Errors{{Msg: err.Error()}}
}

func buildPack(parts []*packFile, label string) (*Pack, error) {
	var l errorList
	p := &Pack{Text: map[string]string{}, byID: map[string]*Question{}, formatIdx: map[string]*Format{}}
	var metaSeen, scoringSeen, staySeen *Pos
	var bands []*Band
	for _, pf := range parts {
		if pf.Pack != nil {
			if metaSeen != nil {
				l.add(pf.Pack.Pos, "keep one pack: block", "pack: given again (first at %s)", metaSeen)
			} else {
				p.Meta = *pf.Pack
				metaSeen = &pf.Pack.Pos
			}
		}
		if pf.Scoring != nil {
			if scoringSeen != nil {
				l.add(pf.Scoring.Pos, "keep one scoring: block", "scoring: given again (first at %s)", scoringSeen)
			} else {
				scoringSeen = &pf.Scoring.Pos
				if pf.Scoring.Base == nil {
					l.add(pf.Scoring.Pos, "add base: 40 (the score before any rule)", "scoring has no base score")
				} else {
					p.BaseScore = *pf.Scoring.Base
				}
				bands = pf.Scoring.Bands
			}
		}
		p.Sections = append(p.Sections, pf.Sections...)
		p.Questions = append(p.Questions, pf.Questions...)
		p.Rules = append(p.Rules, pf.Rules...)
		p.Formats = append(p.Formats, pf.Formats...)
		p.Derived = append(p.Derived, pf.Derive...)
		p.CircleFit = append(p.CircleFit, pf.CircleFit...)
		p.CrisisWords = append(p.CrisisWords, pf.CrisisWords...)
		if pf.FitUnknown != nil {
			if p.FitUnknown != nil {
				l.add(pf.FitUnknown.Pos, "keep one fit_unknown: block", "fit_unknown: given again (first at %s)", p.FitUnknown.Pos)
			} else {
				p.FitUnknown = pf.FitUnknown
			}
		}
		if pf.Stay != nil {
			if staySeen != nil {
				l.add(pf.Stay.Pos, "keep one stay: block", "stay: given again (first at %s)", staySeen)
			} else {
				p.Stay = pf.Stay
				staySeen = &pf.Stay.Pos
			}
		}
		for _, k := range sortedKeys(pf.Text) {
			if _, dup := p.Text[k]; dup {
				l.add(Pos{File: label}, "each text key is defined once", "text key %q defined twice", k)
			}
			p.Text[k] = pf.Text[k]
		}
	}
	if metaSeen == nil {
		l.add(Pos{File: label}, "add a pack: block with id, version and last_reviewed", "no pack: block found")
	}
	if scoringSeen == nil {
		l.add(Pos{File: label}, "add a scoring: block with base and bands", "no scoring: block found")
	}
	v := validator{p: p, l: &l}
	v.meta()
	v.questions()
	v.sections()
	v.rules()
	v.formats()
	v.derivations()
	v.circleFit()
	v.stay()
	v.sources()
	v.bands(bands)
	v.text(label)
	if len(l.errs) > 0 {
		sortErrors(l.errs)
		return nil, l.errs
	}
	p.lang = language.Make(p.Meta.Language)
	p.crisisPhrases, p.crisisFirst, p.crisisStems = splitPhrases(p.CrisisWords)
	return p, nil
}

// Index prepares a pack built in Go (the generated built-in pack) for use:
// it builds the lookups that LoadPack builds while validating.
func (p *Pack) Index() *Pack {
	p.byID = make(map[string]*Question, len(p.Questions))
	for _, q := range p.Questions {
		p.byID[q.ID] = q
	}
	p.formatIdx = make(map[string]*Format, len(p.Formats))
	for _, f := range p.Formats {
		p.formatIdx[f.ID] = f
	}
	p.lang = language.Make(p.Meta.Language)
	p.crisisPhrases, p.crisisFirst, p.crisisStems = splitPhrases(p.CrisisWords)
	return p
}

// sortErrors puts problems in file order, so a reader can work down a file.
func sortErrors(es Errors) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Pos, es[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

type validator struct {
	p       *Pack
	l       *errorList
	ruleIDs map[string]Pos
}

var (
	idPattern     = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	ruleIDPattern = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`)
	datePattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (v *validator) need(pos Pos, what, value string) {
	if strings.TrimSpace(value) == "" {
		v.l.add(pos, "fill it in: every sentence a user reads comes from the pack", "%s is missing or empty", what)
	}
}

func (v *validator) meta() {
	m := v.p.Meta
	if m.Pos.File == "" {
		return
	}
	v.need(m.Pos, "pack id", m.ID)
	v.need(m.Pos, "pack name", m.Name)
	v.need(m.Pos, "pack version", m.Version)
	v.need(m.Pos, "guide title", m.Guide.Title)
	if _, err := language.Parse(m.Language); m.Language != "" && err != nil {
		v.l.add(m.Pos, "write a language code such as en or es", "pack language %q is not a language code", m.Language)
	}
	// These are written into the header of every draft and answers file
	// and printed on one line: a line break would break both.
	for _, f := range []struct{ what, value string }{
		{"pack id", m.ID}, {"pack name", m.Name}, {"pack version", m.Version},
		{"pack last_reviewed", m.LastReviewed}, {"pack language", m.Language},
		{"guide title", m.Guide.Title}, {"guide last_reviewed", m.Guide.LastReviewed},
	} {
		if f.value != textclean.CleanLine(f.value) || strings.ContainsAny(f.value, "\n\t") {
			v.l.add(m.Pos, "write it on one line, without tabs or leading and trailing spaces", "%s must be a single line of text, found %s", f.what, strconv.Quote(f.value))
		}
	}
	if !datePattern.MatchString(m.LastReviewed) {
		v.l.add(m.Pos, "write it as YYYY-MM-DD", "pack last_reviewed %q is not a date", m.LastReviewed)
	}
}

func (v *validator) sections() {
	seen := map[string]Pos{}
	for _, s := range v.p.Sections {
		v.id(s.Pos, "section", s.ID, seen)
		v.need(s.Pos, "section "+s.ID+" title", s.Title)
		if s.When != nil {
			v.cond(s.When)
		}
	}
}

func (v *validator) id(pos Pos, what, id string, seen map[string]Pos) {
	if !idPattern.MatchString(id) {
		v.l.add(pos, "use lowercase words joined by hyphens, like rf-vendor-dosing", "%s id %q is not valid", what, id)
	}
	if first, dup := seen[id]; dup {
		v.l.add(pos, "ids must be unique", "duplicate %s id %q (first at %s)", what, id, first)
	}
	seen[id] = pos
}

var circleFieldKinds = map[string]Kind{
	"name": KindText, "format": KindChoice, "facilitator": KindText, "participants": KindNumber,
	"minutes": KindNumber, "cost_usd": KindNumber, "setting": KindChoice,
}

func (v *validator) questions() {
	seen := map[string]Pos{}
	fields := map[string]Pos{}
	for _, q := range v.p.Questions {
		v.id(q.Pos, "question", q.ID, seen)
		v.p.byID[q.ID] = q
	}
	for _, q := range v.p.Questions {
		at := q.Pos
		if v.p.Section(q.Section) == nil {
			v.l.add(at, "name a section defined under sections:", "question %s: section %q does not exist", q.ID, q.Section)
		}
		v.need(at, "question "+q.ID+" label", q.Label)
		v.need(at, "question "+q.ID+" prompt", q.Prompt)
		v.need(at, "question "+q.ID+" source", q.Source)
		switch q.Kind {
		case KindChoice, KindMulti:
			if len(q.Options) == 0 {
				v.l.add(at, "list its options", "question %s is %s but has no options", q.ID, q.Kind)
			}
			oseen := map[string]Pos{}
			for _, o := range q.Options {
				v.id(o.Pos, "option", o.ID, oseen)
				v.need(o.Pos, "option "+o.ID+" label", o.Label)
			}
		case KindTristate, KindNumber, KindText:
			if len(q.Options) > 0 {
				v.l.add(at, "remove options, or make it a choice", "question %s is %s and cannot have options", q.ID, q.Kind)
			}
		default:
			v.l.add(at, "use choice, multi, tristate, number or text", "question %s: unknown kind %q", q.ID, q.Kind)
		}
		if (q.Min != nil || q.Max != nil) && q.Kind != KindNumber {
			v.l.add(at, "remove min and max, or make it kind: number", "question %s: min and max apply to numbers only", q.ID)
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			v.l.add(at, "swap them", "question %s: min is above max", q.ID)
		}
		if q.RedFlag && q.Kind != KindTristate {
			v.l.add(at, "red flags are answered yes, no or unknown", "question %s is a red flag but not tristate", q.ID)
		}
		if q.Core && q.Kind != KindChoice && q.Kind != KindMulti {
			v.l.add(at, "the three questions are answered by picking options", "core question %s must be a choice or multi", q.ID)
		}
		switch q.Ask {
		case "facilitator", "self":
		case "":
			if q.Say != "" {
				v.l.add(at, "add ask: facilitator or ask: self", "question %s has words to say but not who to ask", q.ID)
			}
		default:
			v.l.add(at, "use facilitator or self", "question %s: ask %q is not valid", q.ID, q.Ask)
		}
		if q.CircleField != "" {
			kind, ok := circleFieldKinds[q.CircleField]
			switch {
			case !ok:
				v.l.add(at, "use one of "+strings.Join(CircleFields, ", "), "question %s: unknown circle_field %q", q.ID, q.CircleField)
			case kind != q.Kind:
				v.l.add(at, "change its kind", "question %s: circle field %s must be a %s question", q.ID, q.CircleField, kind)
			}
			if first, dup := fields[q.CircleField]; dup {
				v.l.add(at, "each circle field belongs to one question", "circle field %s used twice (first at %s)", q.CircleField, first)
			}
			fields[q.CircleField] = at
		}
		for _, id := range q.Settles {
			if q.Kind != KindMulti || q.Option(id) == nil {
				v.l.add(at, "list options of this multi question", "question %s: settles %q is not one of its options", q.ID, id)
			}
		}
		if q.When != nil {
			v.cond(q.When)
		}
	}
}

func (v *validator) ruleID(pos Pos, id string) {
	if v.ruleIDs == nil {
		v.ruleIDs = map[string]Pos{}
	}
	if !ruleIDPattern.MatchString(id) {
		v.l.add(pos, "use uppercase words joined by hyphens, like RF-VENDOR-DOSING", "rule id %q is not valid", id)
	}
	if first, dup := v.ruleIDs[id]; dup {
		v.l.add(pos, "rule ids must be unique", "duplicate rule id %q (first at %s)", id, first)
	}
	v.ruleIDs[id] = pos
}

func (v *validator) rules() {
	for _, r := range v.p.Rules {
		at := r.Pos
		v.ruleID(at, r.ID)
		v.need(at, "rule "+r.ID+" title", r.Title)
		v.need(at, "rule "+r.ID+" message", r.Message)
		v.need(at, "rule "+r.ID+" source", r.Source)
		if !slices.Contains(severities, r.Severity) {
			v.l.add(at, "use critical, major, minor, info or strength", "rule %s: unknown severity %q", r.ID, r.Severity)
		}
		switch {
		case r.Severity == SevStrength && r.Points < 0:
			v.l.add(at, "a strength adds points", "rule %s is a strength but takes points", r.ID)
		case r.Severity != SevStrength && r.Severity != SevInfo && r.Points > 0:
			v.l.add(at, "a concern takes points; use severity strength to add them", "rule %s is a %s but adds points", r.ID, r.Severity)
		}
		if r.Cap != "" && r.Cap.Rank() < 0 {
			v.l.add(at, "use promising, caution, incomplete or avoid", "rule %s: unknown cap %q", r.ID, r.Cap)
		}
		if r.RedFlag != "" {
			if q := v.p.byID[r.RedFlag]; q == nil || !q.RedFlag {
				v.l.add(at, "name a question marked red_flag: true", "rule %s: red_flag %q is not a red-flag question", r.ID, r.RedFlag)
			}
		}
		if r.Contradicts != "" && v.p.byID[r.Contradicts] == nil {
			v.l.add(at, "name the question whose answer this rule contradicts", "rule %s: contradicts %q is not a question", r.ID, r.Contradicts)
		}
		if r.Ask != "" && v.p.byID[r.About] == nil {
			v.l.add(at, "add about: with the question this follow-up belongs to", "rule %s asks a follow-up but about %q is not a question", r.ID, r.About)
		}
		v.condRoot(&r.When, at, "rule "+r.ID)
	}
}

func (v *validator) condRoot(c *Condition, at Pos, owner string) {
	if c.Pos.File == "" {
		v.l.add(at, "add when: with a condition", "%s has no condition", owner)
		return
	}
	v.cond(c)
}

func (v *validator) formats() {
	seen := map[string]Pos{}
	for _, f := range v.p.Formats {
		at := f.Pos
		v.id(at, "format", f.ID, seen)
		v.p.formatIdx[f.ID] = f
		v.need(at, "format "+f.ID+" name", f.Name)
		v.need(at, "format "+f.ID+" summary", f.Summary)
		v.need(at, "format "+f.ID+" source", f.Source)
		if f.Base.Rank() < 0 {
			v.l.add(at, "use good, possible, not-now or poor", "format %s: base fit %q is not valid", f.ID, f.Base)
		}
		for _, id := range f.LookFor {
			if v.p.byID[id] == nil {
				v.l.add(at, "name a question defined under questions:", "format %s: look_for %q is not a question", f.ID, id)
			}
		}
		for _, r := range f.Rules {
			v.fitRule(r, "fit rule")
		}
	}
}

func (v *validator) fitRule(r *FitRule, owner string) {
	v.ruleID(r.Pos, r.ID)
	v.need(r.Pos, owner+" "+r.ID+" reason", r.Reason)
	v.need(r.Pos, owner+" "+r.ID+" source", r.Source)
	if r.Fit.Rank() < 0 {
		v.l.add(r.Pos, "use good, possible, not-now or poor", "%s %s: fit %q is not valid", owner, r.ID, r.Fit)
	}
	v.condRoot(&r.When, r.Pos, owner+" "+r.ID)
}

func (v *validator) circleFit() {
	for _, r := range v.p.CircleFit {
		v.fitRule(r, "circle fit rule")
	}
	if r := v.p.FitUnknown; r != nil {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "fit_unknown reason", r.Reason)
		v.need(r.Pos, "fit_unknown source", r.Source)
		if r.Fit != "" && r.Fit != FitUnknown {
			v.l.add(r.Pos, "leave fit: out (it is always unknown)", "fit_unknown: fit %q is not valid", r.Fit)
		}
		v.condRoot(&r.When, r.Pos, "fit_unknown")
		v.need(r.Pos, "text fit.unknown", v.p.Text["fit.unknown"])
		v.need(r.Pos, "text headline.fit.unknown", v.p.Text["headline.fit.unknown"])
	}
	for _, w := range v.p.CrisisWords {
		if len(wording.Words(strings.TrimSuffix(w, "*"))) == 0 {
			v.l.add(v.p.Meta.Pos, "write each crisis phrase as words", "crisis_words: %q has no words", w)
		}
	}
}

// derivations checks that each derived answer names a question it can
// answer and a value that question allows.
func (v *validator) derivations() {
	for _, d := range v.p.Derived {
		at := d.Pos
		v.ruleID(at, d.ID)
		v.need(at, "derivation "+d.ID+" from", d.From)
		v.need(at, "derivation "+d.ID+" source", d.Source)
		v.condRoot(&d.When, at, "derivation "+d.ID)
		q := v.p.byID[d.Question]
		switch {
		case q == nil:
			v.l.add(at, "name a question defined under questions:", "derivation %s: unknown question %q", d.ID, d.Question)
		case d.Item != "":
			if q.Kind != KindMulti || q.Option(d.Item) == nil {
				v.l.add(at, "item: names an option of a multi question", "derivation %s: question %s has no item %q", d.ID, q.ID, d.Item)
			}
			if d.Value != Yes && d.Value != No {
				v.l.add(at, "an item is derived yes or no", "derivation %s: value %q", d.ID, d.Value)
			}
		case q.Kind != KindChoice && q.Kind != KindTristate:
			v.l.add(at, "derive only choice or yes/no/unknown answers", "derivation %s: question %s is %s", d.ID, q.ID, q.Kind)
		case !slices.Contains(q.OptionIDs(), d.Value):
			v.l.add(at, "allowed: "+strings.Join(q.OptionIDs(), ", "), "derivation %s: question %s has no option %q", d.ID, q.ID, d.Value)
		}
	}
}

// stay checks the block that answers "should I stay?".
func (v *validator) stay() {
	s := v.p.Stay
	if s == nil {
		return
	}
	v.condRoot(&s.When, s.Pos, "stay")
	if s.Base.Rank() < 0 {
		v.l.add(s.Pos, "use stay, watch or leave", "stay base %q is not valid", s.Base)
	}
	for _, r := range s.Rules {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "stay rule "+r.ID+" reason", r.Reason)
		v.need(r.Pos, "stay rule "+r.ID+" source", r.Source)
		if r.Stay.Rank() < 0 {
			v.l.add(r.Pos, "use stay, watch or leave", "stay rule %s: %q is not valid", r.ID, r.Stay)
		}
		v.condRoot(&r.When, r.Pos, "stay rule "+r.ID)
	}
	if h := s.History; h != nil {
		if h.Last < 1 || h.Worse < 1 || h.Worse > h.Last {
			v.l.add(h.Pos, "give last: N and worse: M with 1 <= M <= N, such as last: 4, worse: 3", "stay history: worse %d of last %d cannot be judged", h.Worse, h.Last)
		}
		rules := []struct {
			name string
			r    *HistoryRule
		}{{"trend", &h.Trend}, {"one_bad", &h.OneBad}}
		switch {
		case h.JudgeAfterDays < 0:
			v.l.add(h.Pos, "give a number of days such as 90, or leave judge_after_days out", "stay history: judge_after_days %d is negative", h.JudgeAfterDays)
		case h.JudgeAfterDays > 0:
			rules = append(rules, struct {
				name string
				r    *HistoryRule
			}{"judge", &h.Judge})
		}
		for _, hr := range rules {
			name, r := hr.name, hr.r
			at := cmp.Or(r.Pos, h.Pos)
			v.ruleID(at, r.ID)
			v.need(at, "stay history "+name+" reason", r.Reason)
			v.need(at, "stay history "+name+" source", r.Source)
		}
	}
	for _, r := range s.Verdicts {
		v.ruleID(r.Pos, r.ID)
		v.need(r.Pos, "stay verdict "+r.ID+" reason", r.Reason)
		v.need(r.Pos, "stay verdict "+r.ID+" source", r.Source)
		if r.Verdict.Rank() < 0 {
			v.l.add(r.Pos, "use promising, caution, incomplete or avoid", "stay verdict %s: verdict %q is not valid", r.ID, r.Verdict)
		}
		if r.Stay.Rank() < 0 {
			v.l.add(r.Pos, "use stay, watch or leave", "stay verdict %s: %q is not valid", r.ID, r.Stay)
		}
	}
}

// sources checks every citation against the guide's headings, which the
// pack lists, so a reader can find the passage a rule comes from.
func (v *validator) sources() {
	g := v.p.Meta.Guide
	if v.p.Meta.Pos.File == "" {
		return
	}
	if len(g.Headings) == 0 {
		v.l.add(v.p.Meta.Pos, "list the guide's section headings under guide: headings:", "the pack lists no guide headings to check its sources against")
		return
	}
	check := func(at Pos, owner, src string) {
		if src == "" || slices.Contains(g.Headings, src) || slices.Contains(g.Sources, src) || (g.Addition != "" && src == g.Addition) {
			return
		}
		v.l.add(at, "cite one of guide.headings (or guide.sources for a named second source, or guide.addition for the pack's own additions)", "%s cites %q, which is not a heading of the guide nor a source the pack names", owner, src)
	}
	for _, s := range v.p.Sections {
		check(s.Pos, "section "+s.ID, s.Source)
	}
	for _, q := range v.p.Questions {
		check(q.Pos, "question "+q.ID, q.Source)
	}
	for _, r := range v.p.Rules {
		check(r.Pos, "rule "+r.ID, r.Source)
	}
	for _, f := range v.p.Formats {
		check(f.Pos, "format "+f.ID, f.Source)
		for _, r := range f.Rules {
			check(r.Pos, "fit rule "+r.ID, r.Source)
		}
	}
	for _, r := range v.p.CircleFit {
		check(r.Pos, "circle fit rule "+r.ID, r.Source)
	}
	for _, d := range v.p.Derived {
		check(d.Pos, "derivation "+d.ID, d.Source)
	}
	if s := v.p.Stay; s != nil {
		for _, r := range s.Rules {
			check(r.Pos, "stay rule "+r.ID, r.Source)
		}
		for _, r := range s.Verdicts {
			check(r.Pos, "stay verdict "+r.ID, r.Source)
		}
		if h := s.History; h != nil {
			check(h.Trend.Pos, "stay history "+h.Trend.ID, h.Trend.Source)
			check(h.OneBad.Pos, "stay history "+h.OneBad.ID, h.OneBad.Source)
			if h.JudgeAfterDays > 0 {
				check(h.Judge.Pos, "stay history "+h.Judge.ID, h.Judge.Source)
			}
		}
	}
}

// bands checks that every band can be reached: scores within 0..100 and
// within what the rules can add, rising verdicts for rising scores.
func (v *validator) bands(bands []*Band) {
	if len(bands) == 0 {
		if v.p.Meta.Pos.File != "" {
			v.l.add(v.p.Meta.Pos, "add scoring: bands:", "no verdict bands defined")
		}
		return
	}
	maxScore := v.p.BaseScore
	for _, r := range v.p.Rules {
		if r.Points > 0 {
			maxScore += r.Points
		}
	}
	maxScore = min(maxScore, 100)
	sorted := slices.Clone(bands)
	slices.SortStableFunc(sorted, func(a, b *Band) int { return a.Min - b.Min })
	seen := map[Verdict]bool{}
	for i, b := range sorted {
		switch {
		case b.Verdict.Rank() < 0 || b.Verdict == VerdictIncomplete:
			v.l.add(b.Pos, "bands give promising, caution or avoid; incomplete comes from unanswered questions", "band verdict %q is not valid", b.Verdict)
		case seen[b.Verdict]:
			v.l.add(b.Pos, "give each verdict one band", "band %s given twice", b.Verdict)
		}
		seen[b.Verdict] = true
		if b.Min < 0 || b.Min > 100 {
			v.l.add(b.Pos, "scores run from 0 to 100", "band %s min %d is out of range", b.Verdict, b.Min)
		} else if b.Min > maxScore {
			v.l.add(b.Pos, "lower min, or add strengths", "band %s cannot be reached: the highest possible score is %d", b.Verdict, maxScore)
		}
		if i > 0 {
			prev := sorted[i-1]
			if prev.Min == b.Min {
				v.l.add(b.Pos, "give each band its own min", "band %s cannot be reached: band %s has the same min %d", b.Verdict, prev.Verdict, b.Min)
			}
			if b.Verdict.Rank() <= prev.Verdict.Rank() {
				v.l.add(b.Pos, "higher scores must give better verdicts", "band %s (min %d) is not better than band %s (min %d)", b.Verdict, b.Min, prev.Verdict, prev.Min)
			}
		}
	}
	v.p.Bands = make([]Band, len(sorted))
	for i, b := range sorted {
		v.p.Bands[i] = *b
	}
}

func (v *validator) text(label string) {
	var missing []string
	for _, k := range TextKeys {
		if strings.TrimSpace(v.p.Text[k]) == "" {
			missing = append(missing, k)
		}
	}
	switch {
	case len(missing) == 0:
	case len(missing) <= 3:
		for _, k := range missing {
			v.l.add(Pos{File: label}, "add it under text:", "text %q is missing", k)
		}
	default:
		v.l.add(Pos{File: label}, "copy rules/text.yaml from the built-in pack and translate it",
			"%d of the %d required text entries are missing: %s", len(missing), len(TextKeys), strings.Join(missing, ", "))
	}
}

// cond checks a condition's shape and every question and option it names.
func (v *validator) cond(c *Condition) {
	at := c.Pos
	forms := 0
	if len(c.All) > 0 {
		forms++
	}
	if len(c.Any) > 0 {
		forms++
	}
	if c.Not != nil {
		forms++
	}
	if c.Question != "" {
		forms++
	}
	if forms != 1 {
		v.l.add(at, "use exactly one of question:, all:, any: or not:", "condition is ambiguous or empty")
		return
	}
	for _, sub := range c.All {
		v.cond(sub)
	}
	for _, sub := range c.Any {
		v.cond(sub)
	}
	if c.Not != nil {
		v.cond(c.Not)
	}
	if c.Question == "" {
		if len(c.Is)+len(c.Includes)+len(c.Lacks) > 0 || c.Answered != nil || c.Above != nil || c.Below != nil {
			v.l.add(at, "put tests beside question:", "a test without a question")
		}
		if c.AtLeast != nil {
			switch {
			case len(c.Any) == 0:
				v.l.add(at, "use at_least with any: (or with includes:)", "at_least goes with any or includes")
			case *c.AtLeast < 1 || *c.AtLeast > len(c.Any):
				v.l.add(at, "list more conditions or lower at_least", "at_least %d cannot be met by %d listed conditions", *c.AtLeast, len(c.Any))
			}
		}
		return
	}
	q := v.p.byID[c.Question]
	if q == nil {
		v.l.add(at, "name a question defined under questions:", "condition names unknown question %q", c.Question)
		return
	}
	tests := 0
	for _, set := range []bool{len(c.Is) > 0, len(c.Includes) > 0, len(c.Lacks) > 0, c.Answered != nil, c.Above != nil, c.Below != nil} {
		if set {
			tests++
		}
	}
	if tests != 1 {
		v.l.add(at, "use exactly one of is, includes, lacks, answered, above, below", "condition on %s needs exactly one test, has %d", q.ID, tests)
		return
	}
	allowed := q.OptionIDs()
	checkOpts := func(ids []string) {
		for _, id := range ids {
			if !slices.Contains(allowed, id) {
				v.l.add(at, "allowed: "+strings.Join(allowed, ", "), "question %s has no option %q", q.ID, id)
			}
		}
	}
	switch {
	case len(c.Is) > 0:
		switch q.Kind {
		case KindChoice, KindTristate:
			checkOpts(c.Is)
		case KindNumber:
			for _, s := range c.Is {
				if _, err := strconv.ParseFloat(s, 64); err != nil {
					v.l.add(at, "write a number such as 12", "question %s is a number; %q is not", q.ID, s)
				}
			}
		default:
			v.l.add(at, "use includes or lacks for a multi question", "is: does not apply to %s question %s", q.Kind, q.ID)
		}
	case len(c.Includes) > 0 || len(c.Lacks) > 0:
		if q.Kind != KindMulti {
			v.l.add(at, "use is: for one answer", "includes/lacks apply to multi questions; %s is %s", q.ID, q.Kind)
			return
		}
		checkOpts(c.Includes)
		checkOpts(c.Lacks)
		if c.AtLeast != nil && (*c.AtLeast < 1 || *c.AtLeast > len(c.Includes)) {
			v.l.add(at, "list more options or lower at_least", "at_least %d cannot be met by %d listed options", *c.AtLeast, len(c.Includes))
		}
	case c.Above != nil || c.Below != nil:
		if q.Kind != KindNumber {
			v.l.add(at, "use is, includes or lacks for this question", "above/below apply to number questions; %s is %s", q.ID, q.Kind)
		}
	}
	if c.AtLeast != nil && len(c.Includes) == 0 {
		v.l.add(at, "add includes: with the options to count", "at_least goes with includes")
	}
}
