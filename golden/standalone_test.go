package golden

import (
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStandaloneModule generates each golden case into a module of its own
// with no requirements and builds and vets it: generated code must need
// nothing but the standard library (and the HTTP layer the package it is
// the layer of).
func TestStandaloneModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/standalone\n\ngo 1.24\n"), 0o644))
			// The import path comes from the go.mod above the output.
			code, _, stderr := run("generate", "-o", dir, "-pkg", name, filepath.Join(name, "input"))
			require.Equal(t, 0, code, "generate failed:\n%s", stderr)
			files := genFiles(t, dir)
			// The same files as the golden case: with an HTTP layer where
			// the case has operations.
			require.ElementsMatch(t, slices.Collect(maps.Keys(genFiles(t, filepath.Join(name, "want")))), slices.Collect(maps.Keys(files)))
			for n, src := range files {
				f, err := parser.ParseFile(token.NewFileSet(), n, src, parser.ImportsOnly)
				require.NoError(t, err)
				for _, imp := range f.Imports {
					p, _ := strconv.Unquote(imp.Path.Value)
					first := strings.Split(p, "/")[0]
					if p != "example.com/standalone" {
						require.NotContains(t, first, ".", "%s imports %s, which is not in the standard library", n, p)
					}
				}
			}
			for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
				cmd := exec.Command(goBin, args...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "go %s in a standalone module:\n%s", strings.Join(args, " "), out)
			}
		})
	}
}
