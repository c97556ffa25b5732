//go:build unix

package regularfile

import "syscall"

// openFlags keeps an open of a named pipe from waiting for a writer.
const openFlags = syscall.O_NONBLOCK
