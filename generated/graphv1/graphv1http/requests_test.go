package graphv1http

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
)

// TestRequests: every documented path of every operation of docs-src/graphv1
// is a Requests method that builds the documented method, with no body on
// a GET or DELETE.
func TestRequests(t *testing.T) {
	corpusreport.CheckRequests(t, "graphv1", Requests{})
}
