package wire

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parseSource(t *testing.T) (*token.FileSet, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "runtime.go", Source, parser.ParseComments)
	require.NoError(t, err)
	return fset, f
}

func TestSourceIsRuntimeFile(t *testing.T) {
	disk, err := os.ReadFile("runtime.go")
	require.NoError(t, err)
	assert.Equal(t, string(disk), Source)

	// The emitter rewrites the first "package wire" it finds.
	fset, f := parseSource(t)
	assert.Equal(t, fset.Position(f.Package).Offset, strings.Index(Source, "package wire"))
}

func TestNamesAreExactlyTheExportedIdentifiers(t *testing.T) {
	_, f := parseSource(t)
	var got []string
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				got = append(got, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						got = append(got, s.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							got = append(got, n.Name)
						}
					}
				}
			}
		}
	}
	slices.Sort(got)
	want := slices.Clone(Names)
	slices.Sort(want)
	assert.Equal(t, want, slices.Compact(slices.Clone(want)), "Names has duplicates")
	assert.Equal(t, want, got)
}

func TestRuntimeIsSelfContained(t *testing.T) {
	_, f := parseSource(t)
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		require.NoError(t, err)
		p, err := build.Default.Import(path, "", build.FindOnly)
		if assert.NoError(t, err, path) {
			assert.True(t, p.Goroot, "%s is not in the standard library", path)
		}
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			assert.False(t, d.Recv == nil && d.Name.Name == "init", "runtime.go has an init function")
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			// The only package-level variables are error values.
			for _, spec := range d.Specs {
				s := spec.(*ast.ValueSpec)
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
