package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/docgen-dev/docgen/apidiff"
	"github.com/docgen-dev/docgen/internal/english"
)

// apidiffReport is the -json output of docgen apidiff. Its keys are a public
// interface (see the apidiff package for kinds and severities):
//
//	{
//	  "changes": [
//	    {"kind": "property-added", "severity": "additive",
//	     "path": "microsoft.graph.x.prop", "old": "", "new": "Edm.Boolean",
//	     "oldPos": null, "newPos": {"file": "new/x.md", "line": 12, "col": 1},
//	     "message": "property added (Edm.Boolean)"}
//	  ],
//	  "summary": {"breaking": 0, "additive": 1, "info": 0, "total": 1,
//	              "oldPages": 3, "newPages": 1}
//	}
//
// Every change has every key; "old" and "new" are "" and "oldPos" and
// "newPos" null when not applicable. Changes are sorted by severity
// (breaking, additive, info), then path, kind, old and new.
type apidiffReport struct {
	Changes []apidiff.Change `json:"changes"`
	Summary apidiffSummary   `json:"summary"`
}

type apidiffSummary struct {
	apidiff.Summary
	OldPages int `json:"oldPages"`
	NewPages int `json:"newPages"`
}

// failOn values: the least severe change that makes apidiff exit 1.
var failOnValues = map[string]bool{"breaking": true, "any": true, "none": true}

// runAPIDiff compares the API documented by two page sets.
func runAPIDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("apidiff", stderr)
	asJSON := fs.Bool("json", false, "print changes as JSON")
	failOn := fs.String("fail-on", "none", "exit 1 if there is a `breaking` change, any change, or never (none)")
	verbose := fs.Bool("v", false, "print every warning")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !failOnValues[*failOn] {
		return usageError{fmt.Sprintf("apidiff: -fail-on %q: want breaking, any or none", *failOn)}
	}
	if fs.NArg() != 2 {
		return usageError{fmt.Sprintf("apidiff: want two paths, OLD and NEW; got %d", fs.NArg())}
	}
	old, err := load([]string{fs.Arg(0)})
	if err != nil {
		return err
	}
	cur, err := load([]string{fs.Arg(1)})
	if err != nil {
		return err
	}
	// One list, so the warning cap applies once to the two page sets.
	printDiagnostics(stderr, append(slices.Clip(old.diags), cur.diags...), shown{all: *verbose})
	if old.diags.HasErrors() || cur.diags.HasErrors() {
		fmt.Fprintln(stderr, "docgen: apidiff: input has errors; nothing compared")
		return silentError{ExitInput}
	}

	changes := apidiff.Diff(old.spec, cur.spec)
	rep := apidiffReport{Changes: changes, Summary: apidiffSummary{
		Summary: apidiff.Summarize(changes), OldPages: len(old.files), NewPages: len(cur.files),
	}}
	if rep.Changes == nil {
		rep.Changes = []apidiff.Change{}
	}
	if *asJSON {
		out, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		stdout.Write(append(out, '\n'))
	} else {
		for _, c := range changes {
			fmt.Fprintln(stdout, c)
		}
		s := rep.Summary
		fmt.Fprintf(stdout, "%s: %d breaking, %d additive, %d info (old: %s, new: %s)\n",
			english.Count(s.Total, "change"), s.Breaking, s.Additive, s.Info, english.Count(s.OldPages, "page"), english.Count(s.NewPages, "page"))
	}
	switch {
	case *failOn == "breaking" && rep.Summary.Breaking > 0, *failOn == "any" && rep.Summary.Total > 0:
		return silentError{ExitInput}
	}
	return nil
}
