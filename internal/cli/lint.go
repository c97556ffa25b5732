package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/lint"
)

// lintReport is the -json output of docgen lint.
type lintReport struct {
	Findings ir.Diagnostics `json:"findings"`
	Summary  struct {
		Pages    int `json:"pages"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	} `json:"summary"`
}

// runLint prints everything wrong with the pages: what parsing and resolving
// found, and what lint.Check finds in the examples. Exit 1 if anything.
func runLint(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lint", stderr)
	asJSON := fs.Bool("json", false, "print findings as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"lint: no input PATH given"}
	}
	res, err := load(fs.Args())
	if err != nil {
		return err
	}
	// Each API version is linted on its own: one set of pages may hold both.
	specs, findings := res.byVersion()
	findings = slices.Clone(findings)
	for _, spec := range specs {
		findings = append(findings, lint.Check(spec)...)
	}
	findings.Sort()
	var rep lintReport
	rep.Findings = findings
	if rep.Findings == nil {
		rep.Findings = ir.Diagnostics{}
	}
	rep.Summary.Pages = len(res.files)
	for _, d := range findings {
		if d.Severity == ir.SevError {
			rep.Summary.Errors++
		} else {
			rep.Summary.Warnings++
		}
	}
	if *asJSON {
		out, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		stdout.Write(append(out, '\n'))
	} else {
		for _, d := range findings {
			fmt.Fprintf(stdout, "%s [%s]\n", d, d.Code)
		}
		fmt.Fprintf(stdout, "%s: %s, %s\n", english.Count(rep.Summary.Pages, "page"), english.Count(rep.Summary.Errors, "error"), english.Count(rep.Summary.Warnings, "warning"))
	}
	if len(findings) > 0 {
		return silentError{ExitInput}
	}
	return nil
}
