package emit

import (
	"go/token"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
)

// primitiveGo maps the EDM primitives whose Go type is predeclared or from
// the standard library to it; primitiveWire names the others, whose exact
// wire formats are types of the models runtime (wire_gen.go), which keep
// the text as received. primitiveType reads both.
var primitiveGo = map[string]qualName{
	"Edm.String":  {"", "string"},
	"Edm.Boolean": {"", "bool"},
	"Edm.Int16":   {"", "int16"},
	"Edm.Int32":   {"", "int32"},
	"Edm.Int64":   {"", "int64"},
	"Edm.Byte":    {"", "uint8"},
	"Edm.SByte":   {"", "int8"},
	"Edm.Decimal": {"encoding/json", "Number"},
	"Edm.Untyped": {"encoding/json", "RawMessage"},
}

// qualName is a Go type name: predeclared when path is empty.
type qualName struct{ path, name string }

var primitiveWire = map[string]string{
	"Edm.Single":         "Double",
	"Edm.Double":         "Double",
	"Edm.DateTimeOffset": "DateTimeOffset",
	"Edm.Date":           "Date",
	"Edm.TimeOfDay":      "TimeOfDay",
	"Edm.Duration":       "Duration",
	"Edm.Binary":         "Binary",
	"Edm.Guid":           "GUID",
	"Edm.Stream":         "Stream",
}

// primitiveType is the Go type of the EDM primitive name: a runtime type
// named through runtimeRef (bare in the models package, qualified by the
// models package in the HTTP layer), a predeclared or a standard library
// one; "" for anything but a primitive.
func primitiveType(s *goSource, name string, runtimeRef func(string) string) string {
	if n, ok := primitiveWire[name]; ok {
		return runtimeRef(n)
	}
	if q, ok := primitiveGo[name]; ok {
		if q.path == "" {
			return q.name
		}
		return s.qual(q.path, q.name)
	}
	return ""
}

// elemType is the Go type of one value of ref (ignoring collection-ness)
// in the models package.
func (g *gen) elemType(s *goSource, ref ir.TypeRef) string {
	if t := primitiveType(s, ref.Name, s.rt); t != "" {
		return t
	}
	if e, ok := g.enums[ref.Name]; ok {
		return e.GoName
	}
	if t := g.polyBase(ref); t != nil {
		return t.AnyGoName
	}
	if t, ok := g.types[ref.Name]; ok {
		return t.GoName
	}
	return s.qual("encoding/json", "RawMessage")
}

// isRaw reports whether values of ref are kept as raw JSON.
func (g *gen) isRaw(ref ir.TypeRef) bool {
	if ref.Name == "Edm.Untyped" {
		return true
	}
	_, wire := primitiveWire[ref.Name]
	_, std := primitiveGo[ref.Name]
	prim := wire || std
	_, enum := g.enums[ref.Name]
	_, typ := g.types[ref.Name]
	return !prim && !enum && !typ
}

// pointerField reports whether a model field of type ref is a pointer (*T,
// nil when absent). The others hold "nothing" themselves: a nil slice for a
// collection, empty raw JSON, an empty Any wrapper. Every emitter that
// handles model fields decides by this (see fieldType and absent).
func (g *gen) pointerField(ref ir.TypeRef) bool {
	return !ref.Collection && !g.isRaw(ref) && g.polyBase(ref) == nil
}

// fieldType is the Go type of a model field: a slice for collections, the
// value itself for raw JSON and Any wrappers, otherwise a pointer so that
// "absent" is nil.
func (g *gen) fieldType(s *goSource, ref ir.TypeRef) string {
	switch {
	case ref.Collection:
		return "[]" + g.elemType(s, ref)
	case !g.pointerField(ref):
		return g.elemType(s, ref) // nil-able already: omitzero omits the zero value
	}
	return "*" + g.elemType(s, ref)
}

// modelFile writes models_gen.go: a struct per type, and NewByODataType.
// Like the request bodies it is written as text gofmt would print (see
// goSource): every field has a doc comment, so nothing is aligned.
func (g *gen) modelFile(s *goSource) {
	for i := range g.spec.Types {
		g.model(s, &g.spec.Types[i])
	}
	g.registry(s)
}

// registry writes NewByODataType, which maps an "@odata.type" value to a
// new model: the way to pick the concrete type of a payload.
func (g *gen) registry(s *goSource) {
	s.line("// NewByODataType returns a pointer to a new, empty model of the type named by")
	s.line("// odataType (\"#microsoft.graph.x\" or \"microsoft.graph.x\"), or nil when this")
	s.line("// package has no such type.")
	s.line("func NewByODataType(odataType string) any {")
	s.line("\tswitch ", s.qual("strings", "TrimPrefix"), "(odataType, \"#\") {")
	for _, t := range g.spec.Types {
		s.line("\tcase ", lit(t.Name), ":")
		s.line("\t\treturn new(", t.GoName, ")")
	}
	s.line("\t}")
	s.line("\treturn nil")
	s.line("}")
}

// model writes one struct. Inherited properties are flattened into it (the
// IR lists them), so every struct decodes and encodes on its own.
func (g *gen) model(s *goSource, t *ir.Type) {
	s.doc(g.typeDoc(t)...)
	s.line("type ", t.GoName, " struct {")
	for _, l := range commentLines("ODataType is the \"@odata.type\" annotation, e.g. " + quoteForComment("#"+t.Name) + ".") {
		s.line("\t", l)
	}
	s.line("\t", fieldODataType, " *string ", tagLiteral(map[string]string{"json": "@odata.type,omitzero"}))
	for _, p := range t.Properties {
		g.field(s, p, t.Properties)
	}
	if !g.opts.DropUnknown {
		for _, l := range commentLines("Unknown holds the members the service sent that these docs do not document, in order; MarshalJSON writes them back.") {
			s.line("\t", l)
		}
		s.line("\t", fieldUnknown, " ", s.rt("Unknown"), " ", tagLiteral(map[string]string{"json": "-"}))
	}
	s.line("}")
	s.line()
	if !g.opts.DropUnknown {
		g.keepingMethods(s, t)
	}
}

// plainName is the name of the method-less local copy of the model goName
// in its keeping methods: goName with a lower-case first letter, so that
// encoding/json's errors name the struct as the docs do ("Go struct field
// rgbColor.r"), unless that is a Go keyword or predeclared name or one the
// methods use, when it is "plain".
func plainName(goName string) string {
	r, size := utf8.DecodeRuneInString(goName)
	name := string(unicode.ToLower(r)) + goName[size:]
	if !token.IsIdentifier(name) || token.IsKeyword(name) || slices.Contains(predeclared(), name) ||
		slices.Contains([]string{"m", "data", "decodeKeeping", "encodeKeeping"}, name) {
		return "plain"
	}
	return name
}

// keepingMethods writes the two methods that keep a model's unknown
// members: each decodes or encodes the model as a method-less copy of its
// type (plain), through the runtime, which handles Unknown.
func (g *gen) keepingMethods(s *goSource, t *ir.Type) {
	local := plainName(t.GoName)
	s.line("// ", methodUnmarshalJSON, " decodes m, keeping the members it does not document in m.Unknown.")
	s.line("func (m *", t.GoName, ") ", methodUnmarshalJSON, "(data []byte) error {")
	s.line("\ttype ", local, " ", t.GoName)
	s.line("\treturn ", s.rt("decodeKeeping"), "(data, (*", local, ")(m), &m.", fieldUnknown, ")")
	s.line("}")
	s.line()
	s.line("// ", methodMarshalJSON, " encodes m, the members in m.Unknown after the documented ones.")
	s.line("func (m ", t.GoName, ") ", methodMarshalJSON, "() ([]byte, error) {")
	s.line("\ttype ", local, " ", t.GoName)
	s.line("\treturn ", s.rt("encodeKeeping"), "((*", local, ")(&m), m.", fieldUnknown, ")")
	s.line("}")
	s.line()
}

// field writes the struct field of a model for p, one of props.
func (g *gen) field(s *goSource, p ir.Property, props []ir.Property) {
	var notes []string
	if p.Type.Raw != "" && p.Type.Name == "Edm.Untyped" && p.Type.Raw != "Json" {
		notes = append(notes, "(Documented type "+p.Type.Raw+" is unknown; kept as raw JSON.)")
	}
	if p.Navigation {
		notes = append(notes, "(Navigation property: present when the request expands it with $expand; no request body sends it unless its page lists it.)")
	}
	rules := g.ruleTags(p)
	if p.Required {
		rules = append(rules, "required")
	}
	for _, l := range commentLines(propertyDoc(p, props, notes...)...) {
		s.line("\t", l)
	}
	if allCaps(p.GoName) {
		s.line("\t", allCapsDirective)
	}
	s.line("\t", p.GoName, " ", g.fieldType(s, p.Type), " ", tagLiteral(tags(p.Name, rules)))
}

// allCaps reports whether name is a documented name whose only Go
// spelling reads as ALL_CAPS to staticcheck's ST1003 (V4_0_3 from
// "v4_0_3": one capital, then digits with the underscores that keep the
// numbers apart): its field gets allCapsDirective, docgen's own fixed
// text, never documentation text.
func allCaps(name string) bool {
	return len(name) >= 5 && strings.Contains(name, "_") && !strings.ContainsFunc(name, func(r rune) bool {
		return r != '_' && !unicode.IsUpper(r) && !unicode.IsDigit(r)
	})
}

// allCapsDirective is the staticcheck directive that says why a name is ALL_CAPS.
const allCapsDirective = "//lint:ignore ST1003 the documented name has no other Go spelling"

// quoteForComment renders s for a comment; s is already sanitized data.
func quoteForComment(s string) string { return "\"" + sanitize(s) + "\"" }
