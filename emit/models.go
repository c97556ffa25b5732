package emit

import (
	"go/token"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

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

// primitiveType is the Go type of the EDM primitive name, a runtime type
// named through runtimeRef (jen.Id in the models package, the models
// package's qualified name in the HTTP layer); ok is false for anything
// but a primitive.
func primitiveType(name string, runtimeRef func(string) *jen.Statement) (t *jen.Statement, ok bool) {
	if n, ok := primitiveWire[name]; ok {
		return runtimeRef(n), true
	}
	if q, ok := primitiveGo[name]; ok {
		if q.path == "" {
			return jen.Id(q.name), true
		}
		return jen.Qual(q.path, q.name), true
	}
	return nil, false
}

// elemTypeText is elemType for a file written as text.
func (g *gen) elemTypeText(s *goSource, ref ir.TypeRef) string {
	if n, ok := primitiveWire[ref.Name]; ok {
		return s.rt(n)
	}
	if q, ok := primitiveGo[ref.Name]; ok {
		if q.path == "" {
			return q.name
		}
		return s.qual(q.path, q.name)
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

// elemType is the Go type of one value of ref (ignoring collection-ness).
func (g *gen) elemType(ref ir.TypeRef) *jen.Statement {
	if t, ok := primitiveType(ref.Name, func(n string) *jen.Statement { return jen.Id(n) }); ok {
		return t
	}
	if e, ok := g.enums[ref.Name]; ok {
		return jen.Id(e.GoName)
	}
	if t := g.polyBase(ref); t != nil {
		return jen.Id(t.AnyGoName)
	}
	if t, ok := g.types[ref.Name]; ok {
		return jen.Id(t.GoName)
	}
	return jen.Qual("encoding/json", "RawMessage")
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
func (g *gen) fieldType(ref ir.TypeRef) *jen.Statement {
	switch {
	case ref.Collection:
		return jen.Index().Add(g.elemType(ref))
	case !g.pointerField(ref):
		return g.elemType(ref) // nil-able already: omitzero omits the zero value
	}
	return jen.Op("*").Add(g.elemType(ref))
}

func (g *gen) modelFile(f *jen.File) {
	for i := range g.spec.Types {
		g.model(f, &g.spec.Types[i])
	}
	g.registry(f)
}

// registry emits NewByODataType, which maps an "@odata.type" value to a new
// model: the way to pick the concrete type of a payload.
func (g *gen) registry(f *jen.File) {
	var cases []jen.Code
	for _, t := range g.spec.Types {
		cases = append(cases, jen.Case(jen.Lit(t.Name)).Block(jen.Return(jen.New(jen.Id(t.GoName)))))
	}
	f.Comment("NewByODataType returns a pointer to a new, empty model of the type named by")
	f.Comment("odataType (\"#microsoft.graph.x\" or \"microsoft.graph.x\"), or nil when this")
	f.Comment("package has no such type.")
	f.Func().Id("NewByODataType").Params(jen.Id("odataType").String()).Any().Block(
		jen.Switch(jen.Qual("strings", "TrimPrefix").Call(jen.Id("odataType"), jen.Lit("#"))).Block(cases...),
		jen.Return(jen.Nil()),
	)
}

// model emits one struct. Inherited properties are flattened into it (the IR
// lists them), so every struct decodes and encodes on its own.
func (g *gen) model(f *jen.File, t *ir.Type) {
	f.Add(comment(g.typeDoc(t)...))
	fields := []jen.Code{
		comment("ODataType is the \"@odata.type\" annotation, e.g. " + quoteForComment("#"+t.Name) + "."),
		jen.Id(fieldODataType).Op("*").String().Tag(map[string]string{"json": "@odata.type,omitzero"}),
	}
	for _, p := range t.Properties {
		fields = append(fields, g.field(p, t.Properties))
	}
	if !g.opts.DropUnknown {
		fields = append(fields,
			comment("Unknown holds the members the service sent that these docs do not document, in order; MarshalJSON writes them back."),
			jen.Id(fieldUnknown).Id("Unknown").Tag(map[string]string{"json": "-"}))
	}
	f.Type().Id(t.GoName).Struct(fields...)
	f.Line()
	if !g.opts.DropUnknown {
		g.keepingMethods(f, t)
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

// keepingMethods emits the two methods that keep a model's unknown members:
// each decodes or encodes the model as a method-less copy of its type
// (plain), through the runtime, which handles Unknown.
func (g *gen) keepingMethods(f *jen.File, t *ir.Type) {
	local := plainName(t.GoName)
	plain := jen.Type().Id(local).Id(t.GoName)
	f.Comment(methodUnmarshalJSON + " decodes m, keeping the members it does not document in m.Unknown.")
	f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id(methodUnmarshalJSON).Params(jen.Id("data").Index().Byte()).Error().Block(
		plain.Clone(),
		jen.Return(jen.Id("decodeKeeping").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id(local)).Call(jen.Id("m")), jen.Op("&").Id("m").Dot(fieldUnknown))),
	)
	f.Line()
	f.Comment(methodMarshalJSON + " encodes m, the members in m.Unknown after the documented ones.")
	f.Func().Params(jen.Id("m").Id(t.GoName)).Id(methodMarshalJSON).Params().Params(jen.Index().Byte(), jen.Error()).Block(
		plain,
		jen.Return(jen.Id("encodeKeeping").Call(jen.Parens(jen.Op("*").Id(local)).Call(jen.Op("&").Id("m")), jen.Id("m").Dot(fieldUnknown))),
	)
	f.Line()
}

func (g *gen) field(p ir.Property, props []ir.Property) jen.Code {
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
	return jen.Add(comment(propertyDoc(p, props, notes...)...)).Line().Add(allCapsNote(p.GoName)).
		Id(p.GoName).Add(g.fieldType(p.Type)).Tag(tags(p.Name, rules))
}

// allCapsNote is, for a documented name whose only Go spelling reads as
// ALL_CAPS to staticcheck's ST1003 (V4_0_3 from "v4_0_3": one capital,
// then digits with the underscores that keep the numbers apart), the
// staticcheck directive that says so; nothing for any other name. It is
// docgen's own fixed text, never documentation text.
func allCapsNote(name string) jen.Code {
	if !allCaps(name) {
		return jen.Null()
	}
	return jen.Comment(allCapsDirective).Line()
}

// allCaps reports whether name needs allCapsNote.
func allCaps(name string) bool {
	return len(name) >= 5 && strings.Contains(name, "_") && !strings.ContainsFunc(name, func(r rune) bool {
		return r != '_' && !unicode.IsUpper(r) && !unicode.IsDigit(r)
	})
}

// allCapsDirective is the text of allCapsNote.
const allCapsDirective = "//lint:ignore ST1003 the documented name has no other Go spelling"

// quoteForComment renders s for a comment; s is already sanitized data.
func quoteForComment(s string) string { return "\"" + sanitize(s) + "\"" }
