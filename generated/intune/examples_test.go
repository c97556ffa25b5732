package intune

import (
	"testing"

	"github.com/docgen-dev/docgen/internal/corpusreport"
)

// TestCorpusReport is the report on docs-src/intune (testdata/report.txt):
// pages read and skipped with the reason, what was left out, and every JSON
// example decoded into this package and back. -update rewrites the report;
// -v prints it.
func TestCorpusReport(t *testing.T) {
	corpusreport.Check(t, "intune", NewByODataType, "")
}
