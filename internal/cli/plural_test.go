package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resourceWithDuplicates is a resource page whose properties table lists
// its first property n+1 times: n duplicate-property warnings.
func resourceWithDuplicates(n int) string {
	rows := strings.Repeat("| size | Int32 | The size. |\n", n+1)
	return "---\ntitle: \"thing resource type\"\ndoc_type: resourcePageType\n---\n\n# thing resource type\n\nNamespace: microsoft.graph\n\n" +
		"## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n" + rows
}

// TestCountsAreEnglish: a count of one takes the singular, in lint's
// summary and in the line that stands for the warnings not printed.
func TestCountsAreEnglish(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "thing.md"), []byte(resourceWithDuplicates(1)), 0o644))
	code, out, _ := docgen("lint", dir)
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasSuffix(out, "\n1 page: 0 errors, 1 warning\n"), "%s", out)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.md"), []byte("\n"), 0o644))
	_, out, _ = docgen("lint", dir)
	assert.True(t, strings.HasSuffix(out, "\n2 pages: 1 error, 1 warning\n"), "%s", out)

	require.NoError(t, os.Remove(filepath.Join(dir, "empty.md")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "thing.md"), []byte(resourceWithDuplicates(21)), 0o644))
	code, _, errOut := docgen("generate", "-http=false", "-o", filepath.Join(t.TempDir(), "out"), dir)
	assert.Equal(t, 0, code, "%s", errOut)
	assert.Contains(t, errOut, fmt.Sprintln("docgen: and 1 more warning (-v prints them all)"))
}
