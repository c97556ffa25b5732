package emit

import (
	"bytes"
	doccomment "go/doc/comment"
	"path"
	"slices"
	"strconv"
	"strings"
)

// goSource builds a Go file as gofmt prints it, for the files of few
// shapes repeated thousands of times: the HTTP layer (Requests and Client
// methods, NewFake's table, Handle functions), the models and the request
// bodies (structs whose every field has a doc comment, so gofmt aligns
// nothing in them; field comments are not doc comments it reformats), the
// enums and the polymorphic wrappers.
// Built with jennifer, they would be printed, parsed and printed again by
// go/printer: for the whole Intune surface 18 MB of Go and most of what
// generating it cost.
//
// Nothing from the documentation reaches the text but through lit (a Go
// string literal), tagLiteral (a struct tag, as jennifer writes it) and
// commentLines (sanitised comment lines); identifiers come from the IR's
// name table, which only holds Go identifiers. The tests hold the output
// to gofmt (FuzzPipeline, TestTextFilesAsGofmtPrints) and to the runtime
// declarations it records as used (the packages type-check).
type goSource struct {
	decls bytes.Buffer
	// imports are the standard library packages the declarations use.
	imports map[string]bool
	// modelsPath and modelsAlias name the models package, which qual
	// writes as modelsAlias.Name.
	modelsPath, modelsAlias string
	// uses is what the file uses of the runtimes, as usesOf would read
	// it; seen holds its names (refs under "", fromModels under the
	// models path) so that recording one is not a search.
	uses fileUses
	seen map[[2]string]bool
}

func newGoSource(modelsPath, modelsAlias string) *goSource {
	return &goSource{imports: map[string]bool{}, modelsPath: modelsPath, modelsAlias: modelsAlias, seen: map[[2]string]bool{}}
}

// qual is the qualified identifier path.name, recording the import (the
// models package's under its alias).
func (s *goSource) qual(pkgPath, name string) string {
	if pkgPath == s.modelsPath {
		if k := [2]string{pkgPath, name}; !s.seen[k] {
			s.seen[k] = true
			s.uses.fromModels = append(s.uses.fromModels, name)
		}
		return s.modelsAlias + "." + name
	}
	s.imports[pkgPath] = true
	return path.Base(pkgPath) + "." + name
}

// rt is the identifier name of the package's runtime (wire_gen.go),
// recorded as used, so that the runtime file holds it.
func (s *goSource) rt(name string) string {
	if k := [2]string{"", name}; !s.seen[k] {
		s.seen[k] = true
		s.uses.refs = append(s.uses.refs, name)
	}
	return name
}

// lit is the Go string literal of s, as jen.Lit writes it.
func lit(s string) string { return strconv.Quote(s) }

// doc writes the doc comment of the next declaration: the paragraphs as
// commentLines writes them, reformatted as gofmt reformats a doc comment
// (go/printer's formatDocComment, which reads headings and link
// definitions into some text).
func (s *goSource) doc(paragraphs ...string) {
	writeDoc(&s.decls, commentLines(paragraphs...))
}

// writeDoc writes the comment lines ("// text" or "//") as gofmt prints
// them when they are a doc comment: as they are, unless go/doc/comment
// reads more into them than paragraphs (see plainDoc).
func writeDoc(b *bytes.Buffer, lines []string) {
	if plainDoc(lines) {
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		return
	}
	var text strings.Builder
	for _, l := range lines {
		text.WriteString(strings.TrimPrefix(strings.TrimPrefix(l, "//"), " "))
		text.WriteByte('\n')
	}
	var p doccomment.Parser
	var pr doccomment.Printer
	out := string(pr.Comment(p.Parse(text.String())))
	for out != "" {
		var line string
		line, out, _ = strings.Cut(out, "\n")
		switch {
		case line == "":
			b.WriteString("//\n")
		case strings.HasPrefix(line, "\t"):
			b.WriteString("//" + line + "\n")
		default:
			b.WriteString("// " + line + "\n")
		}
	}
}

// plainDoc reports whether a doc comment of lines as commentLines writes
// them is one paragraph that go/doc/comment prints back unchanged: a
// list or a code block needs an indented line, which commentLines never
// writes, a heading a line starting "#" or a paragraph of its own, a link
// definition a line starting "[", and two backquotes or two single
// quotes in a row become typographic quotes (found by FuzzPipeline).
func plainDoc(lines []string) bool {
	for _, l := range lines {
		if !strings.HasPrefix(l, "// ") || len(l) == 3 || l[3] == '#' || l[3] == '[' || l[3] == ' ' || l[3] == '\t' ||
			strings.Contains(l, "``") || strings.Contains(l, "''") {
			return false
		}
	}
	return true
}

// line writes one line of declarations, the concatenation of parts
// (identifiers, types, literals, fixed text) and a newline.
func (s *goSource) line(parts ...string) {
	for _, p := range parts {
		s.decls.WriteString(p)
	}
	s.decls.WriteByte('\n')
}

// file is the whole file: header, package comment (doc lines, for the
// first file of a package), package clause, imports (the standard
// library's, then the models package in a group of its own, as goimports
// groups them) and the declarations.
func (s *goSource) file(header []string, pkgDoc []string, pkg string) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString("// " + h + "\n")
	}
	b.WriteString("\n")
	writeDoc(&b, pkgDoc)
	b.WriteString("package " + pkg + "\n\n")
	std := make([]string, 0, len(s.imports))
	for p := range s.imports {
		std = append(std, p)
	}
	slices.Sort(std)
	models := s.modelsAlias + " " + lit(s.modelsPath)
	switch {
	case len(std) == 1 && len(s.uses.fromModels) == 0:
		b.WriteString("import " + lit(std[0]) + "\n\n") // as jennifer writes one import
	case len(std) == 0 && len(s.uses.fromModels) > 0:
		b.WriteString("import " + models + "\n\n")
	case len(std) > 0 || len(s.uses.fromModels) > 0:
		b.WriteString("import (\n")
		for _, p := range std {
			b.WriteString("\t" + lit(p) + "\n")
		}
		if len(s.uses.fromModels) > 0 {
			if len(std) > 0 {
				b.WriteString("\n")
			}
			b.WriteString("\t" + models + "\n")
		}
		b.WriteString(")\n\n")
	}
	decls := bytes.TrimRight(s.decls.Bytes(), "\n")
	b.Write(decls)
	b.WriteString("\n")
	return b.Bytes()
}
