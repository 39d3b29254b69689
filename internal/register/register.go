// Package register keeps what a person or a clinic learns about circles over
// time, as plain private files: a folder per circle under the data folder,
// each vetting (an answers file) and each check-in its own file, written
// once and never rewritten, named by time plus a random suffix so that two
// machines sharing the folder (a synced drive, a git repository) never write
// the same file. Every file is an ordinary answers or check-in file, read
// as strictly as any other; a corrupt or hostile one is named, with its
// position, and skipped, and the rest still lists.
package register

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"golang.org/x/text/unicode/norm"
)

// Register is the folder of circles.
type Register struct {
	Dir string
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

// Slug is a circle's folder name: its name in lower-case letters (of any
// script, so "Круг доверия" and "陶芸サークル" keep folders of their own),
// digits and dashes, NFC-normalised so a name typed on any system finds
// the same folder; never a path, at most 60 bytes.
func Slug(name string) string {
	const maxSlug = 60
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(strings.ToLower(textclean.CleanLine(name))) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			dash = true
			continue
		}
		if b.Len()+utf8.RuneLen(r)+1 > maxSlug {
			break
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "circle"
	}
	return b.String()
}

// fileName is a new file's name: the time to the nanosecond, so names sort
// in the order files were kept even within one second, then a random suffix
// so two windows never pick the same name.
func fileName(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return now.UTC().Format("20060102-150405.000000000") + "-" + hex.EncodeToString(b[:]) + ".yaml"
}

// Resolve finds a circle's folder (its slug) from the name a person types:
// the folder named exactly so, else the only one whose name holds it
// ("thursday" finds thursday-kap-circle). A name that matches none is a new
// circle (found is false); one that matches several is an error naming
// them.
func (g Register) Resolve(name string) (slug string, found bool, err error) {
	want := Slug(name)
	entries, err := os.ReadDir(g.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return want, false, nil
	}
	if err != nil {
		return "", false, err
	}
	var hits []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if e.Name() == want {
			return want, true, nil
		}
		if strings.Contains(e.Name(), want) {
			hits = append(hits, e.Name())
		}
	}
	switch len(hits) {
	case 0:
		return want, false, nil
	case 1:
		return hits[0], true, nil
	}
	return "", false, fmt.Errorf("%q matches several circles (%s); give more of the name", textclean.CleanLine(name), strings.Join(hits, ", "))
}

// AddCheckin keeps a check-in in the folder of the circle slug and returns
// the file.
func (g Register) AddCheckin(slug string, c *checklist.Checkin, now time.Time) (string, error) {
	return g.write(slug, "checkins", checklist.MarshalCheckin(c), now)
}

// AddVetting keeps an answers file for the circle slug.
func (g Register) AddVetting(slug string, answers []byte, now time.Time) (string, error) {
	return g.write(slug, "vettings", answers, now)
}

func (g Register) write(slug, kind string, data []byte, now time.Time) (string, error) {
	dir := filepath.Join(g.Dir, Slug(slug), kind)
	if err := fileio.EnsurePrivateDir(dir); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fileName(now))
	if err := fileio.WriteNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// Problem is a file in the register that could not be read, and why.
type Problem struct {
	File string
	Err  error
}

// Checkins reads the check-ins of the circle slug, oldest first (by date, then file
// name). Files that cannot be read are returned as problems, not errors:
// the rest still count.
func (g Register) Checkins(p *checklist.Pack, circle string) ([]checklist.Checkin, []Problem, error) {
	files, err := g.files(circle, "checkins")
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
		data, err := readSmall(f)
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

// LatestVetting reads the newest answers file kept for the circle slug that
// reads; nil when there is none. A newer file that does not read (corrupt,
// hostile, too big) never hides an older good one: the error is returned
// only when no vetting reads, with the newest file's path.
func (g Register) LatestVetting(p *checklist.Pack, circle string) (*checklist.Answers, string, error) {
	files, err := g.files(circle, "vettings")
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

// files lists a circle's files of one kind, oldest first by name.
func (g Register) files(circle, kind string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(g.Dir, Slug(circle), kind))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".yaml") {
			out = append(out, filepath.Join(g.Dir, Slug(circle), kind, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

// readSmall reads a register file, refusing one over the answers files'
// size limit (a hostile file must not cost more than its size allows).
func readSmall(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", textclean.Visible(path))
	}
	if fi.Size() > checklist.MaxFileSize {
		return nil, fmt.Errorf("%s is %d bytes, over the %d-byte limit", textclean.Visible(path), fi.Size(), checklist.MaxFileSize)
	}
	return os.ReadFile(path)
}

// Entry is one circle in the register, as of its latest vetting.
type Entry struct {
	Slug string `json:"id"`
	Name string `json:"name"`
	// Vetted is when the latest vetting that reads was kept; nil (null in
	// JSON) when there is none, and then Verdict, Fit and Format are "".
	Vetted   *time.Time        `json:"vetted"`
	Verdict  checklist.Verdict `json:"verdict"`
	Fit      checklist.Fit     `json:"fit"`
	Format   string            `json:"format"`
	RedFlags []string          `json:"red_flags"`
	// Stay is the stay answer the check-ins decide (with the latest
	// vetting); nil (null) when the person does not attend.
	Stay *Stay `json:"stay"`
	// Report is the latest vetting's report, judged over the check-ins:
	// what the register's line renders. Not part of the JSON.
	Report *report.Report `json:"-"`
	// Vettings and Checkins count the files kept.
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

// Circles lists every circle in the register, by name: each one's latest
// vetting scored with p, and how many vettings and check-ins it has. A
// vetting that cannot be read is a problem, and its circle is still listed.
func (g Register) Circles(p *checklist.Pack, now time.Time) ([]Entry, []Problem, error) {
	dirs, err := os.ReadDir(g.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	reviewed, _ := time.Parse(time.DateOnly, p.Meta.LastReviewed)
	var slugs []string
	for _, d := range dirs {
		if d.IsDir() {
			slugs = append(slugs, d.Name())
		}
	}
	// Each circle is read and scored on its own, so the work is spread over
	// the CPUs: a register of thousands of circles lists in well under a
	// second (BenchmarkCircles).
	out := make([]Entry, len(slugs))
	errs := make([][]Problem, len(slugs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(slugs))) {
		wg.Go(func() {
			for i := range next {
				out[i], errs[i] = g.entry(p, slugs[i], reviewed, now)
			}
		})
	}
	for i := range slugs {
		next <- i
	}
	close(next)
	wg.Wait()
	var problems []Problem
	for _, bad := range errs {
		problems = append(problems, bad...)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return out, problems, nil
}

// entry reads one circle's folder: counts its files, and reads and scores
// its latest vetting. The error is that vetting's; the entry is still whole
// enough to list.
func (g Register) entry(p *checklist.Pack, slug string, reviewed, now time.Time) (Entry, []Problem) {
	e := Entry{Slug: slug, Name: slug, RedFlags: []string{}}
	vettings, _ := g.files(slug, "vettings")
	checkins, _ := g.files(slug, "checkins")
	e.Vettings, e.Checkins = len(vettings), len(checkins)
	if len(vettings) == 0 {
		e.Stay = checkinsOnly(p, checkins, now)
		return e, nil
	}
	a, path, bad := latestReadable(p, vettings)
	if a == nil {
		// Listed all the same, as vetted on no date that reads.
		e.Stay = checkinsOnly(p, checkins, now)
		return e, bad
	}
	e.File = path
	vetted := vettedAt(e.File)
	if !vetted.IsZero() {
		e.Vetted = &vetted
	}
	e.RevetDue = vetted.AddDate(1, 0, 0).Before(now) || (!reviewed.IsZero() && vetted.Before(reviewed))
	// The line says what the check-ins decided, as history does: the
	// report is built once, over the latest vetting and the check-ins.
	hist, _ := readCheckins(p, checkins)
	rep := report.BuildHistory(p, a, hist, report.Options{Date: now, FileDate: vetted})
	e.Report = &rep
	e.Name = cmp.Or(rep.Name, e.Name)
	e.Verdict, e.Format = checklist.Verdict(rep.Verdict.Value), rep.Circle.Format
	for _, f := range rep.RedFlags {
		e.RedFlags = append(e.RedFlags, f.ID)
	}
	if rep.Fit != nil {
		e.Fit = checklist.Fit(rep.Fit.Value)
	}
	if rep.Stay != nil {
		e.Stay = &Stay{Value: checklist.StayValue(rep.Stay.Value), Words: rep.Stay.Words, Headline: rep.Stay.Headline}
	}
	return e, bad
}

// Vettings reads the two latest vettings of the circle slug, older first,
// for a diff; fewer when there are fewer.
func (g Register) Vettings(p *checklist.Pack, slug string, n int) ([]*checklist.Answers, []string, error) {
	files, err := g.files(slug, "vettings")
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
