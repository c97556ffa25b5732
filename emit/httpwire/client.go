package httpwire

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Client sends the documented requests of this package to Microsoft Graph.
//
// It has one method per documented path, named as Requests' methods are:
// each builds its request with the Requests method of the same name and
// sends it (call a body's Validate first to check the documented rules). A
// 2xx answer is decoded into the documented response type (its Any wrapper
// where it has one: Value is then the model "@odata.type" names), or is nil
// when the service answers 204 No Content or with no body; any other answer
// is a *GraphError. A list operation's method returns an iterator over
// every item of every page (it follows "@odata.nextLink"); its <Op>Page
// method returns one page, and NextPage the next.
//
// Authentication is the job of HTTP: give it a Transport (an
// http.RoundTripper) that adds "Authorization: Bearer <token>", such as one
// from an OAuth2 or Azure identity library. Client adds no credentials. It
// retries a request the service answers 429, 503 or 504, after the delay
// Retry-After asks for (see Retry); a *GraphError carries the status,
// request ids and Retry-After delay of the last answer. A Client is safe
// for concurrent use if its fields are not changed.
type Client struct {
	// HTTP sends the requests; nil means http.DefaultClient.
	HTTP *http.Client
	// BaseURL is the service root, with or without a trailing slash: empty
	// means the root this package was generated for (see Requests);
	// national clouds pass their own, and tests the URL of a fake server.
	BaseURL string
	// Header holds headers set on every request, replacing any the
	// request already has. Without a "client-request-id" here or on the
	// request, Client sets a new random one on each request (kept across
	// its retries), which a *GraphError reports.
	Header http.Header
	// Retry says how requests are retried; the zero value retries up to 3
	// times.
	Retry RetryPolicy
}

// RetryPolicy says when Client retries a request the service answered 429
// Too Many Requests, 503 Service Unavailable or 504 Gateway Timeout.
//
// It waits the delay the answer's Retry-After asks for, else 1s, 2s, 4s,
// ... (doubling), and gives up with the answer's *GraphError after
// MaxRetries retries, when the delay asked for is longer than MaxDelay, or
// when the request's context is done (returning its error). A request with
// a body is retried only if its body can be read again (http.Request's
// GetBody; every request Requests builds can).
type RetryPolicy struct {
	// Disabled turns retries off.
	Disabled bool
	// MaxRetries is how many times one request is retried; 0 means 3.
	MaxRetries int
	// MaxDelay is the longest wait before a retry; 0 means 1 minute.
	MaxDelay time.Duration
}

// retries is how many retries p allows.
func (p RetryPolicy) retries() int {
	switch {
	case p.Disabled:
		return 0
	case p.MaxRetries > 0:
		return p.MaxRetries
	}
	return 3
}

// delay is how long to wait before retry n (0-based) after an answer that
// asked for retryAfter, and whether to retry at all.
func (p RetryPolicy) delay(n int, retryAfter time.Duration) (time.Duration, bool) {
	limit := p.MaxDelay
	if limit <= 0 {
		limit = time.Minute
	}
	d := retryAfter
	if d <= 0 {
		d = time.Second << min(n, 10)
	}
	return d, d <= limit
}

// retryable reports whether an answer with status may be retried.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
}

// NewClient returns a Client for baseURL (empty means the service root
// this package was generated for) that sends requests with hc (nil means
// http.DefaultClient, which sends no credentials).
func NewClient(baseURL string, hc *http.Client) *Client {
	if baseURL == "" {
		baseURL = defaultBaseURL
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{HTTP: hc, BaseURL: baseURL}
}

// Requests builds the documented requests of this package without sending
// them, for programs that send requests their own way. It has one method
// per documented path, taking the path's parameters (escaped as path
// segments) and the request body; Client has a method of the same name
// for each that sends it.
type Requests struct {
	// BaseURL is the service root, with or without a trailing slash, such
	// as "https://graph.microsoft.com/beta"; empty means the root this
	// package was generated for. National clouds have their own.
	BaseURL string
}

// url is the URL of path (escaped, starting with "/") under r's root.
func (r Requests) url(path string) string {
	base := r.BaseURL
	if base == "" {
		base = defaultBaseURL
	}
	return strings.TrimSuffix(base, "/") + path
}

// requests builds the requests c sends.
func (c *Client) requests() Requests { return Requests{BaseURL: c.BaseURL} }

// newRequest builds a request to u, with body encoded as JSON unless it is
// nil.
func newRequest(ctx context.Context, method, u string, body any) (*http.Request, error) {
	var r io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, r)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// maxErrorBody bounds how much of an error response body is read.
const maxErrorBody = 1 << 20

// send sends req with c.Header added, retrying as c.Retry says. A non-2xx
// answer is a *GraphError. A 2xx body is decoded into out unless out is
// nil, the status is 204 or the body is empty (then out is left alone).
func (c *Client) send(req *http.Request, out any) error {
	for k, v := range c.Header {
		req.Header[http.CanonicalHeaderKey(k)] = v
	}
	if req.Header.Get("client-request-id") == "" {
		req.Header.Set("client-request-id", newRequestID())
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	for n := 0; ; n++ {
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return decodeResponse(req, resp, out)
		}
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
		ge := newGraphError(resp, data)
		if !retryable(resp.StatusCode) || n >= c.Retry.retries() {
			return ge
		}
		d, ok := c.Retry.delay(n, ge.RetryAfter)
		if !ok {
			return ge
		}
		if req.Body != nil && req.Body != http.NoBody {
			if req.GetBody == nil {
				return ge
			}
			body, err := req.GetBody()
			if err != nil {
				return ge
			}
			req.Body = body
		}
		t := time.NewTimer(d)
		select {
		case <-req.Context().Done():
			t.Stop()
			return req.Context().Err()
		case <-t.C:
		}
	}
}

// decodeResponse decodes the body of the 2xx answer resp into out (see
// send) and closes it.
func decodeResponse(req *http.Request, resp *http.Response, out any) error {
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	switch {
	case err != nil:
		return err
	case out == nil, resp.StatusCode == http.StatusNoContent, len(bytes.TrimSpace(data)) == 0:
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: decoding the response: %w", req.Method, req.URL.Redacted(), err)
	}
	return nil
}

// newRequestID is a random version 4 UUID, for "client-request-id".
func newRequestID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// sendFor sends req (unless building it failed with err) and decodes the
// answer into a new value that P (a pointer type) points to; that is nil
// for 204 No Content or an empty body. P is a pointer so that every
// instantiation shares one compiled body.
func sendFor[P any](c *Client, req *http.Request, err error) (P, error) {
	var resp P
	if err == nil {
		err = c.send(req, &resp)
	}
	if err != nil {
		var none P
		return none, err
	}
	return resp, nil
}

// sendNoContent sends req (unless building it failed with err) for an
// operation that documents no response body.
func sendNoContent(c *Client, req *http.Request, err error) error {
	if err != nil {
		return err
	}
	return c.send(req, nil)
}

// GetOptions are the query options of a Get. The zero value (or nil) asks
// for the entity as the service returns it by default.
type GetOptions struct {
	// Select names the properties to return ($select); empty means the
	// default set.
	Select []string
	// Expand names the relationships to return inline ($expand).
	Expand []string
	// Header holds headers for this request only.
	Header http.Header
}

// ListOptions are the query options of a List. The zero value (or nil)
// asks for the first page as the service returns it by default.
type ListOptions struct {
	// Select names the properties to return ($select).
	Select []string
	// Expand names the relationships to return inline ($expand).
	Expand []string
	// Filter is an OData filter expression ($filter), such as
	// "displayName eq 'x'".
	Filter string
	// OrderBy are the sort keys ($orderby), such as "displayName desc".
	OrderBy []string
	// Search is a search expression ($search), its double quotes
	// included: "displayName:x" with the quotes.
	Search string
	// Top is the page size asked for ($top); 0 leaves it to the service.
	Top int
	// Count asks for the total count ($count=true) in Page.Count.
	Count bool
	// Header holds headers for this request only.
	Header http.Header
}

// Page is one page of a collection the service returns.
type Page[T any] struct {
	// Value holds the page's items.
	Value []T `json:"value"`
	// NextLink is the URL of the next page ("@odata.nextLink"); empty on
	// the last page.
	NextLink string `json:"@odata.nextLink,omitempty"`
	// Count is the total count ("@odata.count") when asked for.
	Count *int64 `json:"@odata.count,omitempty"`
	// DeltaLink is the URL for the changes since this last page
	// ("@odata.deltaLink"), for delta functions.
	DeltaLink string `json:"@odata.deltaLink,omitempty"`
}

// Value is the answer of an operation that returns one primitive or enum
// value, which the service wraps in an object: {"value": v}.
type Value[T any] struct {
	// Value is the answer.
	Value T `json:"value"`
}

// NextPage fetches the page after p with c, or returns nil when p is the
// last. The next page's URL must be on the host p came from: a NextLink
// elsewhere is an error, never sent (it would carry the credentials c's
// transport adds).
func NextPage[T any](ctx context.Context, c *Client, p *Page[T]) (*Page[T], error) {
	if p == nil || p.NextLink == "" {
		return nil, nil
	}
	req, err := linkRequest(ctx, c, p.NextLink, nil)
	return sendFor[*Page[T]](c, req, err)
}

// linkRequest builds the GET of a next link under c's root, with the
// headers of prev (the request of the page before) when it is not nil. It
// is a function, not a method: a package's runtime copy keeps every method
// of Client, and only packages with a list need this.
func linkRequest(ctx context.Context, c *Client, link string, prev *http.Request) (*http.Request, error) {
	u, err := url.Parse(link)
	if err != nil {
		return nil, fmt.Errorf("next link: %w", err)
	}
	root, err := url.Parse(c.requests().url(""))
	if err != nil {
		return nil, err
	}
	if prev != nil {
		root = prev.URL
	}
	if !strings.EqualFold(u.Scheme, root.Scheme) || !strings.EqualFold(u.Host, root.Host) {
		return nil, fmt.Errorf("next link %s is not on %s://%s; not following it", u.Redacted(), root.Scheme, root.Host)
	}
	req, err := newRequest(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	if prev != nil {
		for k, v := range prev.Header {
			req.Header[k] = v
		}
	}
	return req, nil
}

// listAll returns the iterator a List method returns: it sends req (unless
// building it failed with err), yields every item of its page, and goes on
// with each "@odata.nextLink" until the last page or the first error, which
// it yields and stops at. Items point into the page they came in.
func listAll[T any](ctx context.Context, c *Client, req *http.Request, err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if err != nil {
			yield(nil, err)
			return
		}
		next := req
		for next != nil {
			var p Page[T]
			if err := c.send(next, &p); err != nil {
				yield(nil, err)
				return
			}
			for i := range p.Value {
				if !yield(&p.Value[i], nil) {
					return
				}
			}
			if p.NextLink == "" {
				return
			}
			prev := next
			next, err = linkRequest(ctx, c, p.NextLink, prev)
			if err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// queryOption is one system query option, written as the docs write it:
// "$select=a,b".
type queryOption struct{ name, value string }

// encodeQuery writes opts as a query string (without "?"), escaping each
// value but keeping the commas of lists readable.
func encodeQuery(opts []queryOption) string {
	var b strings.Builder
	for _, o := range opts {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(o.name)
		b.WriteByte('=')
		b.WriteString(strings.ReplaceAll(url.QueryEscape(o.value), "%2C", ","))
	}
	return b.String()
}

// withQuery is u with opts added to its query.
func withQuery(u string, opts []queryOption) string {
	if len(opts) == 0 {
		return u
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + encodeQuery(opts)
}

// setHeader adds h to req's headers, replacing those of the same names.
func setHeader(req *http.Request, h http.Header) {
	for k, v := range h {
		req.Header[http.CanonicalHeaderKey(k)] = v
	}
}

// newGetRequest builds the GET of one entity at u with opts (nil means
// none).
func newGetRequest(ctx context.Context, u string, opts *GetOptions) (*http.Request, error) {
	if opts == nil {
		opts = &GetOptions{}
	}
	var q []queryOption
	if len(opts.Select) > 0 {
		q = append(q, queryOption{"$select", strings.Join(opts.Select, ",")})
	}
	if len(opts.Expand) > 0 {
		q = append(q, queryOption{"$expand", strings.Join(opts.Expand, ",")})
	}
	req, err := newRequest(ctx, http.MethodGet, withQuery(u, q), nil)
	if err == nil {
		setHeader(req, opts.Header)
	}
	return req, err
}

// newListRequest builds the GET of the first page of the collection at u
// with opts (nil means none). eventual says that the docs require the
// header "ConsistencyLevel: eventual" with $count or $search, which the
// request then carries.
func newListRequest(ctx context.Context, u string, opts *ListOptions, eventual bool) (*http.Request, error) {
	if opts == nil {
		opts = &ListOptions{}
	}
	var q []queryOption
	add := func(name string, vs ...string) {
		if len(vs) > 0 && (len(vs) > 1 || vs[0] != "") {
			q = append(q, queryOption{name, strings.Join(vs, ",")})
		}
	}
	add("$select", opts.Select...)
	add("$expand", opts.Expand...)
	add("$filter", opts.Filter)
	add("$orderby", opts.OrderBy...)
	add("$search", opts.Search)
	if opts.Top > 0 {
		add("$top", strconv.Itoa(opts.Top))
	}
	if opts.Count {
		add("$count", "true")
	}
	req, err := newRequest(ctx, http.MethodGet, withQuery(u, q), nil)
	if err != nil {
		return nil, err
	}
	if eventual && (opts.Count || opts.Search != "") {
		req.Header.Set("ConsistencyLevel", "eventual")
	}
	setHeader(req, opts.Header)
	return req, nil
}

// functionURL is the URL that calls the function at u with params (a
// parameters type, or nil): "u(name='text',n=3)", as the docs write
// function calls. Numbers, booleans and null are written as they are,
// strings in single quotes (doubled inside) unless bare names them
// (date-times, GUIDs: OData writes those without quotes), and arrays and
// objects as parameter aliases in the query ("u(list=@list)?@list=[...]").
// Absent parameters are left out; no parameter at all leaves u alone.
func functionURL(u string, params any, bare ...string) (string, error) {
	if params == nil {
		return u, nil
	}
	data, err := json.Marshal(params)
	if err != nil {
		return "", err
	}
	if string(data) == "null" {
		return u, nil // a nil *Params
	}
	members, err := orderedMembers(data)
	if err != nil {
		return "", err
	}
	var args []string
	var aliases []queryOption
	for _, m := range members {
		if strings.HasPrefix(m.name, "@") {
			continue // an annotation such as "@odata.type"
		}
		v := bytes.TrimSpace(m.value)
		var arg string
		switch {
		case len(v) > 0 && v[0] == '"':
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return "", err
			}
			if slices.Contains(bare, m.name) {
				arg = url.PathEscape(s)
			} else {
				arg = "'" + strings.ReplaceAll(url.PathEscape(strings.ReplaceAll(s, "'", "''")), "%27", "'") + "'"
			}
		case len(v) > 0 && (v[0] == '[' || v[0] == '{'):
			arg = "@" + m.name
			aliases = append(aliases, queryOption{"@" + m.name, string(v)})
		default:
			arg = string(v)
		}
		args = append(args, url.PathEscape(m.name)+"="+arg)
	}
	if len(args) == 0 {
		return u, nil
	}
	return withQuery(u+"("+strings.Join(args, ",")+")", aliases), nil
}

// member is one member of a JSON object, in document order.
type member struct {
	name  string
	value json.RawMessage
}

// orderedMembers are the members of the JSON object data, in order. Two
// members of one name are an error.
func orderedMembers(data []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var out []member
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, _ := t.(string)
		if seen[name] {
			return nil, fmt.Errorf("member %q appears twice", name)
		}
		seen[name] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, member{name, v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON object")
	}
	return out, nil
}
