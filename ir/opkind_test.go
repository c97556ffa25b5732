package ir

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClassifyOperations(t *testing.T) {
	path := func(t string) []Path { return []Path{{Template: t}} }
	s := &Spec{
		Types: []Type{{Name: "microsoft.graph.mobileApp"}, {Name: "microsoft.graph.thing"}},
		Operations: []Operation{
			{Method: "GET", Paths: path("/apps/{mobileAppId}"), Subject: "microsoft.graph.mobileApp", Response: TypeRef{Name: "microsoft.graph.mobileApp"}},
			{Method: "GET", Paths: path("/apps"), Subject: "microsoft.graph.mobileApp", Response: TypeRef{Name: "microsoft.graph.mobileApp", Collection: true}},
			{Method: "POST", Paths: path("/apps"), Subject: "microsoft.graph.mobileApp"},
			{Method: "PATCH", Paths: path("/apps/{id}"), Subject: "microsoft.graph.mobileApp"},
			{Method: "PUT", Paths: path("/apps/{id}"), Subject: "microsoft.graph.mobileApp"},
			{Method: "DELETE", Paths: path("/apps/{id}"), Subject: "microsoft.graph.mobileApp"},
			// Bound by the path it extends, whatever its key is called.
			{Method: "POST", Kind: OpAction, Paths: path("/apps/{appId}/assign")},
			// Bound to a collection.
			{Method: "GET", Kind: OpFunction, Paths: path("/apps/getCount")},
			// No operation documents the parent: the key names the type.
			{Method: "POST", Kind: OpAction, Paths: path("/other/{thingId}/wipe")},
			// Nothing tells.
			{Method: "POST", Kind: OpAction, Paths: path("/other/{x}/wipe")},
		},
	}
	classifyOperations(s)
	var kinds []OpKind
	var subjects []string
	for _, o := range s.Operations {
		kinds = append(kinds, o.Kind)
		subjects = append(subjects, o.Subject)
	}
	assert.Equal(t, []OpKind{OpGet, OpList, OpCreate, OpUpdate, OpUpdate, OpDelete, OpAction, OpFunction, OpAction, OpAction}, kinds)
	app := "microsoft.graph.mobileApp"
	assert.Equal(t, []string{app, app, app, app, app, app, app, app, "microsoft.graph.thing", ""}, subjects)
}

func TestPathShape(t *testing.T) {
	assert.Equal(t, "/users/{}/events/{}", pathShape("/users/{id | userPrincipalName}/events/{eventId}?$expand=x"))
	assert.Equal(t, pathShape("/Apps/{a}/"), pathShape("/apps/{b}"))
}

func TestOpDerivedNames(t *testing.T) {
	assert.Equal(t, []string{"HandleListApps", "ListAppsBody", "ListAppsPage"}, opDerivedNames(OpList, "ListApps"))
	assert.Equal(t, []string{"HandleGetCount", "GetCountParams"}, opDerivedNames(OpFunction, "GetCount"))
	assert.Equal(t, "GetCountParams", BodyTypeName(&Operation{Kind: OpFunction, GoName: "GetCount"}))
	assert.Equal(t, "UpdateAppBody", BodyTypeName(&Operation{Kind: OpUpdate, GoName: "UpdateApp"}))
}
