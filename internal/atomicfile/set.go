package atomicfile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/internal/regularfile"
)

// JournalName is the name of a Set's journal in its directory.
const JournalName = ".docgen-journal"

// maxJournal bounds the journal read (a few hundred bytes per file).
const maxJournal = 16 << 20

// A Set replaces files in a directory and its subdirectories all or
// nothing, even if the process is killed at any point: with a journal, as
// a database keeps.
//
//  1. Write puts each new file's content in a temporary file in the
//     directory, flushed to disk.
//  2. Commit writes the journal, naming every rename, removal and directory
//     change with a digest of every new file, flushes it and renames it
//     into place (the commit point: the journal exists whole or not at all),
//     then does what it names and removes it.
//
// A process killed before the journal's rename leaves the old files and
// some temporary files, which the next run removes (RemoveTemps); one
// killed after it leaves a journal, which the next run completes (Recover)
// before it reads anything, and so the new files. Recover is idempotent,
// so a run killed while recovering is recovered in turn.
//
// A Set is used under the directory's lock (package dirlock): only then is
// every temporary file and journal there a dead run's.
type Set struct {
	dir string
	// Step, if not nil, is called after each step with what was just done:
	// tests stop the process there.
	Step func(step string)
	j    journal
}

// journal is the JSON form of a Set's changes. Names are slash-separated
// and relative to the directory.
type journal struct {
	Version int      `json:"version"`
	Mkdirs  []string `json:"mkdirs,omitempty"` // created (if missing) first
	Writes  []staged `json:"writes,omitempty"` // then renamed into place
	Removes []string `json:"removes,omitempty"`
	Rmdirs  []string `json:"rmdirs,omitempty"` // removed last, if empty
}

type staged struct {
	Temp   string `json:"temp"` // a temporary file's name, in the directory itself
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

const journalVersion = 1

// NewSet starts a Set of changes to dir, which must exist.
func NewSet(dir string) *Set { return &Set{dir: dir, j: journal{Version: journalVersion}} }

func (s *Set) path(name string) string { return filepath.Join(s.dir, filepath.FromSlash(name)) }

func (s *Set) step(format string, args ...any) {
	if s.Step != nil {
		s.Step(fmt.Sprintf(format, args...))
	}
}

// Write stages data as the new content of name. Subdirectories Commit is
// to create must be named with Mkdir.
func (s *Set) Write(name string, data []byte) error {
	tmp, err := stage(s.dir, data)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	s.j.Writes = append(s.j.Writes, staged{Temp: filepath.Base(tmp), Name: name, SHA256: hex.EncodeToString(sum[:])})
	s.step("staged %s", name)
	return nil
}

// Mkdir makes Commit create the subdirectory name if it is missing, before
// the renames.
func (s *Set) Mkdir(name string) { s.j.Mkdirs = append(s.j.Mkdirs, name) }

// Remove makes Commit remove name.
func (s *Set) Remove(name string) { s.j.Removes = append(s.j.Removes, name) }

// RemoveDirIfEmpty makes Commit remove the subdirectory name, last, if it
// is then empty.
func (s *Set) RemoveDirIfEmpty(name string) { s.j.Rmdirs = append(s.j.Rmdirs, name) }

// Abort removes the temporary files of a Set that will not be committed.
func (s *Set) Abort() {
	for _, w := range s.j.Writes {
		os.Remove(s.path(w.Temp))
	}
	s.j.Writes = nil
}

// Commit makes the staged changes. Before the journal is in place, a
// failure leaves the old files (and Commit removes its temporary files);
// after it, the error says that the next Recover completes the change.
func (s *Set) Commit() error {
	if len(s.j.Writes)+len(s.j.Removes)+len(s.j.Rmdirs) == 0 {
		return nil
	}
	if err := s.writeJournal(); err != nil {
		s.Abort()
		return err
	}
	s.step("committed")
	if err := s.apply(false, nil); err != nil {
		return fmt.Errorf("replacing the files in %s stopped half-way: %w; the next docgen run there completes it", filepath.ToSlash(s.dir), err)
	}
	return nil
}

func (s *Set) writeJournal() error {
	data, err := json.Marshal(s.j)
	if err != nil {
		return err
	}
	tmp, err := stage(s.dir, append(data, '\n'))
	if err != nil {
		return err
	}
	s.step("journal written")
	if err := os.Rename(tmp, s.path(JournalName)); err != nil {
		os.Remove(tmp)
		return err
	}
	// The rename must be on disk before any file it covers is replaced.
	return syncDir(s.dir)
}

// apply does what the journal says, then removes it. Every step can be
// done again: a rename whose temporary file is gone was done (recovering,
// the file in place must have the journal's digest); a removal of a
// missing file, or of a directory that is missing or not empty, is
// nothing to do. Recovering, check vets every existing file the journal
// would replace or remove.
func (s *Set) apply(recovering bool, check func(name string) error) error {
	var prefix string
	if recovering {
		prefix = "recover: "
	}
	touched := map[string]bool{s.dir: true}
	for _, d := range s.j.Mkdirs {
		err := os.Mkdir(s.path(d), 0o755)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		if st, err := os.Lstat(s.path(d)); err != nil || !st.IsDir() {
			return fmt.Errorf("%s: not a directory", filepath.ToSlash(s.path(d)))
		}
		s.step("%smkdir %s", prefix, d)
	}
	for _, w := range s.j.Writes {
		target := s.path(w.Name)
		touched[filepath.Dir(target)] = true
		if recovering {
			done, err := s.vetWrite(w, check)
			if err != nil {
				return err
			}
			if done {
				continue
			}
		}
		if err := os.Rename(s.path(w.Temp), target); err != nil {
			return err
		}
		s.step("%srenamed %s", prefix, w.Name)
	}
	for _, n := range s.j.Removes {
		touched[filepath.Dir(s.path(n))] = true
		if recovering {
			if _, err := os.Lstat(s.path(n)); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err := check(n); err != nil {
				return err
			}
		}
		if err := os.Remove(s.path(n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		s.step("%sremoved %s", prefix, n)
	}
	for _, dir := range slices.Sorted(maps.Keys(touched)) {
		if err := syncDir(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, d := range s.j.Rmdirs {
		if entries, err := os.ReadDir(s.path(d)); err == nil && len(entries) == 0 {
			if err := os.Remove(s.path(d)); err != nil {
				return err
			}
			s.step("%srmdir %s", prefix, d)
		}
	}
	if err := os.Remove(s.path(JournalName)); err != nil {
		return err
	}
	if err := syncDir(s.dir); err != nil {
		return err
	}
	s.step("%sdone", prefix)
	return nil
}

// vetWrite checks, while recovering, one rename of the journal: done if
// the new content is already in place; an error if neither the temporary
// file nor the target has the journal's digest, or check refuses the file
// the rename would replace.
func (s *Set) vetWrite(w staged, check func(string) error) (done bool, err error) {
	sum, err := digest(s.path(w.Temp))
	if err == nil && sum == w.SHA256 {
		if _, err := os.Lstat(s.path(w.Name)); err == nil {
			if err := check(w.Name); err != nil {
				return false, err
			}
		}
		return false, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	if sum, err := digest(s.path(w.Name)); err == nil && sum == w.SHA256 {
		return true, nil
	}
	return false, fmt.Errorf("%s: cannot complete the interrupted run: neither %s nor %s has the content the journal records",
		filepath.ToSlash(s.path(JournalName)), w.Temp, w.Name)
}

// digest is the SHA-256 of a regular file, in hex.
func digest(name string) (string, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", &regularfile.NotRegularError{Path: filepath.ToSlash(name), Mode: st.Mode()}
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Recover completes the change a killed Set's journal in dir records, if
// there is one, and reports whether there was. The journal is input like
// any file on disk: it must be a regular file naming, besides temporary
// files in dir, only local names that valid accepts (with dir true for the
// directories it creates or removes); and check must accept every
// existing file it would replace or remove. Otherwise Recover changes
// nothing and says why.
func Recover(dir string, valid func(name string, dir bool) bool, check func(name string) error, step func(string)) (bool, error) {
	name := filepath.Join(dir, JournalName)
	data, err := regularfile.Read(name, maxJournal)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	s := &Set{dir: dir, Step: step}
	if err := s.parse(data, valid); err != nil {
		return false, fmt.Errorf("%s: %v; it is not the journal of a docgen run (remove it if you know where it came from)", filepath.ToSlash(name), err)
	}
	return true, s.apply(true, check)
}

func (s *Set) parse(data []byte, valid func(string, bool) bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s.j); err != nil {
		return err
	}
	if s.j.Version != journalVersion {
		return fmt.Errorf("version %d, not %d", s.j.Version, journalVersion)
	}
	ok := func(n string, dir bool) bool {
		return n != "" && !strings.Contains(n, `\`) && filepath.IsLocal(filepath.FromSlash(n)) && path.Clean(n) == n && valid(n, dir)
	}
	for _, d := range append(slices.Clone(s.j.Mkdirs), s.j.Rmdirs...) {
		if !ok(d, true) {
			return fmt.Errorf("directory %q is not one docgen writes", d)
		}
	}
	for _, w := range s.j.Writes {
		if !IsTemp(w.Temp) || strings.ContainsAny(w.Temp, `/\`) || !ok(w.Name, false) || len(w.SHA256) != 2*sha256.Size {
			return fmt.Errorf("rename %q to %q is not one docgen makes", w.Temp, w.Name)
		}
	}
	for _, n := range s.j.Removes {
		if !ok(n, false) {
			return fmt.Errorf("file %q is not one docgen removes", n)
		}
	}
	return nil
}

// syncDir flushes dir's entries (the renames in it) to disk. Windows
// cannot open a directory for that, and its renames are journaled by
// NTFS: nothing to do there.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
