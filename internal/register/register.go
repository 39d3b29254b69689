// Package register keeps what a person or a clinic learns about circles over
// time, as plain private files: a folder per circle under the register's
// root, named by a readable slug and the circle's ID (a hash of its exact
// name, so two names never share a folder and the same circle added on two
// machines gets the same one), holding circle.yaml (its identity, written
// once), names/ (renames), vettings/ and checkins/. Every file is written
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
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Register is the folder of circles.
type Register struct {
	Dir string
	// CacheDir, when set, is this machine's private folder for the listing
	// cache (see cache.go); empty lists without one.
	CacheDir string
}

// DirFor is where the register lives for an operating system, given the
// environment and the home folder: $XDG_DATA_HOME/vetcircle/circles where
// XDG_DATA_HOME is an absolute path; on Windows %LocalAppData%; on macOS
// ~/Library/Application Support; elsewhere ~/.local/share.
func DirFor(goos string, getenv func(string) string, home string) (string, error) {
	if base := getenv("XDG_DATA_HOME"); base != "" && filepath.IsAbs(base) {
		return filepath.Join(base, "vetcircle", "circles"), nil
	}
	// Drafts and the register sit side by side on Windows and macOS; on
	// Linux the data folder is ~/.local/share.
	if goos == "windows" || goos == "darwin" || goos == "ios" {
		d, err := draft.DirFor(goos, func(k string) string {
			if k == "XDG_STATE_HOME" {
				return ""
			}
			return getenv(k)
		}, home)
		if err != nil {
			return "", err
		}
		return filepath.Join(filepath.Dir(d), "circles"), nil
	}
	if home == "" || !filepath.IsAbs(home) {
		return "", fmt.Errorf("cannot tell where to keep your circles: the home folder is %q; set HOME (or XDG_DATA_HOME) to an absolute path", home)
	}
	return filepath.Join(home, ".local", "share", "vetcircle", "circles"), nil
}

// Default is the register in the user's data folder.
func Default() (Register, error) {
	home, _ := os.UserHomeDir()
	dir, err := DirFor(runtime.GOOS, os.Getenv, home)
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

// AddCheckin keeps a check-in in the circle's folder and returns the file.
func (g Register) AddCheckin(c Circle, k *checklist.Checkin, now time.Time) (string, error) {
	return g.write(c, "checkins", checklist.MarshalCheckin(k), now)
}

// AddVetting keeps an answers file in the circle's folder.
func (g Register) AddVetting(c Circle, answers []byte, now time.Time) (string, error) {
	return g.write(c, "vettings", answers, now)
}

// KeepVetting keeps answers as the circle's newest vetting, unless they
// are the same answers as its latest vetting (provenance aside): then
// nothing is written, and the latest's path comes back with same true.
func (g Register) KeepVetting(p *checklist.Pack, c Circle, a *checklist.Answers, now time.Time) (path string, same bool, err error) {
	if latest, lpath, err := g.LatestVetting(p, c); err == nil && latest != nil && sameAnswers(p, latest, a) {
		return lpath, true, nil
	}
	path, err = g.AddVetting(c, checklist.MarshalAnswers(p, a), now)
	return path, false, err
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
		return "", fmt.Errorf("no circle to keep the file in (%q)", c.Folder)
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

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link; vetcircle writes nothing through a link inside the register (to keep the register elsewhere, use --register DIR or VETCIRCLE_REGISTER)", textclean.Visible(e.Path))
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
			return "", fmt.Errorf("%q is not a folder name", part)
		}
		dir = filepath.Join(dir, part)
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", &fileio.Error{Op: "create folder", Path: dir, Reason: fileio.Explain(err), Err: err}
		}
		fi, err := os.Lstat(dir)
		switch {
		case err != nil:
			return "", err
		case fi.Mode()&fs.ModeSymlink != 0:
			return "", linkError(dir)
		case !fi.IsDir():
			return "", fmt.Errorf("%s is not a folder", textclean.Visible(dir))
		}
	}
	return dir, nil
}

// Problem is a file in the register that could not be read, and why.
type Problem struct {
	File string
	Err  error
}

// Checkins reads the circle's check-ins, oldest first (by date, then file
// name). Files that cannot be read are returned as problems, not errors:
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

// files lists a circle folder's files of one kind, oldest first by name.
// A kind folder that is a symbolic link is an error naming it.
func (g Register) files(folder, kind string) ([]string, error) {
	dir := filepath.Join(g.Dir, folder, kind)
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, linkError(dir)
	}
	return regularFiles(dir)
}

// regularFiles lists the .yaml files of a folder that are regular files
// (no links), sorted by name; none when the folder is missing.
func regularFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".yaml") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

// readSmall reads a register file, refusing one over the answers files'
// size limit (a hostile file must not cost more than its size allows).
func readSmall(path string) ([]byte, error) { return readBounded(path, checklist.MaxFileSize) }

// readListed reads a file a folder listing has just shown to be a regular
// file in few system calls (a listing of thousands of check-ins is bound by
// them): opened without following a link and without blocking (openListed),
// read into a small buffer that grows only for a bigger file, never past
// one byte over the limit, closed.
func readListed(path string, limit int) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openListed, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, min(4096, limit+1))
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, fmt.Errorf("%s is over the %d-byte limit", textclean.Visible(path), limit)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(cap(buf), limit+1-len(buf)))
		}
	}
}

// readBounded reads a regular file (never through a link) of at most limit
// bytes, refusing a bigger one before reading past the limit.
func readBounded(path string, limit int64) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", textclean.Visible(path))
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s is %d bytes, over the %d-byte limit", textclean.Visible(path), fi.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is over the %d-byte limit", textclean.Visible(path), limit)
	}
	return data, nil
}

// Entry is one circle in the register, as of its latest vetting.
type Entry struct {
	// ID is the circle's identity; Folder its folder in the register.
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Folder  string   `json:"folder"`
	// Vetted is the latest vetting's date: its vetted on, else when it was
	// kept; nil (null in JSON) when none reads, and then Verdict, Fit and
	// Format are "".
	Vetted   *time.Time        `json:"vetted"`
	Verdict  checklist.Verdict `json:"verdict"`
	Fit      checklist.Fit     `json:"fit"`
	Format   string            `json:"format"`
	RedFlags []string          `json:"red_flags"`
	// VettedBy, Source and Rules are the latest vetting's provenance.
	VettedBy string `json:"vetted_by"`
	Source   string `json:"source"`
	Rules    string `json:"rules"`
	// Stay is the stay answer the check-ins decide (with the latest
	// vetting); nil (null) when the person does not attend.
	Stay *Stay `json:"stay"`
	// FitWords and RedFlagLabels are the report's words for the fit and
	// the red flags, as the register's line shows them; kept in the entry
	// so that a line from the listing cache reads the same as a fresh one.
	FitWords      string   `json:"fit_words"`
	RedFlagLabels []string `json:"red_flag_labels"`
	// Report is the latest vetting's report, judged over the check-ins:
	// what the register's line renders. Not part of the JSON.
	Report *report.Report `json:"-"`
	// Vettings and Checkins count the files kept that read.
	Vettings int `json:"vettings"`
	Checkins int `json:"checkins"`
	// RevetDue says the latest vetting is over a year old, or older than
	// the rules' last review.
	RevetDue bool   `json:"revet_due"`
	File     string `json:"file"`
}

// checkinsOnly is the stay answer of a circle with check-ins but no
// vetting that reads: the check-ins alone decide it, as history says.
func checkinsOnly(p *checklist.Pack, checkins []string, now time.Time) *Stay {
	if len(checkins) == 0 {
		return nil
	}
	hist, _ := readCheckins(p, checkins)
	if len(hist) == 0 {
		return nil
	}
	rep := report.BuildHistory(p, nil, hist, report.Options{Date: now})
	if rep.Stay == nil {
		return nil
	}
	return &Stay{Value: checklist.StayValue(rep.Stay.Value), Words: rep.Stay.Words, Headline: rep.Stay.Headline}
}

// Stay is a stay answer on the register's line: its value and words.
type Stay struct {
	Value    checklist.StayValue `json:"value"`
	Words    string              `json:"words"`
	Headline string              `json:"headline"`
}

// vettedAt reads the time a register file was kept from its name.
func vettedAt(path string) time.Time {
	name := filepath.Base(path)
	if len(name) < 15 {
		return time.Time{}
	}
	t, err := time.Parse("20060102-150405", name[:15])
	if err != nil {
		return time.Time{}
	}
	return t
}

// VettedOn is when a vetting was made: its vetted on date, else the time
// its file was kept.
func VettedOn(a *checklist.Answers, path string) time.Time {
	if t, err := time.Parse(time.DateOnly, a.Vetted.On); err == nil {
		return t
	}
	return vettedAt(path)
}

// Circles lists every circle in the register, by name: each one's latest
// vetting scored with p, and how many vettings and check-ins read. A file
// that cannot be read is a problem, and its circle is still listed.
// Folders of the old layout must have been migrated first (Migrate).
func (g Register) Circles(p *checklist.Pack, now time.Time) ([]Entry, []Problem, error) {
	circles, _, problems, err := g.Index()
	if err != nil {
		return nil, nil, err
	}
	reviewed, _ := time.Parse(time.DateOnly, p.Meta.LastReviewed)
	cache := g.loadCache(p)
	// Each circle is read and scored on its own, so the work is spread over
	// the CPUs (BenchmarkCircles); one whose folders are as the cache saw
	// them last is not read again.
	out := make([]Entry, len(circles))
	errs := make([][]Problem, len(circles))
	sigs := make([]string, len(circles))
	hit := make([]bool, len(circles))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(circles))) {
		wg.Go(func() {
			for i := range next {
				c := circles[i]
				sigs[i] = g.folderSig(c.Folder)
				if out[i], errs[i], hit[i] = fromCache(cache.Circles[c.Folder], sigs[i], c, reviewed, now); !hit[i] {
					out[i], errs[i] = g.entry(p, c, reviewed, now)
				}
			}
		})
	}
	for i := range circles {
		next <- i
	}
	close(next)
	wg.Wait()
	fresh := map[string]cacheEntry{}
	changed := len(cache.Circles) != len(circles)
	for i, c := range circles {
		problems = append(problems, errs[i]...)
		if sigs[i] != "" {
			fresh[c.Folder] = toCache(sigs[i], out[i], errs[i])
		}
		changed = changed || !hit[i]
	}
	if changed {
		cache.Circles = fresh
		g.saveCache(cache)
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(strings.Compare(Key(a.Name), Key(b.Name)), strings.Compare(a.ID, b.ID))
	})
	return out, problems, nil
}

// entry reads one circle's folder: counts its files that read, and reads
// and scores its latest vetting.
func (g Register) entry(p *checklist.Pack, c Circle, reviewed, now time.Time) (Entry, []Problem) {
	e := Entry{ID: c.ID, Name: c.Name, Aliases: c.Aliases, Folder: c.Folder, RedFlags: []string{}}
	var bad []Problem
	vettings, err := g.files(c.Folder, "vettings")
	if err != nil {
		bad = append(bad, Problem{File: filepath.Join(g.Dir, c.Folder, "vettings"), Err: err})
	}
	checkins, err := g.files(c.Folder, "checkins")
	if err != nil {
		bad = append(bad, Problem{File: filepath.Join(g.Dir, c.Folder, "checkins"), Err: err})
	}
	read, cbad := readCheckins(p, checkins)
	e.Checkins = len(read)
	bad = append(bad, cbad...)
	if len(vettings) == 0 {
		e.Stay = checkinsOnly(p, checkins, now)
		return e, bad
	}
	a, path, vbad := latestReadable(p, vettings)
	bad = append(bad, vbad...)
	e.Vettings = len(vettings) - len(vbad)
	if a == nil {
		// Listed all the same, as vetted on no date that reads.
		e.Stay = checkinsOnly(p, checkins, now)
		return e, bad
	}
	e.File = path
	vetted := VettedOn(a, path)
	if !vetted.IsZero() {
		e.Vetted = &vetted
	}
	e.VettedBy, e.Source, e.Rules = a.Vetted.By, a.Vetted.Source, a.Vetted.Rules
	e.RevetDue = revetDue(vetted, reviewed, now)
	// The line says what the check-ins decided, as history does: the
	// report is built once, over the latest vetting and the check-ins that
	// read. The name stays the register's (its metadata), not the file's.
	rep := report.BuildHistory(p, a, read, report.Options{Date: now, FileDate: vetted})
	e.Report = &rep
	e.Verdict, e.Format = checklist.Verdict(rep.Verdict.Value), rep.Circle.Format
	for _, f := range rep.RedFlags {
		e.RedFlags = append(e.RedFlags, f.ID)
		e.RedFlagLabels = append(e.RedFlagLabels, f.Label)
	}
	if rep.Fit != nil {
		e.Fit, e.FitWords = checklist.Fit(rep.Fit.Value), rep.Fit.Words
	}
	if rep.Stay != nil {
		e.Stay = &Stay{Value: checklist.StayValue(rep.Stay.Value), Words: rep.Stay.Words, Headline: rep.Stay.Headline}
	}
	return e, bad
}

// revetDue: the vetting is over a year old, or older than the rules' last
// review.
func revetDue(vetted, reviewed, now time.Time) bool {
	return vetted.AddDate(1, 0, 0).Before(now) || (!reviewed.IsZero() && vetted.Before(reviewed))
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
