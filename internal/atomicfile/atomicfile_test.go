package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(name, []byte("old"), 0o600))
	require.NoError(t, Write(name, []byte("new")))
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, "new", string(data))
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), fi.Mode().Perm())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestWriteFailureLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub") // a directory: the rename fails
	require.NoError(t, os.Mkdir(target, 0o755))
	require.Error(t, Write(target, []byte("x")))
	fi, err := os.Stat(target)
	require.NoError(t, err)
	assert.True(t, fi.IsDir(), "the target is untouched")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the temporary file is removed")
}

func TestIsTemp(t *testing.T) {
	tmp, err := Create(t.TempDir())
	require.NoError(t, err)
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	assert.True(t, IsTemp(filepath.Base(tmp.Name())))
	assert.False(t, IsTemp("models_gen.go"))
	assert.False(t, IsTemp(".docgen-fetch.json"))
}

func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".docgen-1.tmp", "models_gen.go", ".docgen-fetch.json", "notes.tmp"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), nil, 0o644))
	}
	RemoveTemps(dir)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{".docgen-fetch.json", "models_gen.go", "notes.tmp"}, names)
}
