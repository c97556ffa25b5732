package cli

import (
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen-dev/docgen/internal/regularfile"
)

// goFile is a hand-written Go file in the output directory and the package
// it belongs to (for a _test.go file, without the "_test" of an external
// test package).
type goFile struct {
	name, pkg string
}

// handWritten lists the Go files in dir that docgen did not generate, by
// name, with their packages: generated code must join their package. It
// reads only regular files and only the first headerWindow bytes of each;
// a file it cannot read or parse, or that a build constraint may leave out
// (//go:build ignore, a file for other systems), is not counted, leaving
// the compiler to judge it.
func handWritten(dir string) ([]goFile, error) {
	entries, err := readDir(dir)
	if err != nil {
		return nil, err
	}
	var out []goFile
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
			continue
		}
		data, err := regularfile.ReadPrefix(filepath.Join(dir, n), headerWindow)
		if err != nil {
			continue
		}
		if _, ok := docgenPackage(data); ok {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), n, data, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil || mayBeExcluded(f) {
			continue
		}
		pkg := f.Name.Name
		if strings.HasSuffix(n, "_test.go") {
			pkg = strings.TrimSuffix(pkg, "_test")
		}
		out = append(out, goFile{name: n, pkg: pkg})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// mayBeExcluded reports whether a build constraint of f can leave it out
// of the package: one that does not hold with every tag but "ignore" set.
func mayBeExcluded(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) && !constraint.IsPlusBuild(c.Text) {
				continue
			}
			x, err := constraint.Parse(c.Text)
			if err != nil || !x.Eval(func(tag string) bool { return tag != "ignore" }) {
				return true
			}
		}
	}
	return false
}

// outputPackage settles the package name for the output directory dir: pkg
// if given (the files there must agree with it), else the package of the
// hand-written files there, else one derived from dir's name. A mismatch
// is a usage error naming each file and its package.
func outputPackage(cmd, dir, pkg string) (string, error) {
	files, err := handWritten(dir)
	if err != nil {
		return "", err
	}
	given := pkg != ""
	if !given {
		pkg = defaultPkg(dir)
		if len(files) > 0 {
			pkg = files[0].pkg
		}
	}
	line := func(f goFile) string {
		return fmt.Sprintf("%s: package %s", path.Join(filepath.ToSlash(dir), f.name), f.pkg)
	}
	var wrong, all []string
	for _, f := range files {
		all = append(all, line(f))
		if f.pkg != pkg {
			wrong = append(wrong, line(f))
		}
	}
	switch {
	case len(wrong) == 0:
		return pkg, nil
	case given:
		return "", usageError{fmt.Sprintf("%s: -pkg %s differs from the package of the hand-written files in %s, which the generated files join:\n%s",
			cmd, pkg, filepath.ToSlash(dir), strings.Join(wrong, "\n"))}
	}
	return "", usageError{fmt.Sprintf("%s: the hand-written files in %s are in different packages; pass -pkg NAME and fix the others:\n%s",
		cmd, filepath.ToSlash(dir), strings.Join(all, "\n"))}
}
