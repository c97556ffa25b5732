package httpwire

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// thing stands for a generated request body and model.
type thing struct {
	Size *int `json:"size,omitempty"`
}

func (t *thing) Validate() error {
	if t.Size != nil && *t.Size < 0 {
		return errors.New("size: below 0")
	}
	return nil
}

func TestRequestsURL(t *testing.T) {
	assert.Equal(t, defaultBaseURL+"/a/b", Requests{}.url("/a/b"))
	assert.Equal(t, "https://example.test/v1.0/a", Requests{BaseURL: "https://example.test/v1.0/"}.url("/a"))
	assert.Equal(t, "https://example.test/v1.0/a", (&Client{BaseURL: "https://example.test/v1.0"}).requests().url("/a"))
}

func TestNewRequest(t *testing.T) {
	req, err := newRequest(t.Context(), "PATCH", "https://example.test/x", &thing{Size: new(int)})
	require.NoError(t, err)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.Equal(t, "application/json", req.Header.Get("Accept"))
	data, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.JSONEq(t, `{"size":0}`, string(data))

	req, err = newRequest(t.Context(), "DELETE", "https://example.test/x", nil)
	require.NoError(t, err)
	assert.Nil(t, req.Body)
	assert.Empty(t, req.Header.Get("Content-Type"))

	_, err = newRequest(t.Context(), "POST", "https://example.test/x", func() {})
	assert.Error(t, err, "a body JSON cannot encode")
}

func TestNewClient(t *testing.T) {
	c := NewClient("", nil)
	assert.Equal(t, defaultBaseURL, c.BaseURL)
	assert.Same(t, http.DefaultClient, c.HTTP)
}

func TestClientSend(t *testing.T) {
	var gotHeader http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotHeader = r.Header.Clone()
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, `{"size":3}`)
		case "/none":
			w.WriteHeader(http.StatusNoContent)
		case "/empty":
			w.WriteHeader(http.StatusOK)
		case "/bad":
			io.WriteString(w, `{"size":`)
		default:
			w.Header().Set("Retry-After", "7")
			w.Header().Set("request-id", "hdr-id")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":{"code":"TooManyRequests","message":"slow down","innerError":{"date":"2026-01-01T00:00:00","client-request-id":"c1"}}}`)
		}
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, Header: http.Header{"client-request-id": {"mine"}}, Retry: RetryPolicy{Disabled: true}}
	get := func(path string) (*thing, error) {
		req, err := newRequest(context.Background(), "GET", c.requests().url(path), nil)
		return sendFor[*thing](c, req, err)
	}

	got, err := get("/ok")
	require.NoError(t, err)
	assert.Equal(t, 3, *got.Size)
	assert.Equal(t, "mine", gotHeader.Get("Client-Request-Id"), "Header is set on every request")

	for _, p := range []string{"/none", "/empty"} {
		got, err = get(p)
		require.NoError(t, err, p)
		assert.Nil(t, got, p)
	}

	_, err = get("/bad")
	assert.ErrorContains(t, err, "decoding the response")

	_, err = get("/throttled")
	var ge *GraphError
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, GraphError{StatusCode: 429, Code: "TooManyRequests", Message: "slow down", RequestID: "hdr-id", ClientRequestID: "c1",
		Date: "2026-01-01T00:00:00", RetryAfter: 7 * time.Second, Body: ge.Body}, *ge)
	assert.Equal(t, "graph: 429 TooManyRequests: slow down (request-id hdr-id)", ge.Error())

	req, err := newRequest(context.Background(), "DELETE", c.requests().url("/none"), nil)
	assert.NoError(t, sendNoContent(c, req, err))
	assert.ErrorIs(t, sendNoContent(c, nil, context.Canceled), context.Canceled, "a request that failed to build is not sent")
}

func TestGraphErrorText(t *testing.T) {
	assert.Equal(t, "graph: 404 Not Found", (&GraphError{StatusCode: 404}).Error())
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, 120*time.Second, retryAfter("120", now))
	assert.Equal(t, 30*time.Second, retryAfter(now.Add(30*time.Second).Format(http.TimeFormat), now))
	for _, v := range []string{"", "soon", "-1", now.Add(-time.Minute).Format(http.TimeFormat)} {
		assert.Zero(t, retryAfter(v, now), v)
	}
}

func TestMatchPathAndParam(t *testing.T) {
	const tmpl = "/users/{id}/things/{thingId}"
	v, ok := matchPath(tmpl, "/users/a%2Fb/things/7")
	require.True(t, ok)
	assert.Equal(t, []string{"a/b", "7"}, v)
	r := Route{Template: tmpl, Values: v}
	assert.Equal(t, "7", r.Param("thingId"))
	assert.Equal(t, "a/b", r.Param("id"))
	assert.Equal(t, "", r.Param("other"))
	assert.Equal(t, []string{"7"}, r.Params("thingId"))
	assert.Nil(t, r.Params("other"))

	// A name used twice: Param is the first value, Params every one.
	const twice = "/deviceManagement/templates/{deviceManagementTemplateId}/migratableTo/{deviceManagementTemplateId}/compare"
	v, ok = matchPath(twice, "/deviceManagement/templates/outer/migratableTo/inner/compare")
	require.True(t, ok)
	r = Route{Template: twice, Values: v}
	assert.Equal(t, "outer", r.Param("deviceManagementTemplateId"))
	assert.Equal(t, []string{"outer", "inner"}, r.Params("deviceManagementTemplateId"))
	r = Route{Template: "/a/{x}/b/{y}/c/{x}", Values: []string{"1", "2", "3"}}
	assert.Equal(t, []string{"1", "3"}, r.Params("x"))
	assert.Equal(t, []string{"2"}, r.Params("y"))
	for _, p := range []string{"/users//things/7", "/users/a/things/7/more", "/groups/a/things/7", "/users/a/things", "/users/%zz/things/7"} {
		_, ok := matchPath(tmpl, p)
		assert.False(t, ok, p)
	}
	v, ok = matchPath("/sync", "/sync")
	assert.True(t, ok)
	assert.Empty(t, v)
}

func TestHandle(t *testing.T) {
	var seen Route
	h := handle("PATCH", 200, []string{"/things/{thingId}"}, func(_ context.Context, r Route, b *thing) (*thing, error) {
		seen = r
		switch {
		case b.Size == nil:
			return nil, nil
		case *b.Size == 429:
			return nil, &GraphError{StatusCode: 429, Code: "TooManyRequests", RetryAfter: 1500 * time.Millisecond}
		case *b.Size == 500:
			return nil, errors.New("boom")
		}
		return b, nil
	})
	do := func(method, path, body string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		if body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		h.ServeHTTP(w, r)
		return w
	}
	graphCode := func(w *httptest.ResponseRecorder) string {
		var e graphErrorJSON
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
		return e.Error.Code
	}

	w := do("PATCH", "/things/7", `{"size":3}`)
	assert.Equal(t, 200, w.Code)
	assert.JSONEq(t, `{"size":3}`, w.Body.String())
	assert.Equal(t, Route{Template: "/things/{thingId}", Values: []string{"7"}, Query: url.Values{}}, seen)

	w = do("PATCH", "/things/7", `{}`)
	assert.Equal(t, 204, w.Code, "a nil answer")

	w = do("GET", "/things/7", ``)
	assert.Equal(t, 405, w.Code)
	assert.Equal(t, "PATCH", w.Header().Get("Allow"))
	assert.Equal(t, "MethodNotAllowed", graphCode(w))

	w = do("PATCH", "/other/7", `{}`)
	assert.Equal(t, 404, w.Code)
	assert.Equal(t, "NotFound", graphCode(w))

	for _, body := range []string{`{"size":`, `{"size":-1}`} {
		w = do("PATCH", "/things/7", body)
		assert.Equal(t, 400, w.Code, body)
		assert.Equal(t, "BadRequest", graphCode(w), body)
	}

	w = do("PATCH", "/things/7", `{"size":429}`)
	assert.Equal(t, 429, w.Code)
	assert.Equal(t, "2", w.Header().Get("Retry-After"), "rounded up to whole seconds")

	w = do("PATCH", "/things/7", `{"size":500}`)
	assert.Equal(t, 500, w.Code)
	assert.Equal(t, "InternalServerError", graphCode(w))

	n := handleNoContent("DELETE", []string{"/things/{thingId}"}, func(context.Context, Route, *thing) error { return nil })
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("DELETE", "/things/1", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	n.ServeHTTP(rec, req)
	assert.Equal(t, 204, rec.Code)
}

func TestWriteGraphErrorBody(t *testing.T) {
	w := httptest.NewRecorder()
	writeGraphError(w, &GraphError{Body: []byte(`raw`)})
	assert.Equal(t, 500, w.Code, "no status is a 500")
	assert.Equal(t, "raw", w.Body.String(), "Body is written verbatim")
	assert.Equal(t, "text/plain; charset=utf-8", w.Header().Get("Content-Type"), "a Body that is not JSON is not labelled JSON")
}
