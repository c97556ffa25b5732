package httpwire

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Client sends the documented requests of this package to Microsoft Graph.
//
// It has one method per documented path, named as Requests' methods are:
// each builds its request with the Requests method of the same name and
// sends the body as built (call its Validate first to check the documented
// rules). A 2xx answer is decoded into the documented response type (its
// Any wrapper where it has one: Value is then the model "@odata.type"
// names), or is nil when the service answers 204 No Content or with no
// body; any other answer is a *GraphError.
//
// Authentication is the job of HTTP: give it a Transport (an
// http.RoundTripper) that adds "Authorization: Bearer <token>", such as one
// from an OAuth2 or Azure identity library. Client adds no credentials and
// does not retry; a *GraphError carries the status and Retry-After delay
// to decide with. A Client is safe for concurrent use if its fields are
// not changed.
type Client struct {
	// HTTP sends the requests; nil means http.DefaultClient.
	HTTP *http.Client
	// BaseURL is the service root, with or without a trailing slash: empty
	// means the root this package was generated for (see Requests);
	// national clouds pass their own, and tests the URL of a fake server.
	BaseURL string
	// Header holds headers set on every request (for example
	// "client-request-id"), replacing any the request already has.
	Header http.Header
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

// send sends req with c.Header added. A non-2xx answer is a *GraphError. A
// 2xx body is decoded into out unless out is nil, the status is 204 or the
// body is empty (then out is left alone).
func (c *Client) send(req *http.Request, out any) error {
	for k, v := range c.Header {
		req.Header[http.CanonicalHeaderKey(k)] = v
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return newGraphError(resp, data)
	}
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
