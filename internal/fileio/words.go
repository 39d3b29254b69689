package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/vetcircle/vetcircle/internal/msg"
)

// A Kind is what went wrong with a file, as a person would be told it.
type Kind string

// The kinds of file failure vetcircle tells apart.
const (
	KindOther    Kind = ""          // anything else: the system's own words
	KindExists   Kind = "exists"    // the name is taken
	KindIsFolder Kind = "is-folder" // a folder where a file was wanted
	KindDenied   Kind = "denied"    // permission denied
	KindReadOnly Kind = "read-only" // a read-only disk
	KindFull     Kind = "full"      // the disk is full
	KindQuota    Kind = "quota"     // the disk quota is used up
	KindTooLong  Kind = "too-long"  // the name is too long
	KindNotDir   Kind = "not-dir"   // part of the path is a file
	KindMissing  Kind = "missing"   // it does not exist
	KindIO       Kind = "io"        // the disk failed
	KindPipe     Kind = "pipe"      // the reader closed the pipe
	KindClosed   Kind = "closed"    // the file (standard output) is closed
)

// KindOf is the one place an error from the system is sorted into a Kind.
func KindOf(err error) Kind {
	var errno syscall.Errno
	errors.As(err, &errno)
	switch {
	case errors.Is(err, fs.ErrExist):
		return KindExists
	case errno == syscall.EISDIR:
		return KindIsFolder
	case errors.Is(err, fs.ErrPermission):
		return KindDenied
	case errno == syscall.EROFS:
		return KindReadOnly
	case errno == syscall.ENOSPC:
		return KindFull
	case errno == syscall.EDQUOT:
		return KindQuota
	case errno == syscall.ENAMETOOLONG:
		return KindTooLong
	case errno == syscall.ENOTDIR:
		return KindNotDir
	case errors.Is(err, fs.ErrNotExist):
		return KindMissing
	case errno == syscall.EIO:
		return KindIO
	case errno == syscall.EPIPE:
		return KindPipe
	case errno == syscall.EBADF, errors.Is(err, os.ErrClosed):
		return KindClosed
	}
	return KindOther
}

// words is every sentence vetcircle says about a failed file operation,
// in one table so that a translation is made in one place. A key is a
// Kind, or a Kind and where it happened: "/in" with the folder to blame
// (saving), "/output" for standard output, "/input" for a file given to
// read (with its name). Values are fmt formats.
var words = map[string]string{
	"exists":    "a file with that name already exists",
	"is-folder": "that path is a folder",
	"denied":    "permission denied",
	"full":      "the disk is full",
	"quota":     "your disk quota is used up",
	"too-long":  "the name is too long",
	"not-dir":   "part of that path is a file, not a folder",
	"missing":   "it does not exist",
	"io":        "the disk reported a read or write error",

	"denied/in":          "the folder %s is not writable (permission denied)",
	"read-only/in":       "the folder %s is on a read-only disk",
	"missing/in":         "the folder %s does not exist",
	"not-dir/in":         "the folder %s does not exist (part of that path is a file)",
	"not-dir/file":       "%s is a file, not a folder",
	"not-dir/in-because": "the folder %s does not exist (%s is a file, not a folder)",
	"other/in":           "something went wrong (%v)",
	"denied/owner":       "the folder exists but belongs to someone else, so it cannot be made private (permission denied)",

	"full/output":   "no space left on the device (a full disk, or /dev/full)",
	"pipe/output":   "the program reading it has closed the pipe",
	"closed/output": "standard output is closed",

	"missing/input": "%s: no such file (check the name, and the folder you run vetcircle from)",
	"denied/input":  "%s: permission denied (copy it somewhere you can read, or ask its owner)",
}

// Words is the sentence for key (see words) with args filled in, and
// whether the table has one.
func Words(key string, args ...any) (string, bool) {
	f, ok := words[key]
	if !ok {
		return "", false
	}
	if len(args) == 0 {
		return f, true
	}
	return fmt.Sprintf(f, args...), true
}

// say is Words for a key the table is known to hold.
func say(key string, args ...any) string {
	s, _ := Words(key, args...)
	return s
}

// argNames names the arguments of a words key for a catalog ({dir},
// {file}, {reason}), in the order the key takes them.
func argNames(key string) []string {
	switch key {
	case "not-dir/file":
		return []string{"file"}
	case "not-dir/in-because":
		return []string{"dir", "file"}
	case "other/in":
		return []string{"reason"}
	case "missing/input", "denied/input":
		return []string{"file"}
	}
	if strings.HasSuffix(key, "/in") {
		return []string{"dir"}
	}
	return nil
}

// tellKey says words key in c's language: the catalog's "file.<key>".
func tellKey(c msg.Catalog, key string, args ...any) string {
	names := argNames(key)
	var pairs []string
	for i, a := range args {
		if i < len(names) {
			pairs = append(pairs, names[i], fmt.Sprint(a))
		}
	}
	return c.Tf("file."+key, pairs...)
}

// WordKeys lists the keys of the words table, for the test that each has
// its sentence in every catalog (as "file.<key>").
func WordKeys() []string {
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	return keys
}
