package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestGeneratedUpToDate fails when generated/ is stale: each docs-src/<area>
// must regenerate byte for byte into generated/<area> (what `make check`
// runs). It runs from the repository root because file headers name the
// sources relative to it.
func TestGeneratedUpToDate(t *testing.T) {
	t.Chdir("..")
	areas, err := os.ReadDir("docs-src")
	require.NoError(t, err)
	n := 0
	for _, a := range areas {
		if !a.IsDir() {
			continue
		}
		n++
		code, stdout, stderr := run("check", "-o", filepath.Join("generated", a.Name()), "-pkg", a.Name(), filepath.Join("docs-src", a.Name()))
		require.Equal(t, 0, code, "generated/%s is stale; run make generate\n%s%s", a.Name(), stdout, stderr)
	}
	require.NotZero(t, n, "docs-src has no areas")
}
