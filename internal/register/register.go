// Package register keeps what a person or a clinic learns about circles over
// time, as plain private files: a folder per circle under the register's
// root, named by a readable slug and the circle's ID (a hash of its exact
// name, so two names never share a folder and the same circle added on two
// machines gets the same one), holding circle.yaml (its identity, written
// once), names/ (renames), vettings/ (the circle's part of each vetting) and
// seen/ (what was seen of it in sessions). It holds circles, never people:
// a person's answers, check-ins and referrals are package people's, and a
// register from before they were apart is split (SplitPeople). Every file is written
// once and never rewritten, named by time plus a random suffix, so two
// machines sharing the folder (a synced drive, a git repository) never
// write the same file and never merge one by hand. Names are looked up,
// never invented: a lookup reads only the circles' metadata, and a name
// that finds no circle is refused with the close ones. Nothing is written
// through a symbolic link under the root. Every file is read as strictly
// as any other answers or check-in file; a corrupt or hostile one is named,
// with its position, and skipped, and the rest still lists.
package register

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
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
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Register is the folder of circles.
type Register struct {
	Dir string
	// CacheDir, when set, is this machine's private folder for the listing
	// cache (see cache.go); empty lists without one.
	CacheDir string
}

// Default is the register in the user's data folder (places.Here.Register
// says where).
func Default() (Register, error) {
	dir, err := places.This().Register()
	return Register{Dir: dir}, err
}

// fileName is a new file's name: the time to the nanosecond, so names sort
// in the order files were kept even within one second, then a random suffix
// so two windows never pick the same name.
func fileName(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return now.UTC().Format("20060102-150405.000000000") + "-" + hex.EncodeToString(b[:]) + ".yaml"
}

// AddCheckin keeps a check-in in the circle's folder and returns the file,
// as registers did before people had records of their own: what tests use
// to write such a register. New check-ins go to the person's record.
func (g Register) AddCheckin(c Circle, k *checklist.Checkin, now time.Time) (string, error) {
	return g.write(c, "checkins", checklist.MarshalCheckin(k), now)
}

// AddVetting keeps an answers file in the circle's folder.
func (g Register) AddVetting(c Circle, answers []byte, now time.Time) (string, error) {
	return g.write(c, "vettings", answers, now)
}

// KeepVetting keeps the circle's part of answers (checklist.SplitAnswers:
// never the person's) as the circle's newest vetting, unless they are the
// same answers as its latest vetting (provenance aside): then nothing is
// written, and the latest's path comes back with same true. The person's
// part is the caller's to keep in the person's own record.
func (g Register) KeepVetting(p *checklist.Pack, c Circle, a *checklist.Answers, now time.Time) (path string, same bool, err error) {
	a, _ = checklist.SplitAnswers(p, a)
	if latest, lpath, err := g.LatestVetting(p, c); err == nil && latest != nil && sameAnswers(p, latest, a) {
		return lpath, true, nil
	}
	path, err = g.AddVetting(c, checklist.MarshalAnswers(p, a), now)
	return path, false, err
}

// KeepDated is KeepVetting for a vetting whose date of the call was
// given (a --date, the walkthrough's date field): the same answers as the
// latest vetting but from a later call are a re-vet that found nothing
// changed, and are kept as a new vetting, so the circle's date (and its
// re-vet due) moves on with the call.
func (g Register) KeepDated(p *checklist.Pack, c Circle, a *checklist.Answers, now time.Time) (path string, same bool, err error) {
	a, _ = checklist.SplitAnswers(p, a) // the circle's part only, as KeepVetting
	if latest, _, err := g.LatestVetting(p, c); err == nil && latest != nil && sameAnswers(p, latest, a) && a.Vetted.On > latest.Vetted.On {
		path, err = g.AddVetting(c, checklist.MarshalAnswers(p, a), now)
		return path, false, err
	}
	return g.KeepVetting(p, c, a, now)
}

// sameAnswers compares two vettings' answers and notes, not who kept them
// or when.
func sameAnswers(p *checklist.Pack, a, b *checklist.Answers) bool {
	a, b = a.Clone(), b.Clone()
	a.Vetted, b.Vetted = checklist.Provenance{}, checklist.Provenance{}
	a.ResumeAt, b.ResumeAt = "", ""
	return bytes.Equal(checklist.MarshalAnswers(p, a), checklist.MarshalAnswers(p, b))
}

func (g Register) write(c Circle, kind string, data []byte, now time.Time) (string, error) {
	if c.Folder == "" || folderID(c.Folder) != c.ID {
		return "", msg.New("register.no-circle", "folder", strconv.Quote(c.Folder))
	}
	dir, err := g.mkdirs(c.Folder, kind)
	if err != nil {
		return "", err
	}
	// The circle's folder is written once (circle.yaml); a write killed
	// there leaves its temporary file for this one to clear.
	fileio.RemoveStaleTemps(filepath.Dir(dir), time.Now())
	path := filepath.Join(dir, fileName(now))
	if err := fileio.WriteNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// LinkError is a folder inside the register that is a symbolic link:
// nothing is written through it, for it could lead anywhere.
type LinkError struct{ Path string }

func (e *LinkError) Error() string { return e.Tell(msg.Default()) }

// Tell says e in c's language.
func (e *LinkError) Tell(c msg.Catalog) string {
	return c.Tf("register.link", "path", textclean.Visible(e.Path))
}

func linkError(path string) error { return &LinkError{Path: path} }

// mkdirs makes the folders parts under the register's root, one at a time,
// each 0700, refusing any that is a symbolic link or not a folder. The
// root itself may be a link: it is the folder the person chose.
func (g Register) mkdirs(parts ...string) (string, error) {
	if err := fileio.EnsurePrivateDir(g.Dir); err != nil {
		return "", err
	}
	dir := g.Dir
	for _, part := range parts {
		if part == "" || part == "." || part == ".." || strings.ContainsAny(part, `/\`) {
			return "", msg.New("register.bad-folder-name", "name", strconv.Quote(part))
		}
		dir = filepath.Join(dir, part)
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fileio.Wrap("create folder", dir, err)
		}
		fi, err := os.Lstat(dir)
		switch {
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink != 0:
			return "", linkError(dir)
		case !fi.IsDir():
			return "", msg.New("register.not-folder", "dir", textclean.Visible(dir))
		}
	}
	return dir, nil
}

// Problem is a file in the register that could not be read, and why.
type Problem struct {
	File string
	Err  error
}

// Checkins reads the check-ins in the circle's folder (a register from
// before people had records of their own, until SplitPeople moves them),
// oldest first (by date, then file name). Files that cannot be read are returned as problems, not errors:
// the rest still count.
func (g Register) Checkins(p *checklist.Pack, c Circle) ([]checklist.Checkin, []Problem, error) {
	files, err := g.files(c.Folder, "checkins")
	if err != nil {
		return nil, nil, err
	}
	out, problems := readCheckins(p, files)
	return out, problems, nil
}

// readCheckins reads check-in files, in date order, naming those that do
// not read.
func readCheckins(p *checklist.Pack, files []string) ([]checklist.Checkin, []Problem) {
	var out []checklist.Checkin
	var problems []Problem
	for _, f := range files {
		data, err := readListed(f, checklist.MaxFileSize)
		if err == nil {
			var c *checklist.Checkin
			if c, err = checklist.ParseCheckin(p, f, data); err == nil {
				out = append(out, *c)
				continue
			}
		}
		problems = append(problems, Problem{File: f, Err: err})
	}
	slices.SortStableFunc(out, func(a, b checklist.Checkin) int { return strings.Compare(a.Date, b.Date) })
	return out, problems
}

// LatestVetting reads the newest answers file kept for the circle that
// reads; nil when there is none. A newer file that does not read (corrupt,
// hostile, too big) never hides an older good one: the error is returned
// only when no vetting reads, with the newest file's path.
func (g Register) LatestVetting(p *checklist.Pack, c Circle) (*checklist.Answers, string, error) {
	files, err := g.files(c.Folder, "vettings")
	if err != nil || len(files) == 0 {
		return nil, "", err
	}
	a, path, bad := latestReadable(p, files)
	if a == nil {
		return nil, bad[0].File, bad[0].Err
	}
	return a, path, nil
}

// latestReadable walks files from the newest back to the first that reads
// as an answers file; bad lists those it passed over, newest first.
func latestReadable(p *checklist.Pack, files []string) (*checklist.Answers, string, []Problem) {
	var bad []Problem
	for i := len(files) - 1; i >= 0; i-- {
		data, err := readSmall(files[i])
		if err == nil {
			var a *checklist.Answers
			if a, err = checklist.ParseAnswers(p, files[i], data); err == nil {
				return a, files[i], bad
			}
		}
		bad = append(bad, Problem{File: files[i], Err: err})
	}
	return nil, "", bad
}

// Vettings reads the n latest vettings of the circle, older first, for a
// diff; fewer when there are fewer.
func (g Register) Vettings(p *checklist.Pack, c Circle, n int) ([]*checklist.Answers, []string, error) {
	files, err := g.files(c.Folder, "vettings")
	if err != nil {
		return nil, nil, err
	}
	files = files[max(0, len(files)-n):]
	var out []*checklist.Answers
	for _, f := range files {
		data, err := readSmall(f)
		if err != nil {
			return nil, nil, err
		}
		a, err := checklist.ParseAnswers(p, f, data)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, files, nil
}
