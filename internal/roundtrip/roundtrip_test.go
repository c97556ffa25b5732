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
	assert.Equal(t, OK, Check(ex(`{"name":"a"}`, false), newThing).Outcome)
	assert.Equal(t, Lost, Check(ex(`{"name":"a","size":1}`, false), newThing).Outcome)
	assert.Equal(t, OK, Check(ex(`{"@odata.context":"x","value":[{"name":"a"},{"name":"b"}]}`, true), newThing).Outcome,
		"a collection's items are models; its annotations are not")
	r := Check(ex(`{"value":[{"name":"a"},{"name":"b","size":2}]}`, true), newThing)
	assert.Equal(t, Lost, r.Outcome)
	assert.Contains(t, r.Reason, "value[1]: $.size")
	assert.Equal(t, NoType, Check(ir.Example{Type: "microsoft.graph.other", Body: `{}`}, newThing).Outcome)
	assert.Equal(t, InvalidJSON, Check(ex(`{"name":`, false), newThing).Outcome)
}
