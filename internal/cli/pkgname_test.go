package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultPackageName: without -pkg the package is named after the output
// directory, also when it is given as "." (a go:generate line in the
// package's own directory).
func TestDefaultPackageName(t *testing.T) {
	input, err := filepath.Abs(smallInput)
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "graph-models")
	require.NoError(t, os.Mkdir(dir, 0o755))
	t.Chdir(dir)
	code, _, stderr := docgen("generate", "-o", ".", input)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile("models_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage graphmodels\n")

	code, _, stderr = docgen("generate", "-o", "sub/v2", input)
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile("sub/v2/models_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage v2\n")
}

// TestSubcommandHelp: -h prints a subcommand's flags and succeeds, as
// "docgen -h" does; a bad flag is still a usage error.
func TestSubcommandHelp(t *testing.T) {
	for _, cmd := range []string{"generate", "check", "diff", "ir", "lint", "apidiff", "fetch"} {
		code, _, stderr := docgen(cmd, "-h")
		assert.Equal(t, 0, code, cmd)
		assert.Contains(t, stderr, "Usage of docgen "+cmd, cmd)
		code, _, _ = docgen(cmd, "-no-such-flag")
		assert.Equal(t, 2, code, cmd)
	}
}
