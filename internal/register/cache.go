package register

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
)

// The listing cache keeps, on this machine only, what each circle's entry
// was the last time its folders were read: a listing of thousands of
// circles then reads each circle's metadata and two folders' times, not
// every vetting and check-in. It lives in the user's cache folder (never in
// the register, which a team shares), mode 0600, and is only ever a copy:
// an entry is used while its vettings/, seen/ and service/ folders keep the same
// modification time and size (adding, removing or renaming a file changes
// them; the register's files are never edited in place), under the same
// rules pack; anything unreadable is simply read again.
const cacheVersion = 5 // 2: entries hold the line's fit words and red flag labels; 3: re-vet reasons; 4: seen/, no person's fit or stay; 5: the service record

type cacheFile struct {
	Version int                   `json:"version"`
	Root    string                `json:"root"`
	Pack    string                `json:"pack"`
	Circles map[string]cacheEntry `json:"circles"`
}

type cacheEntry struct {
	Sig      string          `json:"sig"`
	Entry    Entry           `json:"entry"`
	Problems []cachedProblem `json:"problems"`
}

type cachedProblem struct {
	File string `json:"file"`
	Err  string `json:"err"`
}

// cachePath is the cache file for this register, or "" without a cache.
func (g Register) cachePath() string {
	if g.CacheDir == "" {
		return ""
	}
	h := sha256.Sum256([]byte(g.Dir))
	return filepath.Join(g.CacheDir, "register-"+hex.EncodeToString(h[:8])+".json")
}

func packKey(p *checklist.Pack) string {
	// The rules' latest change too: the re-vet reasons kept in an entry
	// depend on it, and a pack's author may date a change without a new
	// version.
	changed := ""
	for _, r := range p.Rules {
		changed = max(changed, r.Changed)
	}
	return p.Meta.ID + " " + p.Meta.Version + " " + p.Meta.LastReviewed + " " + p.Meta.Language + " " + changed
}

func (g Register) loadCache(p *checklist.Pack) cacheFile {
	empty := cacheFile{Version: cacheVersion, Root: g.Dir, Pack: packKey(p), Circles: map[string]cacheEntry{}}
	path := g.cachePath()
	if path == "" {
		return empty
	}
	data, err := readBounded(path, 256<<20)
	if err != nil {
		return empty
	}
	var c cacheFile
	if json.Unmarshal(data, &c) != nil || c.Version != cacheVersion || c.Root != g.Dir || c.Pack != packKey(p) || c.Circles == nil {
		return empty
	}
	return c
}

func (g Register) saveCache(c cacheFile) {
	path := g.cachePath()
	if path == "" {
		return
	}
	data, err := json.Marshal(c)
	if err != nil || fileio.EnsurePrivateDir(g.CacheDir) != nil {
		return
	}
	_ = fileio.WriteAtomic(path, data) // a copy: failing to keep it costs time only
}

// folderSig is what changes when a file is added to or removed from a
// circle's vettings/, seen/ or service/; "" (do not cache) when either is a link
// or cannot be read.
func (g Register) folderSig(folder string) string {
	sig := ""
	for _, kind := range []string{"vettings", seenDir, serviceDir} {
		fi, err := os.Lstat(filepath.Join(g.Dir, folder, kind))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			sig += kind + ":none;"
		case err != nil || !fi.IsDir():
			return ""
		default:
			sig += fmt.Sprintf("%s:%d:%d;", kind, fi.ModTime().UnixNano(), fi.Size())
		}
	}
	return sig
}

// fromCache is the cached entry for circle c, brought up to date with its
// current metadata and today's re-vet due; ok is false on a miss.
func fromCache(p *checklist.Pack, ce cacheEntry, sig string, c Circle, now time.Time) (Entry, []Problem, bool) {
	if sig == "" || ce.Sig != sig {
		return Entry{}, nil, false
	}
	e := ce.Entry
	e.ID, e.Name, e.Aliases, e.Folder = c.ID, c.Name, c.Aliases, c.Folder
	if e.RedFlags == nil {
		e.RedFlags = []string{}
	}
	refreshRevet(p, &e, now)
	var problems []Problem
	for _, pr := range ce.Problems {
		problems = append(problems, Problem{File: pr.File, Err: errors.New(pr.Err)})
	}
	return e, problems, true
}

func toCache(sig string, e Entry, problems []Problem) cacheEntry {
	ce := cacheEntry{Sig: sig, Entry: e}
	for _, p := range problems {
		ce.Problems = append(ce.Problems, cachedProblem{File: p.File, Err: p.Err.Error()})
	}
	return ce
}
