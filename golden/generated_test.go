package golden

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/emit/httpwire"
	"github.com/docgen-dev/docgen/emit/wire"
	"github.com/docgen-dev/docgen/internal/gocheck"
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

// TestNoStrayDirectives scans every generated file committed in this
// repository (generated/, the goldens' want/, examples/, bench/) for
// comment lines the go command or go vet would read as directives: only
// the runtime's own (//go:noinline) may occur. The hostile cases and
// FuzzPipeline run the same check on what hostile pages generate.
func TestNoStrayDirectives(t *testing.T) {
	own, err := gocheck.Own(wire.Files, httpwire.Files)
	require.NoError(t, err)
	n := 0
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_gen.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ParseComments)
		require.NoError(t, err)
		assert.Empty(t, gocheck.Stray(f, own), "%s: directives docgen did not write", p)
		n++
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, n, 20, "generated files scanned")
}
