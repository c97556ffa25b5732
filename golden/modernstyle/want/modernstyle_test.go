package modernstyle

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	"github.com/docgen-dev/docgen/ir"
)

// TestBodyFromEverySubsection: the body has the properties of both tables
// under "Request body" (one per permission type), each once.
func TestBodyFromEverySubsection(t *testing.T) {
	body := UpdateWidgetBody{
		DisplayName: Some("Sprocket"),
		Finish:      Some(AnyFinish{Value: &GlossFinish{Level: ptr(int32(3))}}),
		IsShiny:     Some(true),
		Weight:      Some(Double(12.5)),
	}
	require.NoError(t, body.Validate())
	out, err := json.Marshal(&body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"displayName":"Sprocket","finish":{"@odata.type":"#microsoft.graph.glossFinish","level":3},"isShiny":true,"weight":12.5}`, string(out))
}

// TestBoundActionParameters: "widget: polish" is an action whose parameters
// type is named from its title; "Required." in a description is enforced.
func TestBoundActionParameters(t *testing.T) {
	var empty PolishWidgetBody
	err := empty.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "grit")

	ex := pages.Example(t, "../input/widget-polish.md", ir.RoleRequest)
	var p WidgetPolishParameters
	require.NoError(t, json.Unmarshal([]byte(ex.Body), &p))
	require.NotNil(t, p.Grit)
	assert.Equal(t, int32(400), *p.Grit)
}

// TestInheritanceAndAbstractBase: widget inherits gadget (named in a
// sentence and in the metadata comment), so it carries the id; finish is an
// abstract type ("Properties: None.") whose derived glossFinish is decoded
// by "@odata.type".
func TestInheritanceAndAbstractBase(t *testing.T) {
	ex := pages.Example(t, "../input/widget-update.md", ir.RoleResponse)
	var w Widget
	require.NoError(t, json.Unmarshal([]byte(ex.Body), &w))
	require.NotNil(t, w.ID)
	assert.Equal(t, "7", *w.ID)
	assert.Equal(t, WidgetStatusNew, *w.Status)
	g, ok := w.Finish.Value.(*GlossFinish)
	require.True(t, ok, "finish decodes into the derived type: %#v", w.Finish)
	assert.Equal(t, int32(3), *g.Level)

	var ag AnyGadget
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.type":"#microsoft.graph.widget","id":"7"}`), &ag))
	_, ok = ag.Value.(*Widget)
	assert.True(t, ok, "a gadget with the widget @odata.type is a widget")
	_, ok = NewByODataType("#microsoft.graph.glossFinish").(*GlossFinish)
	assert.True(t, ok)
}

// ptr is new(v) for Go 1.24, the oldest Go go.mod declares.
func ptr[T any](v T) *T { return &v }
