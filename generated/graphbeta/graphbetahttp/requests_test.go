package graphbetahttp

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
)

// TestRequests: every documented path of every operation of docs-src/graphbeta
// is a Requests method that builds the documented method, with no body on
// a GET or DELETE.
func TestRequests(t *testing.T) {
	corpusreport.CheckRequests(t, "graphbeta", Requests{})
}
