package ir

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitQuery(t *testing.T) {
	for _, c := range []struct{ in, path, query string }{
		{"/sites/{site-id}/lists/{list-id}?expand=columns,items(expand=fields)", "/sites/{site-id}/lists/{list-id}", "expand=columns,items(expand=fields)"},
		{"/users/{id | userPrincipalName}/?$expand=manager($levels=n)", "/users/{id | userPrincipalName}", "$expand=manager($levels=n)"},
		{"/me?$expand=manager", "/me", "$expand=manager"},
		{"/?$top=1", "/", "$top=1"},
		{"/things", "/things", ""},
		// A '?' inside a function's argument or a key is not a query.
		{"/drive/root/search(q='{a?b}')", "/drive/root/search(q='{a?b}')", ""},
		{"/drive/root/search(q='what?')/children?$top=2", "/drive/root/search(q='what?')/children", "$top=2"},
	} {
		path, query := splitQuery(c.in)
		assert.Equal(t, c.path, path, c.in)
		assert.Equal(t, c.query, query, c.in)
	}
}

// apiPage is an API page documenting ops, each at its own line, with the
// paths at the lines after it.
func apiPage(file string, types []Type, ops ...Operation) Page {
	for i := range ops {
		ops[i].Pos = Pos{File: file, Line: 10 * (i + 1), Col: 1}
		for j := range ops[i].Paths {
			p := &ops[i].Paths[j]
			p.Pos = Pos{File: file, Line: 10*(i+1) + j + 1, Col: 1}
			if p.Params == nil {
				p.Params = templateParams(p.Template)
			}
		}
	}
	return Page{File: file, Kind: PageAPI, Namespace: DefaultNamespace, Types: types, Operations: ops}
}

func templates(o Operation) []string {
	var out []string
	for _, p := range o.Paths {
		out = append(out, p.Template)
	}
	return out
}

func diagsWith(ds Diagnostics, code string) []string {
	var out []string
	for _, d := range ds {
		if d.Code == code {
			out = append(out, d.String())
		}
	}
	return out
}

// TestQueryStrings: a query string is not part of a path. A path the
// operation has without it is kept once; a path it has only with one,
// beside query-less paths, is another request and is left out; in an
// operation whose every path has a query the paths lose it (and the
// parameters only the query named). Each says so at its line.
func TestQueryStrings(t *testing.T) {
	spec, diags := Resolve([]Page{apiPage("api/get.md", nil,
		Operation{Name: "Get listItem", Method: "GET", Paths: paths(
			"/sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields",
			"/sites/{site-id}/lists/{list-id}/items/{item-id}",
			"/sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields(select=Column1,Column2)")},
		Operation{Name: "List manager", Method: "GET", Paths: paths("/me/manager", "/users/{id}/manager", "/me?$expand=manager", "/users/{id}/?$expand=manager")},
		Operation{Name: "Search things", Method: "GET", Paths: paths("/things?$search={term}", "/me/things/?$search={term}")},
	)}, ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	got := map[string]Operation{}
	for _, o := range spec.Operations {
		got[o.Name] = o
	}
	assert.Equal(t, []string{"/sites/{site-id}/lists/{list-id}/items/{item-id}"}, templates(got["Get listItem"]))
	assert.Equal(t, 12, got["Get listItem"].Paths[0].Pos.Line, "the query-less line is kept")
	assert.Equal(t, []string{"GetListItem"}, pathGoNames(got["Get listItem"]))
	assert.Equal(t, []string{"/me/manager", "/users/{id}/manager"}, templates(got["List manager"]))
	search := got["Search things"]
	assert.Equal(t, []string{"/things", "/me/things"}, templates(search))
	for _, p := range search.Paths {
		assert.Empty(t, p.Params, p.Template)
	}
	assert.Equal(t, []string{
		"api/get.md:11:1: warning: request line GET /sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields: the query string ?expand=fields is not part of the path; dropped, and the path is the one at api/get.md:12:1",
		"api/get.md:13:1: warning: request line GET /sites/{site-id}/lists/{list-id}/items/{item-id}?expand=fields(select=Column1,Column2): the query string ?expand=fields(select=Column1,Column2) is not part of the path; dropped, and the path is the one at api/get.md:12:1",
		"api/get.md:23:1: warning: request line GET /me?$expand=manager: the query string ?$expand=manager is not part of the path, and /me alone is another request than this page's other paths; left out",
		"api/get.md:24:1: warning: request line GET /users/{id}/?$expand=manager: the query string ?$expand=manager is not part of the path, and /users/{id} alone is another request than this page's other paths; left out",
		"api/get.md:31:1: warning: request line GET /things?$search={term}: the query string ?$search={term} is not part of the path; dropped (a caller adds query options to the request)",
		"api/get.md:32:1: warning: request line GET /me/things/?$search={term}: the query string ?$search={term} is not part of the path; dropped (a caller adds query options to the request)",
	}, diagsWith(diags, "path-query"))
	assert.Empty(t, diagsWith(diags, "name-collision"))
}

// assignPages are the same action documented on the base type's page and
// again on a derived type's page (as intune documents managedAppPolicy's
// targetApps), the second with one more path; and a third page whose
// action has another body, which stays apart.
func assignPages() []Page {
	params := Type{Name: "microsoft.graph.thingAssignParameters", Kind: KindComplex,
		Properties: []Property{{Name: "assignments", Type: TypeRef{Name: "Edm.String", Collection: true}}}}
	other := Type{Name: "microsoft.graph.otherAssignParameters", Kind: KindComplex,
		Properties: []Property{{Name: "targets", Type: TypeRef{Name: "Edm.String", Collection: true}}}}
	body := TypeRef{Name: params.Name}
	return []Page{
		apiPage("api/thing-assign.md", []Type{params}, Operation{Name: "assign action", Method: "POST", Body: body, BodyProperties: []string{"assignments"},
			ResponseStatus: 204, Paths: paths("/things/{thingId}/assign", "/registrations/{registrationId}/appliedThings/{thingId}/assign")}),
		apiPage("api/derivedthing-assign.md", []Type{params}, Operation{Name: "assign action", Method: "POST", Body: body, BodyProperties: []string{"assignments"},
			ResponseStatus: 204, Paths: paths("/things/{thingId}/assign", "/registrations/{registrationId}/appliedThings/{thingId}/assign",
				"/registrations/{registrationId}/intendedThings/{thingId}/assign")}),
		apiPage("api/otherthing-assign.md", []Type{other}, Operation{Name: "assign action", Method: "POST", Body: TypeRef{Name: other.Name},
			BodyProperties: []string{"targets"}, ResponseStatus: 204, Paths: paths("/things/{thingId}/microsoft.graph.otherThing/assign")}),
	}
}

// TestMergeOperations: the same request documented on two pages is one
// operation with the paths of both, named as both pages name it, and a
// warning at the second page naming the first; in whichever order the
// pages come.
func TestMergeOperations(t *testing.T) {
	for _, reversed := range []bool{false, true} {
		pages := assignPages()
		if reversed {
			slices.Reverse(pages)
		}
		spec, diags := Resolve(pages, ResolveOptions{})
		require.False(t, diags.HasErrors(), "%v", diags)
		require.Len(t, spec.Operations, 2)
		var merged, other Operation
		for _, o := range spec.Operations {
			if o.Body.Name == "microsoft.graph.thingAssignParameters" {
				merged = o
			} else {
				other = o
			}
		}
		assert.Equal(t, "api/derivedthing-assign.md", merged.Pos.File, "the first page in order keeps the operation")
		assert.Equal(t, []OperationRef{{Name: "assign action", Pos: Pos{File: "api/thing-assign.md", Line: 10, Col: 1}}}, merged.Also)
		assert.Equal(t, []string{"/things/{thingId}/assign", "/registrations/{registrationId}/appliedThings/{thingId}/assign",
			"/registrations/{registrationId}/intendedThings/{thingId}/assign"}, templates(merged))
		assert.Equal(t, []string{"AssignThing", "AssignThingViaAppliedThings", "AssignThingViaIntendedThings"}, pathGoNames(merged))
		assert.Equal(t, "AssignOtherThing", other.GoName)
		assert.Equal(t, []string{
			`api/thing-assign.md:10:1: warning: POST "assign action" documents the same request (POST /things/{thingId}/assign) as "assign action" at api/derivedthing-assign.md:10:1: one operation, with the paths of both`,
		}, diagsWith(diags, "duplicate-operation"))
		assert.Empty(t, diagsWith(diags, "name-collision"))
	}
}

// TestMergedNames: a request whose pages name it differently ("Delete
// <derived type>" for one collection) is named after their verb and the
// entity its path addresses; one whose pages name it alike keeps that name.
// A request of another method, or with a response, is not merged.
func TestMergedNames(t *testing.T) {
	thing := Type{Name: "microsoft.graph.thing", Kind: KindEntity, Properties: []Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}}}}
	del := func(title string) Operation {
		return Operation{Name: title, Method: "DELETE", ResponseStatus: 204, Paths: paths("/deviceManagement/deviceConfigurations/{deviceConfigurationId}")}
	}
	get := Operation{Name: "Get androidThing", Method: "GET", Response: TypeRef{Name: thing.Name}, Paths: paths("/deviceManagement/deviceConfigurations/{deviceConfigurationId}")}
	spec, diags := Resolve([]Page{
		apiPage("api/a.md", []Type{thing}, del("Delete androidThing"), get),
		apiPage("api/b.md", nil, del("Delete iosThing")),
		apiPage("api/c.md", nil, del("Delete windowsThing")),
		apiPage("api/d.md", nil, Operation{Name: "Delete user", Method: "DELETE", Paths: paths("/users/{id}")}),
		apiPage("api/e.md", nil, Operation{Name: "Delete user", Method: "DELETE", Paths: paths("/users/{id}", "/me")}),
	}, ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	var names []string
	for _, o := range spec.Operations {
		names = append(names, o.GoName+" "+strings.Join(pathGoNames(o), ","))
	}
	assert.ElementsMatch(t, []string{
		"DeleteDeviceConfiguration DeleteDeviceConfiguration",
		"GetAndroidThing GetAndroidThing",
		"DeleteUser DeleteUser,DeleteUserViaMe",
	}, names)
	assert.Len(t, diagsWith(diags, "duplicate-operation"), 3)
}

// TestOwnerNames: different requests whose titles compose one name ("List
// owners" of applications and of groups) are each named with the entity
// their path is bound to, not with a number.
func TestOwnerNames(t *testing.T) {
	user := Type{Name: "microsoft.graph.user", Kind: KindEntity, Properties: []Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}}}}
	dir := Type{Name: "microsoft.graph.directoryObject", Kind: KindEntity, Properties: []Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}}}}
	spec, diags := Resolve([]Page{
		apiPage("api/application-list-owners.md", []Type{dir}, Operation{Name: "List owners", Method: "GET",
			Response: TypeRef{Name: dir.Name, Collection: true}, Paths: paths("/applications/{id}/owners", "/applications(appId='{appId}')/owners")}),
		apiPage("api/group-list-owners.md", []Type{user}, Operation{Name: "List owners", Method: "GET",
			Response: TypeRef{Name: user.Name, Collection: true}, Paths: paths("/groups/{id}/owners")}),
		apiPage("api/group-list-members.md", []Type{user}, Operation{Name: "List members", Method: "GET",
			Response: TypeRef{Name: user.Name, Collection: true}, Paths: paths("/groups/{id}/members")}),
	}, ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	var names []string
	for _, o := range spec.Operations {
		names = append(names, o.GoName)
	}
	assert.ElementsMatch(t, []string{"ListApplicationOwners", "ListGroupOwners", "ListMembers"}, names)
	assert.Empty(t, diagsWith(diags, "name-collision"))
}

func TestPathEntity(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/deviceAppManagement/mobileApps/{mobileAppId}", "mobileApp"},
		{"/users/{id}", "user"},
		{"/sites/{site-id}", "site"},
		{"/applications(appId='{appId}')", "application"},
		{"/me", "me"},
		{"/deviceManagement/deviceConfigurations/{deviceConfigurationId}/rootCertificate", "rootCertificate"},
		{"/deviceManagement/deviceConfigurations/{id}/microsoft.graph.iosVppApp", "iosVppApp"},
		{"/{id}", ""},
	} {
		assert.Equal(t, c.want, pathEntity(c.in), c.in)
	}
}
