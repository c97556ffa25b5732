//go:build unix && !solaris && !aix

package dirlock

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes f's flock without waiting; errBusy if another open file
// holds it (two opens in one process exclude each other too).
func lockFile(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errBusy
		case err != syscall.EINTR:
			return err
		}
	}
}
