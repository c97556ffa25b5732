package intunehttp

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
)

// TestRequests: every documented path of every operation of docs-src/intune
// is a Requests method that builds the documented method, with no body on
// a GET or DELETE.
func TestRequests(t *testing.T) {
	corpusreport.CheckRequests(t, "intune", Requests{})
}
