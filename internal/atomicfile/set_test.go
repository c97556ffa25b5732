package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// files reads every file below dir, by slash path; directories are listed
// with a trailing slash.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		out[rel] = string(data)
		return err
	}))
	return out
}

func put(t *testing.T, dir string, m map[string]string) {
	t.Helper()
	for n, data := range m {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			require.NoError(t, os.MkdirAll(p, 0o755))
			continue
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
}

// The change the tests make: keep.txt stays, a.txt changes, new/b.txt and
// its directory appear, gone.txt and old/c.txt go, and old/ with them;
// mine/ keeps a file the Set does not name, so it stays.
var (
	before = map[string]string{"keep.txt": "keep", "a.txt": "old a", "gone.txt": "gone", "old/": "", "old/c.txt": "c",
		"mine/": "", "mine/x.txt": "x", "mine/y.txt": "y"}
	after = map[string]string{"keep.txt": "keep", "a.txt": "new a", "new/": "", "new/b.txt": "b", "mine/": "", "mine/x.txt": "x"}
)

func change(t *testing.T, dir string, step func(string)) error {
	t.Helper()
	s := NewSet(dir)
	s.Step = step
	if err := s.Write("a.txt", []byte("new a")); err != nil {
		return err
	}
	if err := s.Write("new/b.txt", []byte("b")); err != nil {
		return err
	}
	s.Mkdir("new")
	s.Remove("gone.txt")
	s.Remove("old/c.txt")
	s.Remove("mine/y.txt")
	s.RemoveDirIfEmpty("old")
	s.RemoveDirIfEmpty("mine")
	return s.Commit()
}

func anyName(string, bool) bool { return true }
func anyFile(string) error      { return nil }

func TestSetCommit(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, before)
	var steps []string
	require.NoError(t, change(t, dir, func(s string) { steps = append(steps, s) }))
	assert.Equal(t, after, files(t, dir))
	assert.Equal(t, []string{"staged a.txt", "staged new/b.txt", "journal written", "committed", "mkdir new",
		"renamed a.txt", "renamed new/b.txt", "removed gone.txt", "removed old/c.txt", "removed mine/y.txt", "rmdir old", "done"}, steps)
	recovered, err := Recover(dir, anyName, anyFile, nil)
	require.NoError(t, err)
	assert.False(t, recovered, "no journal left")
}

// stop is what the Step hook panics with to stop a Set where a kill would.
type stop struct{}

// run calls f, stopping it at the k-th step (from 1); it reports whether f
// was stopped.
func run(k int, f func(step func(string))) (stopped bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
			stopped = true
		}
	}()
	n := 0
	f(func(string) {
		if n++; n == k {
			panic(stop{})
		}
	})
	return false
}

// TestSetStoppedAtEveryStep stops a Set after each of its steps, as a kill
// would (nothing runs after it), then recovers as the next run does, also
// stopping the recovery at each of its steps and recovering again: the
// directory ends up as before or as after, exactly; after once the journal
// was in place.
func TestSetStoppedAtEveryStep(t *testing.T) {
	for k := 1; ; k++ {
		dir := t.TempDir()
		put(t, dir, before)
		committed := false
		stopped := run(k, func(step func(string)) {
			require.NoError(t, change(t, dir, func(s string) {
				committed = committed || s == "committed"
				step(s)
			}))
		})
		if !stopped {
			assert.Equal(t, after, files(t, dir))
			break
		}
		want := before
		if committed {
			want = after
		}
		// Recover, stopped at each of its steps in turn, then whole.
		for r := 1; ; r++ {
			var err error
			if !run(r, func(step func(string)) { _, err = Recover(dir, anyName, anyFile, step) }) {
				require.NoError(t, err, "stop %d, recovery %d", k, r)
				break
			}
		}
		RemoveTemps(dir)
		assert.Equal(t, want, files(t, dir), "stopped at step %d", k)
	}
}

// TestRecoverRefusesForeignJournals: a journal is input from disk; one that
// names anything but temporary files and local names the caller accepts,
// or that is not a journal at all, changes nothing.
func TestRecoverRefusesForeignJournals(t *testing.T) {
	sum := strings.Repeat("0", 64)
	for name, j := range map[string]string{
		"not JSON":         "rename everything",
		"unknown field":    `{"version":1,"exec":"rm -rf /"}`,
		"other version":    `{"version":2}`,
		"parent directory": `{"version":1,"removes":["../outside.txt"]}`,
		"absolute":         `{"version":1,"removes":["/etc/passwd"]}`,
		"backslash":        `{"version":1,"removes":["..\\outside.txt"]}`,
		"unclean":          `{"version":1,"removes":["old/../a.txt"]}`,
		"temp elsewhere":   `{"version":1,"writes":[{"temp":"old/.docgen-1.tmp","name":"a.txt","sha256":"` + sum + `"}]}`,
		"not a temp":       `{"version":1,"writes":[{"temp":"keep.txt","name":"a.txt","sha256":"` + sum + `"}]}`,
		"bad digest":       `{"version":1,"writes":[{"temp":".docgen-1.tmp","name":"a.txt","sha256":"x"}]}`,
		"refused name":     `{"version":1,"removes":["keep.txt"]}`,
		"refused dir":      `{"version":1,"rmdirs":["mine"]}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			put(t, dir, before)
			put(t, dir, map[string]string{".docgen-1.tmp": "new a", JournalName: j})
			valid := func(n string, isDir bool) bool { return n != "keep.txt" && n != "mine" }
			_, err := Recover(dir, valid, anyFile, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), JournalName+": ")
			assert.Contains(t, err.Error(), "not the journal of a docgen run")
			want := map[string]string{".docgen-1.tmp": "new a", JournalName: j}
			for n, d := range before {
				want[n] = d
			}
			assert.Equal(t, want, files(t, dir), "nothing changed")
		})
	}
}

// TestRecoverChecksFiles: recovery replaces or removes an existing file
// only if check accepts it, and a rename whose content is nowhere is an
// error, not a guess.
func TestRecoverChecksFiles(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, before)
	stopped := run(4, func(step func(string)) { _ = change(t, dir, step) }) // after "committed"
	require.True(t, stopped)
	refuse := func(n string) error {
		if n == "a.txt" {
			return errors.New("a.txt: not mine")
		}
		return nil
	}
	_, err := Recover(dir, anyName, refuse, nil)
	assert.EqualError(t, err, "a.txt: not mine")
	assert.Equal(t, "old a", files(t, dir)["a.txt"])

	// The staged content is lost, and a.txt is not it.
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if IsTemp(e.Name()) {
			require.NoError(t, os.Remove(filepath.Join(dir, e.Name())))
		}
	}
	_, err = Recover(dir, anyName, anyFile, nil)
	assert.ErrorContains(t, err, "cannot complete the interrupted run: neither")
	assert.Equal(t, "old a", files(t, dir)["a.txt"])
}
