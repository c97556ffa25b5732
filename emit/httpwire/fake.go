package httpwire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fake is a stateful, in-memory Microsoft Graph for tests: it serves every
// documented operation of this package (NewFake) over an http.Handler,
// keeping the entities the requests create.
//
// A create (POST to a collection) stores the body, with an "id" when it has
// none (deterministic: "00000000-0000-0000-0000-000000000001", then ...2,
// ...), and answers 201 with it; a get answers the stored entity (or
// singleton), keeping only the members "$select" names; a list answers a
// page of at most "$top" (else PageSize) entities, in the order they were
// created, with an "@odata.nextLink" to the next and "@odata.count" for
// "$count=true"; an update merges the body into the stored entity (a
// member set to null is cleared to null, an absent one kept) and answers
// with it where the docs document a response, else 204; a delete removes it, so that a get afterwards is 404. An action or
// function checks its parameters and answers 204 when the docs document no
// response, else 501: serve those with the operation's Handle function in
// front of the Fake (see Register).
//
// Every request body is checked as the service would (see decodeBody: its
// documented members only, exactly cased, once each, gzip or deflate
// allowed, then the body type's Validate and CheckReadOnly; Lenient relaxes
// the first and the enum rule), and every problem is a Graph error body:
// 400 for a bad body, 404 for an unknown path or entity, 405 for a method
// no operation documents at the path, 501 for "$filter", "$orderby",
// "$search" and "$expand", which the Fake does not evaluate.
//
// Every answer carries a "request-id" header ("fake-00000001", counting
// requests) and echoes the request's "client-request-id", as the service
// does. A Fake is safe for concurrent use.
type Fake struct {
	// PageSize is the page size of a list without "$top"; 0 means 100.
	PageSize int
	// Lenient relaxes the checks of request bodies; the zero value is as
	// strict as the service. Set it, as PageSize, before serving.
	Lenient Leniency

	ops []fakeOp

	mu         sync.Mutex
	sets       map[string]*fakeSet // collection path → its entities
	singletons map[string][]member // singleton path → its members
	lastID     int
	faults     []Fault
	log        []string
}

// Leniency says which of a Fake's checks of request bodies to relax, for a
// test that wants a client newer or looser than the docs to pass. The zero
// value relaxes none: a Fake refuses, as the service does, what the docs
// say is wrong, so that a test fails where the service would.
type Leniency struct {
	// UnknownMembers accepts a top-level member the body does not
	// document, and one whose name is cased differently from a documented
	// one, reading them as encoding/json does: the first is ignored (and
	// not stored), the second read (and stored) under its documented
	// name. A member given twice is still a 400, also when once in each
	// casing: which one would win is not the test's to guess.
	UnknownMembers bool
	// UnknownEnumMembers accepts enum values the docs do not list, such as
	// members newer than the docs, which the models keep: of the problems
	// the body's Validate reports, those of the "enum" rule are dropped
	// (see ValidationError.Without) and every other rule still applies.
	// The values are stored as sent.
	UnknownEnumMembers bool
}

// fakeOp is one documented operation a Fake serves.
type fakeOp struct {
	kind      string // an ir.OpKind: "get", "list", "create", ...
	method    string
	templates []string
	// body returns a new body value to decode a request body into and
	// check (see checkBody); nil when the operation takes none.
	body func() checkedBody
	// answers says that the operation documents a response body.
	answers bool
}

// fakeSet is one collection's entities, in creation order.
type fakeSet struct {
	ids   []string
	items map[string][]member
}

// Fault is a failure a Fake answers with instead of serving a request, for
// testing a client's retries and timeouts.
type Fault struct {
	// Method and Path (the request's escaped path, such as
	// "/deviceManagement/things") choose the requests it applies to; empty
	// matches any.
	Method, Path string
	// Times is how many requests it applies to; 0 means one.
	Times int
	// Delay is how long the Fake waits before answering (or before giving
	// up when the request's context is done): a slow service.
	Delay time.Duration
	// Error is the answer, such as &GraphError{StatusCode: 429,
	// RetryAfter: time.Second}; nil serves the request after Delay.
	Error *GraphError
}

// newFake is the Fake of ops.
func newFake(ops []fakeOp) *Fake {
	return &Fake{ops: ops, sets: map[string]*fakeSet{}, singletons: map[string][]member{}}
}

// checkedBody is a request body type: Validate and CheckReadOnly.
type checkedBody interface {
	validator
	CheckReadOnly() error
}

// checkBody decodes data into body as decodeBody does, then checks its
// documented read-only rule, and returns data as decodeBody read it. It is
// one function for every body type (the generated NewFake passes a
// constructor per operation), not a generic one instantiated for each,
// which cost the build of a package with a thousand operations more than
// the rest of its fake.
func checkBody(data []byte, body checkedBody, lenient Leniency) ([]byte, error) {
	data, err := decodeBody(data, body, lenient)
	if err != nil {
		return nil, err
	}
	if err := body.CheckReadOnly(); err != nil {
		return nil, badRequest(err.Error())
	}
	return data, nil
}

// Inject makes f answer the next requests that ft matches with ft's
// failure. Faults apply in the order injected.
func (f *Fake) Inject(ft Fault) {
	if ft.Times <= 0 {
		ft.Times = 1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults = append(f.faults, ft)
}

// Seed adds items (anything that encodes as a JSON object, such as a
// model) to the collection at path, such as "/deviceManagement/things",
// each keeping its "id" or given the next one. It returns the ids in
// order.
func (f *Fake) Seed(path string, items ...any) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []string
	for _, it := range items {
		data, err := json.Marshal(it)
		if err != nil {
			return ids, err
		}
		obj, err := orderedMembers(data)
		if err != nil {
			return ids, fmt.Errorf("seeding %s: %w", path, err)
		}
		id, err := f.add(path, obj)
		if err != nil {
			return ids, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Put stores v (anything that encodes as a JSON object) as the singleton
// at path, such as "/deviceManagement", replacing what it held.
func (f *Fake) Put(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	obj, err := orderedMembers(data)
	if err != nil {
		return fmt.Errorf("putting %s: %w", path, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.singletons[path] = obj
	return nil
}

// Requests are the requests f has been sent, as "METHOD /escaped/path",
// in order (faults included).
func (f *Fake) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.log...)
}

// Register registers f on mux for every path the operations it serves
// document: one pattern per first path segment ("/deviceManagement/"), so
// that a test can register other handlers, such as an operation's Handle
// function, on more specific patterns in front of it.
func (f *Fake) Register(mux *http.ServeMux) {
	seen := map[string]bool{}
	for _, op := range f.ops {
		for _, t := range op.templates {
			seg, _, _ := strings.Cut(strings.TrimPrefix(t, "/"), "/")
			if seg == "" || strings.ContainsAny(seg, "{}") || seen[seg] {
				continue
			}
			seen[seg] = true
			mux.Handle("/"+seg+"/", f)
			mux.Handle("/"+seg, f)
		}
	}
}

// add stores obj in the collection at path (f.mu held) and returns its id.
func (f *Fake) add(path string, obj []member) (string, error) {
	set := f.sets[path]
	if set == nil {
		set = &fakeSet{items: map[string][]member{}}
		f.sets[path] = set
	}
	id := ""
	if i := memberIndex(obj, "id"); i >= 0 {
		if err := json.Unmarshal(obj[i].value, &id); err != nil || id == "" {
			return "", badRequest(`"id" must be a non-empty string`)
		}
	} else {
		f.lastID++
		id = fmt.Sprintf("00000000-0000-0000-0000-%012d", f.lastID)
		v, _ := json.Marshal(id)
		obj = append([]member{{"id", v}}, obj...)
	}
	if _, dup := set.items[id]; dup {
		return "", &GraphError{StatusCode: http.StatusConflict, Code: "Conflict", Message: "an entity with id " + strconv.Quote(id) + " exists"}
	}
	set.ids = append(set.ids, id)
	set.items[id] = obj
	return id, nil
}

func memberIndex(obj []member, name string) int {
	for i, m := range obj {
		if m.name == name {
			return i
		}
	}
	return -1
}

// encodeMembers writes obj as a JSON object, members in order.
func encodeMembers(obj []member) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range obj {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(m.name)
		b.Write(name)
		b.WriteByte(':')
		b.Write(m.value)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// fault is the first fault matching r, used up by one (f.mu held).
func (f *Fake) fault(r *http.Request) (Fault, bool) {
	for i := range f.faults {
		ft := &f.faults[i]
		if (ft.Method == "" || ft.Method == r.Method) && (ft.Path == "" || ft.Path == r.URL.EscapedPath()) {
			got := *ft
			if ft.Times--; ft.Times == 0 {
				f.faults = append(f.faults[:i], f.faults[i+1:]...)
			}
			return got, true
		}
	}
	return Fault{}, false
}

// route finds the operation serving r: of the operations with a template
// matching r's path, the one of r's method whose template has the most
// literal text (so "/things/count" wins over "/things/{id}"). ok is false
// when no template matches; op is nil when one does but not for r's method.
func (f *Fake) route(r *http.Request) (op *fakeOp, route Route, allow []string, ok bool) {
	best := -1
	path := r.URL.EscapedPath()
	for i := range f.ops {
		o := &f.ops[i]
		for _, t := range o.templates {
			rt, match := matchRoute(t, path)
			if !match {
				continue
			}
			ok = true
			if o.method != r.Method {
				if !slices.Contains(allow, o.method) {
					allow = append(allow, o.method)
				}
				continue
			}
			if lit := literalLen(t); lit > best {
				best, op, route = lit, o, rt
				route.Query = r.URL.Query()
			}
		}
	}
	sort.Strings(allow)
	return op, route, allow, ok
}

// literalLen is how much of template is not parameters.
func literalLen(template string) int {
	n := 0
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			return n + len(template)
		}
		n += i
		j := strings.IndexByte(template[i:], '}')
		if j < 0 {
			return n
		}
		template = template[i+j+1:]
	}
}

func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.log = append(f.log, r.Method+" "+r.URL.EscapedPath())
	ft, faulty := f.fault(r)
	n := len(f.log)
	lenient := f.Lenient
	f.mu.Unlock()
	// As the service does: a request id of its own on every answer, and
	// the client's echoed.
	w.Header().Set("request-id", fmt.Sprintf("fake-%08d", n))
	if id := r.Header.Get("client-request-id"); id != "" {
		w.Header().Set("client-request-id", id)
	}
	if faulty {
		if ft.Delay > 0 {
			t := time.NewTimer(ft.Delay)
			select {
			case <-r.Context().Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
		if ft.Error != nil {
			writeGraphError(w, ft.Error)
			return
		}
	}
	op, route, allow, ok := f.route(r)
	switch {
	case !ok:
		writeGraphError(w, &GraphError{StatusCode: http.StatusNotFound, Code: "NotFound", Message: "no documented path matches " + r.URL.EscapedPath()})
		return
	case op == nil:
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeGraphError(w, &GraphError{StatusCode: http.StatusMethodNotAllowed, Code: "MethodNotAllowed", Message: "method " + r.Method + " is not documented for " + r.URL.EscapedPath() + "; use " + strings.Join(allow, ", ")})
		return
	}
	data, ge := readBody(r)
	if ge == nil {
		for _, q := range []string{"$filter", "$orderby", "$search", "$expand"} {
			if r.URL.Query().Has(q) {
				ge = &GraphError{StatusCode: http.StatusNotImplemented, Code: "NotImplemented", Message: "the fake server does not evaluate " + q}
			}
		}
	}
	if ge == nil {
		data, ge = f.checkBody(op, data, lenient)
	}
	if ge != nil {
		writeGraphError(w, ge)
		return
	}
	status, answer, err := f.serve(op, r, route, data)
	if errors.As(err, &ge) {
		writeGraphError(w, ge)
		return
	}
	if err != nil {
		writeGraphError(w, &GraphError{StatusCode: http.StatusInternalServerError, Code: "InternalServerError", Message: err.Error()})
		return
	}
	if answer == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(answer)
}

// checkBody checks the body of a request for op and returns it as read
// (see decodeBody).
func (f *Fake) checkBody(op *fakeOp, data []byte, lenient Leniency) ([]byte, *GraphError) {
	var err error
	switch {
	case op.body != nil && (op.kind == "create" || op.kind == "update" || op.kind == "action"):
		data, err = checkBody(data, op.body(), lenient)
	case data != nil:
		err = badRequest(op.method + " takes no request body")
	}
	var ge *GraphError
	if err != nil && !errors.As(err, &ge) {
		ge = badRequest(err.Error())
	}
	return data, ge
}

// serve answers a checked request for op: the status and body, or a nil
// body for 204 No Content.
func (f *Fake) serve(op *fakeOp, r *http.Request, route Route, data []byte) (int, []byte, error) {
	path := r.URL.EscapedPath()
	item := strings.HasSuffix(route.Template, "}")
	parent, id := path, ""
	if item {
		k := strings.LastIndexByte(path, '/')
		parent, id = path[:k], route.Values[len(route.Values)-1]
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	notFound := &GraphError{StatusCode: http.StatusNotFound, Code: "ResourceNotFound", Message: "no entity at " + path}
	switch op.kind {
	case "create":
		obj, err := orderedMembers(data)
		if err != nil {
			return 0, nil, badRequest(err.Error())
		}
		id, err := f.add(path, obj)
		if err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, encodeMembers(f.sets[path].items[id]), nil
	case "get":
		obj, ok := f.lookup(item, parent, id, path)
		if !ok {
			return 0, nil, notFound
		}
		return http.StatusOK, encodeMembers(selectMembers(obj, r.URL.Query().Get("$select"))), nil
	case "list":
		return f.list(r, path)
	case "update":
		obj, ok := f.lookup(item, parent, id, path)
		if !ok && item {
			return 0, nil, notFound
		}
		patch, err := orderedMembers(data)
		if err != nil {
			return 0, nil, badRequest(err.Error())
		}
		obj = mergeMembers(obj, patch)
		if item {
			f.sets[parent].items[id] = obj
		} else {
			f.singletons[path] = obj
		}
		if op.answers {
			return http.StatusOK, encodeMembers(obj), nil
		}
		return http.StatusNoContent, nil, nil
	case "delete":
		set := f.sets[parent]
		if !item || set == nil || set.items[id] == nil {
			return 0, nil, notFound
		}
		delete(set.items, id)
		set.ids = slices.DeleteFunc(set.ids, func(x string) bool { return x == id })
		return http.StatusNoContent, nil, nil
	}
	if !op.answers {
		return http.StatusNoContent, nil, nil
	}
	return 0, nil, &GraphError{StatusCode: http.StatusNotImplemented, Code: "NotImplemented", Message: "the fake server keeps no behaviour for " + op.method + " " + route.Template + "; serve it with its Handle function"}
}

// lookup is the stored entity at path (f.mu held): item id of the
// collection parent, or the singleton at path.
func (f *Fake) lookup(item bool, parent, id, path string) ([]member, bool) {
	if !item {
		obj, ok := f.singletons[path]
		return obj, ok
	}
	set := f.sets[parent]
	if set == nil {
		return nil, false
	}
	obj, ok := set.items[id]
	return obj, ok
}

// list answers a page of the collection at path (f.mu held).
func (f *Fake) list(r *http.Request, path string) (int, []byte, error) {
	q := r.URL.Query()
	size := f.PageSize
	if size <= 0 {
		size = 100
	}
	if v := q.Get("$top"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return 0, nil, badRequest("invalid $top " + strconv.Quote(v))
		}
		size = n
	}
	skip := 0
	if v := q.Get("$skiptoken"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, nil, badRequest("invalid $skiptoken " + strconv.Quote(v))
		}
		skip = n
	}
	var ids []string
	var set *fakeSet
	if set = f.sets[path]; set != nil {
		ids = set.ids
	}
	var page struct {
		Count    *int              `json:"@odata.count,omitempty"`
		NextLink string            `json:"@odata.nextLink,omitempty"`
		Value    []json.RawMessage `json:"value"`
	}
	page.Value = []json.RawMessage{}
	if q.Get("$count") == "true" {
		n := len(ids)
		page.Count = &n
	}
	sel := q.Get("$select")
	for i := skip; i < len(ids) && i < skip+size; i++ {
		page.Value = append(page.Value, encodeMembers(selectMembers(set.items[ids[i]], sel)))
	}
	if skip+size < len(ids) {
		next := *r.URL
		var keep []string
		for _, kv := range strings.Split(next.RawQuery, "&") {
			if k, _, _ := strings.Cut(kv, "="); kv != "" && k != "$skiptoken" && k != "%24skiptoken" {
				keep = append(keep, kv)
			}
		}
		next.RawQuery = strings.Join(append(keep, "$skiptoken="+strconv.Itoa(skip+size)), "&")
		next.Scheme, next.Host = "http", r.Host
		if r.TLS != nil {
			next.Scheme = "https"
		}
		page.NextLink = next.String()
	}
	data, err := json.Marshal(&page)
	return http.StatusOK, data, err
}

// selectMembers keeps the members of obj that sel ("$select", names
// separated by commas) names, and "id" and annotations; empty keeps all.
func selectMembers(obj []member, sel string) []member {
	if sel == "" {
		return obj
	}
	want := map[string]bool{"id": true}
	for _, n := range strings.Split(sel, ",") {
		want[strings.TrimSpace(n)] = true
	}
	var out []member
	for _, m := range obj {
		if want[m.name] || strings.HasPrefix(m.name, "@") {
			out = append(out, m)
		}
	}
	return out
}

// mergeMembers applies patch to obj as PATCH does: each member of patch
// replaces the one of its name, in place, or is added at the end; null
// clears a member to null.
func mergeMembers(obj, patch []member) []member {
	out := append([]member(nil), obj...)
	for _, m := range patch {
		if i := memberIndex(out, m.name); i >= 0 {
			out[i] = m
		} else {
			out = append(out, m)
		}
	}
	return out
}
