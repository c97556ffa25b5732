package wire

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFilesAreTheRuntime: Files holds every non-test source file of this
// package but embed.go and rules.go (docgen's own way into the rules), as
// it is on disk.
func TestFilesAreTheRuntime(t *testing.T) {
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	names = slices.DeleteFunc(names, func(n string) bool { return strings.HasSuffix(n, "_test.go") || n == "embed.go" || n == "rules.go" })
	var listed []string
	for n, src := range Files {
		listed = append(listed, n)
		disk, err := os.ReadFile(n)
		require.NoError(t, err)
		assert.Equal(t, string(disk), src, n)
	}
	slices.Sort(listed)
	assert.Equal(t, names, listed)
}

func TestRuntimeIsSelfContained(t *testing.T) {
	for name, src := range Files {
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			require.NoError(t, err)
			p, err := build.Default.Import(path, "", build.FindOnly)
			if assert.NoError(t, err, path) {
				assert.True(t, p.Goroot, "%s: %s is not in the standard library", name, path)
			}
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				assert.False(t, d.Recv == nil && d.Name.Name == "init", "%s has an init function", name)
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				// The only package-level variables are error values and
				// memo caches by type (sync.Map, filled on first use:
				// what reflect already tells, never configuration).
				for _, spec := range d.Specs {
					s := spec.(*ast.ValueSpec)
					if len(s.Values) == 0 && types.ExprString(s.Type) == "sync.Map" && strings.HasSuffix(s.Names[0].Name, "Cache") {
						continue
					}
					require.Len(t, s.Values, len(s.Names), "var %s", s.Names[0])
					for i, v := range s.Values {
						call, _ := v.(*ast.CallExpr)
						assert.True(t, call != nil && types.ExprString(call.Fun) == "errors.New",
							"var %s is not an errors.New value", s.Names[i])
					}
				}
			}
		}
	}
}
