package graphv1http

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	graphv1 "github.com/docgen-dev/docgen/generated/graphv1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReferenceRequests: "Assign manager" (PUT /users/{id}/manager/$ref)
// and "Add members" (POST /groups/{group-id}/members/$ref) send an entity
// reference, {"@odata.id": URL}, as their pages' examples do; the fake
// checks it (an empty one is a 400 naming "@odata.id", a member that is not
// "@odata.id" another) and answers 204.
func TestReferenceRequests(t *testing.T) {
	var sent []string
	fake := NewFake()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		sent = append(sent, r.Method+" "+r.URL.Path+" "+string(b))
		r.Body = io.NopCloser(bytes.NewReader(b))
		fake.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())

	ref := &graphv1.Reference{ODataID: "https://graph.microsoft.com/v1.0/users/2"}
	require.NoError(t, c.AssignManager(t.Context(), "1", ref))
	require.NoError(t, c.AddMembers(t.Context(), "g1", &graphv1.Reference{ODataID: "https://graph.microsoft.com/v1.0/directoryObjects/3"}))
	assert.Equal(t, []string{
		`PUT /users/1/manager/$ref {"@odata.id":"https://graph.microsoft.com/v1.0/users/2"}`,
		`POST /groups/g1/members/$ref {"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/3"}`,
	}, sent)

	err := c.AssignManager(t.Context(), "1", &graphv1.Reference{})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "%v", err)
	assert.Equal(t, http.StatusBadRequest, ge.StatusCode)
	assert.Contains(t, ge.Message, "@odata.id")

	req, err := http.NewRequestWithContext(t.Context(), "PUT", srv.URL+"/users/1/manager/$ref", bytes.NewReader([]byte(`{"@odata.id":"x","id":"2"}`)))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "a reference has one member")
}
