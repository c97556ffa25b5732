package gocheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Directives returns the comment lines of f that the go command, the
// compiler or go vet would read as a directive rather than prose:
// "//go:..." (go:generate, go:build, go:linkname, ...), "//line" and
// "/*line" position directives, "//export", "// +build" constraints and
// "#cgo" preamble lines. Each is returned as written.
//
// Generated code may hold only the directives its generator itself wrote;
// documentation text must never become one (a "//go:generate" line in a
// generated file runs a command on the next "go generate ./...").
func Directives(f *ast.File) []string {
	var out []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			for _, line := range strings.Split(c.Text, "\n") {
				if IsDirective(line) {
					out = append(out, line)
				}
			}
		}
	}
	return out
}

// IsDirective reports whether one line of a comment (with its "//" or "/*")
// is a directive; see Directives.
func IsDirective(line string) bool {
	line = strings.TrimLeft(line, " \t")
	switch {
	case strings.HasPrefix(line, "//go:"), strings.HasPrefix(line, "//line "),
		strings.HasPrefix(line, "/*line "), strings.HasPrefix(line, "//export "):
		return true
	}
	text := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(line, "//"), "/*"), " \t*")
	return strings.HasPrefix(text, "+build") || strings.HasPrefix(text, "#cgo")
}

// Stray returns the directives of f that are not in own: those its
// generator did not write itself (see Own).
func Stray(f *ast.File, own map[string]bool) []string {
	var out []string
	for _, d := range Directives(f) {
		if !own[strings.TrimLeft(d, " \t")] {
			out = append(out, d)
		}
	}
	return out
}

// Own is the set of directives in the Go source files a generator copies
// into its output (each a map of file name to source; for docgen, the
// runtimes emit/wire.Files and emit/httpwire.Files): the only directives a
// generated file may hold.
func Own(files ...map[string]string) (map[string]bool, error) {
	own := map[string]bool{}
	for _, srcs := range files {
		for name, src := range srcs {
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
			if err != nil {
				return nil, err
			}
			for _, d := range Directives(f) {
				own[strings.TrimLeft(d, " \t")] = true
			}
		}
	}
	return own, nil
}
