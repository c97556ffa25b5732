package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpsNarrowsTheHTTPLayer: -ops keeps only the operation kinds named, of
// those -types takes along; a kind docgen does not know is a usage error.
func TestOpsNarrowsTheHTTPLayer(t *testing.T) {
	docs, err := filepath.Abs("../../examples/docs")
	require.NoError(t, err)
	out := t.TempDir()
	code, _, stderr := docgen("generate", "-o", out, "-pkg", "graph", "-import", "example.com/graph",
		"-types", "mobileThreatDefenseConnector", "-ops", "get,list", docs)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(filepath.Join(out, "graphhttp", "client_gen.go"))
	require.NoError(t, err)
	var methods []string
	for _, m := range regexp.MustCompile(`(?m)^func \(c \*Client\) (\w+)`).FindAllStringSubmatch(string(data), -1) {
		methods = append(methods, m[1])
	}
	assert.Equal(t, []string{"ListMobileThreatDefenseConnectors", "ListMobileThreatDefenseConnectorsPage", "GetMobileThreatDefenseConnector"}, methods)
	assert.Contains(t, string(data), "-ops=get,list", "the header records the flag")

	code, _, stderr = docgen("generate", "-o", out, "-pkg", "graph", "-import", "example.com/graph", "-ops", "get,fetch", docs)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: generate: -ops: \"fetch\" is not an operation kind (get, list, create, update, delete, action, function)\n", stderr)
}
