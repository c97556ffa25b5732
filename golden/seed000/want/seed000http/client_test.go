package seed000http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	seed000 "github.com/docgen-dev/docgen/golden/seed000/want"
	"github.com/docgen-dev/docgen/ir"
)

// page is the page the package was generated from.
const page = "../../input/000_91fdf6f3b8b8b9ce.txt"

// These tests run the generated client_gen.go and server_gen.go for real,
// over HTTP, replaying the page's own request and response examples.

const template = "/deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}"

// received is what a test server saw of one request.
type received struct {
	Method, Path string
	Header       http.Header
	Body         []byte
}

// recordingServer answers every request with answer and reports what it
// received on the returned channel.
func recordingServer(t *testing.T, answer func(w http.ResponseWriter)) (*httptest.Server, <-chan received) {
	t.Helper()
	ch := make(chan received, 8)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		ch <- received{r.Method, r.URL.EscapedPath(), r.Header.Clone(), body}
		answer(w)
	}))
	t.Cleanup(srv.Close)
	return srv, ch
}

// replay answers with a documented response example: its status, its
// Content-Type and its body, verbatim.
func replay(ex ir.Example) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for _, h := range ex.Headers {
			if strings.EqualFold(h.Name, "Content-Type") {
				w.Header().Set(h.Name, h.Value)
			}
		}
		w.WriteHeader(ex.Status)
		io.WriteString(w, ex.Body)
	}
}

func answerWith(status int, header map[string]string, body string) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

func responseExample(t *testing.T) ir.Example {
	ex := pages.Examples(t, page, 2)[1]
	require.Equal(t, ir.RoleResponse, ex.Role)
	require.Equal(t, 200, ex.Status)
	return ex
}

// TestClientRequestAndResponse: the client sends PATCH to the documented
// path under BaseURL with the id escaped as one segment, the body exactly as
// built (absent omitted, null sent), and decodes the documented 200 response.
func TestClientRequestAndResponse(t *testing.T) {
	ex := responseExample(t)
	srv, got := recordingServer(t, replay(ex))
	c := NewClient(srv.URL+"/beta/", srv.Client())

	body := &seed000.UpdateMobileThreatDefenseConnectorBody{
		PartnerState:   seed000.Some(seed000.MobileThreatPartnerTenantStateEnabled),
		MacEnabled:     seed000.Null[bool](),
		AndroidEnabled: seed000.Some(false),
	}
	m, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "a/b c", body)
	require.NoError(t, err)

	r := <-got
	assert.Equal(t, "PATCH", r.Method)
	assert.Equal(t, "/beta/deviceManagement/mobileThreatDefenseConnectors/a%2Fb%20c", r.Path)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.Equal(t, `{"partnerState":"enabled","androidEnabled":false,"macEnabled":null}`, string(r.Body))

	require.NotNil(t, m)
	assert.Equal(t, seed000.DateTimeOffset("2016-12-31T23:59:37.9174975-08:00"), *m.LastHeartbeatDateTime)
	assert.Equal(t, "e4bede14-de14-e4be-14de-bee414debee4", *m.ID)
	assert.Equal(t, seed000.MobileThreatPartnerTenantStateAvailable, *m.PartnerState)
	assert.Equal(t, int32(6), *m.PartnerUnresponsivenessThresholdInDays)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, ex.Body, string(out), "the decoded response re-encodes to the documented example")
}

// TestClientReplaysRequestExample: the documented request example, decoded
// into the body type, goes over the wire unchanged.
func TestClientReplaysRequestExample(t *testing.T) {
	req := pages.Examples(t, page, 2)[0]
	require.Equal(t, ir.RoleRequest, req.Role)
	var body seed000.UpdateMobileThreatDefenseConnectorBody
	require.NoError(t, json.Unmarshal([]byte(req.Body), &body))
	require.NoError(t, body.Validate())

	srv, got := recordingServer(t, replay(responseExample(t)))
	_, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(t.Context(), "e4bede14-de14-e4be-14de-bee414debee4", &body)
	require.NoError(t, err)
	r := <-got
	assert.Equal(t, "/deviceManagement/mobileThreatDefenseConnectors/e4bede14-de14-e4be-14de-bee414debee4", r.Path)
	assert.JSONEq(t, req.Body, string(r.Body))
}

// TestClientNoContent: a 204, or a 2xx without a body, is a nil entity and
// no error.
func TestClientNoContent(t *testing.T) {
	for _, status := range []int{http.StatusNoContent, http.StatusOK} {
		srv, _ := recordingServer(t, answerWith(status, nil, ""))
		m, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
		require.NoError(t, err, "status %d", status)
		assert.Nil(t, m, "status %d", status)
	}
}

// TestClientThrottled: a 429 with Retry-After and a Graph error body is a
// *GraphError with every field of the body and the delay.
func TestClientThrottled(t *testing.T) {
	const body = `{"error":{"code":"TooManyRequests","message":"Too many requests, retry later.",` +
		`"innerError":{"request-id":"7e3a1b2c-0000-4000-8000-000000000001","date":"2024-05-06T07:08:09","client-request-id":"c-42"}}}`
	srv, _ := recordingServer(t, answerWith(http.StatusTooManyRequests, map[string]string{"Retry-After": "7", "Content-Type": "application/json"}, body))
	m, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	assert.Nil(t, m)
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusTooManyRequests, ge.StatusCode)
	assert.Equal(t, "TooManyRequests", ge.Code)
	assert.Equal(t, "Too many requests, retry later.", ge.Message)
	assert.Equal(t, "7e3a1b2c-0000-4000-8000-000000000001", ge.RequestID)
	assert.Equal(t, "c-42", ge.ClientRequestID)
	assert.Equal(t, "2024-05-06T07:08:09", ge.Date)
	assert.Equal(t, 7*time.Second, ge.RetryAfter)
	assert.Equal(t, body, string(ge.Body))
	assert.Equal(t, "graph: 429 TooManyRequests: Too many requests, retry later. (request-id 7e3a1b2c-0000-4000-8000-000000000001)", ge.Error())
}

// TestClientErrorWithoutGraphBody: a non-JSON error body still gives a
// *GraphError with the status; the request id falls back to the header.
func TestClientErrorWithoutGraphBody(t *testing.T) {
	srv, _ := recordingServer(t, answerWith(http.StatusInternalServerError, map[string]string{"request-id": "hdr-1"}, "<html>upstream exploded</html>"))
	_, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusInternalServerError, ge.StatusCode)
	assert.Empty(t, ge.Code)
	assert.Equal(t, "hdr-1", ge.RequestID)
	assert.Zero(t, ge.RetryAfter)
	assert.Equal(t, "<html>upstream exploded</html>", string(ge.Body))
	assert.Equal(t, "graph: 500 Internal Server Error (request-id hdr-1)", ge.Error())
}

// TestClientErrorBodyBounded: at most 1 MiB of an error body is read.
func TestClientErrorBodyBounded(t *testing.T) {
	big := strings.Repeat("x", 3<<20)
	srv, _ := recordingServer(t, answerWith(http.StatusBadGateway, nil, big))
	_, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	var ge *GraphError
	require.True(t, errors.As(err, &ge))
	assert.Equal(t, http.StatusBadGateway, ge.StatusCode)
	assert.Len(t, ge.Body, 1<<20)
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"":                              0,
		"0":                             0,
		"7":                             7 * time.Second,
		"120":                           2 * time.Minute,
		"-3":                            0,
		"soon":                          0,
		"Mon, 06 May 2024 07:08:39 GMT": 30 * time.Second,
		"Mon, 06 May 2024 07:00:00 GMT": 0, // in the past
	} {
		assert.Equal(t, want, retryAfter(v, now), "Retry-After %q", v)
	}
}

// TestClientContextCanceled: cancelling ctx abandons a request in flight.
func TestClientContextCanceled(t *testing.T) {
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-release // never answers before the test ends
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		<-arrived
		cancel()
	}()
	start := time.Now()
	m, err := NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(ctx, "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	assert.Nil(t, m)
	require.ErrorIs(t, err, context.Canceled)
	var ge *GraphError
	assert.False(t, errors.As(err, &ge))
	assert.Less(t, time.Since(start), 5*time.Second)

	// A context cancelled before the call sends nothing.
	_, err = NewClient(srv.URL, srv.Client()).UpdateMobileThreatDefenseConnector(ctx, "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	require.ErrorIs(t, err, context.Canceled)
}

// bearer is how callers authenticate: a RoundTripper on the http.Client.
type bearer struct{ token string }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

func TestClientAuthAndHeaders(t *testing.T) {
	c := NewClient("", nil)
	assert.Equal(t, "https://graph.microsoft.com/beta", c.BaseURL)
	assert.Same(t, http.DefaultClient, c.HTTP)

	srv, got := recordingServer(t, answerWith(http.StatusNoContent, nil, ""))
	c = &Client{HTTP: &http.Client{Transport: bearer{"t0k3n"}}, BaseURL: srv.URL, Header: http.Header{"client-request-id": {"my-id"}}}
	_, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	require.NoError(t, err)
	r := <-got
	assert.Equal(t, "Bearer t0k3n", r.Header.Get("Authorization"))
	assert.Equal(t, "my-id", r.Header.Get("client-request-id"))
}

// fake serves HandleUpdateMobileThreatDefenseConnector(fn) and returns a
// client for it.
func fake(t *testing.T, fn func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error)) (*Client, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(HandleUpdateMobileThreatDefenseConnector(fn))
	t.Cleanup(srv.Close)
	return NewClient(srv.URL, srv.Client()), srv
}

func notCalled(t *testing.T) func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
	return func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
		t.Error("fn called")
		return nil, nil
	}
}

// TestFakeServer: a valid body reaches fn with the path parameter and the
// body decoded; what fn returns reaches the client.
func TestFakeServer(t *testing.T) {
	ex := responseExample(t)
	var entity seed000.MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal([]byte(ex.Body), &entity))

	calls := 0
	c, _ := fake(t, func(ctx context.Context, route Route, body *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
		calls++
		assert.NotNil(t, ctx)
		assert.Equal(t, template, route.Template)
		assert.Equal(t, []string{"a/b c"}, route.Values)
		assert.Equal(t, "a/b c", route.Param("mobileThreatDefenseConnectorId"))
		assert.Empty(t, route.Param("nope"))
		v, ok := body.PartnerState.Get()
		assert.True(t, ok)
		assert.Equal(t, seed000.MobileThreatPartnerTenantStateEnabled, v)
		assert.True(t, body.MacEnabled.IsNull())
		assert.False(t, body.AndroidEnabled.IsSet())
		return &entity, nil
	})
	m, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "a/b c", &seed000.UpdateMobileThreatDefenseConnectorBody{
		PartnerState: seed000.Some(seed000.MobileThreatPartnerTenantStateEnabled),
		MacEnabled:   seed000.Null[bool](),
	})
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	require.NotNil(t, m)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, ex.Body, string(out))
}

func TestFakeServerNoContent(t *testing.T) {
	c, _ := fake(t, func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
		return nil, nil
	})
	m, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	require.NoError(t, err)
	assert.Nil(t, m)
}

// corrupt replaces every request body with text that is not JSON.
type corrupt struct{}

func (corrupt) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	bad := []byte(`{"partnerState":`)
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(bad)), int64(len(bad))
	return http.DefaultTransport.RoundTrip(r)
}

func TestFakeServerBadJSON(t *testing.T) {
	c, _ := fake(t, notCalled(t))
	c.HTTP = &http.Client{Transport: corrupt{}}
	_, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusBadRequest, ge.StatusCode)
	assert.Equal(t, "BadRequest", ge.Code)
	assert.Contains(t, ge.Message, "invalid request body")
}

// TestFakeServerValidation: an undocumented enum value is a 400 naming the
// property path; fn is not called.
func TestFakeServerValidation(t *testing.T) {
	c, _ := fake(t, notCalled(t))
	_, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{
		PartnerState: seed000.Some(seed000.MobileThreatPartnerTenantState("brandNewState")),
	})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusBadRequest, ge.StatusCode)
	assert.Equal(t, "BadRequest", ge.Code)
	assert.Equal(t, `partnerState: undocumented value "brandNewState"`, ge.Message)
}

// TestFakeServerMethodAndPath: another method is a 405 with Allow, a path
// that is not documented a 404, both with a Graph error body.
func TestFakeServerMethodAndPath(t *testing.T) {
	_, srv := fake(t, notCalled(t))
	for _, tc := range []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/deviceManagement/mobileThreatDefenseConnectors/x", http.StatusMethodNotAllowed, "MethodNotAllowed"},
		{"PATCH", "/deviceManagement/mobileThreatDefenseConnectors/x/extra", http.StatusNotFound, "NotFound"},
		{"PATCH", "/deviceManagement/mobileThreatDefenseConnectors/", http.StatusNotFound, "NotFound"},
	} {
		req, err := http.NewRequestWithContext(t.Context(), tc.method, srv.URL+tc.path, strings.NewReader("{}"))
		require.NoError(t, err)
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		assert.Equal(t, tc.status, resp.StatusCode, "%s %s", tc.method, tc.path)
		var e struct {
			Error struct{ Code, Message string }
		}
		require.NoError(t, json.Unmarshal(data, &e), "%s", data)
		assert.Equal(t, tc.code, e.Error.Code)
		if tc.status == http.StatusMethodNotAllowed {
			assert.Equal(t, "PATCH", resp.Header.Get("Allow"))
		}
	}
}

// TestFakeServerErrors: a *GraphError from fn reaches the client whole; any
// other error is a 500.
func TestFakeServerErrors(t *testing.T) {
	want := &GraphError{StatusCode: http.StatusTooManyRequests, Code: "TooManyRequests", Message: "slow down",
		RequestID: "r-1", ClientRequestID: "c-1", Date: "2024-05-06T07:08:09", RetryAfter: 7 * time.Second}
	c, _ := fake(t, func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
		return nil, want
	})
	_, err := c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	var ge *GraphError
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.NotEmpty(t, ge.Body)
	ge.Body = nil
	assert.Equal(t, want, ge)

	c, _ = fake(t, func(context.Context, Route, *seed000.UpdateMobileThreatDefenseConnectorBody) (*seed000.MobileThreatDefenseConnector, error) {
		return nil, errors.New("boom")
	})
	_, err = c.UpdateMobileThreatDefenseConnector(t.Context(), "x", &seed000.UpdateMobileThreatDefenseConnectorBody{})
	require.True(t, errors.As(err, &ge), "got %T %v", err, err)
	assert.Equal(t, http.StatusInternalServerError, ge.StatusCode)
	assert.Equal(t, "InternalServerError", ge.Code)
	assert.Equal(t, "boom", ge.Message)
}

// TestRequestBuilder: the builder escapes the path parameter as one
// segment, joins it to a base URL with a trailing slash and sends the body
// as JSON.
func TestRequestBuilder(t *testing.T) {
	b := seed000.UpdateMobileThreatDefenseConnectorBody{AndroidEnabled: seed000.Some(false)}
	req, err := Requests{BaseURL: "https://graph.microsoft.com/beta/"}.UpdateMobileThreatDefenseConnector(t.Context(), "a/b c", &b)
	require.NoError(t, err)
	assert.Equal(t, "PATCH", req.Method)
	assert.Equal(t, "https://graph.microsoft.com/beta/deviceManagement/mobileThreatDefenseConnectors/a%2Fb%20c", req.URL.String())
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	body, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"androidEnabled":false}`, string(body))
}
