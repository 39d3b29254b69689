package layers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneErrnoTable: what a failed file operation is called in words is
// said in one table (internal/fileio/words.go), so it reads the same
// everywhere and is translated in one place. Any other hand-written file
// that sorts system errors by their errno, or spells out one of the
// table's sentences, is a second table.
func TestOneErrnoTable(t *testing.T) {
	const home = "fileio/words.go"
	tells := []string{
		"syscall.ENOSPC", "syscall.EACCES", "syscall.EPERM", "syscall.EROFS", "syscall.EDQUOT",
		"syscall.EPIPE", "syscall.EBADF", "syscall.EIO", "syscall.ENOTDIR", "syscall.ENAMETOOLONG",
		"disk is full", "read-only disk", "quota is used up", "no space left", "closed the pipe",
		"permission denied (",
	}
	checked := 0
	for _, root := range []string{"..", "../../cmd"} {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel := filepath.ToSlash(strings.TrimPrefix(path, "../"))
			if rel == home {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			checked++
			for _, s := range tells {
				if strings.Contains(string(data), s) {
					t.Errorf("%s mentions %q: say it through fileio.KindOf and fileio.Words (%s), the one table", rel, s, home)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the walk looking in internal/ and cmd/?", checked)
	}
}
