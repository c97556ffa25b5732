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
// package's own directory); without -import its import path is the module
// path of the go.mod above it joined with the directories below that.
func TestDefaultPackageName(t *testing.T) {
	input, err := filepath.Abs(smallInput)
	require.NoError(t, err)
	dir := filepath.Join(moduleDir(t), "graph-models")
	require.NoError(t, os.Mkdir(dir, 0o755))
	t.Chdir(dir)
	code, _, stderr := docgen("generate", "-o", ".", input)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile("models_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage graphmodels\n")
	data, err = os.ReadFile("graphmodelshttp/client_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage graphmodelshttp\n")
	assert.Contains(t, string(data), `graphmodels "example.com/m/out/graph-models"`)

	code, _, stderr = docgen("generate", "-o", "sub/v2", input)
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile("sub/v2/models_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage v2\n")
	data, err = os.ReadFile("sub/v2/v2http/server_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), `v2 "example.com/m/out/graph-models/sub/v2"`)
}

// TestImportPath: generate needs the import path of its output for the
// HTTP layer: from -import, or from the go.mod above the output; without
// either it is a usage error naming both ways out, and -http=false needs
// neither. A go.mod with its module path quoted or commented is read too.
func TestImportPath(t *testing.T) {
	input, err := filepath.Abs(smallInput)
	require.NoError(t, err)
	t.Chdir(t.TempDir()) // no go.mod here or above (the system's temporary directory)
	code, _, stderr := docgen("generate", "-o", "out", "-pkg", "seed", input)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: generate: no go.mod in the output directory or above it: pass -import PATH (the import path of out), or -http=false\n", stderr)
	_, err = os.Stat("out")
	assert.True(t, os.IsNotExist(err), "nothing may be written")

	code, _, stderr = docgen("generate", "-o", "out", "-pkg", "seed", "-http=false", input)
	require.Equal(t, 0, code, stderr)
	code, _, stderr = docgen("generate", "-o", "out", "-pkg", "seed", "-import", "example.com/x/seed", input)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile("out/seedhttp/client_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), `seed "example.com/x/seed"`)

	code, _, stderr = docgen("generate", "-o", "bad", "-pkg", "seed", "-import", "example.com/a b", input)
	assert.Equal(t, 2, code, "a bad -import is a usage error")
	assert.Contains(t, stderr, `-import "example.com/a b" is not an import path`)

	require.NoError(t, os.WriteFile("go.mod", []byte("// a module\nmodule \"example.com/quoted\" // quoted\n\ngo 1.24\n"), 0o644))
	code, _, stderr = docgen("generate", "-o", "q", "-pkg", "seed", input)
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile("q/seedhttp/client_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), `seed "example.com/quoted/q"`)
	// The output is the module's root: its import path is the module path.
	code, _, stderr = docgen("generate", "-o", ".", "-pkg", "seed", input)
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile("seedhttp/client_gen.go")
	require.NoError(t, err)
	assert.Contains(t, string(data), `seed "example.com/quoted"`)

	require.NoError(t, os.WriteFile("go.mod", []byte("go 1.24\n"), 0o644))
	code, _, stderr = docgen("generate", "-o", "q", "-pkg", "seed", input)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "go.mod: no module statement: pass -import PATH")
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
