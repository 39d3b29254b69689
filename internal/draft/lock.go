package draft

import (
	"bufio"
	"os"
	"path/filepath"
	"sync"

	"github.com/gofrs/flock"

	"github.com/vetcircle/vetcircle/internal/msg"
)

// ErrLocked means another vetcircle window has the draft open.
var ErrLocked error = msg.New("draft.err.locked")

// Lock is an advisory lock on one draft, held while a window writes it, so
// that a second window on the same draft cannot silently overwrite the
// first one's answers (the last writer would win). The lock lives in a
// hidden file beside the draft, because every save replaces the draft's
// own file. The operating system releases it when the process ends, even
// after kill -9. It only binds vetcircle processes on this machine: a
// second machine syncing the same drafts folder does not see it.
//
// Within one process a draft's lock is shared: taking it again (the
// walkthrough continuing a draft the command line locked, or created)
// succeeds, and it is released when the last holder lets go or the draft
// is removed.
type Lock struct {
	key  string
	once sync.Once
}

type heldLock struct {
	f    *flock.Flock
	refs int
}

var held = struct {
	sync.Mutex
	m map[string]*heldLock
}{m: map[string]*heldLock{}}

// lockPath is the hidden lock file of a draft.
func lockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

func lockKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// TryLock takes the lock on the draft at path without waiting. It returns
// ErrLocked when another process holds it.
func TryLock(path string) (*Lock, error) {
	key := lockKey(path)
	held.Lock()
	defer held.Unlock()
	if h := held.m[key]; h != nil {
		h.refs++
		return &Lock{key: key}, nil
	}
	f := flock.New(lockPath(key), flock.SetPermissions(0o600))
	ok, err := f.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrLocked
	}
	held.m[key] = &heldLock{f: f, refs: 1}
	return &Lock{key: key}, nil
}

// Unlock lets go of this hold on the lock. The lock file stays: removing
// it while another process waits on it would let two processes hold
// "the" lock.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	var err error
	l.once.Do(func() {
		held.Lock()
		defer held.Unlock()
		h := held.m[l.key]
		if h == nil {
			return
		}
		if h.refs--; h.refs == 0 {
			err = h.f.Unlock()
			delete(held.m, l.key)
		}
	})
	return err
}

// releaseLock lets go of every hold this process has on a removed draft's
// lock, and deletes its lock file.
func releaseLock(path string) {
	key := lockKey(path)
	held.Lock()
	defer held.Unlock()
	if h := held.m[key]; h != nil {
		h.f.Unlock()
		delete(held.m, key)
	}
	os.Remove(lockPath(key))
}

// HoldLockEnv names a draft whose lock a process is to take and hold until
// its standard input closes. Tests start their own binary with it set, to
// stand for a second vetcircle window on the same draft.
const HoldLockEnv = "VETCIRCLE_HOLD_LOCK"

// HoldLockIfAsked is for a test binary's TestMain: when HoldLockEnv is set
// it takes that lock, prints "locked" (or "error ..." and exits 3), holds
// it until standard input closes, and exits; otherwise it returns at once.
func HoldLockIfAsked() {
	path := os.Getenv(HoldLockEnv)
	if path == "" {
		return
	}
	l, err := TryLock(path)
	if err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(3)
	}
	os.Stdout.WriteString("locked\n")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	l.Unlock()
	os.Exit(0)
}
