package httpwire

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// widget stands for a generated body type: Name is writable, ID read-only,
// Color an enum of red and blue.
type widget struct {
	ID    *string `json:"id,omitempty"`
	Name  *string `json:"name,omitempty"`
	Size  *int    `json:"size,omitempty"`
	Color *string `json:"color,omitempty"`
}

// Validate reports problems as the models' ValidationError does: with
// their rule, and Without.
func (w *widget) Validate() error {
	var errs testProblems
	if w.Size != nil && *w.Size < 0 {
		errs = append(errs, [2]string{"range", "size: below 0"})
	}
	if w.Color != nil && *w.Color != "red" && *w.Color != "blue" {
		errs = append(errs, [2]string{"enum", "color: undocumented value " + strconv.Quote(*w.Color)})
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// testProblems stands for the models' ValidationError: rule and message.
type testProblems [][2]string

func (p testProblems) Error() string {
	var s []string
	for _, x := range p {
		s = append(s, x[1])
	}
	return strings.Join(s, "; ")
}

func (p testProblems) Without(rule string) error {
	var rest testProblems
	for _, x := range p {
		if x[0] != rule {
			rest = append(rest, x)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	return rest
}

func (w *widget) CheckReadOnly() error {
	if w.ID != nil {
		return errors.New("id: read-only")
	}
	return nil
}

func newWidget() checkedBody { return new(widget) }

func widgetFake() *Fake {
	return newFake([]fakeOp{
		{kind: "list", method: "GET", templates: []string{"/widgets"}, answers: true},
		{kind: "create", method: "POST", templates: []string{"/widgets"}, body: newWidget, answers: true},
		{kind: "get", method: "GET", templates: []string{"/widgets/{widgetId}"}, answers: true},
		{kind: "update", method: "PATCH", templates: []string{"/widgets/{widgetId}"}, body: newWidget},
		{kind: "delete", method: "DELETE", templates: []string{"/widgets/{widgetId}"}},
		{kind: "function", method: "GET", templates: []string{"/widgets/count"}, answers: true},
		{kind: "update", method: "PATCH", templates: []string{"/settings"}, body: newWidget},
		{kind: "get", method: "GET", templates: []string{"/settings"}, answers: true},
	})
}

func TestFakeCycle(t *testing.T) {
	fake := widgetFake()
	fake.PageSize = 2
	mux := http.NewServeMux()
	fake.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := &Client{BaseURL: srv.URL}
	ctx := context.Background()
	r := c.requests()
	send := func(method, path string, body any) (map[string]any, error) {
		req, err := newRequest(ctx, method, r.url(path), body)
		got, err := sendFor[*map[string]any](c, req, err)
		if got == nil {
			return nil, err
		}
		return *got, err
	}
	for _, n := range []string{"a", "b", "c"} {
		got, err := send("POST", "/widgets", &widget{Name: &n})
		require.NoError(t, err)
		assert.Equal(t, n, got["name"])
	}
	got, err := send("GET", "/widgets/00000000-0000-0000-0000-000000000002", nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"id": "00000000-0000-0000-0000-000000000002", "name": "b"}, got, "deterministic ids")

	// Every page, following nextLink.
	req, err := newListRequest(ctx, r.url("/widgets"), &ListOptions{Count: true}, false)
	var names []string
	for w, err := range listAll[widget](ctx, c, req, err) {
		require.NoError(t, err)
		names = append(names, *w.Name)
	}
	assert.Equal(t, []string{"a", "b", "c"}, names)
	req, err = newListRequest(ctx, r.url("/widgets"), &ListOptions{Count: true, Select: []string{"name"}}, false)
	page, err := sendFor[*Page[widget]](c, req, err)
	require.NoError(t, err)
	assert.Len(t, page.Value, 2)
	assert.Equal(t, int64(3), *page.Count)
	assert.Contains(t, page.NextLink, "$skiptoken=2")
	page, err = NextPage(ctx, c, page)
	require.NoError(t, err)
	assert.Equal(t, "c", *page.Value[0].Name)
	page, err = NextPage(ctx, c, page)
	assert.NoError(t, err)
	assert.Nil(t, page, "after the last page")

	// PATCH merges: null clears, absent keeps.
	_, err = send("PATCH", "/widgets/00000000-0000-0000-0000-000000000001", map[string]any{"size": 3})
	require.NoError(t, err)
	_, err = send("PATCH", "/widgets/00000000-0000-0000-0000-000000000001", map[string]any{"name": nil})
	require.NoError(t, err)
	got, err = send("GET", "/widgets/00000000-0000-0000-0000-000000000001", nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"id": "00000000-0000-0000-0000-000000000001", "name": nil, "size": float64(3)}, got)

	_, err = send("DELETE", "/widgets/00000000-0000-0000-0000-000000000001", nil)
	require.NoError(t, err)
	_, err = send("GET", "/widgets/00000000-0000-0000-0000-000000000001", nil)
	var ge *GraphError
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, 404, ge.StatusCode)

	// Singletons exist once written.
	_, err = send("GET", "/settings", nil)
	require.ErrorAs(t, err, &ge)
	_, err = send("PATCH", "/settings", map[string]any{"size": 1})
	require.NoError(t, err)
	got, err = send("GET", "/settings", nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"size": float64(1)}, got)

	// The function path wins over the key path; it documents an answer the
	// fake does not invent.
	_, err = send("GET", "/widgets/count", nil)
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, 501, ge.StatusCode)
}

func TestFakeRejects(t *testing.T) {
	fake := widgetFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	post := func(body string, header ...string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL+"/widgets", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	for body, want := range map[string]string{
		`{"nmae":"x"}`:             `not a documented property`,
		`{"NAME":"x"}`:             `the documented name is \"name\"`,
		`{"name":"x","name":"y"}`:  `appears twice`,
		`{"size":-1}`:              `below 0`,
		`{"color":"ultraviolet"}`:  `undocumented value \"ultraviolet\"`,
		`{"id":"mine","name":"x"}`: `read-only`,
		`[1]`:                      `not a JSON object`,
	} {
		code, got := post(body)
		assert.Equal(t, 400, code, body)
		assert.Contains(t, got, want, body)
		assert.Contains(t, got, `"code":"BadRequest"`, body)
	}
	code, _ := post(`{"name":"x","@odata.type":"#microsoft.graph.widget"}`)
	assert.Equal(t, 201, code, "annotations pass")

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, `{"name":"zipped"}`)
	zw.Close()
	code, got := post(gz.String(), "Content-Encoding", "gzip")
	assert.Equal(t, 201, code, got)
	assert.Contains(t, got, "zipped")
	code, _ = post(`{"name":"x"}`, "Content-Encoding", "br")
	assert.Equal(t, 415, code)
	code, _ = post(`{"name":"x"}`, "Content-Type", "text/plain")
	assert.Equal(t, 415, code)

	req, _ := http.NewRequest("PUT", srv.URL+"/widgets", nil)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 405, resp.StatusCode)
	assert.Equal(t, "GET, POST", resp.Header.Get("Allow"))

	req, _ = http.NewRequest("GET", srv.URL+"/widgets?$filter=name%20eq%20'x'", nil)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 501, resp.StatusCode, "a filter the fake does not evaluate is not ignored")
}

// TestFakeLenient: each Leniency relaxes its own checks and no other; the
// Fake stores a body as it read it.
func TestFakeLenient(t *testing.T) {
	fake := widgetFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	do := func(method, path, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}

	// Unknown enum members only: other rules, and the member checks, stay.
	fake.Lenient = Leniency{UnknownEnumMembers: true}
	code, got := do("POST", "/widgets", `{"name":"a","color":"ultraviolet"}`)
	assert.Equal(t, 201, code, got)
	assert.JSONEq(t, `{"id":"00000000-0000-0000-0000-000000000001","name":"a","color":"ultraviolet"}`, got, "stored as sent")
	code, got = do("POST", "/widgets", `{"color":"ultraviolet","size":-1}`)
	assert.Equal(t, 400, code)
	assert.Contains(t, got, "below 0")
	assert.NotContains(t, got, "ultraviolet", "only the other rule is reported")
	code, _ = do("POST", "/widgets", `{"NAME":"b"}`)
	assert.Equal(t, 400, code)

	// Unknown and differently-cased members only: read as encoding/json
	// would, stored so; duplicates stay refused, enums strict.
	fake.Lenient = Leniency{UnknownMembers: true}
	code, got = do("POST", "/widgets", `{"nmae":"x","NAME":"b","Size":2,"@odata.type":"#w"}`)
	assert.Equal(t, 201, code, got)
	assert.JSONEq(t, `{"id":"00000000-0000-0000-0000-000000000002","name":"b","size":2,"@odata.type":"#w"}`, got)
	code, got = do("PATCH", "/widgets/00000000-0000-0000-0000-000000000002", `{"SIZE":3,"extra":true}`)
	assert.Equal(t, 204, code, got)
	_, got = do("GET", "/widgets/00000000-0000-0000-0000-000000000002", "")
	assert.JSONEq(t, `{"id":"00000000-0000-0000-0000-000000000002","name":"b","size":3,"@odata.type":"#w"}`, got)
	for body, want := range map[string]string{
		`{"name":"x","NAME":"y"}`:   `member \"name\" appears twice, as \"name\" and \"NAME\"`,
		`{"name":"x","name":"y"}`:   `appears twice`,
		`{"Name":"x","size":-1}`:    `below 0`,
		`{"color":"ultraviolet"}`:   `undocumented value`,
		`{"ID":"mine","name":"x"}`:  `read-only`,
		`{"nmae":"x","color":"no"}`: `undocumented value`,
	} {
		code, got := do("POST", "/widgets", body)
		assert.Equal(t, 400, code, body)
		assert.Contains(t, got, want, body)
	}

	// Both.
	fake.Lenient = Leniency{UnknownMembers: true, UnknownEnumMembers: true}
	code, got = do("POST", "/widgets", `{"Color":"ultraviolet","future":1}`)
	assert.Equal(t, 201, code, got)
	assert.JSONEq(t, `{"id":"00000000-0000-0000-0000-000000000003","color":"ultraviolet"}`, got)
}

func TestClientRetries(t *testing.T) {
	fake := widgetFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	ids, err := fake.Seed("/widgets", map[string]any{"name": "a"})
	require.NoError(t, err)
	c := &Client{BaseURL: srv.URL}
	get := func(c *Client, ctx context.Context) error {
		req, err := newGetRequest(ctx, c.requests().url("/widgets/"+ids[0]), nil)
		_, err = sendFor[*widget](c, req, err)
		return err
	}
	fake.Inject(Fault{Method: "GET", Error: &GraphError{StatusCode: 429, Code: "TooManyRequests", RetryAfter: time.Second}})
	start := time.Now()
	require.NoError(t, get(c, context.Background()))
	assert.GreaterOrEqual(t, time.Since(start), time.Second, "Retry-After is honoured")
	assert.Equal(t, []string{"GET /widgets/" + ids[0], "GET /widgets/" + ids[0]}, fake.Requests())

	fake.Inject(Fault{Times: 5, Error: &GraphError{StatusCode: 503}})
	c.Retry = RetryPolicy{Disabled: true}
	var ge *GraphError
	require.ErrorAs(t, get(c, context.Background()), &ge, "opt-out")
	assert.Equal(t, 503, ge.StatusCode)

	c.Retry = RetryPolicy{MaxDelay: time.Millisecond}
	require.ErrorAs(t, get(c, context.Background()), &ge, "a delay above MaxDelay is not waited for")

	c.Retry = RetryPolicy{}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, get(c, ctx), context.DeadlineExceeded, "waiting stops with the context")

	fake2 := widgetFake()
	srv2 := httptest.NewServer(fake2)
	defer srv2.Close()
	fake2.Inject(Fault{Delay: time.Second})
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, get(&Client{BaseURL: srv2.URL}, ctx), context.DeadlineExceeded, "a slow answer")
}

func TestFunctionURL(t *testing.T) {
	type params struct {
		Status *string   `json:"status,omitempty"`
		N      *int      `json:"n,omitempty"`
		When   *string   `json:"when,omitempty"`
		List   *[]string `json:"list,omitempty"`
	}
	s, n, when, list := "it's a/b", 3, "2021-01-01T00:00:00Z", []string{"x"}
	u, err := functionURL("/f", &params{Status: &s, N: &n, When: &when, List: &list}, "when")
	require.NoError(t, err)
	assert.Equal(t, `/f(status='it''s%20a%2Fb',n=3,when=2021-01-01T00:00:00Z,list=@list)?@list=%5B%22x%22%5D`, u)
	u, err = functionURL("/f", &params{})
	require.NoError(t, err)
	assert.Equal(t, "/f", u, "no parameters")
	u, err = functionURL("/f", (*params)(nil))
	require.NoError(t, err)
	assert.Equal(t, "/f", u, "nil parameters")
}

func TestNextLinkElsewhereRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"value":[{"size":1}],"@odata.nextLink":"https://evil.test/steal"}`)
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL}
	req, err := newListRequest(context.Background(), c.requests().url("/widgets"), nil, false)
	var errs []error
	for _, err := range listAll[widget](context.Background(), c, req, err) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 2)
	assert.NoError(t, errs[0])
	assert.ErrorContains(t, errs[1], "not following it")
}

func TestListRequestOptions(t *testing.T) {
	req, err := newListRequest(context.Background(), "https://g.test/users", &ListOptions{Select: []string{"id", "displayName"}, Filter: "a eq 'b'", Search: `"displayName:x"`, Top: 5, Count: true}, true)
	require.NoError(t, err)
	assert.Equal(t, "https://g.test/users?$select=id,displayName&$filter=a+eq+%27b%27&$search=%22displayName%3Ax%22&$top=5&$count=true", req.URL.String())
	assert.Equal(t, "eventual", req.Header.Get("ConsistencyLevel"))
	req, err = newListRequest(context.Background(), "https://g.test/users", &ListOptions{Top: 5}, true)
	require.NoError(t, err)
	assert.Empty(t, req.Header.Get("ConsistencyLevel"), "only with $count or $search")
}
