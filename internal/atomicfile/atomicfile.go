// Package atomicfile writes files so that a reader, or a process killed at
// any moment, sees either the old file or the new one, never a part: data
// goes to a hidden temporary file in the same directory, which is flushed
// and then renamed over the target. A Set does the same for several files
// at once, with a journal: a killed run leaves the old files or, once the
// next run has recovered, the new ones, never a mix.
//
// docgen's generate and fetch both write this way; temporary files are
// named ".docgen-*.tmp" so that a later run can recognise (IsTemp) and
// remove what a killed one left, and so that docgen, which skips dot-files
// when it reads a directory of pages, never reads them as pages.
package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
)

// Create creates a temporary file in dir, to be completed by Finish and
// then renamed over its target.
func Create(dir string) (*os.File, error) {
	return os.CreateTemp(dir, ".docgen-*.tmp")
}

// IsTemp reports whether name is the name of a temporary file Create made.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".docgen-") && strings.HasSuffix(name, ".tmp")
}

// RemoveTemps deletes the temporary files in dir that a run killed between
// writing one and renaming it into place left behind: each is only ever a
// partial copy of a file, or a staged one of a Set never committed. Only
// under the directory's lock (package dirlock) are they all a dead run's.
func RemoveTemps(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && IsTemp(n) {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// Finish flushes and closes tmp and makes it readable like a normal file
// (0644; CreateTemp makes it 0600). On failure it removes tmp.
func Finish(tmp *os.File) error {
	err := tmp.Sync()
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// Write writes data to name through a temporary file in name's directory.
func Write(name string, data []byte) error {
	tmp, err := stage(filepath.Dir(name), data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// stage writes data to a new temporary file in dir, flushed, and returns
// its name; on failure it leaves no file.
func stage(dir string, data []byte) (string, error) {
	tmp, err := Create(dir)
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := Finish(tmp); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
