package httpwire

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// GraphError is a non-2xx answer from the service, with the fields of its
// Graph error body {"error":{"code","message","innerError":{...}}} when it
// has one. Client methods return it as is: use errors.As to get it. Fake
// servers (see Route) write one a handler function returns.
type GraphError struct {
	// StatusCode is the HTTP status, such as 429.
	StatusCode int
	// Code and Message are error.code (such as "TooManyRequests") and
	// error.message.
	Code    string
	Message string
	// RequestID, ClientRequestID and Date are error.innerError's
	// "request-id", "client-request-id" and "date"; the IDs fall back to
	// the response headers of the same names. Quote them when reporting a
	// problem.
	RequestID       string
	ClientRequestID string
	Date            string
	// RetryAfter is the delay the Retry-After header asks for before a
	// retry (given in seconds or as an HTTP date), or zero.
	RetryAfter time.Duration
	// Body is the response body as received (at most 1 MiB of it). A fake
	// server writes it verbatim when set, instead of the fields above.
	Body []byte
}

// Error is "graph: <status> <code>: <message> (request-id <id>)", leaving
// out what is unknown.
func (e *GraphError) Error() string {
	code := e.Code
	if code == "" {
		code = http.StatusText(e.StatusCode)
	}
	s := "graph: " + strconv.Itoa(e.StatusCode) + " " + code
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RequestID != "" {
		s += " (request-id " + e.RequestID + ")"
	}
	return s
}

// graphErrorJSON is the wire form of a Graph error.
type graphErrorJSON struct {
	Error struct {
		Code       string `json:"code"`
		Message    string `json:"message"`
		InnerError struct {
			RequestID       string `json:"request-id,omitempty"`
			ClientRequestID string `json:"client-request-id,omitempty"`
			Date            string `json:"date,omitempty"`
		} `json:"innerError"`
	} `json:"error"`
}

// newGraphError is the error for resp, whose body starts with data.
func newGraphError(resp *http.Response, data []byte) *GraphError {
	e := &GraphError{
		StatusCode: resp.StatusCode,
		RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now()),
		Body:       data,
	}
	var w graphErrorJSON
	if json.Unmarshal(data, &w) == nil {
		e.Code, e.Message = w.Error.Code, w.Error.Message
		e.RequestID, e.ClientRequestID, e.Date = w.Error.InnerError.RequestID, w.Error.InnerError.ClientRequestID, w.Error.InnerError.Date
	}
	if e.RequestID == "" {
		e.RequestID = resp.Header.Get("request-id")
	}
	if e.ClientRequestID == "" {
		e.ClientRequestID = resp.Header.Get("client-request-id")
	}
	return e
}

// retryAfter parses a Retry-After value, delay-seconds or an HTTP date, as
// a delay from now; zero when v is empty, malformed or in the past.
func retryAfter(v string, now time.Time) time.Duration {
	if s, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
