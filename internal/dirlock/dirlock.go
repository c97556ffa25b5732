// Package dirlock gives one process at a time a directory: docgen runs
// that write the same output (or fetch) directory take its lock, so that
// they never interleave their files or remove each other's temporary
// files; under the lock, every temporary file docgen finds there was left
// by a run that is no longer alive.
//
// The lock is a file, Name, in the directory, locked with the operating
// system's own file locks: flock on unix, an exclusive open on Windows.
// Both are released by the kernel when the holder dies, however it dies,
// so a killed run never leaves the directory locked. The file is removed
// when the lock is released (on Windows by the kernel, as the file is
// delete-on-close); a run killed on unix leaves it, unlocked, for the next
// run to take and remove.
package dirlock

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// Name is the lock file's name in the directory: hidden, so that neither
// the go command nor docgen's page loader reads it.
const Name = ".docgen.lock"

// Lock is a held lock.
type Lock struct {
	path string
	h    handle
}

// TimeoutError reports that another process kept the lock for longer than
// the caller was willing to wait.
type TimeoutError struct {
	Path string // the lock file, slash-separated
	Wait time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("%s: another docgen run held the lock for more than %v; giving up", e.Path, e.Wait)
}

// errRetry makes Acquire try again at once: the file it locked was removed
// or replaced by its previous holder before the lock was granted.
var errRetry = errors.New("lock file replaced")

// Acquire takes the lock of dir, which must exist. If another process holds
// it, Acquire calls waiting once, with the lock file's path, and waits for
// up to timeout (not at all if timeout is 0) before it returns a
// *TimeoutError.
func Acquire(dir string, timeout time.Duration, waiting func(path string)) (*Lock, error) {
	path := filepath.Join(dir, Name)
	deadline := time.Now().Add(timeout)
	pause := 5 * time.Millisecond
	told := false
	for {
		h, err := tryLock(path)
		switch {
		case err == nil:
			return &Lock{path: path, h: h}, nil
		case errors.Is(err, errRetry):
			continue
		case !errors.Is(err, errBusy):
			return nil, err
		}
		if !told && waiting != nil {
			waiting(path)
			told = true
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, &TimeoutError{Path: filepath.ToSlash(path), Wait: timeout}
		}
		time.Sleep(min(pause, left))
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// Release gives the lock up and removes the lock file.
func (l *Lock) Release() error { return unlock(l.path, l.h) }

// errBusy is what tryLock returns while another process holds the lock.
var errBusy = errors.New("locked by another process")
