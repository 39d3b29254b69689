// Package draft keeps an intake in progress on disk so that no answer is ever
// lost: every change is written at once, atomically, to a private file in the
// user's state folder.
//
// A draft is an ordinary answers file (checklist.MarshalAnswers, with
// resume_at), so `vetcircle score` reads it as it is. Drafts are loaded
// leniently: a draft made under older rules still opens, and answers whose
// IDs the current rules do not know are reported and written back unchanged
// on the next save, never dropped.
//
// Files are 0600 inside a 0700 folder: a draft can describe someone's drug
// use and mental health.
package draft

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Ext is the extension of every draft file.
const Ext = ".yaml"

// ErrNotDraft is returned by Remove for a file outside the store's folder: a
// draft resumed from a user's own answers file is never deleted.
var ErrNotDraft error = msg.New("draft.err.not-draft")

// Store is a folder of drafts.
type Store struct{ Dir string }

// DefaultStore is the drafts folder of the current user on this operating
// system (places.Here.Drafts says where). The folder is created, with mode
// 0700, on the first save, so listing drafts never leaves an empty folder
// behind.
func DefaultStore() (Store, error) {
	dir, err := places.This().Drafts()
	if err != nil {
		return Store{}, err
	}
	return Store{Dir: dir}, nil
}

// Draft is one intake in progress.
type Draft struct {
	// Path is the draft's file.
	Path string
	// Answers are the answers so far; Save writes exactly these.
	Answers *checklist.Answers
	// Updated is when the file was last written.
	Updated time.Time
}

// Create starts a new draft for these answers (nil for none yet) and writes
// it at once. The file is named after the time and the circle, such as
// 20261124-203001-thursday-kap-circle.yaml, and never replaces another
// draft: a clash gets a numbered name instead.
func (s Store) Create(p *checklist.Pack, a *checklist.Answers, now time.Time) (*Draft, error) {
	if a == nil {
		a = checklist.NewAnswers()
	}
	if err := fileio.EnsurePrivateDir(s.Dir); err != nil {
		return nil, err
	}
	data := checklist.MarshalAnswers(p, a)
	// A draft is usually made at the first answer, before the circle has a
	// name: then the time alone names it (resume --list shows the name
	// from the content), rather than a made-up "circle".
	stem := now.Format("20060102-150405")
	if name := CircleName(p, a); name != "" {
		stem += "-" + places.Slug(name)
	}
	for n := 1; n <= 1000; n++ {
		name := stem
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		path := filepath.Join(s.Dir, name+Ext)
		err := fileio.WriteNew(path, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		// The window that made the draft writes it: hold its lock until
		// the draft is removed or the process ends, so that a second
		// window's resume cannot write it too. (A lock that cannot be
		// taken only loses that protection, never the draft.)
		TryLock(path)
		d := &Draft{Path: path, Answers: a, Updated: now}
		if st, err := os.Stat(path); err == nil {
			d.Updated = st.ModTime()
		}
		return d, nil
	}
	return nil, msg.New("draft.err.too-many", "dir", s.Dir, "name", stem)
}

// Save writes the draft's answers over its file atomically (temporary file,
// fsync, rename), mode 0600, and sets Updated. The file always holds either
// the previous save or this one, never a mix.
//
// Saves of one draft must not run at the same time (bubbletea commands do
// run concurrently): whichever rename lands last wins, so serialise them.
func (s Store) Save(p *checklist.Pack, d *Draft) error {
	if d == nil || d.Path == "" {
		return msg.New("draft.err.no-file")
	}
	if dir := filepath.Dir(d.Path); s.Contains(d.Path) {
		if err := fileio.EnsurePrivateDir(dir); err != nil {
			return err
		}
	}
	a := d.Answers
	if a == nil {
		a = checklist.NewAnswers()
	}
	if err := fileio.WriteAtomic(d.Path, checklist.MarshalAnswers(p, a)); err != nil {
		return err
	}
	if s.Contains(d.Path) {
		d.Path = s.follow(d.Path, CircleName(p, a))
	}
	d.Updated = time.Now()
	if st, err := os.Stat(d.Path); err == nil {
		d.Updated = st.ModTime()
	}
	return nil
}

// follow renames a draft after its circle as the name is typed or changed
// (the first key typed would otherwise name it for good), keeping the time
// it was started: 20261124-203001-thursday-kap-circle.yaml. The new name is
// linked before the old one is removed, so the draft is never missing and
// never replaces another; the draft's lock moves with it. On any failure
// the draft keeps the name it has, which is no loss.
func (s Store) follow(path, circle string) string {
	base := strings.TrimSuffix(filepath.Base(path), Ext)
	const stamp = len("20060102-150405")
	if len(base) < stamp {
		return path
	}
	want := base[:stamp]
	if circle != "" {
		want += "-" + places.Slug(circle)
	}
	if base == want || numbered(base, want) {
		return path
	}
	for n := 1; n <= 100; n++ {
		name := want
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		to := filepath.Join(filepath.Dir(path), name+Ext)
		if to == path {
			return path
		}
		err := os.Link(path, to)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return path
		}
		if err := os.Remove(path); err != nil {
			os.Remove(to)
			return path
		}
		TryLock(to)
		releaseLock(path)
		return to
	}
	return path
}

// numbered reports whether base is want with a clash number ("want-2").
func numbered(base, want string) bool {
	n, ok := strings.CutPrefix(base, want+"-")
	return ok && isNumber(n)
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Remove deletes a finished draft. A draft already gone is not an error. A
// file outside the store's folder (an answers file the user resumed from)
// is never deleted: the error wraps ErrNotDraft.
func (s Store) Remove(d *Draft) error {
	if d == nil || d.Path == "" {
		return nil
	}
	if !s.Contains(d.Path) {
		return fmt.Errorf("remove %s: %w %s", d.Path, ErrNotDraft, s.Dir)
	}
	if err := os.Remove(d.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft: %w", err)
	}
	releaseLock(d.Path)
	return nil
}

// Contains reports whether path is a file directly inside the store's
// folder, that is, one of its drafts rather than a file of the user's.
func (s Store) Contains(path string) bool {
	if s.Dir == "" {
		return false
	}
	dir, err1 := filepath.Abs(s.Dir)
	file, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	return filepath.Dir(file) == dir && strings.HasSuffix(file, Ext)
}

// Load reads a draft (or any answers file) leniently. Answers that the pack
// does not know are kept in Answers.Unknown and Answers.UnknownNotes, so the
// next Save writes them back, and each is returned as a warning with its
// file:line:col. err is set when the file cannot be read or is not an
// answers file at all.
func Load(p *checklist.Pack, path string) (*Draft, checklist.Errors, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open draft: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("open draft: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, nil, msg.New("draft.err.not-regular", "path", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, checklist.MaxFileSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read draft %s: %w", path, err)
	}
	a, warnings, err := checklist.ParseAnswersLenient(p, path, data)
	if err != nil {
		return nil, nil, err
	}
	return &Draft{Path: path, Answers: a, Updated: st.ModTime()}, warnings, nil
}

// Info describes one draft for a list.
type Info struct {
	Path string
	// Name is the circle's name, cleaned to one line; empty when not given.
	Name string
	// Updated is the file's modification time.
	Updated time.Time
	// Completeness is the share of questions answered, as Evaluate gives it.
	Completeness int
	// Verdict is the verdict the answers so far give.
	Verdict checklist.Verdict
	// Warnings counts answers kept from other rules (unknown IDs).
	Warnings int
	// Err is why the draft could not be read; such drafts are listed, not
	// hidden, so nothing disappears without a word.
	Err error
}

// List describes every draft in the store, newest first. A missing folder
// means no drafts. Temporary files and anything but regular .yaml files are
// skipped.
func (s Store) List(p *checklist.Pack) ([]Info, error) {
	entries, err := os.ReadDir(s.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	var out []Info
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, Ext) || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(s.Dir, name)
		info := Info{Path: path}
		if fi, err := e.Info(); err == nil {
			info.Updated = fi.ModTime()
		}
		d, warnings, err := Load(p, path)
		if err != nil {
			info.Err = err
			out = append(out, info)
			continue
		}
		r := report.Build(p, d.Answers, report.Options{})
		info.Name = r.Name
		info.Completeness = r.Trace.Completeness
		info.Verdict = checklist.Verdict(r.Verdict.Value)
		info.Warnings = len(warnings)
		out = append(out, info)
	}
	SortNewestFirst(out)
	return out, nil
}

// SortNewestFirst orders drafts by modification time, newest first; drafts
// written in the same instant are ordered by path, latest name first, so
// the order never depends on the file system.
func SortNewestFirst(infos []Info) {
	slices.SortStableFunc(infos, func(x, y Info) int {
		if c := y.Updated.Compare(x.Updated); c != 0 {
			return c
		}
		return strings.Compare(y.Path, x.Path)
	})
}

// Filter keeps the drafts whose circle name or file name contains query,
// ignoring case. An empty query keeps all of them.
func Filter(infos []Info, query string) []Info {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return infos
	}
	var out []Info
	for _, in := range infos {
		if strings.Contains(strings.ToLower(in.Name), q) || strings.Contains(strings.ToLower(filepath.Base(in.Path)), q) {
			out = append(out, in)
		}
	}
	return out
}

// CircleName is the circle's name from the answers (the question stored as
// the circle block's name), cleaned to one line; empty when not given.
func CircleName(p *checklist.Pack, a *checklist.Answers) string {
	for _, q := range p.Questions {
		if q.CircleField == "name" {
			if v, ok := a.Get(q.ID); ok {
				return textclean.CleanLine(v.Text)
			}
		}
	}
	return ""
}
