// Package pages loads the example payloads of a golden case's input pages
// for the hand-written tests in its want/ packages.
package pages

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

// Examples are the example payloads of the page at file (a path from the
// test's directory), in page order. The page must have n examples.
func Examples(tb testing.TB, file string, n int) []ir.Example {
	tb.Helper()
	examples := parse(tb, file)
	require.Len(tb, examples, n, "%s: examples", file)
	return examples
}

// Example is the example of the page at file with the given role, which the
// page must have.
func Example(tb testing.TB, file string, role ir.ExampleRole) ir.Example {
	tb.Helper()
	for _, ex := range parse(tb, file) {
		if ex.Role == role {
			return ex
		}
	}
	tb.Fatalf("%s has no %s example", file, role)
	return ir.Example{}
}

// parse parses the page at file, which must have no errors, and returns its
// examples.
func parse(tb testing.TB, file string) []ir.Example {
	tb.Helper()
	src, err := os.ReadFile(file)
	require.NoError(tb, err)
	p, diags := parser.Parse(filepath.ToSlash(file), src)
	require.False(tb, diags.HasErrors(), "%v", diags)
	return p.Examples
}
