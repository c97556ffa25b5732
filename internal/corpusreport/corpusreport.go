// Package corpusreport is the report test of a committed corpus: the tests
// beside each package under generated/ call Check with that package's
// NewByODataType. It reads the area's pages as generate does, lists every
// page that was skipped and everything left out with the reason, decodes
// every JSON example into the generated models and back, and checks that
// examples failing validation are explained by lint. The report is a
// golden file (testdata/report.txt beside the test), so a change in what
// docgen reads from the corpus shows in review; -update rewrites it.
package corpusreport

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/internal/cli"
	"github.com/docgen-dev/docgen/internal/roundtrip"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/lint"
)

var update = flag.Bool("update", false, "rewrite testdata/report.txt")

// MinRoundTrip is the share of valid JSON request and response examples
// that must come back value for value.
const MinRoundTrip = 0.99

// Check reports on docs-src/<area> (the test runs in generated/<area>).
// newModel is the generated package's NewByODataType. It fails the test if
// a page stops generation, if fewer than MinRoundTrip of the valid request
// and response examples round-trip, if an example fails validation without
// a lint finding that explains it, or if the report differs from
// testdata/report.txt.
//
// gap, if not empty, says why the area is known to fall short of
// MinRoundTrip: the shortfall is then logged, not a failure (the golden
// report still pins every number and example, so a change either way
// shows). It is the open work, written where the test runs.
func Check(t *testing.T, area string, newModel func(string) any, gap string) {
	t.Helper()
	dir := filepath.Join("..", "..", "docs-src", area)
	spec, pages, diags, err := cli.Load(dir)
	require.NoError(t, err)
	// Errors outside pages (an inheritance cycle, two versions) stop
	// generation; a page that cannot be read is skipped and reported.
	for _, d := range diags {
		if d.Severity == ir.SevError && !skippedFile(spec, d.Pos.File) {
			t.Errorf("%s: an error that is not a skipped page stops generation: %s", d.Pos, d.Message)
		}
	}

	var rep strings.Builder
	prefix := filepath.ToSlash(dir) + "/"
	rel := func(s string) string { return strings.ReplaceAll(s, prefix, "") }
	fmt.Fprintf(&rep, "docs-src/%s, as `docgen generate` reads it\n\n", area)
	fmt.Fprintf(&rep, "pages found:         %d\n", pages)
	fmt.Fprintf(&rep, "pages skipped:       %d\n", len(spec.Skipped))
	fmt.Fprintf(&rep, "operations:          %d\n", len(spec.Operations))
	fmt.Fprintf(&rep, "types / enums:       %d / %d\n", len(spec.Types), len(spec.Enums))
	for _, s := range spec.Skipped {
		fmt.Fprintf(&rep, "  skipped %s: %s\n", rel(s.Reason.Pos.String()), rel(s.Reason.Message))
	}
	for _, o := range spec.Omitted {
		fmt.Fprintf(&rep, "  left out %s %s (%s): %s\n", o.Kind, o.Name, rel(o.Page), rel(o.Reason))
	}

	// Round trip: every JSON example, request and response examples
	// counted apart from the resource pages' "JSON representation" blocks
	// (placeholders such as "String (timestamp)", not payloads).
	// Update pages (PATCH, PUT) are held to MinRoundTrip; other method
	// pages are reported.
	updatePage := map[string]bool{}
	for _, op := range spec.Operations {
		if op.Method == "PATCH" || op.Method == "PUT" {
			updatePage[op.Pos.File] = true
		}
	}
	enums := map[string]bool{}
	for _, e := range spec.Enums {
		enums[e.Name] = true
	}
	isEnum := func(name string) bool { return enums[name] }
	var updates, payloads, all roundtrip.Report
	for _, ex := range spec.Examples {
		r := roundtrip.Check(ex, newModel, isEnum)
		all.Results = append(all.Results, r)
		if ex.Role != ir.RoleResource {
			payloads.Results = append(payloads.Results, r)
			if updatePage[ex.Pos.File] {
				updates.Results = append(updates.Results, r)
			}
		}
	}
	section := func(title string, r *roundtrip.Report) float64 {
		valid := len(r.Results) - r.Count(roundtrip.InvalidJSON)
		share := float64(r.Count(roundtrip.OK)) / float64(max(valid, 1))
		fmt.Fprintf(&rep, "\n%s: %d (%d valid JSON), %d round-trip (%.2f%%)\n", title, len(r.Results), valid, r.Count(roundtrip.OK), 100*share)
		for _, x := range r.Results {
			if x.Outcome != roundtrip.OK {
				fmt.Fprintf(&rep, "  %s: %s %s example (%s): %s\n", rel(x.Example.Pos.String()), x.Outcome, x.Example.Role, x.Example.Type, rel(x.Reason))
			}
		}
		return share
	}
	share := section("update pages' request and response examples", &updates)
	section("all request and response examples", &payloads)
	section("all JSON examples (with resource representations)", &all)
	if len(updates.Results) > updates.Count(roundtrip.InvalidJSON) {
		switch {
		case share >= MinRoundTrip && gap != "":
			t.Errorf("docs-src/%s now round-trips %.2f%% of its update pages' examples: remove the known gap %q", area, 100*share, gap)
		case share < MinRoundTrip && gap != "":
			t.Logf("known gap: %.2f%% of the update pages' examples round-trip, below %.0f%%: %s", 100*share, 100*MinRoundTrip, gap)
		default:
			assert.GreaterOrEqual(t, share, MinRoundTrip, "fewer than %.0f%% of the valid request and response examples of update pages round-trip", 100*MinRoundTrip)
		}
	}

	// Every request and response example passes the default validation,
	// unless docgen lint reports the documented rule it breaks.
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
	validated := 0
	for _, ex := range spec.Examples {
		if ex.Role == ir.RoleResource || !json.Valid([]byte(ex.Body)) {
			continue
		}
		items, err := roundtrip.Items(ex)
		if ex.Collection || err != nil || len(items) != 1 {
			continue
		}
		m, ok := newModel(ex.Type).(interface{ Validate() error })
		if !ok || json.Unmarshal(items[0], m) != nil {
			continue
		}
		validated++
		if err := m.Validate(); err != nil && !explained(ex) {
			t.Errorf("%s: %s example fails validation and lint does not say why: %v", ex.Pos, ex.Role, err)
		}
	}
	fmt.Fprintf(&rep, "\nvalidated: %d request and response examples\n", validated)

	got := rep.String()
	golden := filepath.Join("testdata", "report.txt")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./generated/%s -update to write the report", area)
	if string(want) != got {
		diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{A: difflib.SplitLines(string(want)), B: difflib.SplitLines(got),
			FromFile: golden, ToFile: "now", Context: 1})
		t.Errorf("the corpus report changed; review it and run go test ./generated/%s -update:\n%s", area, diff)
	}
}

func skippedFile(spec *ir.Spec, file string) bool {
	for _, s := range spec.Skipped {
		if s.File == file {
			return true
		}
	}
	return false
}
