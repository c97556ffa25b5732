package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/docgen-dev/docgen/emit/httpwire"
	"github.com/docgen-dev/docgen/emit/wire"
)

// The runtimes. Code that never varies with the documentation is real Go
// in emit/wire (for the models) and emit/httpwire (for the HTTP layer):
// compiled, vetted and tested there. A generated package gets a copy of
// the declarations it uses, and of what those use, in one file: a type
// with its methods and with the exported functions returning it (NewDuration
// with Duration, Some and Null with Optional), a declaration group whole.
// Nothing else: a package without durations has no Duration, one without
// operations no HTTP layer at all.
//
// The names of the runtimes are computed from their source here, so the
// names Resolve must keep free (ReservedNames, ParamReserved) cannot drift
// from the code.

// runtime is one runtime package's copied source, parsed.
type runtime struct {
	dir   string // where it lives, for the header: "emit/wire"
	decls []*runtimeDecl
	// byName maps a package-level name (not a method) to its declaration.
	byName map[string]*runtimeDecl
	// methods maps a type name to the declarations of its methods.
	methods map[string][]*runtimeDecl
	// provided are the names the generated code declares itself (and the
	// runtime package declares in a file that is not copied).
	provided []string
}

// runtimeDecl is one top-level declaration (a whole group for const, var
// and type groups).
type runtimeDecl struct {
	file    string
	offset  int      // in the file, for source order
	text    string   // the declaration with its doc comment
	names   []string // package-level names it declares; none for a method
	recv    string   // the receiver's type name, for a method
	refs    []string // package-level names it refers to
	imports []string // import paths it uses
	// results names the types an exported function returns, for telling
	// the functions that make a type (NewDuration for Duration).
	results []string
}

var (
	modelsRuntime = sync.OnceValue(func() *runtime { return parseRuntime("emit/wire", wire.Files, "") })
	httpRuntime   = sync.OnceValue(func() *runtime { return parseRuntime("emit/httpwire", httpwire.Files, httpwire.Provided) })
)

// parseRuntime parses files (name → source), which compile as one package
// together with provided (the declarations the generated code makes).
// They are docgen's own sources, embedded: a parse error is a bug in this
// build of docgen, so it panics.
func parseRuntime(dir string, files map[string]string, provided string) *runtime {
	rt := &runtime{dir: dir, byName: map[string]*runtimeDecl{}, methods: map[string][]*runtimeDecl{}}
	fset := token.NewFileSet()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		src := files[name]
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			panic(fmt.Sprintf("docgen: runtime %s/%s does not parse: %v", dir, name, err))
		}
		imports := map[string]string{} // local name → path
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			local := path.Base(p)
			if imp.Name != nil {
				local = imp.Name.Name
			}
			imports[local] = p
		}
		for _, decl := range f.Decls {
			if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			rt.add(fset, name, src, decl, imports)
		}
	}
	if provided != "" {
		f, err := parser.ParseFile(fset, "provided.go", provided, 0)
		if err != nil {
			panic(fmt.Sprintf("docgen: runtime %s/provided.go does not parse: %v", dir, err))
		}
		for _, decl := range f.Decls {
			rt.provided = append(rt.provided, declNames(decl)...)
		}
	}
	return rt
}

func (rt *runtime) add(fset *token.FileSet, file, src string, decl ast.Decl, imports map[string]string) {
	start := decl.Pos()
	var doc *ast.CommentGroup
	switch d := decl.(type) {
	case *ast.FuncDecl:
		doc = d.Doc
	case *ast.GenDecl:
		doc = d.Doc
	}
	if doc != nil {
		start = doc.Pos()
	}
	d := &runtimeDecl{
		file:   file,
		offset: fset.Position(start).Offset,
		text:   src[fset.Position(start).Offset:fset.Position(decl.End()).Offset],
		names:  declNames(decl),
	}
	if fd, ok := decl.(*ast.FuncDecl); ok {
		if fd.Recv != nil {
			d.recv = recvName(fd.Recv.List[0].Type)
		} else if fd.Name.IsExported() && fd.Type.Results != nil {
			for _, r := range fd.Type.Results.List {
				d.results = append(d.results, identsIn(r.Type)...)
			}
		}
	}
	refs, pkgs := references(decl)
	for _, p := range pkgs {
		if ip, ok := imports[p]; ok && !slices.Contains(d.imports, ip) {
			d.imports = append(d.imports, ip)
		}
	}
	d.refs = refs
	rt.decls = append(rt.decls, d)
	for _, n := range d.names {
		rt.byName[n] = d
	}
	if d.recv != "" {
		rt.methods[d.recv] = append(rt.methods[d.recv], d)
	}
}

// declNames are the package-level names decl declares (none for a method).
func declNames(decl ast.Decl) []string {
	var out []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}

func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func identsIn(e ast.Expr) []string {
	var out []string
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}

// references returns the unqualified identifiers n uses that may name a
// package-level declaration (leaving out selected names, struct-literal
// keys and the names of fields and methods it declares) and the names of
// the packages it selects from.
func references(n ast.Node) (refs, pkgs []string) {
	skip := map[*ast.Ident]bool{}
	seen := map[string]bool{}
	seenPkg := map[string]bool{}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
			if id, ok := x.X.(*ast.Ident); ok && !seenPkg[id.Name] {
				seenPkg[id.Name] = true
				pkgs = append(pkgs, id.Name)
			}
		case *ast.CompositeLit:
			if _, isMap := x.Type.(*ast.MapType); !isMap {
				for _, e := range x.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							skip[id] = true
						}
					}
				}
			}
		case *ast.Field:
			for _, id := range x.Names {
				skip[id] = true
			}
		case *ast.FuncDecl:
			skip[x.Name] = true
		case *ast.Ident:
			if !skip[x] && !seen[x.Name] {
				seen[x.Name] = true
				refs = append(refs, x.Name)
			}
		}
		return true
	})
	return refs, pkgs
}

// fileUses is what one generated file uses of the runtimes: the
// identifiers that may name a declaration of its own package's runtime
// (see references), and the names it selects from the models package it
// imports (the HTTP layer's Value[models.Double]), which the models
// runtime must then hold too.
type fileUses struct {
	refs, fromModels []string
}

// usesOf returns what the generated file f uses. path is the models
// package's import path and pkg its name, used where the import gives
// none.
func usesOf(f *ast.File, path, pkg string) fileUses {
	var u fileUses
	u.refs, _ = references(f)
	name := ""
	for _, im := range f.Imports {
		if p, err := strconv.Unquote(im.Path.Value); err != nil || p != path {
			continue
		}
		name = pkg
		if im.Name != nil {
			name = im.Name.Name
		}
	}
	if name == "" {
		return u
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if x, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := x.X.(*ast.Ident); ok && id.Name == name {
				u.fromModels = append(u.fromModels, x.Sel.Name)
			}
		}
		return true
	})
	return u
}

// exported are the runtime's exported package-level names.
func (rt *runtime) exported() []string {
	var out []string
	for _, d := range rt.decls {
		for _, n := range d.names {
			if token.IsExported(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// all are every package-level name of the runtime, provided ones too.
func (rt *runtime) all() []string {
	var out []string
	for _, d := range rt.decls {
		out = append(out, d.names...)
	}
	return append(out, rt.provided...)
}

// fields returns the field and method names of the runtime's type name:
// the names a generated method of that type may not take.
func (rt *runtime) members(name string) []string {
	var out []string
	if d := rt.byName[name]; d != nil {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+d.text, 0)
		if err == nil {
			ast.Inspect(f, func(n ast.Node) bool {
				if ts, ok := n.(*ast.TypeSpec); ok && ts.Name.Name == name {
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							for _, id := range fl.Names {
								out = append(out, id.Name)
							}
						}
					}
				}
				return true
			})
		}
	}
	for _, m := range rt.methods[name] {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+m.text, 0)
		if err == nil {
			out = append(out, f.Decls[0].(*ast.FuncDecl).Name.Name)
		}
	}
	return out
}

// selection is the declarations a package whose other files use the names
// roots needs, in source order; empty when it needs none.
func (rt *runtime) selection(roots []string) []*runtimeDecl {
	in := map[*runtimeDecl]bool{}
	var work []*runtimeDecl
	want := func(d *runtimeDecl) {
		if d != nil && !in[d] {
			in[d] = true
			work = append(work, d)
		}
	}
	for _, r := range roots {
		want(rt.byName[r])
	}
	for len(work) > 0 {
		for len(work) > 0 {
			d := work[len(work)-1]
			work = work[:len(work)-1]
			for _, r := range d.refs {
				want(rt.byName[r])
			}
			for _, n := range d.names {
				for _, m := range rt.methods[n] {
					want(m)
				}
			}
		}
		// The exported functions that make a type come with it.
		for _, d := range rt.decls {
			if in[d] || len(d.results) == 0 {
				continue
			}
			for _, r := range d.results {
				if t := rt.byName[r]; t != nil && in[t] && token.IsExported(r) {
					want(d)
					break
				}
			}
		}
	}
	var out []*runtimeDecl
	for _, d := range rt.decls {
		if in[d] {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return out[i].offset < out[j].offset
	})
	return out
}

// file renders the runtime declarations a package needs, for the package
// pkg with the given header lines; nil when it needs none.
func (rt *runtime) file(pkg string, header []string, roots []string) ([]byte, error) {
	sel := rt.selection(roots)
	if len(sel) == 0 {
		return nil, nil
	}
	var imports []string
	for _, d := range sel {
		for _, p := range d.imports {
			if !slices.Contains(imports, p) {
				imports = append(imports, p)
			}
		}
	}
	sort.Strings(imports)
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString("// " + h + "\n")
	}
	b.WriteString("// source: docgen runtime (" + rt.dir + ")\n\npackage " + pkg + "\n\n")
	if len(imports) > 0 {
		b.WriteString("import (\n")
		for _, p := range imports {
			b.WriteString("\t" + strconv.Quote(p) + "\n")
		}
		b.WriteString(")\n\n")
	}
	for _, d := range sel {
		b.WriteString(d.text + "\n\n")
	}
	return format.Source(b.Bytes())
}

// predeclared are the identifiers of Go's universe scope.
var predeclared = sync.OnceValue(func() []string { return types.Universe.Names() })
