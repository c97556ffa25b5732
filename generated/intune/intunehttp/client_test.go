package intunehttp

import (
	"context"
	"encoding/json"
	intune "github.com/docgen-dev/docgen/generated/intune"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClientPolymorphicResponse: deviceManagementSettingDefinition has
// derived types, so the service may answer an update with any of them. The
// client decodes the answer into AnyDeviceManagementSettingDefinition, whose
// Value is the model "@odata.type" names, and keeps an unknown derived type
// as raw JSON instead of dropping its properties.
func TestClientPolymorphicResponse(t *testing.T) {
	answers := []string{
		`{"@odata.type":"#microsoft.graph.deviceManagementCollectionSettingDefinition","id":"def1","displayName":"Allowed apps","elementDefinitionId":"elem1"}`,
		`{"@odata.type":"#microsoft.graph.deviceManagementFutureSettingDefinition","id":"def2","futureProperty":[1,2]}`,
		`{"id":"def3","displayName":"Base only"}`,
	}
	var next string
	srv := httptest.NewServer(HandleUpdateDeviceManagementSettingDefinition(
		func(ctx context.Context, route Route, body *intune.UpdateDeviceManagementSettingDefinitionBody) (*intune.AnyDeviceManagementSettingDefinition, error) {
			assert.Equal(t, "/deviceManagement/settingDefinitions/{deviceManagementSettingDefinitionId}", route.Template)
			var a intune.AnyDeviceManagementSettingDefinition
			return &a, json.Unmarshal([]byte(next), &a)
		}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())
	update := func(answer string) *intune.AnyDeviceManagementSettingDefinition {
		t.Helper()
		next = answer
		got, err := c.UpdateDeviceManagementSettingDefinition(t.Context(), "def", &intune.UpdateDeviceManagementSettingDefinitionBody{DisplayName: intune.Some("x")})
		require.NoError(t, err)
		require.NotNil(t, got)
		return got
	}

	coll, ok := update(answers[0]).Value.(*intune.DeviceManagementCollectionSettingDefinition)
	require.True(t, ok, "a derived type decodes into its own model")
	assert.Equal(t, "elem1", *coll.ElementDefinitionID)
	assert.Equal(t, "Allowed apps", *coll.DisplayName)

	unknown := update(answers[1])
	assert.Nil(t, unknown.Value)
	assert.JSONEq(t, answers[1], string(unknown.Raw), "an unknown derived type is kept whole")

	base, ok := update(answers[2]).Value.(*intune.DeviceManagementSettingDefinition)
	require.True(t, ok, "no @odata.type means the documented type")
	assert.Equal(t, "Base only", *base.DisplayName)
}
