package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckFromAnyDirectory: generated files name their pages relative to
// the output's module root, so check gives the same answer from the
// module root, from the output directory, from a directory outside the
// module, and after a note shifts a page's lines.
func TestCheckFromAnyDirectory(t *testing.T) {
	outer := t.TempDir()
	root := filepath.Join(outer, "m")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "docs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n"), 0o644))
	page, err := os.ReadFile(filepath.Join(smallInput, "000_91fdf6f3b8b8b9ce.txt"))
	require.NoError(t, err)
	pagePath := filepath.Join(root, "docs", "connector.txt")
	require.NoError(t, os.WriteFile(pagePath, page, 0o644))

	t.Chdir(root)
	code, _, stderr := docgen("generate", "-o", "internal/graph", "-pkg", "graph", "docs")
	require.Equal(t, 0, code, stderr)
	models, err := os.ReadFile(filepath.Join(root, "internal", "graph", "models_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(models), "// source: docs\n")
	assert.Contains(t, string(models), "// Documented at docs/connector.txt.\n", "a page with no public URL is named by its path, without a line")

	for _, c := range []struct{ dir, out, docs string }{
		{root, "internal/graph", "docs"},
		{filepath.Join(root, "internal", "graph"), ".", "../../docs"},
		{filepath.Join(root, "internal"), "graph", "../docs"},
		{outer, "m/internal/graph", "m/docs"},
	} {
		t.Chdir(c.dir)
		code, stdout, stderr := docgen("check", "-o", c.out, "-pkg", "graph", c.docs)
		assert.Equal(t, 0, code, "check from %s: %s%s", c.dir, stdout, stderr)
	}

	// A note paragraph moves every line below it: positions in the IR
	// change, the generated code does not.
	noted := strings.Replace(string(page), "Permissions\n", "Note: a paragraph added upstream.\nPermissions\n", 1)
	require.NotEqual(t, string(page), noted)
	require.NoError(t, os.WriteFile(pagePath, []byte(noted), 0o644))
	t.Chdir(root)
	code, stdout, stderr := docgen("check", "-o", "internal/graph", "-pkg", "graph", "docs")
	assert.Equal(t, 0, code, "%s%s", stdout, stderr)
}
