package httpwire

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFilesAreTheRuntime: Files holds every non-test source file of this
// package but embed.go and provided.go, as it is on disk, and Provided is
// provided.go.
func TestFilesAreTheRuntime(t *testing.T) {
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	names = slices.DeleteFunc(names, func(n string) bool {
		return strings.HasSuffix(n, "_test.go") || n == "embed.go" || n == "provided.go"
	})
	var listed []string
	for n, src := range Files {
		listed = append(listed, n)
		disk, err := os.ReadFile(n)
		require.NoError(t, err)
		assert.Equal(t, string(disk), src, n)
	}
	slices.Sort(listed)
	assert.Equal(t, names, listed)
	disk, err := os.ReadFile("provided.go")
	require.NoError(t, err)
	assert.Equal(t, string(disk), Provided)
}
