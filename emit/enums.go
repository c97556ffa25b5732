package emit

import (
	"strings"

	"github.com/docgen-dev/docgen/ir"
)

// enumFile writes enums_gen.go: one string type per enum. A string type
// keeps any value the service sends, documented or not; Known tells
// which. It is written as text gofmt would print (see goSource): every
// constant has a doc comment, so nothing is aligned.
func (g *gen) enumFile(s *goSource) {
	for i := range g.spec.Enums {
		g.enum(s, &g.spec.Enums[i])
	}
}

func (g *gen) enum(s *goSource, e *ir.Enum) {
	doc := e.GoName + " is the enum type " + e.Name + "."
	if e.Description != "" {
		doc += " " + e.Description
	}
	if e.Flags {
		doc += " It is a flags enum: the wire value is a comma-separated list of members; use Members and New" + e.GoName + " to work with the set."
	}
	doc += " Values the documentation does not list decode and re-encode unchanged; Known reports whether a value is documented."
	where := g.docRef("Documented at", e.Pos)
	if e.Source == "description" {
		where = g.docRef("Members are those listed in a property description at", e.Pos)
	}
	T := e.GoName
	s.doc(doc, where)
	s.line("type ", T, " string")
	s.line()

	if len(e.Members) > 0 {
		s.line("// Documented values of ", T, ".")
		s.line("const (")
		for _, m := range e.Members {
			for _, l := range commentLines(memberDoc(m)) {
				s.line("\t", l)
			}
			s.line("\t", m.GoName, " ", T, " = ", lit(m.Name))
		}
		s.line(")")
		s.line()
	}

	// The documented values are data, a []string shared by Values and
	// Known: a package has hundreds of enums, and a switch or a slice
	// literal of its own type per enum is compiled code for each.
	list := enumListName(e)
	names := make([]string, len(e.Members))
	for i, m := range e.Members {
		names[i] = lit(m.Name)
	}
	s.line("var ", list, " = []string{", strings.Join(names, ", "), "}")
	s.line()
	s.line("// ", T, "Values lists the documented values in documentation order.")
	s.line("func ", ir.EnumValuesName(T), "() []", T, " {")
	s.line("\treturn ", s.rt("enumValues"), "[", T, "](", list, ")")
	s.line("}")
	s.line()

	if e.Flags {
		g.flagMethods(s, e)
		return
	}
	s.line("// Known reports whether v is a documented value.")
	s.line("func (v ", T, ") Known() bool {")
	s.line("\treturn ", s.qual("slices", "Contains"), "(", list, ", string(v))")
	s.line("}")
	s.line()
	stringMethod(s, T)
}

// stringMethod writes the String method of the enum type T.
func stringMethod(s *goSource, T string) {
	s.line("// String returns the wire value.")
	s.line("func (v ", T, ") String() string {")
	s.line("\treturn string(v)")
	s.line("}")
	s.line()
}

// flagMethods writes set helpers for a flags enum, whose wire value is a
// comma-separated list ("a,b").
func (g *gen) flagMethods(s *goSource, e *ir.Enum) {
	T := e.GoName
	join, split, trim, contains := s.qual("strings", "Join"), s.qual("strings", "Split"), s.qual("strings", "TrimSpace"), s.qual("slices", "Contains")
	s.line("// ", ir.FlagsConstructorName(T), " joins members into one flags value.")
	s.line("func ", ir.FlagsConstructorName(T), "(members ...", T, ") ", T, " {")
	s.line("\tparts := make([]string, 0, len(members))")
	s.line("\tfor _, m := range members {")
	s.line("\t\tparts = append(parts, string(m))")
	s.line("\t}")
	s.line("\treturn ", T, "(", join, "(parts, \",\"))")
	s.line("}")
	s.line()
	s.line("// Members splits a flags value into its members, in wire order.")
	s.line("func (v ", T, ") Members() []", T, " {")
	s.line("\tif v == \"\" {")
	s.line("\t\treturn nil")
	s.line("\t}")
	s.line("\tvar out []", T)
	s.line("\tfor _, p := range ", split, "(string(v), \",\") {")
	s.line("\t\tout = append(out, ", T, "(", trim, "(p)))")
	s.line("\t}")
	s.line("\treturn out")
	s.line("}")
	s.line()
	s.line("// Has reports whether the flags value v includes member m.")
	s.line("func (v ", T, ") Has(m ", T, ") bool {")
	s.line("\tfor _, x := range v.Members() {")
	s.line("\t\tif x == m {")
	s.line("\t\t\treturn true")
	s.line("\t\t}")
	s.line("\t}")
	s.line("\treturn false")
	s.line("}")
	s.line()
	s.line("// Known reports whether every member of v is documented.")
	s.line("func (v ", T, ") Known() bool {")
	s.line("\tfor _, x := range v.Members() {")
	s.line("\t\tif !", contains, "(", enumListName(e), ", string(x)) {")
	s.line("\t\t\treturn false")
	s.line("\t\t}")
	s.line("\t}")
	s.line("\treturn true")
	s.line("}")
	s.line()
	stringMethod(s, T)
}

// enumListName is the unexported variable holding e's documented values:
// unexported, it cannot collide with a generated name, and no runtime name
// starts with "documented".
func enumListName(e *ir.Enum) string {
	return "documented" + e.GoName + "Values"
}
