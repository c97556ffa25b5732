package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// patches emits, for every documented operation with a body, a body type in
// which each property is absent, null or a value (Optional[T] with omitzero:
// a *T cannot tell absent from null), its Validate, CheckReadOnly and
// SetChanges. The requests are built in the HTTP layer
// (<pkg>http/client_gen.go).
func (g *gen) patchFile(f *jen.File) {
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		t := g.types[op.Body.Name]
		if t == nil {
			continue
		}
		g.patchBody(f, op, t)
		// Only a create or an update body is a (partial) entity that a
		// model's changes can fill.
		if op.Kind == ir.OpCreate || op.Kind == ir.OpUpdate {
			g.changesFunc(f, op, t)
		}
	}
}

// bodyProps are the properties of t the operation's body table lists, in
// table order.
func bodyProps(op *ir.Operation, t *ir.Type) []ir.Property {
	byName := map[string]ir.Property{}
	for _, p := range t.Properties {
		byName[p.Name] = p
	}
	var out []ir.Property
	for _, n := range op.BodyProperties {
		if p, ok := byName[n]; ok {
			out = append(out, p)
		}
	}
	return out
}

func (g *gen) patchBody(f *jen.File, op *ir.Operation, t *ir.Type) {
	name := ir.BodyTypeName(op)
	inferred := ""
	if op.BodyInferred {
		inferred = "Inferred: the page has no request body table, so the body holds the writable properties of " + op.Body.Name + " (read-only and navigation properties left out)."
	}
	what := "the request body of " + quoteForComment(op.Name) + " (" + op.Method + ")"
	if op.Kind == ir.OpFunction {
		what = "the parameters of " + quoteForComment(op.Name) + ", which the request sends in its URL"
	}
	f.Add(comment(name+" is "+what+". Each field is absent (the zero Optional, omitted), null (Null), or a value (Some); only set fields are sent.",
		inferred, g.docRef("Documented at", op.Pos)))
	fields := []jen.Code{
		jen.Comment("ODataType is the \"@odata.type\" annotation."),
		jen.Id(fieldODataType).Id("Optional").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}),
	}
	// A create (POST) must carry what the docs say is required; an update
	// (PATCH, PUT) sends only what changes.
	create := op.Kind == ir.OpCreate || op.Kind == ir.OpAction
	for _, p := range bodyProps(op, t) {
		var notes []string
		rules := g.ruleTags(p)
		if p.ReadOnly {
			notes = append(notes, "(Read-only: CheckReadOnly reports it when set.)")
			rules = append(rules, "readOnly")
		}
		if p.Required && create {
			notes = append(notes, "(Required: Validate reports it when absent or null.)")
			rules = append(rules, "required")
		}
		var vt *jen.Statement
		if p.Type.Collection {
			vt = jen.Index().Add(g.elemType(p.Type))
		} else {
			vt = g.elemType(p.Type)
		}
		fields = append(fields, jen.Add(comment(propertyDoc(p, t.Properties, notes...)...)).Line().Add(allCapsNote(p.GoName)).
			Id(p.GoName).Id("Optional").Types(vt).Tag(tags(p.Name, rules)))
	}
	f.Type().Id(name).Struct(fields...)
	f.Line()

	// The rules are in the fields' tags, as in the model's; the runtime
	// checks the values set.
	recv := jen.Id("b").Op("*").Id(name)
	f.Comment("Validate reports every documented rule the set fields of b break, or nil.")
	f.Func().Params(recv.Clone()).Id(methodValidate).Params().Error().Block(
		jen.Return(jen.Id("validateBody").Call(jen.Id("b"))),
	)
	f.Line()
	f.Comment("CheckReadOnly reports every read-only property set in b. It is separate from")
	f.Comment("Validate because the documentation's own examples sometimes set them.")
	f.Func().Params(recv.Clone()).Id(methodCheckReadOnly).Params().Error().Block(
		jen.Return(jen.Id("checkReadOnly").Call(jen.Id("b"))),
	)
	f.Line()
}

// changesFunc emits SetChanges on op's body, which turns a model read from
// the service and modified into a body holding only what changed: changed
// values are set, values removed (nil or empty) are sent as null, the rest
// is absent. It returns the body, as math/big's Set methods do, so that
// new(Body).SetChanges(old, updated) is one expression.
func (g *gen) changesFunc(f *jen.File, op *ir.Operation, t *ir.Type) {
	name := ir.BodyName(op.GoName)
	f.Add(comment(methodSetChanges + " sets b to the body of " + quoteForComment(op.Name) + " that turns old into updated, and returns b: properties of the body that changed are set to their new value, those updated no longer has are sent as null, and the rest are absent. old is typically decoded from the service and updated a modified copy; nil stands for an empty " + t.GoName + "."))
	f.Func().Params(jen.Id("b").Op("*").Id(name)).Id(methodSetChanges).Params(jen.List(jen.Id("old"), jen.Id("updated")).Op("*").Id(t.GoName)).Op("*").Id(name).Block(
		jen.Op("*").Id("b").Op("=").Id(name).Values(),
		jen.Id("fromChanges").Call(jen.Id("b"), jen.Id("old"), jen.Id("updated")),
		jen.Return(jen.Id("b")),
	)
	f.Line()
}
