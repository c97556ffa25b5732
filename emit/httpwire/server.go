package httpwire

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
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
	// Query is the request's query, such as "$select" of a Get.
	Query url.Values
	// Args are a function call's parameters as the path writes them after
	// the documented path, unescaped and without the parentheses
	// ("status='x'" of ".../getCount(status='x')"); empty for other paths.
	Args string
}

// cutCall splits a function call's parameter list off path (escaped):
// "/f(a=1)" is "/f" and "a=1". ok is false when path ends in none.
func cutCall(path string) (base, args string, ok bool) {
	un, err := url.PathUnescape(path)
	if err != nil || !strings.HasSuffix(un, ")") {
		return path, "", false
	}
	i := strings.LastIndexByte(un, '(')
	if i < 0 || strings.ContainsRune(un[i:], '/') {
		return path, "", false
	}
	// Find where the call starts in the escaped path.
	for j := len(path) - 1; j >= 0; j-- {
		if p, err := url.PathUnescape(path[j:]); err == nil && p == un[i:] {
			return path[:j], un[i+1 : len(un)-1], true
		}
	}
	return path, "", false
}

// matchRoute matches the escaped path, or the path without a function
// call's parameters, against template.
func matchRoute(template, path string) (Route, bool) {
	if v, ok := matchPath(template, path); ok {
		return Route{Template: template, Values: v}, true
	}
	if base, args, ok := cutCall(path); ok {
		if v, ok := matchPath(template, base); ok && !strings.HasSuffix(template, "}") {
			return Route{Template: template, Values: v, Args: args}, true
		}
	}
	return Route{}, false
}

// Param returns the value of the parameter the template names {name}, or
// "". Where the template names it more than once, as
// "/deviceManagement/templates/{deviceManagementTemplateId}/migratableTo/{deviceManagementTemplateId}"
// does, it is the first (outermost) value: see Params for all of them.
func (r Route) Param(name string) string {
	if v := r.Params(name); len(v) > 0 {
		return v[0]
	}
	return ""
}

// Params returns every value of the parameter the template names {name},
// in template order (the outermost first), or nil when it names none. A
// documented path may use one name twice, as in
// "/deviceManagement/templates/{deviceManagementTemplateId}/migratableTo/{deviceManagementTemplateId}",
// where Params("deviceManagementTemplateId") is the template's id, then the
// id of the one it migrates to (the Client method takes them as two
// arguments, templatesDeviceManagementTemplateID and
// migratableToDeviceManagementTemplateID).
func (r Route) Params(name string) []string {
	var out []string
	t := r.Template
	for i := range r.Values {
		j := strings.IndexByte(t, '{')
		if j < 0 {
			break
		}
		k := strings.IndexByte(t[j:], '}')
		if k < 0 {
			break
		}
		if t[j+1:j+k] == name {
			out = append(out, r.Values[i])
		}
		t = t[j+k+1:]
	}
	return out
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
	if json.Valid(data) {
		w.Header().Set("Content-Type", "application/json")
	} else {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
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

// maxRequestBody bounds a request body a fake server reads, decompressed.
const maxRequestBody = 32 << 20

// readBody reads r's body as the service does: "Content-Encoding" gzip or
// deflate is decompressed, any other is 415, and a body that is not
// "Content-Type" JSON is 415 too. Empty bodies are nil.
func readBody(r *http.Request) ([]byte, *GraphError) {
	var body io.Reader = r.Body
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip":
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			return nil, badRequest("invalid gzip request body: " + err.Error())
		}
		defer zr.Close()
		body = zr
	case "deflate":
		// HTTP's "deflate" is zlib-wrapped (RFC 9110 8.4.1.2).
		zr, err := zlib.NewReader(r.Body)
		if err != nil {
			return nil, badRequest("invalid deflate request body: " + err.Error())
		}
		defer zr.Close()
		body = zr
	default:
		return nil, &GraphError{StatusCode: http.StatusUnsupportedMediaType, Code: "UnsupportedMediaType", Message: "Content-Encoding " + enc + " is not supported; use gzip, deflate or none"}
	}
	data, err := io.ReadAll(io.LimitReader(body, maxRequestBody+1))
	switch {
	case err != nil:
		return nil, badRequest("invalid request body: " + err.Error())
	case len(data) > maxRequestBody:
		return nil, &GraphError{StatusCode: http.StatusRequestEntityTooLarge, Code: "RequestEntityTooLarge", Message: "the request body is larger than the fake server reads"}
	case len(bytes.TrimSpace(data)) == 0:
		return nil, nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return nil, &GraphError{StatusCode: http.StatusUnsupportedMediaType, Code: "UnsupportedMediaType", Message: "the request body must be Content-Type application/json"}
	}
	return data, nil
}

// badRequest is a 400 Graph error.
func badRequest(msg string) *GraphError {
	return &GraphError{StatusCode: http.StatusBadRequest, Code: "BadRequest", Message: msg}
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
		if _, err := decodeBody(data, body, Leniency{}); err != nil {
			return nil, err
		}
		return fn(ctx, route, body)
	}}
}

// handleNoBody is the handler of an operation with no request body (a
// Get, List, Delete or function) that answers with a value: fn gets the
// route, whose Query holds the request's query. A body sent anyway is 400.
func handleNoBody[R any](method string, status int, templates []string, fn func(context.Context, Route) (R, error)) http.Handler {
	return &opHandler{method, status, templates, func(ctx context.Context, route Route, data []byte) (any, error) {
		if data != nil {
			return nil, badRequest(method + " takes no request body")
		}
		return fn(ctx, route)
	}}
}

// handleNoBodyNoContent is handleNoBody for an operation that documents no
// response body: it answers 204 No Content when fn returns nil.
func handleNoBodyNoContent(method string, templates []string, fn func(context.Context, Route) error) http.Handler {
	return &opHandler{method, http.StatusOK, templates, func(ctx context.Context, route Route, data []byte) (any, error) {
		if data != nil {
			return nil, badRequest(method + " takes no request body")
		}
		return nil, fn(ctx, route)
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
		if _, err := decodeBody(data, body, Leniency{}); err != nil {
			return nil, err
		}
		return nil, fn(ctx, route, body)
	}}
}

// decodeBody decodes data into body and checks its documented rules; a
// problem is a *GraphError with status 400. Like the service, it rejects a
// member the body does not document, one whose name is cased differently
// from the documented one, and a member given twice (encoding/json would
// take all three); annotations ("@odata.type", "x@odata.bind") pass.
// lenient relaxes that (see Leniency); the handlers of the Handle
// functions are strict. It returns data as it was read: without the
// members lenient ignored and with the names it corrected.
func decodeBody(data []byte, body validator, lenient Leniency) ([]byte, error) {
	if data == nil {
		return nil, badRequest("a request body is required")
	}
	data, err := checkMembers(data, body, lenient.UnknownMembers)
	if err != nil {
		return nil, badRequest("invalid request body: " + err.Error())
	}
	if err := json.Unmarshal(data, body); err != nil {
		return nil, badRequest("invalid request body: " + err.Error())
	}
	err = body.Validate()
	if w, ok := err.(interface{ Without(rule string) error }); ok && lenient.UnknownEnumMembers {
		err = w.Without("enum")
	}
	if err != nil {
		return nil, badRequest(err.Error())
	}
	return data, nil
}

// checkMembers reports the first top-level member of the JSON object data
// that the struct body points to has no field for (by its exact JSON
// name), or that data has twice. When lenient, a member with no field is
// dropped and one cased differently from a field's name renamed to it, as
// encoding/json reads them (the first such field in field order), and the
// object is returned rewritten; a member then given twice, once in each
// casing, is still reported. Otherwise data is returned as it is.
func checkMembers(data []byte, body any, lenient bool) ([]byte, error) {
	members, err := orderedMembers(data)
	if err != nil {
		return nil, err
	}
	names := jsonNames(reflect.TypeOf(body))
	if names == nil {
		return data, nil
	}
	rewrite := false
	out := make([]member, 0, len(members))
	sent := map[string]string{} // documented name → the name it was sent as
	for _, m := range members {
		name := m.name
		if !strings.Contains(name, "@") && !names.known[name] {
			doc := names.fold(name)
			switch {
			case !lenient && doc != "":
				return nil, fmt.Errorf("member %q is not documented; the documented name is %q", name, doc)
			case !lenient:
				return nil, fmt.Errorf("member %q is not a documented property of this body", name)
			case doc == "":
				rewrite = true
				continue
			}
			name, rewrite = doc, true
		}
		if was, dup := sent[name]; dup {
			return nil, fmt.Errorf("member %q appears twice, as %q and %q", name, was, m.name)
		}
		sent[name] = m.name
		out = append(out, member{name, m.value})
	}
	if !rewrite {
		return data, nil
	}
	return encodeMembers(out), nil
}

// bodyNames are the JSON member names of a body type's fields.
type bodyNames struct {
	known map[string]bool
	order []string // in field order
}

// fold is the first name in n that equals name but for case, or "".
func (n *bodyNames) fold(name string) string {
	for _, k := range n.order {
		if strings.EqualFold(k, name) {
			return k
		}
	}
	return ""
}

// jsonNamesCache holds jsonNames by type.
var jsonNamesCache sync.Map

// jsonNames are the JSON member names of the struct t points to (nil when
// t is no pointer to a struct).
func jsonNames(t reflect.Type) *bodyNames {
	if v, ok := jsonNamesCache.Load(t); ok {
		return v.(*bodyNames)
	}
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	names := &bodyNames{known: map[string]bool{}}
	for i := range t.Elem().NumField() {
		f := t.Elem().Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		names.known[name] = true
		names.order = append(names.order, name)
	}
	jsonNamesCache.Store(t, names)
	return names
}

func (h *opHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != h.method {
		w.Header().Set("Allow", h.method)
		writeGraphError(w, &GraphError{StatusCode: http.StatusMethodNotAllowed, Code: "MethodNotAllowed", Message: "method " + r.Method + " is not allowed; use " + h.method})
		return
	}
	var route Route
	for _, t := range h.templates {
		if rt, ok := matchRoute(t, r.URL.EscapedPath()); ok {
			route, route.Query = rt, r.URL.Query()
			break
		}
	}
	if route.Template == "" {
		writeGraphError(w, &GraphError{StatusCode: http.StatusNotFound, Code: "NotFound", Message: "no documented path matches " + r.URL.EscapedPath()})
		return
	}
	data, ge := readBody(r)
	if ge != nil {
		writeGraphError(w, ge)
		return
	}
	resp, err := h.serve(r.Context(), route, data)
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
