//go:build !unix

package regularfile

// openFlags: elsewhere there are no named pipes in the file system to wait
// on (Windows' live under \\.\pipe\, which Stat does not call regular).
const openFlags = 0
