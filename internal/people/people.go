// Package people keeps each person's record, apart from the circles: what
// a vetting found about the person it was for (who they are to the circle,
// what they saw attending, their fit, distress, notes about them), their
// check-ins and their referrals, per circle. It lives only in the user's
// private data folder (0700 folders, 0600 files), beside the register's
// default folder and never inside a register, which a team may share. A
// person is known by an alias the user chooses (never required to be a
// name or a record number); without one, the record is the user's own.
package people

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Store is the folder of person records.
type Store struct{ Dir string }

// ownFolder is the user's own record: no alias, and no alias's folder can
// have its name (those end in an ID).
const ownFolder = "self"

const (
	metaFile    = "person.yaml"
	circlesDir  = "circles"
	answersKind = "answers"
	checkinKind = "checkins"
	referralKnd = "referrals"
)

// Default is the store in the user's private data folder, beside the
// register's default folder (places.Here.People says where).
func Default() (Store, error) {
	dir, err := places.This().People()
	if err != nil {
		return Store{}, msg.Wrap(err, "people.err.folder", "reason", err)
	}
	return Store{Dir: dir}, nil
}

// InsideError is a people folder that would be inside a register: a
// register may be shared, and a person's record never is.
type InsideError struct{ People, Register string }

func (e *InsideError) Error() string { return e.Tell(msg.Default()) }

// Tell says e in c's language.
func (e *InsideError) Tell(c msg.Catalog) string {
	return c.Tf("people.err.inside", "people", textclean.Visible(e.People), "register", textclean.Visible(e.Register))
}

// CheckOutside refuses a store inside the register's folder (or the
// register inside the store).
func (s Store) CheckOutside(registerDir string) error {
	in := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	a, b := resolve(s.Dir), resolve(registerDir)
	if in(a, b) || in(b, a) {
		return &InsideError{People: s.Dir, Register: registerDir}
	}
	return nil
}

// resolve is a path with links resolved as far as it exists.
func resolve(p string) string {
	p, _ = filepath.Abs(p)
	dir, rest := p, ""
	for dir != filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = filepath.Dir(dir)
	}
	return p
}

// Person is one record: its alias ("" for the user's own) and folder.
type Person struct {
	Alias  string `json:"alias"`
	Folder string `json:"-"`
}

// Own is the user's own record.
func Own() Person { return Person{Folder: ownFolder} }

// CheckAlias checks an alias as a circle's name is checked: no path, no
// control characters, not empty, not too long.
func CheckAlias(alias string) error {
	if strings.ContainsAny(alias, `/\`) || strings.HasPrefix(strings.TrimSpace(alias), ".") {
		return msg.New("people.err.alias-path", "alias", textclean.Visible(alias))
	}
	if err := register.CheckNameAs(alias, "alias"); err != nil {
		return msg.Wrap(err, "people.err.for", "reason", err)
	}
	return nil
}

func (s Store) g() register.Register { return register.Register{Dir: s.Dir} }

// Ensure is the record of alias, started now if there is none ("" is the
// user's own). Aliases are matched as circle names are: case and spaces
// aside.
func (s Store) Ensure(alias string) (Person, error) {
	if strings.TrimSpace(alias) == "" {
		return Own(), nil
	}
	if err := CheckAlias(alias); err != nil {
		return Person{}, err
	}
	who := Person{Alias: strings.TrimSpace(alias), Folder: register.Folder(alias)}
	dir, err := s.g().Mkdirs(who.Folder)
	if err != nil {
		return Person{}, err
	}
	path := filepath.Join(dir, metaFile)
	if name, err := register.ReadMeta(path); err == nil {
		who.Alias = name
		return who, nil
	}
	q, _ := json.Marshal(who.Alias)
	q = bytes.ReplaceAll(q, []byte(`\u0026`), []byte("&"))
	data := "# vetcircle person record: the alias it is kept under (private to you; never in a register)\nversion: 1\nname: " + string(q) + "\n"
	if err := fileio.WriteNew(path, []byte(data)); err != nil && !errors.Is(err, fs.ErrExist) {
		return Person{}, err
	}
	return who, nil
}

// NotFoundError is an alias with no record, with the close ones.
type NotFoundError struct {
	Alias   string
	Similar []string
}

func (e *NotFoundError) Error() string { return e.Tell(msg.Default()) }

// Tell says e in c's language, with the close aliases.
func (e *NotFoundError) Tell(c msg.Catalog) string {
	if len(e.Similar) > 0 {
		return c.Tf("people.err.not-found.close", "alias", textclean.CleanLine(e.Alias), "close", strings.Join(e.Similar, ", "))
	}
	return c.Tf("people.err.not-found", "alias", textclean.CleanLine(e.Alias))
}

// Find is the existing record of alias ("" is the user's own, which always
// exists); an alias with none is a NotFoundError naming the close ones.
func (s Store) Find(alias string) (Person, error) {
	if strings.TrimSpace(alias) == "" {
		return Own(), nil
	}
	if err := CheckAlias(alias); err != nil {
		return Person{}, err
	}
	folder := register.Folder(alias)
	if name, err := register.ReadMeta(filepath.Join(s.Dir, folder, metaFile)); err == nil {
		return Person{Alias: name, Folder: folder}, nil
	}
	nf := &NotFoundError{Alias: alias}
	all, _ := s.People()
	k := register.Key(alias)
	for _, p := range all {
		pk := register.Key(p.Alias)
		if strings.Contains(pk, k) || strings.Contains(k, pk) {
			nf.Similar = append(nf.Similar, p.Alias)
		}
	}
	return Person{}, nf
}

// People lists the records with an alias, by alias.
func (s Store) People() ([]Person, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Person
	for _, e := range entries {
		if !e.IsDir() || e.Name() == ownFolder {
			continue
		}
		if name, err := register.ReadMeta(filepath.Join(s.Dir, e.Name(), metaFile)); err == nil {
			out = append(out, Person{Alias: name, Folder: e.Name()})
		}
	}
	slices.SortFunc(out, func(a, b Person) int { return strings.Compare(register.Key(a.Alias), register.Key(b.Alias)) })
	return out, nil
}

// dir makes (and returns) a record's folder of one kind for a circle.
func (s Store) dir(who Person, c register.Circle, kind string) (string, error) {
	if who.Folder == "" || c.ID == "" {
		return "", msg.New("people.err.no-folder")
	}
	return s.g().Mkdirs(who.Folder, circlesDir, c.ID, kind)
}

func (s Store) files(who Person, circleID, kind string) ([]string, error) {
	return register.ListFiles(filepath.Join(s.Dir, who.Folder, circlesDir, circleID, kind))
}

// KeepAnswers keeps the person's part of a vetting of circle c (the part
// checklist.SplitAnswers gives the person); nothing when it is empty.
func (s Store) KeepAnswers(p *checklist.Pack, who Person, c register.Circle, a *checklist.Answers, now time.Time) (string, error) {
	_, person := checklist.SplitAnswers(p, a)
	if person.IsEmpty() {
		return "", nil
	}
	// The same answers as the person's latest about this circle (provenance
	// aside) are kept once.
	if latest, err := s.LatestAnswers(p, who, c); err == nil && latest != nil {
		x, y := latest.Clone(), person.Clone()
		x.Vetted, y.Vetted = checklist.Provenance{}, checklist.Provenance{}
		x.ResumeAt, y.ResumeAt = "", ""
		if bytes.Equal(checklist.MarshalAnswers(p, x), checklist.MarshalAnswers(p, y)) {
			return "", nil
		}
	}
	dir, err := s.dir(who, c, answersKind)
	if err != nil {
		return "", err
	}
	return register.WriteNewFile(dir, checklist.MarshalAnswers(p, person), now)
}

// LatestAnswers is the person's latest answers about circle c; nil when
// there are none.
func (s Store) LatestAnswers(p *checklist.Pack, who Person, c register.Circle) (*checklist.Answers, error) {
	files, err := s.files(who, c.ID, answersKind)
	if err != nil || len(files) == 0 {
		return nil, err
	}
	a, _, bad := register.LatestReadable(p, files)
	if a == nil {
		return nil, bad[0].Err
	}
	return a, nil
}

// FitAnswers are what the person's record says of them for judging fit at
// circle c: their answers about c when there are some, else their latest
// answers about any circle without what they saw attending it (that was
// another circle's).
func (s Store) FitAnswers(p *checklist.Pack, who Person, c register.Circle) (*checklist.Answers, error) {
	if a, err := s.LatestAnswers(p, who, c); a != nil || err != nil {
		return a, err
	}
	var latest, latestPath string
	entries, _ := os.ReadDir(filepath.Join(s.Dir, who.Folder, circlesDir))
	for _, e := range entries {
		files, _ := s.files(who, e.Name(), answersKind)
		if n := len(files); n > 0 && filepath.Base(files[n-1]) > latestPath {
			latest, latestPath = files[n-1], filepath.Base(files[n-1])
		}
	}
	if latest == "" {
		return nil, nil
	}
	a, _, bad := register.LatestReadable(p, []string{latest})
	if a == nil {
		return nil, bad[0].Err
	}
	for _, q := range p.Questions {
		if sec := p.Section(q.Section); sec != nil && sec.When != nil {
			// A section that only applies at that circle (attending).
			a.Clear(q.ID)
			a.SetNote(q.ID, "")
		}
	}
	a.Clear("stage")
	return a, nil
}

// AddCheckin keeps a check-in of circle c in the person's record.
func (s Store) AddCheckin(who Person, c register.Circle, k *checklist.Checkin, now time.Time) (string, error) {
	dir, err := s.dir(who, c, checkinKind)
	if err != nil {
		return "", err
	}
	return register.WriteNewFile(dir, checklist.MarshalCheckin(k), now)
}

// Checkins reads the person's check-ins of circle c, oldest first.
func (s Store) Checkins(p *checklist.Pack, who Person, c register.Circle) ([]checklist.Checkin, []register.Problem, error) {
	files, err := s.files(who, c.ID, checkinKind)
	if err != nil {
		return nil, nil, err
	}
	out, problems := register.ReadCheckins(p, files)
	return out, problems, nil
}

// AddReferral keeps a step of the person's referral to circle c.
func (s Store) AddReferral(who Person, c register.Circle, r *checklist.Referral, now time.Time) (string, error) {
	dir, err := s.dir(who, c, referralKnd)
	if err != nil {
		return "", err
	}
	return register.WriteNewFile(dir, checklist.MarshalReferral(r), now)
}

// Referrals reads the steps of the person's referral to circle c, oldest
// first (by date, then as kept).
func (s Store) Referrals(p *checklist.Pack, who Person, c register.Circle) ([]checklist.Referral, []register.Problem, error) {
	files, err := s.files(who, c.ID, referralKnd)
	if err != nil {
		return nil, nil, err
	}
	var out []checklist.Referral
	var problems []register.Problem
	for _, f := range files {
		data, err := register.ReadFile(f)
		if err == nil {
			var r *checklist.Referral
			if r, err = checklist.ParseReferral(p, f, data); err == nil {
				out = append(out, *r)
				continue
			}
		}
		problems = append(problems, register.Problem{File: f, Err: err})
	}
	slices.SortStableFunc(out, func(a, b checklist.Referral) int { return strings.Compare(a.Date, b.Date) })
	return out, problems, nil
}

// Sink is the user's own record as a register.PersonSink: where an old
// register's person answers and check-ins go when it is split.
func (s Store) Sink() register.PersonSink { return sink{s} }

type sink struct{ s Store }

func (k sink) keep(c register.Circle, kind, name string, data []byte) error {
	dir, err := k.s.dir(Own(), c, kind)
	if err != nil {
		return err
	}
	err = fileio.WriteNew(filepath.Join(dir, name), data)
	if errors.Is(err, fs.ErrExist) {
		return nil // kept by a split cut short
	}
	return err
}

// markerPath is where the store remembers that the register in dir was
// split: a file named by a hash of the register's path.
func (k sink) markerPath(dir string) string {
	return filepath.Join(k.s.Dir, ".split", register.ID(dir)+".yaml")
}

func (k sink) Split(dir string) bool {
	_, err := os.Lstat(k.markerPath(dir))
	return err == nil
}

func (k sink) MarkSplit(dir string) {
	if _, err := k.s.g().Mkdirs(".split"); err != nil {
		return
	}
	_ = fileio.WriteAtomic(k.markerPath(dir), []byte("# vetcircle: the register at this path holds no person's data (split once)\nversion: 1\n"))
}

func (k sink) KeepAnswers(c register.Circle, name string, data []byte) error {
	return k.keep(c, answersKind, name, data)
}

func (k sink) KeepCheckin(c register.Circle, name string, data []byte) error {
	return k.keep(c, checkinKind, name, data)
}
