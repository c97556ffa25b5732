package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUsageErrors: every mistake in how generate is called exits 2 with a
// message that says what is wrong, and writes nothing.
func TestUsageErrors(t *testing.T) {
	input, err := filepath.Abs(smallInput)
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	require.NoError(t, os.WriteFile("afile", nil, 0o644))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", "out", "-pkg", "main", input}, "docgen: generate: -pkg \"main\": generated code is a library package, not \"main\"\n"},
		{[]string{"-o", "out", "-pkg", "_", input}, "docgen: generate: -pkg \"_\": generated code is a library package, not \"_\"\n"},
		{[]string{"-o", "out", "-pkg", "func", input}, "docgen: generate: -pkg \"func\" is not a valid Go package name\n"},
		{[]string{"-o", "out", "-types", "", input}, "docgen: generate: -types \"\" has an empty name\n"},
		{[]string{"-o", "out", "-types", "x,", input}, "docgen: generate: -types \"x,\" has an empty name\n"},
		{[]string{"-o", "out", "-types", "x,#+", input}, "docgen: generate: -types \"x,#+\" has an empty name\n"},
		{[]string{"-types", "x", input, "-o", "out"}, "docgen: generate: flag -o after a path: flags go before the paths\n"},
		{[]string{"-o", "afile", input}, "docgen: generate: -o afile is a file, not a directory\n"},
	} {
		code, _, stderr := docgen(append([]string{"generate", "-http=false"}, c.args...)...)
		assert.Equal(t, 2, code, "%q", c.args)
		assert.Equal(t, c.want, stderr, "%q", c.args)
	}
	// A bad -import (which only the HTTP layer uses) is a usage error.
	code, _, stderr := docgen("generate", "-o", "out", "-import", "bad path!", input)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: generate: -import \"bad path!\" is not an import path (slash-separated elements of letters, digits and \"-._~+\")\n", stderr)

	_, err = os.Stat("out")
	assert.True(t, os.IsNotExist(err), "nothing may be written")

	// An unknown -types name is a usage error too, each line prefixed.
	code, _, stderr = docgen("generate", "-http=false", "-o", "out", "-types", "noSuchA,noSuchB", input)
	assert.Equal(t, 2, code)
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		assert.Regexp(t, `^docgen: `, line)
	}
}
