package roundtrip

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

type thing struct {
	Name *string `json:"name,omitempty"`
}

func newThing(typ string) any {
	if typ == "microsoft.graph.thing" {
		return &thing{}
	}
	return nil
}

func TestCheck(t *testing.T) {
	ex := func(body string, coll bool) ir.Example {
		return ir.Example{Type: "microsoft.graph.thing", Body: body, Collection: coll}
	}
	assert.Equal(t, OK, Check(ex(`{"name":"a"}`, false), newThing, nil).Outcome)
	assert.Equal(t, Lost, Check(ex(`{"name":"a","size":1}`, false), newThing, nil).Outcome)
	assert.Equal(t, OK, Check(ex(`{"@odata.context":"x","value":[{"name":"a"},{"name":"b"}]}`, true), newThing, nil).Outcome,
		"a collection's items are models; its annotations are not")
	r := Check(ex(`{"value":[{"name":"a"},{"name":"b","size":2}]}`, true), newThing, nil)
	assert.Equal(t, Lost, r.Outcome)
	assert.Contains(t, r.Reason, "value[1]: $.size")
	assert.Equal(t, NoType, Check(ir.Example{Type: "microsoft.graph.other", Body: `{}`}, newThing, nil).Outcome)
	assert.Equal(t, InvalidJSON, Check(ex(`{"name":`, false), newThing, nil).Outcome)
}

// TestCheckPrimitive: a response of a primitive type is {"value": v}, v of
// that type exactly.
func TestCheckPrimitive(t *testing.T) {
	ex := func(typ, body string, coll bool) ir.Example {
		return ir.Example{Role: ir.RoleResponse, Type: typ, Body: body, Collection: coll}
	}
	assert.Equal(t, OK, Check(ex("Edm.Int64", `{"@odata.context":"x","value": 3}`, false), newThing, nil).Outcome)
	assert.Equal(t, DecodeError, Check(ex("Edm.Int64", `{"value": "3"}`, false), newThing, nil).Outcome)
	assert.Equal(t, DecodeError, Check(ex("Edm.Int64", `{"value": 1.5}`, false), newThing, nil).Outcome)
	assert.Equal(t, OK, Check(ex("Edm.String", `{"value": ["a","b"]}`, true), newThing, nil).Outcome)
	assert.Equal(t, Lost, Check(ex("Edm.Boolean", `{"value": true, "other": 1}`, false), newThing, nil).Outcome)
	assert.Equal(t, OK, Check(ex("Edm.Double", `{"value": 1.25}`, false), newThing, nil).Outcome)
	assert.Equal(t, OK, Check(ex("Edm.Stream", `{"any": "thing"}`, false), newThing, nil).Outcome, "a stream is any content")
}

// TestCheckEnum: a response of an enum type is {"value": "member"}, a
// string; without isEnum it has no model.
func TestCheckEnum(t *testing.T) {
	ex := func(body string, coll bool) ir.Example {
		return ir.Example{Role: ir.RoleResponse, Type: "microsoft.graph.color", Body: body, Collection: coll}
	}
	isEnum := func(name string) bool { return name == "microsoft.graph.color" }
	assert.Equal(t, OK, Check(ex(`{"@odata.context":"x","value":"red"}`, false), newThing, isEnum).Outcome)
	assert.Equal(t, OK, Check(ex(`{"value":["red","blue"]}`, true), newThing, isEnum).Outcome)
	assert.Equal(t, DecodeError, Check(ex(`{"value":1}`, false), newThing, isEnum).Outcome)
	assert.Equal(t, NoType, Check(ex(`{"value":"red"}`, false), newThing, nil).Outcome)
}
