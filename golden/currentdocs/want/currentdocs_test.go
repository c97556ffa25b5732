package currentdocs

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	"github.com/docgen-dev/docgen/ir"
)

// TestTwoNamespaces: microsoft.graph.gauge and microsoft.graph.security.gauge
// are two types, and "@odata.type" picks the right one.
func TestTwoNamespaces(t *testing.T) {
	assert.IsType(t, new(Gauge), NewByODataType("#microsoft.graph.gauge"))
	assert.IsType(t, new(SecurityGauge), NewByODataType("#microsoft.graph.security.gauge"))
	var g SecurityGauge
	require.NoError(t, json.Unmarshal([]byte(`{"dial": {"@odata.type": "#microsoft.graph.gauge", "reading": 0.5},
		"neighbours": [{"@odata.type": "#microsoft.graph.security.gauge", "displayName": "west"}]}`), &g))
	assert.IsType(t, &Gauge{}, g.Dial.Value, "a navigation property decodes an expanded entity")
	require.Len(t, g.Neighbours, 1)
}

// TestInferredBody: the update page has no body table; its body is the
// writable properties of the entity (no id or createdDateTime, which are
// read-only, no dial or neighbours, which are navigation properties), and the
// page's own request example fits it.
func TestInferredBody(t *testing.T) {
	var names []string
	bt := reflect.TypeFor[UpdateGaugeBody]()
	for i := range bt.NumField() {
		name, _, _ := strings.Cut(bt.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	assert.Equal(t, []string{"@odata.type", "displayName", "level"}, names)

	var body UpdateGaugeBody
	require.NoError(t, json.Unmarshal([]byte(pages.Example(t, "../input/security-gauge-update.md", ir.RoleRequest).Body), &body))
	require.NoError(t, body.Validate())
	level, ok := body.Level.Get()
	assert.True(t, ok)
	assert.Equal(t, SecurityGaugeLevel("tense"), level)
}

// TestThousandsSeparator: "Maximum length is 1,024 characters" is 1024, not 1.
func TestThousandsSeparator(t *testing.T) {
	long := strings.Repeat("é", 1024)
	assert.NoError(t, (&UpdateGaugeBody{DisplayName: Some(long)}).Validate())
	assert.Error(t, (&UpdateGaugeBody{DisplayName: Some(long + "x")}).Validate())
}
