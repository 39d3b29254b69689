package register

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/report"
)

// Migrate moves the folders of the old layout (a folder per slug, no
// circle.yaml, where two names could share a folder) to circles of their
// own, file by file, by the name each file holds:
//
//   - a vetting goes to the circle its circle.name names (one that does
//     not read, to the circle of the folder's newest vetting that does);
//   - a check-in goes to the circle its name names when that is one of the
//     folder's vetted names, else to the newest vetting's circle (the old
//     layout found a folder from a part of its name: "thursday" filed into
//     "Thursday KAP Circle"); in a folder never vetted, to the newest
//     check-in's name.
//
// Files keep their names (time and random suffix), so a migration that is
// cut short (kill -9, a full disk) is simply run again: a file already
// moved is recognised by its bytes. The old folder's files are removed
// only once their copies are synced; anything else in it stays.
func (g Register) Migrate(p *checklist.Pack) (moved []string, problems []Problem, err error) {
	circles, legacy, _, err := g.Index()
	if err != nil || len(legacy) == 0 {
		return nil, nil, err
	}
	for _, folder := range legacy {
		names, bad, err := g.migrateFolder(p, &circles, folder)
		problems = append(problems, bad...)
		if err != nil {
			problems = append(problems, Problem{File: filepath.Join(g.Dir, folder), Err: msg.Wrap(err, "register.migrate-failed", "reason", err)})
			continue
		}
		moved = append(moved, names...)
	}
	return moved, problems, nil
}

// legacyFile is one file of an old folder and the circle it goes to.
type legacyFile struct {
	path, kind, name string
	data             []byte
}

func (g Register) migrateFolder(p *checklist.Pack, circles *[]Circle, folder string) ([]string, []Problem, error) {
	dir := filepath.Join(g.Dir, folder)
	var files []legacyFile
	var problems []Problem
	vetted := map[string]string{} // Key -> name, of the folder's vettings
	latestVetted, latestCheckin := "", ""
	for _, kind := range []string{"vettings", "checkins"} {
		paths, err := g.files(folder, kind)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range paths {
			data, err := readSmall(f)
			lf := legacyFile{path: f, kind: kind, data: data}
			if err == nil {
				switch kind {
				case "vettings":
					var a *checklist.Answers
					if a, err = checklist.ParseAnswers(p, f, data); err == nil {
						if n := report.Build(p, a, report.Options{}).Circle.Name; CheckName(n) == nil {
							lf.name, latestVetted = n, n
							vetted[Key(n)] = n
						}
					}
				case "checkins":
					var c *checklist.Checkin
					if c, err = checklist.ParseCheckin(p, f, data); err == nil && CheckName(c.Circle) == nil {
						lf.name, latestCheckin = c.Circle, c.Circle
					}
				}
			}
			if err != nil && data == nil {
				// Too big, or not a file: left where it is, and named.
				problems = append(problems, Problem{File: f, Err: err})
				continue
			}
			files = append(files, lf)
		}
	}
	if len(files) == 0 {
		return nil, problems, nil
	}
	fallback := latestVetted
	if fallback == "" {
		fallback = latestCheckin
	}
	if fallback == "" {
		fallback = folder
	}
	var moved []string
	seen := map[string]bool{}
	for i := range files {
		f := &files[i]
		switch {
		case f.name == "":
			f.name = fallback
		case f.kind == "checkins" && len(vetted) > 0:
			if n, ok := vetted[Key(f.name)]; ok {
				f.name = n
			} else {
				f.name = fallback
			}
		}
		c, err := g.ensureIn(circles, f.name)
		if err != nil {
			return moved, problems, err
		}
		if !seen[c.ID] {
			seen[c.ID] = true
			moved = append(moved, c.Name)
		}
		to, err := g.mkdirs(c.Folder, f.kind)
		if err != nil {
			return moved, problems, err
		}
		dst := filepath.Join(to, filepath.Base(f.path))
		if err := fileio.WriteNew(dst, f.data); errors.Is(err, fs.ErrExist) {
			if have, rerr := readSmall(dst); rerr != nil || !bytes.Equal(have, f.data) {
				return moved, problems, msg.New("register.exists-other", "file", dst)
			}
		} else if err != nil {
			return moved, problems, err
		}
	}
	// Every copy is in place and synced: the originals go, then the
	// folders if nothing else is left in them.
	for _, f := range files {
		if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return moved, problems, err
		}
	}
	for _, kind := range []string{"vettings", "checkins"} {
		_ = os.Remove(filepath.Join(dir, kind))
	}
	_ = os.Remove(dir)
	return moved, problems, nil
}
