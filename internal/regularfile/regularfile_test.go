package regularfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(name, []byte("0123456789"), 0o644))

	data, err := Read(name, 10)
	require.NoError(t, err)
	assert.Equal(t, "0123456789", string(data))

	_, err = Read(name, 9)
	var tl *TooLargeError
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, filepath.ToSlash(name)+": larger than 9 bytes; refusing to read it", err.Error())

	for n, want := range map[int64]string{0: "", 1: "0", 4: "0123", 10: "0123456789", 11: "0123456789", 1 << 20: "0123456789"} {
		data, err := ReadPrefix(name, n)
		require.NoError(t, err)
		assert.Equal(t, want, string(data), "prefix %d", n)
	}

	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	data, err = Read(empty, 5)
	require.NoError(t, err)
	assert.Empty(t, data)

	_, err = Read(filepath.Join(dir, "missing"), 5)
	assert.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
}

// TestReadFollowsLinksToRegularFiles: a symbolic link to a regular file is
// read like the file.
func TestReadFollowsLinksToRegularFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("data"), 0o644))
	link := filepath.Join(dir, "link")
	require.NoError(t, os.Symlink("a.txt", link))
	data, err := Read(link, 100)
	require.NoError(t, err)
	assert.Equal(t, "data", string(data))
}

// TestRefuseSpecialFiles: a directory, a named pipe (which would block the
// open until a writer comes, forever) and a link to /dev/zero (which never
// ends) are refused, by path, without waiting.
func TestRefuseSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{filepath.Join(dir, "sub"): "a directory"}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo")
		require.NoError(t, mkfifo(fifo))
		cases[fifo] = "a named pipe"
		zero := filepath.Join(dir, "zero")
		require.NoError(t, os.Symlink("/dev/zero", zero))
		cases[zero] = "a character device"
	}
	for name, what := range cases {
		for _, read := range []func(string, int64) ([]byte, error){Read, ReadPrefix} {
			_, err := read(name, 1<<20)
			var nr *NotRegularError
			require.ErrorAs(t, err, &nr, name)
			assert.Equal(t, filepath.ToSlash(name)+": "+what+", not a regular file; refusing to read it", err.Error())
			assert.True(t, strings.HasPrefix(err.Error(), filepath.ToSlash(name)+": "))
		}
	}
}
