package emit

import (
	"bytes"
	"go/format"
	"strings"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
)

// Polymorphism. A property whose type has derived types may hold any of
// them, told apart on the wire by "@odata.type". For such a base type B the
// IR names:
//
//	B.KindGoName  an interface every model in B's hierarchy implements
//	B.AnyGoName   a wrapper holding a B, any type derived from it, or (for a
//	              derived type this package does not know) the raw JSON
//
// Decoding picks the concrete model with NewByODataType; encoding writes
// "@odata.type" for a derived value that does not set it (see
// emit/wire/poly.go).

// polyBase returns the type of ref when values of it may be polymorphic.
func (g *gen) polyBase(ref ir.TypeRef) *ir.Type {
	if t := g.types[ref.Name]; t != nil && t.AnyGoName != "" {
		return t
	}
	return nil
}

// polyFile writes an interface and a wrapper per base; the helpers they
// share (polyModel, odataTypeOr, encodePoly) are in the runtime. It is
// written as text gofmt would print (see goSource; isMethods aligns what
// gofmt aligns).
func (g *gen) polyFile(s *goSource) {
	for i := range g.spec.Types {
		if t := &g.spec.Types[i]; t.AnyGoName != "" {
			g.polyBaseDecls(s, t)
		}
	}
	// Every model in a hierarchy implements the interfaces of its ancestors.
	for i := range g.spec.Types {
		t := &g.spec.Types[i]
		var kinds []string
		seen := map[string]bool{}
		for a := t; a != nil && !seen[a.Name]; a = g.types[a.Base] {
			seen[a.Name] = true
			if a.KindGoName != "" {
				kinds = append(kinds, a.GoName)
			}
		}
		if len(kinds) == 0 {
			continue
		}
		isMethods(s, t.GoName, kinds)
		s.line("func (m *", t.GoName, ") odataType() (string, bool) {")
		s.line("\treturn ", lit("#"+t.Name), ", m.", fieldODataType, " != nil")
		s.line("}")
		s.line()
	}
}

// isMethods writes the empty marker methods is<Base>() of the model
// goName, one per base, as gofmt prints consecutive one-line functions:
// their bodies aligned in a column after the longest header, except that
// a function whose header reaches column 100 gets its braces on two lines
// (go/printer's funcBody), which ends the column.
func isMethods(s *goSource, goName string, bases []string) {
	headers := make([]string, len(bases))
	ascii := true
	for i, b := range bases {
		headers[i] = "func (*" + goName + ") is" + b + "()"
		ascii = ascii && isASCII(headers[i])
	}
	if !ascii {
		// Columns count characters, not bytes: leave those to gofmt.
		var src bytes.Buffer
		src.WriteString("package p\n\n")
		for _, h := range headers {
			src.WriteString(h + " {}\n")
		}
		out, err := format.Source(src.Bytes())
		if err == nil {
			s.decls.Write(bytes.TrimPrefix(out, []byte("package p\n\n")))
			return
		}
	}
	const maxHeader = 99 // longest header of a one-line function
	for i := 0; i < len(headers); {
		if len(headers[i]) > maxHeader {
			s.line(headers[i], " {")
			s.line("}")
			i++
			continue
		}
		j, width := i, 0
		for ; j < len(headers) && len(headers[j]) <= maxHeader; j++ {
			width = max(width, len(headers[j]))
		}
		for _, h := range headers[i:j] {
			s.line(h, strings.Repeat(" ", width-len(h)+1), "{}")
		}
		i = j
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (g *gen) polyBaseDecls(s *goSource, t *ir.Type) {
	K, A := t.KindGoName, t.AnyGoName
	raw := s.qual("encoding/json", "RawMessage")
	s.doc(K + " is implemented by *" + t.GoName + " and by every model derived from " + t.Name + ".")
	s.line("type ", K, " interface {")
	s.line("\t", s.rt("polyModel"))
	s.line("\tis", t.GoName, "()")
	s.line("}")
	s.line()
	s.doc(A+" holds a "+t.Name+" or any type derived from it, chosen on decoding by \"@odata.type\".",
		"Value is the decoded model (*"+t.GoName+" or a derived model); a value whose \"@odata.type\" names a type this package does not know is kept in Raw and re-encoded unchanged. Exactly one of them is set, or neither (absent).")
	s.line("type ", A, " struct {")
	s.line("\tValue ", K)
	s.line("\tRaw   ", raw)
	s.line("}")
	s.line()
	s.line("// IsZero reports whether a holds nothing (omitzero omits it).")
	s.line("func (a ", A, ") IsZero() bool {")
	s.line("\treturn a.Value == nil && a.Raw == nil")
	s.line("}")
	s.line()
	s.line("// MarshalJSON encodes the value, with \"@odata.type\" for derived types.")
	s.line("func (a ", A, ") MarshalJSON() ([]byte, error) {")
	s.line("\tswitch {")
	s.line("\tcase a.Value != nil:")
	s.line("\t\treturn ", s.rt("encodePoly"), "(a.Value, ", lit("#"+t.Name), ")")
	s.line("\tcase a.Raw != nil:")
	s.line("\t\treturn a.Raw, nil")
	s.line("\t}")
	s.line("\treturn []byte(\"null\"), nil")
	s.line("}")
	s.line()
	s.line("// UnmarshalJSON decodes into the model \"@odata.type\" names.")
	s.line("func (a *", A, ") UnmarshalJSON(data []byte) error {")
	s.line("\t*a = ", A, "{}")
	s.line("\tif string(data) == \"null\" {")
	s.line("\t\treturn nil")
	s.line("\t}")
	// Input that is not an object fails in the decoding of the model.
	s.line("\tk, ok := NewByODataType(", s.rt("odataTypeOr"), "(data, ", lit(t.Name), ")).(", K, ")")
	s.line("\tif !ok {")
	s.line("\t\ta.Raw = append(", raw, "(nil), data...)")
	s.line("\t\treturn nil")
	s.line("\t}")
	s.line("\tif err := ", s.qual("encoding/json", "Unmarshal"), "(data, k); err != nil {")
	s.line("\t\treturn err")
	s.line("\t}")
	s.line("\ta.Value = k")
	s.line("\treturn nil")
	s.line("}")
	s.line()
}
