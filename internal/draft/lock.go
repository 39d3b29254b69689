package draft

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrLocked means another vetcircle window has the draft open.
var ErrLocked = errors.New("this draft is open in another vetcircle window")

// Lock is an advisory lock on one draft, held while a window continues it,
// so that a second window on the same draft cannot silently overwrite the
// first one's answers (the last writer would win). The lock lives in a
// hidden file beside the draft, because every save replaces the draft's
// own file. The operating system releases it when the process ends, even
// after kill -9. It only binds vetcircle processes on this machine: a
// second machine syncing the same drafts folder does not see it.
type Lock struct{ f *flock.Flock }

// lockPath is the hidden lock file of a draft.
func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// TryLock takes the lock on the draft at path without waiting. It returns
// ErrLocked when another process holds it.
func TryLock(path string) (*Lock, error) {
	f := flock.New(lockPath(path), flock.SetPermissions(0o600))
	ok, err := f.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrLocked
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock. The lock file stays: removing it while another
// process waits on it would let two processes hold "the" lock.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	return l.f.Unlock()
}

// removeLock deletes a removed draft's lock file.
func removeLock(path string) {
	os.Remove(lockPath(path))
}
