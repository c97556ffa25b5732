package gocheck

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parse(t *testing.T, fset *token.FileSet, files map[string]string) map[string][]*ast.File {
	t.Helper()
	byDir := map[string][]*ast.File{}
	for dir, src := range files {
		f, err := parser.ParseFile(fset, dir+"/x.go", src, 0)
		require.NoError(t, err)
		byDir[dir] = append(byDir[dir], f)
	}
	return byDir
}

// TestPackages: a subdirectory's package sees the package above it (checked
// first, whatever the map order) and the standard library; an error names
// the package that fails and what is wrong.
func TestPackages(t *testing.T) {
	fset := token.NewFileSet()
	ok := parse(t, fset, map[string]string{
		".":  "package m\n\ntype T int\n",
		"mh": "package mh\n\nimport (\n\t\"strings\"\n\n\t\"example.com/m\"\n)\n\nvar V m.T\nvar S = strings.ToUpper(\"x\")\n",
	})
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	require.NoError(t, Packages(fset, ok, "example.com/m", importer.Default(), 5, map[string]*types.Info{"mh": info}))
	var defs []string
	for id := range info.Defs {
		defs = append(defs, id.Name)
	}
	assert.ElementsMatch(t, []string{"mh", "V", "S"}, defs, "what mh declares is recorded")

	bad := parse(t, fset, map[string]string{
		".":  "package m\n\ntype T int\n",
		"mh": "package mh\n\nimport \"example.com/m\"\n\nvar V m.U\n",
	})
	err := Packages(fset, bad, "example.com/m", importer.Default(), 5, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "package example.com/m/mh does not type-check")
	assert.Contains(t, err.Error(), "U")
}
