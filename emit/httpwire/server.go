package httpwire

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Route is the documented path a request to a fake-server handler matched.
//
// The Handle functions return an http.Handler that fakes one operation in
// tests, for example behind httptest.NewServer with a Client whose BaseURL
// is the server's URL (mount it elsewhere with http.StripPrefix). The
// handler answers a request with another method with 405, a path that
// matches none of the operation's documented paths with 404, and a body
// that is not JSON or breaks a documented rule (see the body type's
// Validate) with 400 and a Graph error body naming the problems. Otherwise
// it calls fn with the route and the decoded body and writes fn's answer:
// the value as JSON with the documented status (200), 204 No Content when
// it is nil, or the status and body of a *GraphError fn returns (any other
// error is a 500).
//
// Path parameters are whole path segments, as in every documented path.
type Route struct {
	// Template is the documented path template, such as
	// "/deviceManagement/things/{thingId}".
	Template string
	// Values are the path parameter values, unescaped, in template order.
	Values []string
}

// Param returns the value of the parameter the template names {name}, or
// "".
func (r Route) Param(name string) string {
	t := r.Template
	for i := range r.Values {
		j, k := strings.IndexByte(t, '{'), strings.IndexByte(t, '}')
		if j < 0 || k < j {
			break
		}
		if t[j+1:k] == name {
			return r.Values[i]
		}
		t = t[k+1:]
	}
	return ""
}

// matchPath matches path, escaped as URL.EscapedPath returns it, against a
// documented template and returns the parameter values, unescaped.
func matchPath(template, path string) ([]string, bool) {
	var values []string
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			return values, path == template
		}
		j := strings.IndexByte(template[i:], '}')
		if j < 0 || !strings.HasPrefix(path, template[:i]) {
			return nil, false
		}
		path, template = path[i:], template[i+j+1:]
		n := strings.IndexByte(path, '/')
		if n < 0 {
			n = len(path)
		}
		v, err := url.PathUnescape(path[:n])
		if n == 0 || err != nil {
			return nil, false
		}
		values, path = append(values, v), path[n:]
	}
}

// writeGraphError writes e as the service would: its status (500 when
// unset), Retry-After, and its Body or else a Graph error body of its
// fields.
func writeGraphError(w http.ResponseWriter, e *GraphError) {
	data := e.Body
	if data == nil {
		var v graphErrorJSON
		v.Error.Code, v.Error.Message = e.Code, e.Message
		in := &v.Error.InnerError
		in.RequestID, in.ClientRequestID, in.Date = e.RequestID, e.ClientRequestID, e.Date
		data, _ = json.Marshal(&v)
	}
	if e.RetryAfter > 0 {
		s := (e.RetryAfter + time.Second - 1) / time.Second
		w.Header().Set("Retry-After", strconv.FormatInt(int64(s), 10))
	}
	status := e.StatusCode
	if status == 0 {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// opHandler is the handler behind every Handle function; see Route. It is
// one type, not a generic one, so that ServeHTTP is compiled once for all
// operations; serve decodes the body (see handle) and calls the test's
// function. A nil answer is told by its JSON encoding, null.
type opHandler struct {
	method    string
	status    int
	templates []string
	serve     func(context.Context, Route, []byte) (any, error)
}

// validator is a request body: every body type has Validate.
type validator interface{ Validate() error }

// handle is the handler of an operation that answers with a value: fn
// gets the decoded, checked body. PB is a pointer type, so every operation
// shares one compiled body.
func handle[B any, PB interface {
	*B
	validator
}, R any](method string, status int, templates []string, fn func(context.Context, Route, PB) (R, error)) http.Handler {
	return &opHandler{method, status, templates, func(ctx context.Context, route Route, data []byte) (any, error) {
		body := PB(new(B))
		if err := decodeBody(data, body); err != nil {
			return nil, err
		}
		return fn(ctx, route, body)
	}}
}

// handleNoContent is the handler of an operation that documents no
// response body: it answers 204 No Content when fn returns nil.
func handleNoContent[B any, PB interface {
	*B
	validator
}](method string, templates []string, fn func(context.Context, Route, PB) error) http.Handler {
	return &opHandler{method, http.StatusOK, templates, func(ctx context.Context, route Route, data []byte) (any, error) {
		body := PB(new(B))
		if err := decodeBody(data, body); err != nil {
			return nil, err
		}
		return nil, fn(ctx, route, body)
	}}
}

// decodeBody decodes data into body and checks its documented rules; a
// problem is a *GraphError with status 400.
func decodeBody(data []byte, body validator) error {
	if err := json.Unmarshal(data, body); err != nil {
		return &GraphError{StatusCode: http.StatusBadRequest, Code: "BadRequest", Message: "invalid request body: " + err.Error()}
	}
	if err := body.Validate(); err != nil {
		return &GraphError{StatusCode: http.StatusBadRequest, Code: "BadRequest", Message: err.Error()}
	}
	return nil
}

func (h *opHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != h.method {
		w.Header().Set("Allow", h.method)
		writeGraphError(w, &GraphError{StatusCode: http.StatusMethodNotAllowed, Code: "MethodNotAllowed", Message: "method " + r.Method + " is not allowed; use " + h.method})
		return
	}
	var route Route
	for _, t := range h.templates {
		if v, ok := matchPath(t, r.URL.EscapedPath()); ok {
			route = Route{t, v}
			break
		}
	}
	if route.Template == "" {
		writeGraphError(w, &GraphError{StatusCode: http.StatusNotFound, Code: "NotFound", Message: "no documented path matches " + r.URL.EscapedPath()})
		return
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		writeGraphError(w, &GraphError{StatusCode: http.StatusBadRequest, Code: "BadRequest", Message: "invalid request body: " + err.Error()})
		return
	}
	resp, err := h.serve(r.Context(), route, data)
	var ge *GraphError
	if errors.As(err, &ge) {
		writeGraphError(w, ge)
		return
	}
	if err == nil {
		data, err = json.Marshal(resp)
	}
	switch {
	case err != nil:
		writeGraphError(w, &GraphError{StatusCode: http.StatusInternalServerError, Code: "InternalServerError", Message: err.Error()})
	case string(data) == "null":
		// a nil answer
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(h.status)
		w.Write(data)
	}
}
