//go:build unix

package regularfile

import "syscall"

func mkfifo(name string) error { return syscall.Mkfifo(name, 0o644) }
