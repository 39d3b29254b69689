package checklist

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/yamlread"
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
		yamlread.SortErrors(l.errs)
		return nil, l.errs
	}
	return p, err
}

// ParsePackFile parses one rules file without validating the pack as a whole;
// it is the unit the fuzz tests drive.
func parsePackFile(file string, data []byte) (*packFile, error) {
	n, err := yamlread.Parse(file, data, yamlread.PackLimits)
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
		yamlread.SortErrors(l.errs)
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
