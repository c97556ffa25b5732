//go:build windows

package dirlock

import (
	"errors"
	"fmt"
	"path/filepath"
	"syscall"
)

type handle = syscall.Handle

// Not in package syscall.
const (
	fileFlagDeleteOnClose = 0x04000000
	errorSharingViolation = syscall.Errno(32)
	accessDelete          = 0x00010000
)

// tryLock opens the lock file exclusively (share mode 0): while one process
// has it open, every other open fails with a sharing violation. It is
// delete-on-close, so the kernel removes it when the holder closes it or
// dies. An open during that removal is denied access; both mean: wait.
func tryLock(path string) (syscall.Handle, error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return 0, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE|accessDelete, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_HIDDEN|syscall.FILE_FLAG_OPEN_REPARSE_POINT|fileFlagDeleteOnClose, 0)
	if err != nil {
		if errors.Is(err, errorSharingViolation) || errors.Is(err, syscall.ERROR_ACCESS_DENIED) {
			return 0, errBusy
		}
		return 0, fmt.Errorf("locking %s: %w", filepath.ToSlash(path), err)
	}
	if t, err := syscall.GetFileType(h); err != nil || t != syscall.FILE_TYPE_DISK {
		syscall.CloseHandle(h)
		return 0, fmt.Errorf("%s: not a regular file, so not a lock file; refusing to use it", filepath.ToSlash(path))
	}
	return h, nil
}

// unlock closes the lock file, which removes it.
func unlock(_ string, h syscall.Handle) error { return syscall.CloseHandle(h) }
