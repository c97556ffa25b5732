package emit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/internal/gocheck"
)

// typeCheck type-checks what Generate returned for the package at
// importPath: the package itself, then the HTTP layer in its subdirectory,
// which imports it.
func typeCheck(files []emit.File, importPath string, std types.Importer) error {
	fset := token.NewFileSet()
	byDir := map[string][]*ast.File{}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Data, parser.ParseComments)
		if err != nil {
			return err
		}
		byDir[path.Dir(f.Name)] = append(byDir[path.Dir(f.Name)], af)
	}
	return gocheck.Packages(fset, byDir, importPath, std, 5, nil)
}
