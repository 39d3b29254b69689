package register

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

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
			return nil, msg.New("register.over-limit", "file", textclean.Visible(path), "limit", limit)
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
		return nil, msg.New("register.not-regular", "file", textclean.Visible(path))
	}
	if fi.Size() > limit {
		return nil, msg.New("register.too-big", "file", textclean.Visible(path), "size", fi.Size(), "limit", limit)
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
		return nil, msg.New("register.over-limit", "file", textclean.Visible(path), "limit", limit)
	}
	return data, nil
}
