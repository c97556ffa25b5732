// Package regularfile reads files that docgen finds on disk (existing
// output, a go.mod, pages) without trusting them: only regular files are
// read, and never more than the caller asks for. A named pipe would block
// a read forever and a device such as /dev/zero never ends; both, and
// symbolic links to them, are refused with an error naming the path.
package regularfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// NotRegularError reports a path that is not a regular file.
type NotRegularError struct {
	Path string // as given to Read, slash-separated
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string { return e.Path + ": " + e.Reason() }

// Reason is the message without the path.
func (e *NotRegularError) Reason() string {
	return kind(e.Mode) + ", not a regular file; refusing to read it"
}

// kind names a file type for an error message.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// TooLargeError reports a file larger than the caller's limit.
type TooLargeError struct {
	Path  string // slash-separated
	Limit int64  // bytes
}

func (e *TooLargeError) Error() string { return e.Path + ": " + e.Reason() }

// Reason is the message without the path.
func (e *TooLargeError) Reason() string {
	return fmt.Sprintf("larger than %d bytes; refusing to read it", e.Limit)
}

// ReadPrefix returns the first n bytes of the file name (all of it if it is
// shorter), following symbolic links. A name that does not exist yields an
// error wrapping fs.ErrNotExist; anything but a regular file a
// *NotRegularError, without being opened.
func ReadPrefix(name string, n int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Path: filepath.ToSlash(name), Mode: st.Mode()}
	}
	// Opened non-blocking where that exists: should name become a named pipe
	// between the Stat and the open, the open still returns, and the check
	// below refuses it.
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fst, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fst.Mode().IsRegular() || !os.SameFile(st, fst) {
		return nil, &NotRegularError{Path: filepath.ToSlash(name), Mode: fst.Mode()}
	}
	// The size is a hint (it can change, and some files report 0): the
	// buffer starts there, one byte more to see the end, and n bounds it.
	buf := make([]byte, 0, max(0, min(fst.Size()+1, n)))
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		m, err := f.Read(buf[len(buf):min(int64(cap(buf)), n)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// Read returns the whole file name if it is a regular file of at most limit
// bytes; a larger one yields a *TooLargeError.
func Read(name string, limit int64) ([]byte, error) {
	data, err := ReadPrefix(name, limit+1)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: filepath.ToSlash(name), Limit: limit}
	}
	return data, nil
}
