package register

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// A circle's folder holds its identity in circle.yaml, written once and
// never rewritten, byte for byte the same on every machine that adds the
// circle (version, id, exact name: no time, no machine), so two copies of a
// shared register that both added it agree without a merge. A rename is a
// new file in names/, never an edit: the ID stays, every earlier name stays
// an alias that still finds the circle.
//
// The file describes the circle only. Who vetted it and when lives in each
// vetting's own provenance; a record of a person (issue 19) belongs beside
// the circles, never inside a circle's metadata.
const (
	metaFile  = "circle.yaml"
	namesDir  = "names"
	maxMeta   = 4 << 10
	metaIntro = "# vetcircle circle: its identity, written once; a rename adds a file under names/\n"
)

// Circle is one circle's identity, read from its metadata.
type Circle struct {
	// ID is Name's ID as the circle was first kept; a rename keeps it.
	ID string `json:"id"`
	// Name is the circle's current name: the latest rename, else the first.
	Name string `json:"name"`
	// Aliases are its earlier names, oldest first.
	Aliases []string `json:"aliases"`
	// Folder is its folder under the register.
	Folder string `json:"folder"`
}

// names is every name the circle answers to.
func (c Circle) names() []string { return append([]string{c.Name}, c.Aliases...) }

// marshalMeta is circle.yaml (with id) or a names/ file (without).
func marshalMeta(id, name string) []byte {
	var b bytes.Buffer
	b.WriteString(metaIntro)
	b.WriteString("version: 1\n")
	if id != "" {
		b.WriteString("id: " + id + "\n")
	}
	q, _ := json.Marshal(name) // JSON strings are YAML double-quoted strings
	q = bytes.ReplaceAll(q, []byte(`\u003c`), []byte("<"))
	q = bytes.ReplaceAll(q, []byte(`\u003e`), []byte(">"))
	q = bytes.ReplaceAll(q, []byte(`\u0026`), []byte("&"))
	b.WriteString("name: " + string(q) + "\n")
	return b.Bytes()
}

// parseMeta reads what marshalMeta writes, strictly: a metadata file is
// small, its keys known, its name a valid name whose ID is the id given.
func parseMeta(path string, wantID bool) (id, name string, err error) {
	data, err := readListed(path, maxMeta)
	if err != nil {
		return "", "", err
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		bad := func(why error) error {
			return msg.Wrap(why, "register.meta.at", "file", textclean.Visible(path), "line", n, "reason", why)
		}
		if !ok || seen[k] {
			return "", "", bad(msg.New("register.meta.expected"))
		}
		seen[k] = true
		switch k {
		case "version":
			if v != "1" {
				return "", "", bad(msg.New("register.meta.version"))
			}
		case "id":
			if !wantID || !isID(v) {
				return "", "", bad(msg.New("register.meta.id"))
			}
			id = v
		case "name":
			if err := json.Unmarshal([]byte(v), &name); err != nil || !strings.HasPrefix(v, `"`) {
				return "", "", bad(msg.New("register.meta.name"))
			}
			if err := CheckName(name); err != nil {
				return "", "", bad(err)
			}
		default:
			return "", "", bad(msg.New("register.meta.unknown", "key", strconv.Quote(k)))
		}
	}
	if !seen["version"] || !seen["name"] || (wantID && id == "") {
		return "", "", msg.New(map[bool]string{false: "register.meta.needs", true: "register.meta.needs-id"}[wantID], "file", textclean.Visible(path))
	}
	if wantID && id != ID(name) {
		return "", "", msg.New("register.meta.id-mismatch", "file", textclean.Visible(path), "id", id, "name", strconv.Quote(name), "want", ID(name))
	}
	return id, name, nil
}

// readCircle reads a circle folder's metadata; ok is false for a folder of
// the old layout (no circle.yaml).
func (g Register) readCircle(folder string) (c Circle, ok bool, err error) {
	dir := filepath.Join(g.Dir, folder)
	id, name, err := parseMeta(filepath.Join(dir, metaFile), true)
	if errors.Is(err, fs.ErrNotExist) {
		return Circle{}, false, nil
	}
	if err != nil {
		return Circle{}, true, err
	}
	if folderID(folder) != id {
		return Circle{}, true, msg.New("register.folder-id", "dir", textclean.Visible(dir), "id", id)
	}
	c = Circle{ID: id, Name: name, Folder: folder, Aliases: []string{}}
	renames, _ := regularFiles(filepath.Join(dir, namesDir))
	for _, f := range renames {
		_, n, err := parseMeta(f, false)
		if err != nil {
			return c, true, err
		}
		if Key(n) != Key(c.Name) {
			c.Aliases = append(c.Aliases, c.Name)
			c.Name = n
		}
	}
	// An alias that is the current name again is no alias.
	c.Aliases = slices.DeleteFunc(c.Aliases, func(a string) bool { return Key(a) == Key(c.Name) })
	return c, true, nil
}

// Index reads every circle's metadata, and nothing else: a name lookup
// never reads a vetting. A folder of the old layout is listed in Legacy
// for Migrate; a folder that cannot be read (a symbolic link, a corrupt
// circle.yaml) is a problem, named.
func (g Register) Index() (circles []Circle, legacy []string, problems []Problem, err error) {
	entries, err := os.ReadDir(g.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil, nil
	}
	if err != nil {
		return nil, nil, nil, msg.Wrap(err, "register.read", "dir", g.Dir, "reason", err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // .git, a synced drive's own files, temporary files
		}
		if e.Type()&fs.ModeSymlink != 0 {
			problems = append(problems, Problem{File: filepath.Join(g.Dir, name), Err: linkError(filepath.Join(g.Dir, name))})
			continue
		}
		if !e.IsDir() {
			continue
		}
		c, ok, err := g.readCircle(name)
		switch {
		case err != nil:
			problems = append(problems, Problem{File: filepath.Join(g.Dir, name), Err: err})
		case !ok:
			legacy = append(legacy, name)
		default:
			circles = append(circles, c)
		}
	}
	return circles, legacy, problems, nil
}

// NotFoundError is a name that finds no circle, with the close ones.
type NotFoundError struct {
	Name    string
	Similar []Circle
}

func (e *NotFoundError) Error() string { return e.Tell(msg.Default()) }

// Tell says e in c's language, with the close names.
func (e *NotFoundError) Tell(c msg.Catalog) string {
	name := textclean.Visible(e.Name)
	if len(e.Similar) > 0 {
		var names []string
		for _, s := range e.Similar {
			names = append(names, textclean.Visible(s.Name))
		}
		return c.Tf("register.not-found.close", "name", name, "close", strings.Join(names, " "+c.Tf("cond.or")+" "))
	}
	return c.Tf("register.not-found", "name", name)
}

// AmbiguousError is a name that finds several circles.
type AmbiguousError struct {
	Name    string
	Matches []Circle
}

func (e *AmbiguousError) Error() string { return e.Tell(msg.Default()) }

// Tell says e in c's language, with each circle's name and ID.
func (e *AmbiguousError) Tell(c msg.Catalog) string {
	var names []string
	for _, m := range e.Matches {
		names = append(names, fmt.Sprintf("%s (%s)", textclean.Visible(m.Name), m.ID))
	}
	return c.Tf("register.ambiguous", "name", textclean.Visible(e.Name), "circles", strings.Join(names, ", "))
}

// Lookup finds the circle a person names: its ID, its folder's name, or
// its name or an alias compared by Key (case-insensitive), else without
// accents when that finds one circle only. Nothing else: a part of a name
// or a typo is a NotFoundError carrying the close names, never a guess.
func (g Register) Lookup(name string) (Circle, error) {
	if err := CheckName(name); err != nil {
		return Circle{}, err
	}
	// The exact name (any case) has a folder of its own: found there, it
	// costs one circle's metadata, not the whole register's.
	if c, ok, err := g.readCircle(Folder(name)); err == nil && ok &&
		slices.ContainsFunc(c.names(), func(n string) bool { return Key(n) == Key(name) }) {
		return c, nil
	}
	// An ID, or a folder's name: one listing of the root, one metadata.
	if want := strings.TrimSpace(name); isID(want) || folderID(want) != "" {
		if entries, err := os.ReadDir(g.Dir); err == nil {
			for _, e := range entries {
				if e.IsDir() && (e.Name() == want || folderID(e.Name()) == want) {
					if c, ok, err := g.readCircle(e.Name()); err == nil && ok {
						return c, nil
					}
				}
			}
		}
	}
	circles, _, _, err := g.Index()
	if err != nil {
		return Circle{}, err
	}
	return lookup(circles, name)
}

func lookup(circles []Circle, name string) (Circle, error) {
	want := strings.TrimSpace(name)
	for _, c := range circles {
		if want == c.ID || want == c.Folder {
			return c, nil
		}
	}
	match := func(key func(string) string) []Circle {
		k := key(name)
		var out []Circle
		for _, c := range circles {
			if slices.ContainsFunc(c.names(), func(n string) bool { return key(n) == k }) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, key := range []func(string) string{Key, looseKey} {
		switch m := match(key); len(m) {
		case 0:
		case 1:
			return m[0], nil
		default:
			return Circle{}, &AmbiguousError{Name: name, Matches: m}
		}
	}
	return Circle{}, &NotFoundError{Name: name, Similar: similar(circles, name)}
}

// similar is up to three circles whose names are close to name: within a
// few edits of the whole name, of its start, or of one of its words (a
// typo: "thurzday"), or holding it ("harbor kap"), closest first.
func similar(circles []Circle, name string) []Circle {
	k := []rune(looseKey(name))
	limit := max(1, len(k)/3)
	type hit struct {
		c Circle
		d int
	}
	var hits []hit
	for _, c := range circles {
		best := -1
		for _, n := range c.names() {
			nk := []rune(looseKey(n))
			cands := []int{distance(k, nk)}
			if len(nk) > len(k) {
				cands = append(cands, distance(k, nk[:len(k)])+1)
			}
			for _, w := range strings.Fields(string(nk)) {
				cands = append(cands, distance(k, []rune(w))+1)
			}
			if len(k) >= 3 && strings.Contains(string(nk), string(k)) {
				cands = append(cands, 1)
			}
			for _, d := range cands {
				if d <= limit+1 && (best < 0 || d < best) {
					best = d
				}
			}
		}
		if best >= 0 {
			hits = append(hits, hit{c, best})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.c.Name, b.c.Name)
	})
	// Only the closest: a typo of one name is not also "did you mean" a
	// name it shares a word with.
	var out []Circle
	for _, h := range hits[:min(3, len(hits))] {
		if h.d <= hits[0].d+1 {
			out = append(out, h.c)
		}
	}
	return out
}

// distance is the Levenshtein distance between a and b in runes, cut off
// for long inputs (a name is at most 200 runes).
func distance(ra, rb []rune) int {
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Ensure is the circle named name, kept on purpose (a vetting added, a
// check-in with --new): the one the name finds by Key (its name or an
// alias), else a new circle whose metadata is written now. Accent-only
// matches are not the same circle here: "Cafe" and "Café" are two names.
func (g Register) Ensure(name string) (Circle, error) {
	if err := CheckName(name); err != nil {
		return Circle{}, err
	}
	circles, _, _, err := g.Index()
	if err != nil {
		return Circle{}, err
	}
	return g.ensureIn(&circles, name)
}

// ensureIn is Ensure within an index already read, which it extends.
func (g Register) ensureIn(circles *[]Circle, name string) (Circle, error) {
	if err := CheckName(name); err != nil {
		return Circle{}, err
	}
	k := Key(name)
	for _, c := range *circles {
		if slices.ContainsFunc(c.names(), func(n string) bool { return Key(n) == k }) {
			return c, nil
		}
	}
	c := Circle{ID: ID(name), Name: strings.TrimSpace(name), Folder: Folder(name), Aliases: []string{}}
	if err := g.writeMeta(c); err != nil {
		return Circle{}, err
	}
	*circles = append(*circles, c)
	return c, nil
}

// writeMeta writes a new circle's circle.yaml; one already there (the same
// circle added by another window or machine) must hold the same name.
func (g Register) writeMeta(c Circle) error {
	dir, err := g.mkdirs(c.Folder)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, metaFile)
	err = fileio.WriteNew(path, marshalMeta(c.ID, c.Name))
	if errors.Is(err, fs.ErrExist) {
		_, name, rerr := parseMeta(path, true)
		if rerr != nil {
			return rerr
		}
		if Key(name) != Key(c.Name) {
			return msg.New("register.same-id", "dir", textclean.Visible(dir), "name", strconv.Quote(name), "new", strconv.Quote(c.Name))
		}
		return nil
	}
	return err
}

// Rename gives a circle a new name, keeping its ID, folder and history:
// the old name stays an alias. A name another circle answers to is
// refused.
func (g Register) Rename(c Circle, name string, now time.Time) (Circle, error) {
	if err := CheckName(name); err != nil {
		return c, err
	}
	circles, _, _, err := g.Index()
	if err != nil {
		return c, err
	}
	k := Key(name)
	for _, o := range circles {
		if o.ID != c.ID && slices.ContainsFunc(o.names(), func(n string) bool { return Key(n) == k }) {
			return c, msg.New("register.name-taken", "name", textclean.Visible(name), "id", o.ID)
		}
	}
	dir, err := g.mkdirs(c.Folder, namesDir)
	if err != nil {
		return c, err
	}
	if err := fileio.WriteNew(filepath.Join(dir, fileName(now)), marshalMeta("", strings.TrimSpace(name))); err != nil {
		return c, err
	}
	nc, _, err := g.readCircle(c.Folder)
	return nc, err
}
