// Package lint reports what is wrong in documentation pages themselves: JSON
// examples that are not JSON, that use properties their page's table does not
// list, whose values do not match the documented type, enum or rule. It is
// pure: a resolved ir.Spec in, diagnostics out. Problems found while parsing
// and resolving (unknown types, duplicate properties, pages without a body
// table) are reported by those passes; `docgen lint` prints both.
package lint

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/emit/wire"
	"github.com/docgen-dev/docgen/ir"
)

// Check lints every example in spec.
func Check(spec *ir.Spec) ir.Diagnostics {
	c := &checker{types: map[string]*ir.Type{}, enums: map[string]*ir.Enum{}}
	for i := range spec.Types {
		c.types[spec.Types[i].Name] = &spec.Types[i]
	}
	for i := range spec.Enums {
		c.enums[spec.Enums[i].Name] = &spec.Enums[i]
	}
	for _, ex := range spec.Examples {
		c.example(ex)
	}
	c.diags.Sort()
	return c.diags
}

type checker struct {
	types map[string]*ir.Type
	enums map[string]*ir.Enum
	diags ir.Diagnostics
	// current example
	ex  ir.Example
	src []byte
}

// pos is the position of byte offset off of the current example's body.
func (c *checker) pos(off int) ir.Pos {
	p := c.ex.Pos
	if p.Line == 0 { // HTML: no lines; keep the block's path
		return p
	}
	line, col := lineCol(c.src, off)
	p.Line += line - 1
	if line == 1 {
		col += max(p.Col, 1) - 1
	}
	p.Col = col
	return p
}

func (c *checker) example(ex ir.Example) {
	c.ex, c.src = ex, []byte(ex.Body)
	root, err := parseJSON(c.src)
	if err != nil {
		off := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
		}
		c.diags.Warnf(c.pos(off), "invalid-json", "%s example is not valid JSON: %s", ex.Role, describe(err))
		return
	}
	t := c.types[ex.Type]
	if t == nil {
		return // the type is unknown: reported by resolve where it matters
	}
	if ex.Collection {
		// {"value": [...]}: each item is a t.
		for _, m := range root.members {
			if m.key == "value" {
				for i, e := range m.val.elems {
					c.object(e, t, fmt.Sprintf("value[%d]", i))
				}
			}
		}
		return
	}
	if ex.Wrapped {
		// {"value": {...}}: the one t is inside.
		for _, m := range root.members {
			if m.key == "value" {
				c.object(m.val, t, "value")
			}
		}
		return
	}
	c.object(root, t, "")
}

// object checks an object against type t (or the derived type its
// "@odata.type" names).
func (c *checker) object(n *node, t *ir.Type, path string) {
	if n.kind != '{' {
		c.diags.Warnf(c.pos(n.off), "example-type", "%s: %s example has %s where %s expects an object", c.ex.Role, pathOr(path), kindName(n), t.Name)
		return
	}
	for _, m := range n.members {
		if m.key == "@odata.type" && m.val.kind == '"' {
			name := strings.TrimPrefix(m.val.str, "#")
			if !strings.Contains(name, ".") {
				name = ir.DefaultNamespace + "." + name
			}
			d := c.types[name]
			switch {
			case name == t.Name:
			case d == nil:
				// A derived type no page given documents: its members
				// cannot be checked (the generated code keeps it raw).
				return
			case !slices.Contains(t.Derived, d.Name):
				// The generated code would keep it raw too: a value of t
				// cannot be a d.
				c.diags.Warnf(c.pos(m.val.off), "example-odata-type", "%s example: %s: @odata.type names %s, which does not derive from %s", c.ex.Role, pathOr(path), d.Name, t.Name)
				return
			default:
				t = d
			}
		}
	}
	props := map[string]*ir.Property{}
	for i := range t.Properties {
		props[t.Properties[i].Name] = &t.Properties[i]
	}
	for _, m := range n.members {
		if strings.Contains(m.key, "@") {
			continue // annotations: @odata.type, x@odata.bind, ...
		}
		p := props[m.key]
		mpath := join(path, m.key)
		if p == nil {
			c.diags.Warnf(c.pos(m.keyOff), "example-unknown-property", "%s example: property %q is not in the property table of %s", c.ex.Role, mpath, t.Name)
			continue
		}
		if p.ReadOnly && c.ex.Role == ir.RoleRequest {
			c.diags.Warnf(c.pos(m.keyOff), "example-read-only", "request example sets read-only property %q", mpath)
		}
		c.value(m.val, p, mpath)
	}
	if c.ex.Role == ir.RoleRequest && c.ex.Method == "POST" {
		c.required(n, t, path)
	}
}

// required reports the required properties of t that a create (POST)
// request example leaves out or sets to null.
func (c *checker) required(n *node, t *ir.Type, path string) {
	set := map[string]bool{}
	for _, m := range n.members {
		set[m.key] = m.val.kind != '0'
	}
	for _, p := range t.Properties {
		if p.Required && !set[p.Name] {
			c.diags.Warnf(c.pos(n.off), "example-missing-required", "request example: required property %q is not set", join(path, p.Name))
		}
	}
}

func (c *checker) value(n *node, p *ir.Property, path string) {
	if n.kind == '0' {
		return // null is allowed for any property
	}
	if p.Type.Collection {
		if n.kind != '[' {
			c.diags.Warnf(c.pos(n.off), "example-type", "%s example: %s is %s, but %s is documented as a collection", c.ex.Role, path, kindName(n), p.Name)
			return
		}
		c.rules(n, p, path, wire.Value{Kind: wire.CollectionValue, Items: len(n.elems)})
		for i, e := range n.elems {
			c.single(e, p, fmt.Sprintf("%s[%d]", path, i))
		}
		return
	}
	c.single(n, p, path)
}

// placeholder reports whether the current example is a resource "JSON
// representation", whose values are placeholders ("String (timestamp)").
func (c *checker) placeholder() bool { return c.ex.Role == ir.RoleResource }

// typePlaceholders are the type names JSON representations write as string
// values in place of a value of that type ("Boolean", "Int32", "Double").
var typePlaceholders = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`string boolean bool int16 int32 int64 int integer byte sbyte
		single double decimal float number long guid binary stream datetimeoffset date timeofday
		duration timestamp`) {
		typePlaceholders[n] = true
	}
}

// typePlaceholder reports whether s names a primitive type instead of being
// a value: "Boolean", "Edm.Double", "Int32 (read-only)".
func typePlaceholder(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexByte(s, '('); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return typePlaceholders[strings.TrimPrefix(s, "edm.")]
}

func (c *checker) single(n *node, p *ir.Property, path string) {
	if n.kind == '0' {
		return
	}
	name := p.Type.Name
	if t := c.types[name]; t != nil {
		c.object(n, t, path)
		return
	}
	if e := c.enums[name]; e != nil {
		if n.kind != '"' {
			c.mismatch(n, path, name)
			return
		}
		if !c.placeholder() && !enumHas(e, n.str) {
			hint := ""
			if m := enumFold(e, n.str); m != "" {
				hint = fmt.Sprintf(" (the documented member is %q: enum values are case-sensitive)", m)
			}
			c.diags.Warnf(c.pos(n.off), "example-enum-value", "%s example: %s = %q is not a documented value of %s%s", c.ex.Role, path, n.str, name, hint)
		}
		return
	}
	switch {
	case name == "Edm.Untyped":
		return
	case name == "Edm.Boolean":
		if n.kind != 'b' {
			c.mismatch(n, path, name)
		}
	case name == "Edm.String", name == "Edm.Stream":
		if n.kind != '"' {
			c.mismatch(n, path, name)
			return
		}
		c.rules(n, p, path, wire.Value{Kind: wire.StringValue, Text: n.str})
	case ir.IsFormatted(name):
		if n.kind != '"' {
			c.mismatch(n, path, name)
			return
		}
		if !c.placeholder() {
			if err := validateWire(name, n.str); err != nil {
				c.diags.Warnf(c.pos(n.off), "example-format", "%s example: %s: %v", c.ex.Role, path, err)
			}
		}
	case ir.IsInteger(name):
		if n.kind != 'n' {
			c.mismatch(n, path, name)
			return
		}
		v, err := strconv.ParseInt(string(n.num), 10, 64)
		lo, hi := intRange(name)
		if err != nil || v < lo || v > hi {
			c.diags.Warnf(c.pos(n.off), "example-range", "%s example: %s = %s does not fit %s", c.ex.Role, path, n.num, name)
			return
		}
		c.rules(n, p, path, wire.Value{Kind: wire.NumberValue, Number: float64(v), Text: string(n.num)})
	case ir.IsFloat(name):
		switch {
		case n.kind == '"' && (n.str == "NaN" || n.str == "INF" || n.str == "-INF") && name != "Edm.Decimal":
		case n.kind == 'n':
			if f, err := strconv.ParseFloat(string(n.num), 64); err == nil {
				c.rules(n, p, path, wire.Value{Kind: wire.NumberValue, Number: f, Text: string(n.num)})
			}
		default:
			c.mismatch(n, path, name)
		}
	}
}

func (c *checker) mismatch(n *node, path, typ string) {
	if c.placeholder() && n.kind == '"' && typePlaceholder(n.str) {
		return
	}
	c.diags.Warnf(c.pos(n.off), "example-type", "%s example: %s is %s, but its documented type is %s", c.ex.Role, path, kindName(n), typ)
}

// rules checks the value v of property p, found at n, against p's
// documented rules with the generated code's own checker (wire.Check), so
// that an example breaks a rule exactly when Validate would say so.
// Placeholders are exempt.
func (c *checker) rules(n *node, p *ir.Property, path string, v wire.Value) {
	if c.placeholder() {
		return
	}
	for _, r := range p.Rules {
		for _, prob := range wire.Check(r, path, v) {
			c.diags.Warnf(c.pos(n.off), "example-rule", "%s example: %s: %s; the documentation says %q", c.ex.Role, prob.Path, prob.Message, r.Text)
		}
	}
}

func validateWire(name, s string) error {
	switch name {
	case "Edm.DateTimeOffset":
		return wire.DateTimeOffset(s).Validate()
	case "Edm.Date":
		return wire.Date(s).Validate()
	case "Edm.TimeOfDay":
		return wire.TimeOfDay(s).Validate()
	case "Edm.Duration":
		return wire.Duration(s).Validate()
	case "Edm.Guid":
		return wire.GUID(s).Validate()
	case "Edm.Binary":
		return wire.Binary(s).Validate()
	}
	return nil
}

func intRange(name string) (int64, int64) {
	switch name {
	case "Edm.Byte":
		return 0, math.MaxUint8
	case "Edm.SByte":
		return math.MinInt8, math.MaxInt8
	case "Edm.Int16":
		return math.MinInt16, math.MaxInt16
	case "Edm.Int32":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// enumFold returns the member of e that v spells in another case, or "".
func enumFold(e *ir.Enum, v string) string {
	for _, m := range e.Members {
		if strings.EqualFold(m.Name, v) {
			return m.Name
		}
	}
	return ""
}

func enumHas(e *ir.Enum, v string) bool {
	if e.Flags {
		for _, part := range strings.Split(v, ",") {
			if !enumHas(&ir.Enum{Members: e.Members}, strings.TrimSpace(part)) {
				return false
			}
		}
		return true
	}
	for _, m := range e.Members {
		if m.Name == v {
			return true
		}
	}
	return false
}

func kindName(n *node) string {
	switch n.kind {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pathOr(p string) string {
	if p == "" {
		return "the body"
	}
	return p
}
