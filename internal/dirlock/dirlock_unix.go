//go:build unix

package dirlock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

type handle = *os.File

// tryLock opens (creating it if need be) and flocks the lock file, without
// waiting. A lock is only good if the name still leads to the file locked:
// a previous holder removes the file before it unlocks it, and a process
// that opened it before the removal then holds a lock on a file no one
// else will find (errRetry).
func tryLock(path string) (*os.File, error) {
	// O_NOFOLLOW: a link planted as the lock file is refused, not followed;
	// O_NONBLOCK: a named pipe there cannot block the open.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("%s: a symbolic link, not a lock file; refusing to use it", filepath.ToSlash(path))
		}
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file, so not a lock file; refusing to use it", filepath.ToSlash(path))
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errBusy) {
			return nil, err
		}
		return nil, fmt.Errorf("locking %s: %w", filepath.ToSlash(path), err)
	}
	now, err := os.Lstat(path)
	if err != nil || !os.SameFile(st, now) {
		f.Close()
		return nil, errRetry
	}
	return f, nil
}

// unlock removes the lock file and then unlocks it (closing it), so that a
// process waiting on the old file retries on a new one.
func unlock(path string, f *os.File) error {
	err := os.Remove(path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
