package register

import (
	"cmp"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
)

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
	// Stay is kept for the JSON's stable keys: always null now, for the
	// stay answer is each person's own (vetcircle history --for ALIAS).
	Stay *Stay `json:"stay"`
	// FitWords and RedFlagLabels are the report's words for the fit and
	// the red flags, as the register's line shows them; kept in the entry
	// so that a line from the listing cache reads the same as a fresh one.
	FitWords      string   `json:"fit_words"`
	RedFlagLabels []string `json:"red_flag_labels"`
	// Report is the latest vetting's report, judged over the check-ins:
	// what the register's line renders. Not part of the JSON.
	Report *report.Report `json:"-"`
	// Vettings counts the vettings kept that read; Checkins the sessions
	// in which something was seen of the circle (the register keeps no
	// person's check-ins).
	Vettings int `json:"vettings"`
	Checkins int `json:"checkins"`
	// RevetDue says a re-vet is due; Revet says why and from when (an
	// empty list when it is not due).
	RevetDue bool    `json:"revet_due"`
	Revet    []Revet `json:"revet"`
	File     string  `json:"file"`
	// Service is the circle's service record (see service.go); null when
	// none is kept.
	Service *checklist.Service `json:"service"`
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
				if out[i], errs[i], hit[i] = fromCache(p, cache.Circles[c.Folder], sigs[i], c, now); !hit[i] {
					out[i], errs[i] = g.entry(p, c, now)
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
// and scores its latest vetting as the circle's record, with what was seen
// in sessions: no person's fit or stay (those are each person's own).
func (g Register) entry(p *checklist.Pack, c Circle, now time.Time) (Entry, []Problem) {
	e := Entry{ID: c.ID, Name: c.Name, Aliases: c.Aliases, Folder: c.Folder, RedFlags: []string{}, Revet: []Revet{}}
	var bad []Problem
	vettings, err := g.files(c.Folder, "vettings")
	if err != nil {
		bad = append(bad, Problem{File: filepath.Join(g.Dir, c.Folder, "vettings"), Err: err})
	}
	seenFiles, err := g.files(c.Folder, seenDir)
	if err != nil {
		bad = append(bad, Problem{File: filepath.Join(g.Dir, c.Folder, seenDir), Err: err})
	}
	seen, sbad := readSeen(p, seenFiles)
	e.Checkins = len(seen)
	bad = append(bad, sbad...)
	if len(vettings) == 0 {
		s, _, sbad := g.service(p, c, nil, "")
		if bad = append(bad, sbad...); !s.IsZero() {
			e.Service = &s
		}
		return e, bad
	}
	a, path, vbad := latestReadable(p, vettings)
	bad = append(bad, vbad...)
	e.Vettings = len(vettings) - len(vbad)
	s, _, sbad := g.service(p, c, a, path)
	if bad = append(bad, sbad...); !s.IsZero() {
		e.Service = &s
	}
	if a == nil {
		// Listed all the same, as vetted on no date that reads.
		return e, bad
	}
	e.File = path
	vetted := VettedOn(a, path)
	if !vetted.IsZero() {
		e.Vetted = &vetted
	}
	e.VettedBy, e.Source, e.Rules = a.Vetted.By, a.Vetted.Source, a.Vetted.Rules
	e.Revet = append(e.Revet, RevetDue(p, a, vetted, now)...)
	e.RevetDue = len(e.Revet) > 0
	// The line says what the circle's record says, as circles show does:
	// the report is built once, over the latest vetting and what was seen
	// in sessions. The name stays the register's (its metadata).
	rep := CircleReport(p, a, seen, report.Options{Date: now, FileDate: vetted})
	e.Report = &rep
	e.Verdict, e.Format = checklist.Verdict(rep.Verdict.Value), rep.Circle.Format
	for _, f := range rep.RedFlags {
		e.RedFlags = append(e.RedFlags, f.ID)
		e.RedFlagLabels = append(e.RedFlagLabels, f.Label)
	}
	return e, bad
}
