package graphv1

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
	"github.com/docgen-dev/docgen/ir"
)

// TestCorpusReport is the report on docs-src/graphv1 (testdata/report.txt):
// pages read and skipped with the reason, what was left out, and every JSON
// example decoded into this package and back. -update rewrites the report;
// -v prints it.
func TestCorpusReport(t *testing.T) {
	// The body of a reference request ({"@odata.id": URL}) is the runtime's
	// Reference, which NewByODataType does not make (no page documents it
	// as a type).
	corpusreport.Check(t, "graphv1", func(name string) any {
		if name == ir.EntityReference {
			return new(Reference)
		}
		return NewByODataType(name)
	}, "")
}
