package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

type writeFunc func(path string, data []byte) error

var writers = []struct {
	name  string
	write writeFunc
}{
	{"WriteNew", WriteNew},
	{"WriteAtomic", WriteAtomic},
}

func TestWriteCreatesPrivateFile(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.md")
			data := []byte("# Circle report\n満月 🌕\n")
			if err := w.write(path, data); err != nil {
				t.Fatalf("%s(%q) = %v, want nil", w.name, path, err)
			}
			checkFile(t, path, string(data))
			checkOnlyFiles(t, dir, "report.md")
		})
	}
}

func TestWriteEmptyData(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "empty.md")
			if err := w.write(path, nil); err != nil {
				t.Fatalf("%s(%q, nil) = %v, want nil", w.name, path, err)
			}
			checkFile(t, path, "")
		})
	}
}

func TestWriteNewRefusesToOverwrite(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"regular file", func(t *testing.T, path string) {
			mustWrite(t, path, "original")
		}},
		{"symlink to file", func(t *testing.T, path string) {
			target := filepath.Join(filepath.Dir(path), "target")
			mustWrite(t, target, "original")
			if err := os.Symlink(target, path); err != nil {
				t.Skipf("symlinks unsupported: %v", err)
			}
		}},
		{"dangling symlink", func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(path), "nowhere"), path); err != nil {
				t.Skipf("symlinks unsupported: %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.md")
			tt.setup(t, path)
			before := listDir(t, dir)

			err := WriteNew(path, []byte("new"))
			if !errors.Is(err, fs.ErrExist) {
				t.Fatalf("WriteNew(%q) = %v, want an error wrapping fs.ErrExist", path, err)
			}
			want := fmt.Sprintf("save %s: a file with that name already exists", path)
			if err.Error() != want {
				t.Errorf("WriteNew(%q) error = %q, want %q", path, err, want)
			}
			if got := listDir(t, dir); !slices.Equal(got, before) {
				t.Errorf("after WriteNew(%q) folder holds %q, want %q", path, got, before)
			}
			if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() {
				checkContent(t, path, "original")
			}
		})
	}
}

// TestWriteNewLosesRace covers a file appearing between WriteNew's check
// and its link: the newcomer must survive and no temporary file may remain.
func TestWriteNewLosesRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	stubLink(t, func(oldname, newname string) error {
		mustWrite(t, newname, "theirs")
		return os.Link(oldname, newname)
	})
	err := WriteNew(path, []byte("ours"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNew(%q) = %v, want an error wrapping fs.ErrExist", path, err)
	}
	checkContent(t, path, "theirs")
	checkOnlyFiles(t, dir, "report.md")
}

// TestWriteNewWithoutHardLinks covers file systems such as FAT and some
// network mounts, where link fails and WriteNew falls back to O_EXCL.
func TestWriteNewWithoutHardLinks(t *testing.T) {
	noLinks := func(oldname, newname string) error {
		return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: syscall.EPERM}
	}
	t.Run("creates", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "report.md")
		stubLink(t, noLinks)
		if err := WriteNew(path, []byte("data")); err != nil {
			t.Fatalf("WriteNew(%q) = %v, want nil", path, err)
		}
		checkFile(t, path, "data")
		checkOnlyFiles(t, dir, "report.md")
	})
	t.Run("refuses to overwrite", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "report.md")
		stubLink(t, func(oldname, newname string) error {
			mustWrite(t, newname, "theirs") // appears after the check
			return noLinks(oldname, newname)
		})
		err := WriteNew(path, []byte("ours"))
		if !errors.Is(err, fs.ErrExist) {
			t.Fatalf("WriteNew(%q) = %v, want an error wrapping fs.ErrExist", path, err)
		}
		checkContent(t, path, "theirs")
		checkOnlyFiles(t, dir, "report.md")
	})
}

func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.md")
	mustWrite(t, path, "old draft that is longer than the new one")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, []byte("new draft")); err != nil {
		t.Fatalf("WriteAtomic(%q) = %v, want nil", path, err)
	}
	checkFile(t, path, "new draft")
	checkOnlyFiles(t, dir, "draft.md")
}

func TestWriteAtomicRenameFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.md")
	mustWrite(t, path, "old")
	stubRename(t, func(oldname, newname string) error {
		return &os.LinkError{Op: "rename", Old: oldname, New: newname, Err: syscall.ENOSPC}
	})
	err := WriteAtomic(path, []byte("new"))
	want := fmt.Sprintf("save %s: the disk is full", path)
	if err == nil || err.Error() != want {
		t.Fatalf("WriteAtomic(%q) = %v, want %q", path, err, want)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("WriteAtomic(%q) = %v, want an error wrapping ENOSPC", path, err)
	}
	checkContent(t, path, "old")
	checkOnlyFiles(t, dir, "draft.md")
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		// setup prepares dir and returns the path to write and the
		// message that must follow "save <path>: ".
		setup func(t *testing.T, dir string) (path, want string)
	}{
		{"target is a folder", func(t *testing.T, dir string) (string, string) {
			path := filepath.Join(dir, "reports")
			mustMkdir(t, path)
			return path, "that path is a folder"
		}},
		{"target is a folder with trailing slash", func(t *testing.T, dir string) (string, string) {
			path := filepath.Join(dir, "reports")
			mustMkdir(t, path)
			return path + string(filepath.Separator), "that path is a folder"
		}},
		{"folder does not exist", func(t *testing.T, dir string) (string, string) {
			missing := filepath.Join(dir, "missing")
			return filepath.Join(missing, "report.md"), fmt.Sprintf("the folder %s does not exist", missing)
		}},
		{"folder is a file", func(t *testing.T, dir string) (string, string) {
			file := filepath.Join(dir, "notes")
			mustWrite(t, file, "x")
			return filepath.Join(file, "report.md"), fmt.Sprintf("%s is a file, not a folder", file)
		}},
		{"ancestor is a file", func(t *testing.T, dir string) (string, string) {
			file := filepath.Join(dir, "notes")
			mustWrite(t, file, "x")
			sub := filepath.Join(file, "sub")
			return filepath.Join(sub, "report.md"),
				fmt.Sprintf("the folder %s does not exist (%s is a file, not a folder)", sub, file)
		}},
		{"folder is not writable", unwritableFolder},
		{"name too long", func(t *testing.T, dir string) (string, string) {
			return filepath.Join(dir, strings.Repeat("a", 300)), "the name is too long"
		}},
	}
	for _, w := range writers {
		for _, tt := range tests {
			t.Run(w.name+"/"+tt.name, func(t *testing.T) {
				root := t.TempDir()
				path, reason := tt.setup(t, root)
				before := listTree(t, root)

				err := w.write(path, []byte("data"))
				want := fmt.Sprintf("save %s: %s", path, reason)
				if err == nil || err.Error() != want {
					t.Fatalf("%s(%q) = %v, want %q", w.name, path, err, want)
				}
				var e *Error
				if !errors.As(err, &e) || e.Err == nil {
					t.Errorf("%s(%q) = %#v, want an *Error wrapping the cause", w.name, path, err)
				}
				if got := Explain(err); got != reason {
					t.Errorf("Explain(%v) = %q, want %q", err, got, reason)
				}
				if got := listTree(t, root); !slices.Equal(got, before) {
					t.Errorf("after failed %s(%q) tree holds %q, want %q", w.name, path, got, before)
				}
			})
		}
	}
}

// unwritableFolder makes a folder the test cannot create files in. Root
// ignores permission bits, so there the folder's path runs through a
// regular file instead; the permission-denied wording itself is covered
// regardless of user by TestWritePermissionDenied.
func unwritableFolder(t *testing.T, dir string) (string, string) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Logf("running as root or on Windows: permission bits do not stop writes, blocking the folder with a file instead")
		file := filepath.Join(dir, "blocked")
		mustWrite(t, file, "x")
		return filepath.Join(file, "report.md"), fmt.Sprintf("%s is a file, not a folder", file)
	}
	ro := filepath.Join(dir, "readonly")
	mustMkdir(t, ro)
	if err := os.Chmod(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	return filepath.Join(ro, "report.md"), fmt.Sprintf("the folder %s is not writable (permission denied)", ro)
}

// TestWritePermissionDenied checks the wording for an unwritable folder
// even when the test runs as root, by making temp file creation fail the
// way open(2) does.
func TestWritePermissionDenied(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.md")
			stubCreateTemp(t, func(d, pattern string) (*os.File, error) {
				return nil, &fs.PathError{Op: "open", Path: filepath.Join(d, pattern), Err: syscall.EACCES}
			})
			err := w.write(path, []byte("data"))
			want := fmt.Sprintf("save %s: the folder %s is not writable (permission denied)", path, dir)
			if err == nil || err.Error() != want {
				t.Fatalf("%s(%q) = %v, want %q", w.name, path, err, want)
			}
			if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("%s(%q) = %v, want an error wrapping fs.ErrPermission", w.name, path, err)
			}
			checkOnlyFiles(t, dir)
		})
	}
}

func TestEnsurePrivateDir(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, root string) string
	}{
		{"new folder", func(t *testing.T, root string) string {
			return filepath.Join(root, "vetcircle")
		}},
		{"new nested folders", func(t *testing.T, root string) string {
			return filepath.Join(root, "a", "b", "vetcircle")
		}},
		{"existing open folder is tightened", func(t *testing.T, root string) string {
			p := filepath.Join(root, "vetcircle")
			mustMkdir(t, p)
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		}},
		{"existing private folder", func(t *testing.T, root string) string {
			p := filepath.Join(root, "vetcircle")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.setup(t, t.TempDir())
			if err := EnsurePrivateDir(path); err != nil {
				t.Fatalf("EnsurePrivateDir(%q) = %v, want nil", path, err)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !fi.IsDir() {
				t.Errorf("EnsurePrivateDir(%q) made a %v, want a folder", path, fi.Mode())
			}
			if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
				t.Errorf("EnsurePrivateDir(%q) mode = %v, want 0700", path, fi.Mode().Perm())
			}
		})
	}
}

func TestEnsurePrivateDirErrors(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "notes")
	mustWrite(t, file, "x")
	tests := []struct {
		path, want string
	}{
		{file, fmt.Sprintf("create folder %s: %s is a file, not a folder", file, file)},
		{filepath.Join(file, "sub"), fmt.Sprintf("create folder %s: %s is a file, not a folder", filepath.Join(file, "sub"), file)},
	}
	for _, tt := range tests {
		err := EnsurePrivateDir(tt.path)
		if err == nil || err.Error() != tt.want {
			t.Errorf("EnsurePrivateDir(%q) = %v, want %q", tt.path, err, tt.want)
		}
	}
}

func TestReason(t *testing.T) {
	path := filepath.Join("x", "y.md")
	tmp := filepath.Join("x", ".vetcircle-1.tmp")
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: tmp, Err: syscall.ENOSPC}, "the disk is full"},
		{&fs.PathError{Op: "write", Path: tmp, Err: syscall.EDQUOT}, "your disk quota is used up"},
		{&fs.PathError{Op: "open", Path: tmp, Err: syscall.EROFS}, "the folder x is on a read-only disk"},
		{&fs.PathError{Op: "open", Path: tmp, Err: syscall.EACCES}, "the folder x is not writable (permission denied)"},
		{&fs.PathError{Op: "open", Path: tmp, Err: syscall.EPERM}, "the folder x is not writable (permission denied)"},
		{&fs.PathError{Op: "open", Path: tmp, Err: syscall.ENOENT}, "the folder x does not exist"},
		{&fs.PathError{Op: "sync", Path: tmp, Err: syscall.EIO}, "the disk reported a read or write error"},
		{&os.LinkError{Op: "link", Old: tmp, New: path, Err: syscall.EEXIST}, "a file with that name already exists"},
		{&os.LinkError{Op: "rename", Old: tmp, New: path, Err: syscall.EISDIR}, "that path is a folder"},
		{&fs.PathError{Op: "write", Path: tmp, Err: syscall.EFBIG}, "something went wrong (file too large)"},
		{errors.New("odd"), "something went wrong (odd)"},
	}
	for _, tt := range tests {
		if got := reason("save", path, tt.err); got != tt.want {
			t.Errorf("reason(save, %q, %v) = %q, want %q", path, tt.err, got, tt.want)
		}
	}
}

func TestExplain(t *testing.T) {
	_, readErr := os.ReadFile(filepath.Join(t.TempDir(), "missing.yaml"))
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{readErr, "it does not exist"},
		{&fs.PathError{Op: "open", Path: "p", Err: syscall.EACCES}, "permission denied"},
		{&fs.PathError{Op: "read", Path: "p", Err: syscall.EISDIR}, "that path is a folder"},
		{fmt.Errorf("load rules: %w", &fs.PathError{Op: "write", Path: "p", Err: syscall.ENOSPC}), "the disk is full"},
		{fmt.Errorf("export: %w", newError("save", "/x/y.md", syscall.ENOSPC)), "the disk is full"},
		{errors.New("odd"), "odd"},
	}
	for _, tt := range tests {
		if got := Explain(tt.err); got != tt.want {
			t.Errorf("Explain(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func stubLink(t *testing.T, f func(oldname, newname string) error) {
	t.Helper()
	old := link
	link = f
	t.Cleanup(func() { link = old })
}

func stubCreateTemp(t *testing.T, f func(dir, pattern string) (*os.File, error)) {
	t.Helper()
	old := createTemp
	createTemp = f
	t.Cleanup(func() { createTemp = old })
}

func stubRename(t *testing.T, f func(oldname, newname string) error) {
	t.Helper()
	old := rename
	rename = f
	t.Cleanup(func() { rename = old })
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustMkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

// checkFile checks path is a regular file with mode 0600 holding want.
func checkFile(t *testing.T, path, want string) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !fi.Mode().IsRegular() {
		t.Errorf("%s mode = %v, want a regular file", path, fi.Mode())
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("%s permissions = %v, want 0600", path, fi.Mode().Perm())
	}
	checkContent(t, path, want)
}

func checkContent(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", path, got, want)
	}
}

// checkOnlyFiles checks dir holds exactly the named entries, so no
// temporary file was left behind.
func checkOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	if got := listDir(t, dir); !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// listTree lists every path under root, to show nothing was left behind.
func listTree(t *testing.T, root string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestFailedWriteLeavesNoTemp makes the write into the temporary file fail
// (as on a full disk) and checks that no temporary file is left behind.
func TestFailedWriteLeavesNoTemp(t *testing.T) {
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			dir := t.TempDir()
			old := createTemp
			t.Cleanup(func() { createTemp = old })
			createTemp = func(d, pattern string) (*os.File, error) {
				f, err := old(d, pattern)
				if err == nil {
					f.Close() // every later write fails, as on a full disk
				}
				return f, err
			}
			path := filepath.Join(dir, "report.md")
			if err := w.write(path, []byte("data")); err == nil {
				t.Fatalf("%s(%q) = nil, want an error", w.name, path)
			}
			checkOnlyFiles(t, dir)
		})
	}
}

// TestStaleTempsRemoved: a temporary file left by a killed process (a full
// copy of private answers) is removed by the next write in its folder once
// it is over an hour old; a fresh one, maybe another process's write in
// progress, stays (issue 17, item 7).
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".vetcircle-123.tmp")
	fresh := filepath.Join(dir, ".vetcircle-456.tmp")
	for _, f := range []string{stale, fresh} {
		if err := os.WriteFile(f, []byte("answers"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	if err := WriteNew(filepath.Join(dir, "new.yaml"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh temporary file was removed: %v", err)
	}
}
