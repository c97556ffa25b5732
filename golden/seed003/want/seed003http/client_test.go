package seed003http

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	seed003 "github.com/docgen-dev/docgen/golden/seed003/want"
	"github.com/docgen-dev/docgen/ir"
)

// page is the page the package was generated from.
const page = "../../input/003_f2c6cc1acb9e6d00.txt"

// These tests run the generated client_gen.go and server_gen.go over HTTP,
// replaying the page's own examples: exact durations and timestamps must
// survive the client, the fake server and the wire.

// received is what a test server saw of one request.
type received struct {
	Method, Path, ContentType string
	Body                      []byte
}

// serve answers every request with status, header and body, and reports
// what it received on the returned channel.
func serve(t *testing.T, status int, header http.Header, body string) (*Client, <-chan received) {
	t.Helper()
	ch := make(chan received, 8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		ch <- received{r.Method, r.URL.EscapedPath(), r.Header.Get("Content-Type"), data}
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return NewClient(srv.URL, srv.Client()), ch
}

func requestAndResponse(t *testing.T) (req, resp ir.Example) {
	ex := pages.Examples(t, page, 2)
	require.Equal(t, ir.RoleRequest, ex[0].Role)
	require.Equal(t, ir.RoleResponse, ex[1].Role)
	require.Equal(t, 200, ex[1].Status)
	return ex[0], ex[1]
}

// TestClientReplaysExamples sends the documented request example and
// decodes the documented response example, values exact.
func TestClientReplaysExamples(t *testing.T) {
	reqEx, respEx := requestAndResponse(t)
	c, got := serve(t, respEx.Status, http.Header{"Content-Type": {"application/json"}}, respEx.Body)

	var body seed003.UpdateWindowsManagedAppProtectionBody
	require.NoError(t, json.Unmarshal([]byte(reqEx.Body), &body))
	m, err := c.UpdateWindowsManagedAppProtection(t.Context(), "a/b c", &body)
	require.NoError(t, err)

	r := <-got
	assert.Equal(t, "PATCH", r.Method)
	assert.Equal(t, "/deviceAppManagement/windowsManagedAppProtections/a%2Fb%20c", r.Path)
	assert.Equal(t, "application/json", r.ContentType)
	assert.JSONEq(t, reqEx.Body, string(r.Body))
	assert.Contains(t, string(r.Body), `"periodOfflineBeforeWipeIsEnforced":"-PT3M22.1587532S"`)

	require.NotNil(t, m)
	assert.Equal(t, seed003.Duration("-PT3M22.1587532S"), *m.PeriodOfflineBeforeWipeIsEnforced)
	assert.Equal(t, seed003.Duration("-PT17.1357909S"), *m.PeriodOfflineBeforeAccessCheck)
	assert.Equal(t, seed003.DateTimeOffset("2017-01-01T00:02:43.5775965-08:00"), *m.CreatedDateTime)
	assert.Equal(t, "c7894cd1-4cd1-c789-d14c-89c7d14c89c7", *m.ID)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, respEx.Body, string(out))
}

// TestClientBodyAsBuilt: absent fields are omitted and null is sent, in
// field order.
func TestClientBodyAsBuilt(t *testing.T) {
	c, got := serve(t, http.StatusNoContent, nil, "")
	m, err := c.UpdateWindowsManagedAppProtection(t.Context(), "id", &seed003.UpdateWindowsManagedAppProtectionBody{
		Description:                       seed003.Null[string](),
		PeriodOfflineBeforeWipeIsEnforced: seed003.Some(seed003.NewDuration(-(3*time.Minute + 22158753200))),
	})
	require.NoError(t, err)
	assert.Nil(t, m, "204 is a nil entity")
	assert.Equal(t, `{"description":null,"periodOfflineBeforeWipeIsEnforced":"-PT3M22.1587532S"}`, string((<-got).Body))
}

func TestClientErrors(t *testing.T) {
	body := `{"error":{"code":"TooManyRequests","message":"Slow down.","innerError":{"request-id":"rid-9","date":"2024-05-06T07:08:09","client-request-id":"cid-9"}}}`
	for _, tc := range []struct {
		name   string
		status int
		header http.Header
		body   string
		want   GraphError
	}{
		{"throttled", http.StatusTooManyRequests, http.Header{"Retry-After": {"7"}}, body, GraphError{
			StatusCode: 429, Code: "TooManyRequests", Message: "Slow down.", RequestID: "rid-9",
			ClientRequestID: "cid-9", Date: "2024-05-06T07:08:09", RetryAfter: 7 * time.Second, Body: []byte(body)}},
		{"not JSON", http.StatusServiceUnavailable, nil, "Service Unavailable", GraphError{
			StatusCode: 503, Body: []byte("Service Unavailable")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := serve(t, tc.status, tc.header, tc.body)
			m, err := c.UpdateWindowsManagedAppProtection(t.Context(), "id", &seed003.UpdateWindowsManagedAppProtectionBody{})
			assert.Nil(t, m)
			var ge *GraphError
			require.True(t, errors.As(err, &ge), "got %T %v", err, err)
			assert.Equal(t, tc.want, *ge)
		})
	}
}

// TestClientDeadline: a context deadline stops a request the server never
// answers.
func TestClientDeadline(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := NewClient(srv.URL, srv.Client()).UpdateWindowsManagedAppProtection(ctx, "id", &seed003.UpdateWindowsManagedAppProtectionBody{})
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestFakeServerEcho: a fake that applies the body to a stored entity, as
// the service does, and answers with it; durations stay exact both ways.
func TestFakeServerEcho(t *testing.T) {
	reqEx, respEx := requestAndResponse(t)
	var stored seed003.WindowsManagedAppProtection
	require.NoError(t, json.Unmarshal([]byte(respEx.Body), &stored))

	srv := httptest.NewServer(HandleUpdateWindowsManagedAppProtection(func(ctx context.Context, route Route, body *seed003.UpdateWindowsManagedAppProtectionBody) (*seed003.WindowsManagedAppProtection, error) {
		if id := route.Param("windowsManagedAppProtectionId"); id != *stored.ID {
			return nil, &GraphError{StatusCode: http.StatusNotFound, Code: "ResourceNotFound", Message: "no " + id}
		}
		if v, ok := body.PeriodOfflineBeforeAccessCheck.Get(); ok {
			stored.PeriodOfflineBeforeAccessCheck = &v
		}
		if body.Description.IsNull() {
			stored.Description = nil
		}
		return &stored, nil
	}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())

	var body seed003.UpdateWindowsManagedAppProtectionBody
	require.NoError(t, json.Unmarshal([]byte(reqEx.Body), &body))
	body.PeriodOfflineBeforeAccessCheck = seed003.Some(seed003.Duration("-P1DT0.0000001S"))
	body.Description = seed003.Null[string]()
	m, err := c.UpdateWindowsManagedAppProtection(t.Context(), "c7894cd1-4cd1-c789-d14c-89c7d14c89c7", &body)
	require.NoError(t, err)
	assert.Equal(t, seed003.Duration("-P1DT0.0000001S"), *m.PeriodOfflineBeforeAccessCheck)
	assert.Equal(t, seed003.Duration("-PT3M22.1587532S"), *m.PeriodOfflineBeforeWipeIsEnforced)
	assert.Nil(t, m.Description)

	_, err = c.UpdateWindowsManagedAppProtection(t.Context(), "other", &body)
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusNotFound, ge.StatusCode)
	assert.Equal(t, "ResourceNotFound", ge.Code)
	assert.Equal(t, "no other", ge.Message)
}

// TestFakeServerRejects: documented rules are enforced before fn runs.
func TestFakeServerRejects(t *testing.T) {
	srv := httptest.NewServer(HandleUpdateWindowsManagedAppProtection(func(context.Context, Route, *seed003.UpdateWindowsManagedAppProtectionBody) (*seed003.WindowsManagedAppProtection, error) {
		t.Error("fn called")
		return nil, nil
	}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())

	_, err := c.UpdateWindowsManagedAppProtection(t.Context(), "id", &seed003.UpdateWindowsManagedAppProtectionBody{
		MaximumAllowedDeviceThreatLevel:   seed003.Some(seed003.ManagedAppDeviceThreatLevel("extreme")),
		PeriodOfflineBeforeWipeIsEnforced: seed003.Some(seed003.Duration("5 days")),
	})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusBadRequest, ge.StatusCode)
	assert.Equal(t, "BadRequest", ge.Code)
	assert.Contains(t, ge.Message, `maximumAllowedDeviceThreatLevel: undocumented value "extreme"`)
	assert.Contains(t, ge.Message, "periodOfflineBeforeWipeIsEnforced: ")

	resp, err := srv.Client().Post(srv.URL+"/deviceAppManagement/windowsManagedAppProtections/id", "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, "PATCH", resp.Header.Get("Allow"))
}
