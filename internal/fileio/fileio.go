// Package fileio saves vetcircle's files privately and safely.
//
// Saved vetting reports and drafts can describe people's drug use and
// mental health, so every file is written with mode 0600 inside folders
// made with mode 0700. Writes go to a temporary file that is synced before
// it takes the final name, so a crash or a full disk never leaves a
// half-written report in place of a good one. WriteNew never replaces an
// existing file; WriteAtomic does, and is for when the user has agreed to
// overwrite or for drafts that are meant to be replaced.
//
// Errors say in plain words what went wrong and where, for example
// "save /home/a/report.md: the folder /home/a is not writable (permission
// denied)", and wrap the underlying cause so errors.Is still works. Those
// words, and what every other command says of a failed file operation
// (standard output full or closed, a file given to read that is missing),
// come from one table (words.go): KindOf sorts the system's error, Words
// says it.
package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/vetcircle/vetcircle/internal/msg"
)

const (
	fileMode = 0o600
	dirMode  = 0o700

	// tempPattern names temporary files. The leading dot hides them from
	// casual listings in the rare case one survives a crash.
	tempPattern = ".vetcircle-*.tmp"
)

// Replaced in tests to exercise failure paths.
var (
	createTemp = os.CreateTemp
	link       = os.Link
	rename     = os.Rename
)

// Error is a file operation that failed, described for a person.
type Error struct {
	Op     string // what was being done: "save" or "create folder"
	Path   string // the path the caller asked for
	Reason string // what went wrong, in plain words (English)
	Err    error  // the underlying cause
	// key and args name Reason in the one table (words), so a catalog can
	// say it in the reader's language (Tell).
	key  string
	args []any
}

func (e *Error) Error() string { return e.Op + " " + e.Path + ": " + e.Reason }

func (e *Error) Unwrap() error { return e.Err }

// WriteNew saves data to path with mode 0600 without ever replacing an
// existing file. If path exists the error wraps fs.ErrExist.
//
// The data is written and synced to a temporary file in the same folder,
// which is then hard-linked to path; linking fails rather than replace, so
// readers see either no file or the complete file. On file systems without
// hard links it falls back to creating path exclusively and writing it
// directly.
func WriteNew(path string, data []byte) error {
	if fi, err := os.Lstat(path); err == nil {
		if fi.IsDir() {
			return newError("save", path, syscall.EISDIR)
		}
		return newError("save", path, fs.ErrExist)
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)

	if err := link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			// Someone created path since the check above.
			return newError("save", path, err)
		}
		if err := writeExclusive(path, data); err != nil {
			return err
		}
	}
	syncDir(filepath.Dir(path))
	return nil
}

// WriteAtomic saves data to path with mode 0600, replacing any existing
// file in one step, so path always holds either the old or the new content.
// Use it once the user has agreed to overwrite, and for drafts.
func WriteAtomic(path string, data []byte) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return newError("save", path, syscall.EISDIR)
	}
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return newError("save", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// EnsurePrivateDir creates the folder path and any missing parents with
// mode 0700. If path already exists it is made 0700, so other users on the
// machine cannot list or read what vetcircle keeps there. Existing parents
// are left as they are.
func EnsurePrivateDir(path string) error {
	if err := os.MkdirAll(path, dirMode); err != nil {
		return newError("create folder", path, err)
	}
	// MkdirAll leaves an existing folder's mode alone and the umask may
	// have narrowed a new one; either way, set it exactly.
	if err := os.Chmod(path, dirMode); err != nil {
		e := newError("create folder", path, err)
		if errors.Is(err, fs.ErrPermission) {
			e.key, e.args = "denied/owner", nil
			e.Reason = say(e.key)
		}
		return e
	}
	return nil
}

// writeTemp writes data to a new temporary file next to path, with mode
// 0600, and syncs it. It returns the temporary file's name; on error no
// temporary file is left behind.
func writeTemp(path string, data []byte) (_ string, err error) {
	RemoveStaleTemps(filepath.Dir(path), time.Now())
	f, err := createTemp(filepath.Dir(path), tempPattern)
	if err != nil {
		return "", newError("save", path, err)
	}
	// The cleanup must use its own copy of the name: every error return
	// below clears the result, and os.Remove("") would leave the file.
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	// CreateTemp already uses 0600 but says so only in its docs; the mode
	// is the point of this package, so set it explicitly.
	if err := f.Chmod(fileMode); err != nil {
		return "", newError("save", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return "", newError("save", path, err)
	}
	if err := f.Sync(); err != nil {
		return "", newError("save", path, err)
	}
	if err := f.Close(); err != nil {
		return "", newError("save", path, err)
	}
	return tmp, nil
}

// StaleAfter is how old a temporary file must be before a later write in
// its folder removes it: one left by a process killed mid-write (kill -9,
// a power cut) is a full copy of private answers that nothing else would
// ever remove. A write in progress takes milliseconds, so an hour is far
// past any live one.
const StaleAfter = time.Hour

// RemoveStaleTemps removes the folder's temporary files older than
// StaleAfter, best effort: a write never fails for it. Every write does it
// in its own folder; a caller that writes beside a folder that is itself
// rarely written (a circle's, which holds only its metadata) calls it too.
func RemoveStaleTemps(dir string, now time.Time) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if ok, _ := filepath.Match(tempPattern, e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > StaleAfter {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// writeExclusive creates path, failing if it exists, and writes data to
// it. It is the fallback for file systems without hard links; unlike the
// link it is not atomic, so on failure it removes the partial file.
func writeExclusive(path string, data []byte) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return newError("save", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(path)
		}
	}()
	if err := f.Chmod(fileMode); err != nil {
		return newError("save", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return newError("save", path, err)
	}
	if err := f.Sync(); err != nil {
		return newError("save", path, err)
	}
	if err := f.Close(); err != nil {
		return newError("save", path, err)
	}
	return nil
}

// syncDir makes a new directory entry durable. It is best effort: some
// systems (Windows, some network file systems) cannot sync a directory, and
// the file's own data is already synced.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

func newError(op, path string, err error) *Error {
	key, args := reasonKey(op, path, err)
	return &Error{Op: op, Path: path, Reason: say(key, args...), Err: err, key: key, args: args}
}

// Tell says e in c's words: the catalog's "file.op.<op>" around its
// "file.<key>" (file.yaml keys mirror words), the paths as they are.
func (e *Error) Tell(c msg.Catalog) string {
	if e.key == "" {
		return e.Error()
	}
	return c.Tf("file.op."+strings.ReplaceAll(e.Op, " ", "-"), "path", e.Path, "reason", tellKey(c, e.key, e.args...))
}

// reasonKey names err, which happened during op on path: a key of words
// and its arguments.
func reasonKey(op, path string, err error) (string, []any) {
	// The folder to blame is the parent of whatever the system call was
	// working on: the temporary file's folder when saving, or the first
	// folder MkdirAll could not create.
	dir := filepath.Dir(failedPath(err, path))
	switch k := KindOf(err); k {
	case KindDenied, KindReadOnly, KindMissing:
		return string(k) + "/in", []any{dir}
	case KindNotDir:
		want := path
		if op == "save" {
			want = filepath.Dir(path)
		}
		f := fileInPath(failedPath(err, path))
		switch {
		case f == "":
			return "not-dir/in", []any{want}
		case f == want || op != "save":
			return "not-dir/file", []any{f}
		default:
			return "not-dir/in-because", []any{want, f}
		}
	case KindExists, KindIsFolder, KindFull, KindQuota, KindTooLong, KindIO:
		return string(k), nil
	}
	return "other/in", []any{cause(err)}
}

// failedPath returns the path named in err, or def if it names none.
func failedPath(err error, def string) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != "" {
		return pe.Path
	}
	var le *os.LinkError
	if errors.As(err, &le) && le.New != "" {
		return le.New
	}
	return def
}

// fileInPath returns the nearest of p and its ancestors that exists, or ""
// if that one is a folder.
func fileInPath(p string) string {
	for {
		if fi, err := os.Stat(p); err == nil {
			if fi.IsDir() {
				return ""
			}
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return ""
		}
		p = parent
	}
}

// cause strips the operation and path from err, which the caller's message
// already gives, leaving only what the system said.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// Explain describes err in plain words for showing to a person, without
// the operation and path. For errors from this package that is the Reason;
// for other file errors, such as from os.ReadFile, it says what the system
// reported without jargon where it can.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	switch k := KindOf(err); k {
	case KindMissing, KindExists, KindDenied, KindIsFolder, KindNotDir, KindFull:
		return say(string(k))
	}
	return cause(err).Error()
}

// ExplainIn is Explain in c's words: the reason a person reads in the
// walkthrough's save and draft lines, in the language of everything else
// on the screen. A nil catalog says it in English.
func ExplainIn(c msg.Catalog, err error) string {
	if c == nil || err == nil {
		return Explain(err)
	}
	var e *Error
	if errors.As(err, &e) {
		if e.key == "" {
			return e.Reason
		}
		return tellKey(c, e.key, e.args...)
	}
	switch k := KindOf(err); k {
	case KindMissing, KindExists, KindDenied, KindIsFolder, KindNotDir, KindFull:
		return tellKey(c, string(k))
	}
	return cause(err).Error()
}

// reason describes err, which happened during op on path, in plain words
// (English, the table's own).
func reason(op, path string, err error) string {
	key, args := reasonKey(op, path, err)
	return say(key, args...)
}

// Wrap is an *Error for op on path that failed with err, whose reason is
// Explain's (the kind of failure, without a folder to blame), told in the
// reader's language by Tell where the kind has words.
func Wrap(op, path string, err error) *Error {
	e := &Error{Op: op, Path: path, Reason: Explain(err), Err: err}
	switch k := KindOf(err); k {
	case KindMissing, KindExists, KindDenied, KindIsFolder, KindNotDir, KindFull:
		e.key = string(k)
	}
	return e
}
