package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/apidiff"
	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
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
	verbose := fs.Bool("v", false, "print every warning (with -types, also those about pages outside the selection)")
	types := fs.String("types", "", "report only on the types (or enums) `NAMES` and what they need, on either side, as generate -types selects them (NAME+, @FILE too)")
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
	var names []typeName
	if *types != "" || flagSet(fs, "types") {
		if names, err = parseTypes("apidiff", *types); err != nil {
			return err
		}
	}
	diags := append(slices.Clip(old.diags), cur.diags...)
	sh := shown{all: *verbose}
	var in *apiSelection
	if names != nil {
		if in, err = selectBoth(old.spec, cur.spec, names); err != nil {
			var se *ir.SelectionError
			if errors.As(err, &se) {
				printDiagnostics(stderr, diags, sh)
				fmt.Fprintln(stderr, se.Error())
				fmt.Fprintln(stderr, "docgen: apidiff: the selected types need what could not be read; nothing compared")
				return silentError{ExitInput}
			}
			printDiagnostics(stderr, diags, shown{pages: map[string]bool{}, outside: "the selection"})
			return err
		}
		sh.pages, sh.outside = in.pages, "the selection"
	}
	// One list, so the warning cap applies once to the two page sets.
	printDiagnostics(stderr, diags, sh)
	// With -types, an error only counts on a page of the selection: the
	// rest of the pages is not compared.
	if slices.ContainsFunc(diags, func(d ir.Diagnostic) bool {
		return d.Severity == ir.SevError && (in == nil || d.Pos.File == "" || in.pages[d.Pos.File])
	}) {
		fmt.Fprintln(stderr, "docgen: apidiff: input has errors; nothing compared")
		return silentError{ExitInput}
	}

	changes := apidiff.Diff(old.spec, cur.spec)
	if in != nil {
		changes = slices.DeleteFunc(changes, func(c apidiff.Change) bool { return !in.has(c) })
	}
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

// apiSelection is what apidiff -types reports on: the types, enums and
// operations a selection holds in the old or in the new spec, and their
// pages.
type apiSelection struct {
	things map[string]bool // qualified type and enum names, operation titles
	pages  map[string]bool
}

// has reports whether c concerns the selection: a type, enum or operation
// of it, or a property or member of one.
func (a *apiSelection) has(c apidiff.Change) bool {
	if a.things[c.Path] {
		return true
	}
	if i := strings.LastIndex(c.Path, "."); i > 0 && a.things[c.Path[:i]] {
		return true
	}
	return c.Kind == apidiff.OperationRenamed && (a.things[c.Old] || a.things[c.New])
}

// selectBoth selects names on both sides: a name may be known on one side
// only (a type added or removed), but not on neither.
func selectBoth(old, cur *ir.Spec, names []typeName) (*apiSelection, error) {
	a := &apiSelection{things: map[string]bool{}, pages: map[string]bool{}}
	unknown := map[int]int{} // name index → on how many sides it is unknown
	var problems *ir.NameError
	for _, s := range []*ir.Spec{old, cur} {
		sel, err := selectKnown(s, names, unknown, &problems)
		if err != nil {
			return nil, err
		}
		for _, t := range sel.Types {
			a.things[t.Name] = true
		}
		for _, e := range sel.Enums {
			a.things[e.Name] = true
		}
		for _, o := range sel.Operations {
			a.things[o.Name] = true
		}
		maps.Copy(a.pages, selectionPages(sel))
	}
	if problems == nil {
		return a, nil
	}
	var bad []ir.NameProblem
	for _, p := range problems.Problems {
		if p.Ambiguous || unknown[p.Index] == 2 {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		return nil, usageError{nameProblems("apidiff", names, &ir.NameError{Problems: bad})}
	}
	return a, nil
}

// selectKnown selects from s the names it knows, counting in unknown the
// others; the problems with the names of the newer side are kept in
// problems, for the message.
func selectKnown(s *ir.Spec, names []typeName, unknown map[int]int, problems **ir.NameError) (*ir.Spec, error) {
	plain := make([]string, len(names))
	for i, n := range names {
		plain[i] = n.name
	}
	sel, err := ir.Select(s, plain)
	var ne *ir.NameError
	if !errors.As(err, &ne) {
		return sel, err
	}
	*problems = ne
	var known []string
	skip := map[int]bool{}
	for _, p := range ne.Problems {
		if p.Ambiguous {
			return nil, usageError{nameProblems("apidiff", names, &ir.NameError{Problems: []ir.NameProblem{p}})}
		}
		unknown[p.Index]++
		skip[p.Index] = true
	}
	for i, n := range plain {
		if !skip[i] {
			known = append(known, n)
		}
	}
	return ir.Select(s, known)
}
