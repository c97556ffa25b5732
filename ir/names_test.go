package ir

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRepeatedPathParamNames: a path that uses one parameter name twice
// ("/users/{id}/things/{id}") names each Go parameter after the segment
// before it instead of id, id_2; distinct names are kept as documented.
func TestRepeatedPathParamNames(t *testing.T) {
	thing := Type{Name: "microsoft.graph.thing", Kind: KindEntity, Properties: []Property{{Name: "size", Type: TypeRef{Name: "Edm.Int32"}}}}
	op := Operation{Name: "Update thing", Method: "PATCH", Body: TypeRef{Name: thing.Name}, BodyProperties: []string{"size"},
		Paths: []Path{
			{Template: "/users/{id}/things/{id}", Params: []string{"id", "id"}},
			{Template: "/groups/{groupId}/things/{thingId}", Params: []string{"groupId", "thingId"}},
			{Template: "/things(id='{id}')/parts/{id}", Params: []string{"id", "id"}},
		}}
	spec, diags := Resolve([]Page{{File: "p.md", Kind: PageAPI, Title: op.Name, Namespace: "microsoft.graph",
		Types: []Type{thing}, Operations: []Operation{op}}}, ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, spec.Operations, 1)
	paths := spec.Operations[0].Paths
	assert.Equal(t, []string{"usersId", "thingsId"}, paths[0].ParamGoNames)
	assert.Equal(t, []string{"groupId", "thingId"}, paths[1].ParamGoNames)
	assert.Equal(t, []string{"thingsId", "partsId"}, paths[2].ParamGoNames)
}

func TestParamSegments(t *testing.T) {
	assert.Equal(t, []string{"users", "things"}, paramSegments("/users/{id}/things/{id}"))
	assert.Equal(t, []string{"things", "parts"}, paramSegments("/things(id='{id}')/parts/{id}"))
	assert.Equal(t, []string{""}, paramSegments("{id}"))
	assert.Empty(t, paramSegments("/things"))
	assert.Equal(t, []string{"a"}, paramSegments("/a/{unclosed"))
}

func TestTypeGoName(t *testing.T) {
	for in, want := range map[string]string{
		"microsoft.graph.user":                         "User",
		"microsoft.graph.security.incident":            "SecurityIncident",
		"microsoft.graph.callRecords.session":          "CallRecordsSession",
		"microsoft.graph.identityGovernance.workflow":  "IdentityGovernanceWorkflow",
		"microsoft.graph.termStore.set":                "TermStoreSet",
		"microsoft.management.services.api.thing":      "ManagementServicesApiThing",
		"microsoft.graph.externalConnectors.acl":       "ExternalConnectorsAcl",
		"microsoft.graph.security.ediscoveryCase":      "SecurityEdiscoveryCase",
		"microsoft.graph.windowsUpdates.deploymentSet": "WindowsUpdatesDeploymentSet",
	} {
		assert.Equal(t, want, TypeGoName(in), in)
	}
}
