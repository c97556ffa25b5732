package golden

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
)

// TestComposedNames: over every page this repository generates from
// (docs-src/) and the golden cases' inputs, no identifier docgen composes
// (operations, the paths' Client and Requests methods, handlers, request
// bodies, path parameters) is longer than ir.MaxComposedName, and none
// needed a number to be unique: docgen tells composed names apart in words
// (a name-collision warning about an operation or a path would say it
// numbered one).
//
// The same request documented on two pages is one operation, a query
// string is not part of a path, and operations whose titles compose one
// name are told apart by the entity their path is bound to (see
// ir/dedupe.go and ir/samename.go), so no exception is left.
func TestComposedNames(t *testing.T) {
	t.Parallel() // reads all of docs-src: overlaps with the other corpus tests
	inputs, err := filepath.Glob("../docs-src/*")
	require.NoError(t, err)
	cases, err := filepath.Glob("*/input")
	require.NoError(t, err)
	n := 0
	for _, in := range append(inputs, cases...) {
		if st, err := os.Stat(in); err != nil || !st.IsDir() {
			continue
		}
		code, _, stderr := run("generate", "-v", "-o", t.TempDir(), "-pkg", "x", "-import", "example.com/x", in)
		require.Equal(t, 0, code, "%s: %s", in, stderr)
		for _, line := range strings.Split(stderr, "\n") {
			if (strings.Contains(line, ": operation ") || strings.Contains(line, ": path ")) && strings.Contains(line, "is taken") {
				t.Errorf("%s: a composed name was numbered: %s", in, line)
			}
		}
		code, out, stderr := run("ir", in)
		require.Equal(t, 0, code, "%s: %s", in, stderr)
		var spec ir.Spec
		require.NoError(t, json.Unmarshal([]byte(out), &spec), in)
		check := func(what, name string) {
			n++
			assert.LessOrEqual(t, len(name), ir.MaxComposedName, "%s: %s %s", in, what, name)
		}
		for _, op := range spec.Operations {
			check("operation", op.GoName)
			check("handler", ir.HandlerName(op.GoName))
			check("body", ir.BodyName(op.GoName))
			for _, p := range op.Paths {
				check("path method", p.GoName)
				for _, pn := range p.ParamGoNames {
					check("parameter", pn)
				}
			}
		}
	}
	require.Greater(t, n, 1000, "names checked")
}
