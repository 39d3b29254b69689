package register

import (
	"io/fs"
	"os"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
)

// The file handling of the register, for another private folder laid out
// the same way (a person's record): folders made one at a time, 0700, never
// through a link; files written once, atomically, 0600, named by time; read
// with the answers files' limits, never through a link.

// Mkdirs makes the folders parts under g.Dir (see mkdirs) and returns the
// last one.
func (g Register) Mkdirs(parts ...string) (string, error) { return g.mkdirs(parts...) }

// WriteNewFile writes data as a new file in dir (made by Mkdirs), named by
// now, clearing temporary files a killed write left there.
func WriteNewFile(dir string, data []byte, now time.Time) (string, error) {
	fileio.RemoveStaleTemps(dir, time.Now())
	path := dir + string(os.PathSeparator) + fileName(now)
	if err := fileio.WriteNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// ListFiles lists dir's .yaml regular files by name, oldest first; none
// when it is missing; an error when it is a link.
func ListFiles(dir string) ([]string, error) {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, linkError(dir)
	}
	return regularFiles(dir)
}

// ReadFile reads a regular file of at most the answers files' size limit,
// never through a link.
func ReadFile(path string) ([]byte, error) { return readSmall(path) }

// ReadMeta reads a metadata file's name (circle.yaml's format without an
// ID): how a person's record keeps its alias.
func ReadMeta(path string) (string, error) {
	_, name, err := parseMeta(path, false)
	return name, err
}

// ReadCheckins reads check-in files in date order, naming those that do not
// read.
func ReadCheckins(p *checklist.Pack, files []string) ([]checklist.Checkin, []Problem) {
	return readCheckins(p, files)
}

// LatestReadable is the newest of files that reads as an answers file.
func LatestReadable(p *checklist.Pack, files []string) (*checklist.Answers, string, []Problem) {
	return latestReadable(p, files)
}
