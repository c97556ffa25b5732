package seedshttp

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
)

// TestRequests: every documented path of every operation of docs-src/seeds
// is a Requests method that builds the documented method, with no body on
// a GET or DELETE.
func TestRequests(t *testing.T) {
	corpusreport.CheckRequests(t, "seeds", Requests{})
}
