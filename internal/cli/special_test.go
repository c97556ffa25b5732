//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Files docgen finds on disk that are not regular files: a named pipe,
// which blocks a reader forever, and a link to /dev/zero, which never ends.
// docgen refuses each with a message naming the path, in seconds and
// without growing its heap (each case runs in a bounded helper process).

// specials makes each kind of special file at name; the test runs once per
// kind.
var specials = map[string]struct {
	make func(name string) error
	what string // as the message names it
}{
	"named pipe":     {func(n string) error { return syscall.Mkfifo(n, 0o644) }, "a named pipe"},
	"link to device": {func(n string) error { return os.Symlink("/dev/zero", n) }, "a character device"},
}

const specialLimit = 20 * time.Second

// TestSpecialGoMod: the go.mod above DIR, read for the HTTP layer's import
// path.
func TestSpecialGoMod(t *testing.T) {
	for name, s := range specials {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			gomod := filepath.Join(root, "go.mod")
			require.NoError(t, s.make(gomod))
			dir := filepath.Join(root, "out")
			for _, cmd := range []string{"generate", "check", "diff"} {
				code, _, stderr := bounded(t, specialLimit, cmd, "-o", dir, "-pkg", "seed", smallInput)
				assert.Equal(t, 2, code, "%s: %s", cmd, stderr) // a usage error: pass -import
				assert.Contains(t, stderr, filepath.ToSlash(gomod)+": "+s.what+", not a regular file; refusing to read it", cmd)
				assert.Contains(t, stderr, "pass -import PATH", cmd)
			}
			_, err := os.Stat(dir)
			assert.True(t, os.IsNotExist(err), "nothing written")
		})
	}
}

// TestSpecialPage: a page, named directly or found in a directory. It is
// refused with a message naming it, and, as any unreadable page, skipped:
// alone, nothing is written; beside a readable page, that page is generated
// (and -strict writes nothing).
func TestSpecialPage(t *testing.T) {
	for name, s := range specials {
		t.Run(name, func(t *testing.T) {
			pages := t.TempDir()
			src, err := os.ReadFile(filepath.Join(smallInput, "000_91fdf6f3b8b8b9ce.txt"))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(pages, "page.txt"), src, 0o644))
			special := filepath.Join(pages, "special.md")
			require.NoError(t, s.make(special))
			// Pages are named as given, relative to the working directory.
			cwd, err := os.Getwd()
			require.NoError(t, err)
			named, err := filepath.Rel(cwd, special)
			require.NoError(t, err)
			refused := filepath.ToSlash(named) + ": " + s.what + ", not a regular file; refusing to read it"

			dir := moduleDir(t)
			code, _, stderr := bounded(t, specialLimit, "generate", "-o", dir, "-pkg", "seed", special)
			assert.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, refused)
			assert.Contains(t, stderr, "no page could be read; nothing written")
			code, _, stderr = bounded(t, specialLimit, "generate", "-strict", "-o", dir, "-pkg", "seed", pages)
			assert.Equal(t, 1, code, stderr)
			assert.Contains(t, stderr, refused)
			assert.Empty(t, names(snapshot(t, dir)), "nothing written")

			code, _, stderr = bounded(t, specialLimit, "generate", "-o", dir, "-pkg", "seed", pages)
			assert.Equal(t, 0, code, stderr)
			assert.Contains(t, stderr, refused)
			assert.Contains(t, stderr, "1 page skipped")
			assert.Contains(t, names(snapshot(t, dir)), "models_gen.go")
		})
	}
}

// TestSpecialOutput: an existing output file (one generate would replace),
// a *_gen.go file it would look at as a possible orphan, the HTTP layer's
// directory and DIR itself; generate, check and diff each refuse, naming
// the path, and leave everything as it was.
func TestSpecialOutput(t *testing.T) {
	for name, s := range specials {
		for _, target := range []string{"models_gen.go", "other_gen.go", "seedhttp/client_gen.go", "seedhttp", "."} {
			t.Run(name+" as "+target, func(t *testing.T) {
				dir := generated(t)
				p := filepath.Join(dir, filepath.FromSlash(target))
				require.NoError(t, os.RemoveAll(p))
				require.NoError(t, s.make(p))
				before := listing(t, dir)
				for _, cmd := range []string{"generate", "check", "diff"} {
					code, _, stderr := bounded(t, specialLimit, cmd, "-o", dir, "-pkg", "seed", smallInput)
					assert.Equal(t, 1, code, "%s: %s", cmd, stderr)
					what := s.what + ", not a regular file; refusing to read it"
					if target == "seedhttp" || target == "." {
						what = "not a directory"
					}
					assert.Contains(t, stderr, filepath.ToSlash(p)+": "+what, cmd)
					assert.Equal(t, before, listing(t, dir), "%s changed the directory", cmd)
				}
			})
		}
	}
}

// listing is every name below dir with its mode and, for regular files,
// size and modification time; links are not followed.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		line := filepath.ToSlash(rel) + " " + info.Mode().String()
		if info.Mode().IsRegular() {
			line += " " + strconv.FormatInt(info.Size(), 10) + " " + info.ModTime().String()
		}
		out = append(out, line)
		return nil
	}))
	return out
}

// TestCheckReadOnly: check and diff of an up-to-date directory they cannot
// write to (and so cannot lock) still compare; a journal waiting there is
// an error, as it cannot be completed.
func TestCheckReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to a read-only directory")
	}
	dir := generated(t)
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	for _, cmd := range []string{"check", "diff"} {
		code, stdout, stderr := docgen(cmd, "-o", dir, "-pkg", "seed", smallInput)
		assert.Equal(t, 0, code, "%s: %s%s", cmd, stdout, stderr)
	}
	require.NoError(t, os.Chmod(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".docgen-journal"), []byte("{}"), 0o644))
	require.NoError(t, os.Chmod(dir, 0o555))
	code, _, stderr := docgen("check", "-o", dir, "-pkg", "seed", smallInput)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, ".docgen-journal: a killed docgen run left its changes half done, and this directory cannot be written to complete them")
}
