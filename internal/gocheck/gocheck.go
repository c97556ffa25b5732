// Package gocheck type-checks generated Go code in tests: a package and the
// packages in its subdirectories that import it, as the go command would
// build them, without running it.
package gocheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"path"
	"slices"
	"strings"
)

// Packages type-checks the files of byDir, keyed by slash directory below
// the package at importPath ("." for that package itself): first the
// package, then each subdirectory's, each of which may import the ones
// checked before it. Other imports go to std. The error lists the first
// problems (at most max) of the first package that does not type-check.
// infos, if not nil, holds the types.Info to record into for some
// directories.
func Packages(fset *token.FileSet, byDir map[string][]*ast.File, importPath string, std types.Importer, max int, infos map[string]*types.Info) error {
	imp := checkedImporter{std: std, checked: map[string]*types.Package{}}
	for _, dir := range slices.Sorted(maps.Keys(byDir)) { // "." sorts before any subdirectory
		var errs []string
		conf := types.Config{Importer: imp, Error: func(err error) {
			if len(errs) < max {
				errs = append(errs, err.Error())
			}
		}}
		p := path.Join(importPath, dir)
		imp.checked[p], _ = conf.Check(p, fset, byDir[dir], infos[dir])
		if len(errs) > 0 {
			return fmt.Errorf("package %s does not type-check:\n%s", p, strings.Join(errs, "\n"))
		}
	}
	return nil
}

// checkedImporter imports the packages checked so far, and the rest from std.
type checkedImporter struct {
	std     types.Importer
	checked map[string]*types.Package
}

func (i checkedImporter) Import(path string) (*types.Package, error) {
	if pkg := i.checked[path]; pkg != nil {
		return pkg, nil
	}
	return i.std.Import(path)
}
