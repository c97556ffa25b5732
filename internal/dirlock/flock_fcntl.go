//go:build solaris || aix

package dirlock

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// lockFile takes a write lock on all of f without waiting (these systems
// have no flock); errBusy if another process holds it. Unlike flock, a
// second lock from the same process is granted.
func lockFile(f *os.File) error {
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart}
	for {
		err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EACCES):
			return errBusy
		case err != syscall.EINTR:
			return err
		}
	}
}
