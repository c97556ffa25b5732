package corpusreport

import (
	"context"
	"net/http"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/docgen-dev/docgen/internal/cli"
)

// CheckRequests checks the HTTP layer generated from docs-src/<area>
// against the pages: requests is the layer's Requests value, and every
// documented path of every operation must be one of its methods, which
// builds a request with the documented method, a URL under the service
// root, and no body for a GET or DELETE (a function's parameters go into
// its URL). Each method is called with "x" for every path parameter and
// nil options, body or parameters.
func CheckRequests(t *testing.T, area string, requests any) {
	t.Helper()
	spec, _, _, err := cli.Load(filepath.Join("..", "..", "..", "docs-src", area))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // method name → HTTP method
	for _, op := range spec.Operations {
		for _, p := range op.Paths {
			want[p.GoName] = op.Method
		}
	}
	rv := reflect.ValueOf(requests)
	var missing []string
	for name, method := range want {
		m := rv.MethodByName(name)
		if !m.IsValid() {
			missing = append(missing, name)
			continue
		}
		args := []reflect.Value{reflect.ValueOf(context.Background())}
		for i := 1; i < m.Type().NumIn(); i++ {
			in := m.Type().In(i)
			if in.Kind() == reflect.String {
				args = append(args, reflect.ValueOf("x"))
			} else {
				args = append(args, reflect.Zero(in))
			}
		}
		out := m.Call(args)
		if err, _ := out[1].Interface().(error); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		req := out[0].Interface().(*http.Request)
		if req.Method != method {
			t.Errorf("%s: method %s, documented %s", name, req.Method, method)
		}
		if (method == http.MethodGet || method == http.MethodDelete) && req.Body != nil {
			t.Errorf("%s: a %s request with a body", name, method)
		}
	}
	sort.Strings(missing)
	for _, n := range missing {
		t.Errorf("documented path %s has no Requests method", n)
	}
	if n := rv.NumMethod(); n != len(want) {
		t.Errorf("Requests has %d methods, the pages document %d paths", n, len(want))
	}
	if len(want) == 0 {
		t.Errorf("docs-src/%s documents no operation", area)
	}
}
