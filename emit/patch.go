package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// patches emits, for every documented operation with a body, a body type in
// which each property is absent, null or a value (Optional[T] with omitzero:
// a *T cannot tell absent from null), its validation, and one request builder
// per documented path.
func (g *gen) patchFile(f *jen.File) {
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		t := g.types[op.Body.Name]
		if t == nil {
			continue
		}
		g.patchBody(f, op, t)
		g.changesFunc(f, op, t)
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
	name := ir.BodyName(op.GoName)
	f.Add(comment(name+" is the request body of "+quoteForComment(op.Name)+" ("+op.Method+"). Each field is absent (the zero Optional, omitted), null (Null), or a value (Some); only set fields are sent.",
		"Documented at "+srcRef(op.Pos)+"."))
	fields := []jen.Code{
		jen.Comment("ODataType is the \"@odata.type\" annotation."),
		jen.Id("ODataType").Id("Optional").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"}),
	}
	props := bodyProps(op, t)
	for _, p := range props {
		doc := p.GoName + ": " + p.Description
		if p.ReadOnly {
			doc += " (Read-only: CheckReadOnly reports it when set.)"
		}
		if p.Required && op.Method == "POST" {
			doc += " (Required: Validate reports it when absent or null.)"
		}
		var vt *jen.Statement
		if p.Type.Collection {
			vt = jen.Index().Add(g.elemType(p.Type))
		} else {
			vt = g.elemType(p.Type)
		}
		fields = append(fields, jen.Add(comment(doc)).Line().
			Id(p.GoName).Id("Optional").Types(vt).Tag(map[string]string{"json": p.Name + ",omitzero"}))
	}
	f.Type().Id(name).Struct(fields...)
	f.Line()

	// Validate: the model's documented rules on the set values. The body's
	// values are copied into a model (absent and null become nil) whose
	// validate checks them, so the rules are compiled once per type rather
	// than once per type and body.
	var copies, checks []jen.Code
	for _, p := range props {
		var rules []jen.Code
		switch {
		case p.Type.Collection:
			rules = g.propChecks(jen.Id("v"), p)
		case !g.isRaw(p.Type):
			rules = g.valueChecks(jen.Id("v"), jen.Id("path").Op("+").Lit(p.Name), p)
		}
		if len(rules) > 0 {
			get := "ptrOf"
			if !g.pointerField(p.Type) {
				get = "valueOf"
			}
			copies = append(copies, jen.Id(p.GoName).Op(":").Id(get).Call(jen.Id("b").Dot(p.GoName)))
		}
	}
	if len(copies) > 0 {
		checks = append(checks,
			jen.Id("m").Op(":=").Id(t.GoName).Values(copies...),
			jen.Id("m").Dot("validate").Call(jen.Id("errs"), jen.Id("path")),
		)
	}
	// A create (POST) must carry what the docs say is required; an update
	// (PATCH, PUT) sends only what changes.
	for _, p := range props {
		if p.Required && op.Method == "POST" {
			checks = append(checks, jen.If(jen.Op("!").Id("b").Dot(p.GoName).Dot("IsSet").Call().Op("||").Id("b").Dot(p.GoName).Dot("IsNull").Call()).Block(
				jen.Id("errs").Dot("Add").Call(jen.Id("path").Op("+").Lit(p.Name), jen.Lit("required property is not set")),
			))
		}
	}
	f.Comment("Validate reports every documented rule the set fields of b break, or nil.")
	f.Func().Params(jen.Id("b").Op("*").Id(name)).Id("Validate").Params().Error().Block(
		jen.Var().Id("errs").Id("ValidationError"),
		jen.Id("b").Dot("validate").Call(jen.Op("&").Id("errs"), jen.Lit("")),
		jen.Return(jen.Id("errs").Dot("Err").Call()),
	)
	f.Line()
	f.Func().Params(jen.Id("b").Op("*").Id(name)).Id("validate").Params(
		jen.Id("errs").Op("*").Id("ValidationError"), jen.Id("path").String(),
	).Block(checks...)
	f.Line()

	var ro []jen.Code
	ro = append(ro, jen.Var().Id("errs").Id("ValidationError"))
	for _, p := range props {
		if !p.ReadOnly {
			continue
		}
		ro = append(ro, jen.If(jen.Id("b").Dot(p.GoName).Dot("IsSet").Call()).Block(
			jen.Id("errs").Dot("Add").Call(jen.Lit(p.Name), jen.Lit("read-only property is set")),
		))
	}
	ro = append(ro, jen.Return(jen.Id("errs").Dot("Err").Call()))
	f.Comment("CheckReadOnly reports every read-only property set in b. It is separate from")
	f.Comment("Validate because the documentation's own examples sometimes set them.")
	f.Func().Params(jen.Id("b").Op("*").Id(name)).Id("CheckReadOnly").Params().Error().Block(ro...)
	f.Line()
}

// changesFunc emits <Op>BodyFromChanges, which turns a model read from the
// service and modified into a body holding only what changed: changed values
// are set, values removed (nil or empty) are sent as null, the rest is absent.
func (g *gen) changesFunc(f *jen.File, op *ir.Operation, t *ir.Type) {
	name := ir.BodyName(op.GoName)
	var stmts []jen.Code
	stmts = append(stmts, jen.Id("b").Op(":=").Op("&").Id(name).Values())
	// One call per property (helpers in wire_gen.go) keeps this function
	// small: packages have hundreds of bodies with dozens of properties.
	for _, p := range bodyProps(op, t) {
		dst := jen.Op("&").Id("b").Dot(p.GoName)
		old, upd := jen.Id("old").Dot(p.GoName), jen.Id("updated").Dot(p.GoName)
		if g.pointerField(p.Type) {
			stmts = append(stmts, jen.Id("changedPtr").Call(dst, old, upd))
		} else {
			stmts = append(stmts, jen.Id("changedValue").Call(dst, old, upd, g.absent(upd.Clone(), p.Type)))
		}
	}
	stmts = append(stmts, jen.Return(jen.Id("b")))
	f.Add(comment(ir.BodyFromChangesName(op.GoName) + " returns the body of " + quoteForComment(op.Name) + " that turns old into updated: properties of the body that changed are set to their new value, those updated no longer has are sent as null, and the rest are absent. old is typically decoded from the service and updated a modified copy."))
	f.Func().Id(ir.BodyFromChangesName(op.GoName)).Params(jen.List(jen.Id("old"), jen.Id("updated")).Op("*").Id(t.GoName)).Op("*").Id(name).Block(stmts...)
	f.Line()
}
