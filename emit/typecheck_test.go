package emit_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/emit"
)

// typeCheck type-checks what Generate returned for the package at
// importPath: the package itself, then the HTTP layer in its subdirectory,
// which imports it. The error lists the first problems of the first package
// that does not type-check.
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
	dirs := slices.Sorted(maps.Keys(byDir)) // "." sorts before any subdirectory
	imp := packages{std: std, checked: map[string]*types.Package{}}
	for _, dir := range dirs {
		var errs []string
		conf := types.Config{Importer: imp, Error: func(err error) {
			if len(errs) < 5 {
				errs = append(errs, err.Error())
			}
		}}
		p := path.Join(importPath, dir)
		imp.checked[p], _ = conf.Check(p, fset, byDir[dir], nil)
		if len(errs) > 0 {
			return errors.New("package " + p + " does not type-check:\n" + strings.Join(errs, "\n"))
		}
	}
	return nil
}

// packages imports the packages type-checked so far, and the standard
// library.
type packages struct {
	std     types.Importer
	checked map[string]*types.Package
}

func (p packages) Import(path string) (*types.Package, error) {
	if pkg := p.checked[path]; pkg != nil {
		return pkg, nil
	}
	return p.std.Import(path)
}
