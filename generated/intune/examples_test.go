package intune

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/internal/roundtrip"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/lint"
	"github.com/docgen-dev/docgen/parser"
)

// TestCorpusReport is the corpus report: it parses every page of
// docs-src/intune, and decodes every JSON example on every page into this
// generated package and back. Run with -v to see the report.
func TestCorpusReport(t *testing.T) {
	root := filepath.Join("..", "..", "docs-src", "intune")
	var pages []ir.Page
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" || d.Name() == "SOURCE.md" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page, diags := parser.Parse(filepath.ToSlash(p), src)
		require.False(t, diags.HasErrors(), "%v", diags)
		pages = append(pages, page)
		return nil
	})
	require.NoError(t, err)
	spec, _ := ir.Resolve(pages, emit.ResolveOptions())

	rep := roundtrip.Report{Pages: len(pages), Operations: len(spec.Operations), Types: len(spec.Types), Enums: len(spec.Enums)}
	for _, ex := range spec.Examples {
		rep.Results = append(rep.Results, roundtrip.Check(ex, NewByODataType))
	}
	t.Logf("docs-src/intune round-trip report:\n%s", rep.String())

	// Every request and response example passes the default validation,
	// unless docgen lint reports the documented rule it breaks. (Resource
	// "JSON representation" blocks hold placeholders such as "String
	// (timestamp)", not payloads, so they are not validated.)
	findings := lint.Check(spec)
	explained := func(ex ir.Example) bool {
		last := ex.Pos.Line + strings.Count(ex.Body, "\n")
		for _, f := range findings {
			if f.Pos.File == ex.Pos.File && f.Pos.Line >= ex.Pos.Line && f.Pos.Line <= last {
				return true
			}
		}
		return false
	}
	validated, unexplained := 0, 0
	for _, ex := range spec.Examples {
		if ex.Role == ir.RoleResource || !json.Valid([]byte(ex.Body)) {
			continue
		}
		m, ok := NewByODataType(ex.Type).(interface{ Validate() error })
		if !ok || json.Unmarshal([]byte(ex.Body), m) != nil {
			continue
		}
		validated++
		if err := m.Validate(); err != nil && !explained(ex) {
			unexplained++
			t.Errorf("%s: %s example fails validation and lint does not say why: %v", ex.Pos, ex.Role, err)
		}
	}
	t.Logf("validated %d request/response examples; %d failures unexplained by lint", validated, unexplained)
	assert.Greater(t, validated, 900)

	assert.Equal(t, 1655, rep.Pages)
	assert.Equal(t, 498, rep.Operations)
	valid := len(rep.Results) - rep.Count(roundtrip.InvalidJSON)
	require.NotZero(t, valid)
	assert.GreaterOrEqual(t, float64(rep.Count(roundtrip.OK))/float64(valid), 0.99,
		"fewer than 99%% of valid JSON examples round-trip:\n%s", rep.String())
}
