package emit_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/emit/httpwire"
	"github.com/docgen-dev/docgen/emit/wire"
	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/ir"
	docparser "github.com/docgen-dev/docgen/parser"
)

// fuzzExts are the names a fuzzed page may take: the low two bits of the
// kinds argument pick one per page. "" has no extension, so the format is
// sniffed from the content.
var fuzzExts = [4]string{".md", ".html", ".txt", ""}

// FuzzPipeline runs the whole generator on one or two fuzzed pages, as
// "docgen generate" does without the disk: parser.Parse on each page,
// ir.Resolve on the pages, emit.Generate on the spec. It checks that
//
//   - nothing panics;
//   - every diagnostic names one of the pages and a line inside it;
//   - input the parser and the resolver accept (no error diagnostic) is
//     never refused by the emitter, and every emitted file parses with
//     go/parser, holds no directive docgen did not write (see
//     gocheck.Directives), is valid UTF-8 without control or invisible format
//     characters, is as gofmt prints it, starts with the generated-code
//     header, declares no name twice across the package and has no init or
//     main function;
//   - the package type-checks with go/types (skipped under -short, for
//     more executions per second when fuzzing).
//
// The seeds are the pages of docs-src/seeds, of the goldens and of the
// hostile cases, paired with the next page of the same case so that
// references across pages resolve.
func FuzzPipeline(f *testing.F) {
	var groups [][][]byte
	add := func(pattern string) {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		sort.Strings(files)
		var g [][]byte
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			g = append(g, src)
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	add("../docs-src/seeds/*.txt")
	dirs, err := filepath.Glob("../golden/*/input")
	if err != nil {
		f.Fatal(err)
	}
	for _, d := range dirs {
		add(filepath.Join(d, "*.*"))
		add(filepath.Join(d, "*", "*.*"))
	}
	archives, err := filepath.Glob("../golden/hostile/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			f.Fatal(err)
		}
		var g [][]byte
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "pages/") {
				g = append(g, file.Data)
			}
		}
		groups = append(groups, g)
	}
	if len(groups) < 5 {
		f.Fatalf("only %d seed groups: run from the emit directory", len(groups))
	}
	kindOf := func(src []byte) uint8 {
		switch docparser.DetectFormat("", src) {
		case docparser.FormatMarkdown:
			return 0
		case docparser.FormatHTML:
			return 1
		}
		return 2
	}
	for _, g := range groups {
		for i, a := range g {
			var b []byte
			if len(g) > 1 {
				b = g[(i+1)%len(g)]
			}
			f.Add(kindOf(a)|kindOf(b)<<2, a, b)
		}
	}
	f.Add(uint8(0xff), []byte("\uFEFF"), []byte("\r\n"))

	imp := importer.Default()
	ownDirectives, err := gocheck.Own(wire.Files, httpwire.Files)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, kinds uint8, a, b []byte) {
		names := []string{"pages/a" + fuzzExts[kinds&3], "pages/b" + fuzzExts[kinds>>2&3]}
		srcs := [][]byte{a, b}
		if len(b) == 0 {
			names, srcs = names[:1], srcs[:1]
		}
		var pages []ir.Page
		var diags ir.Diagnostics
		for i, name := range names {
			p, ds := docparser.Parse(name, srcs[i])
			pages = append(pages, p)
			diags = append(diags, ds...)
		}
		spec, more := ir.Resolve(pages, emit.ResolveOptions())
		diags = append(diags, more...)
		for _, d := range diags {
			checkDiagPos(t, d, names, srcs)
		}
		if diags.HasErrors() {
			return // refused with a positioned error
		}
		files, err := emit.Generate(spec, emit.Options{Package: "fuzz", Sources: []string{"pages"}, ImportPath: "example.com/fuzz"})
		if err != nil {
			t.Fatalf("the emitter refused input the resolver accepted: %v", err)
		}
		// Two packages: the models, and the HTTP layer in a subdirectory.
		fset := token.NewFileSet()
		declared := map[string]string{}
		for _, file := range files {
			dir := path.Dir(file.Name)
			checkOutputText(t, file)
			checkGofmt(t, file)
			af, err := parser.ParseFile(fset, file.Name, file.Data, parser.ParseComments|parser.AllErrors)
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", file.Name, err, file.Data)
			}
			if !ast.IsGenerated(af) {
				t.Fatalf("%s does not say it is generated", file.Name)
			}
			if stray := gocheck.Stray(af, ownDirectives); len(stray) > 0 {
				t.Fatalf("%s holds directives docgen did not write: %q", file.Name, stray)
			}
			for _, n := range packageNames(af) {
				if n == "init" || n == "main" {
					t.Fatalf("%s declares %s", file.Name, n)
				}
				if prev, dup := declared[dir+"."+n]; dup && n != "_" {
					t.Fatalf("%s declares %s, already declared in %s", file.Name, n, prev)
				}
				declared[dir+"."+n] = file.Name
			}
		}
		if testing.Short() {
			return
		}
		if err := typeCheck(files, "example.com/fuzz", imp); err != nil {
			t.Fatalf("generated code does not type-check: %v", err)
		}
	})
}

// checkDiagPos asserts that d names one of the pages and, when it has a
// line, a line inside that page.
func checkDiagPos(t *testing.T, d ir.Diagnostic, names []string, srcs [][]byte) {
	t.Helper()
	for i, n := range names {
		if d.Pos.File != n {
			continue
		}
		// Lines are counted after CR LF and lone CR become LF.
		lines := 1 + strings.Count(strings.ReplaceAll(string(srcs[i]), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(srcs[i]), "\r\n", ""), "\r")
		if d.Pos.Line < 0 || d.Pos.Line > lines || d.Pos.Col < 0 || (d.Pos.Line == 0 && d.Pos.Col != 0) {
			t.Fatalf("diagnostic %q at %d:%d, outside %s (%d lines)", d.Message, d.Pos.Line, d.Pos.Col, n, lines)
		}
		return
	}
	t.Fatalf("diagnostic %q names %q, not a page (%v)", d.Message, d.Pos.File, names)
}

// checkOutputText rejects invalid UTF-8, control characters other than tab
// and newline, line separators and invisible format characters anywhere in
// a generated file.
func checkOutputText(t *testing.T, f emit.File) {
	t.Helper()
	if !utf8.Valid(f.Data) {
		t.Fatalf("%s is not valid UTF-8", f.Name)
	}
	for i, r := range string(f.Data) {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r) {
			t.Fatalf("%s:%d: character %U in the output", f.Name, 1+strings.Count(string(f.Data[:i]), "\n"), r)
		}
	}
}

// checkGofmt fails unless f is as gofmt prints it: the HTTP layer is
// written as text (emit's goSource), not printed by go/printer.
func checkGofmt(t *testing.T, f emit.File) {
	t.Helper()
	want, err := format.Source(f.Data)
	if err != nil {
		t.Fatalf("%s does not format: %v", f.Name, err)
	}
	if !bytes.Equal(want, f.Data) {
		t.Fatalf("%s is not as gofmt prints it:\n%s", f.Name, lineDiff(string(want), string(f.Data)))
	}
}

// lineDiff is the first line where got differs from want, with both.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\ngofmt: %q\ngot:   %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("gofmt has %d lines, got %d", len(w), len(g))
}

// packageNames lists the package-level names a file declares (methods
// excluded).
func packageNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}
