package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/internal/regularfile"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/form"
)

// skipPrefixes name files in a directory that are about the pages, not pages.
var skipPrefixes = []string{"readme", "source", "manifest", "license", "notice", "changelog"}

// loaded is the result of reading and resolving a set of pages.
type loaded struct {
	files []string // relative, slash-separated, sorted
	pages []ir.Page
	spec  *ir.Spec
	diags ir.Diagnostics
	// resolveErrors: resolving the readable pages found an error (one no
	// skipped page explains, such as an inheritance cycle).
	resolveErrors bool
	// parseDiags are what reading the pages found (diags holds them too).
	parseDiags ir.Diagnostics
}

var resolveOptions = emit.ResolveOptions()

// byVersion resolves the pages of each API version on its own (see
// ir.SplitVersions), for commands that can look at several versions at
// once (lint): the specs, and what reading and resolving found.
func (res *loaded) byVersion() ([]*ir.Spec, ir.Diagnostics) {
	groups := ir.SplitVersions(res.pages)
	if len(groups) == 1 {
		return []*ir.Spec{res.spec}, res.diags
	}
	diags := append(ir.Diagnostics(nil), res.parseDiags...)
	var specs []*ir.Spec
	for _, g := range groups {
		spec, more := ir.Resolve(g, resolveOptions)
		specs = append(specs, spec)
		diags = append(diags, more...)
	}
	diags.Sort()
	return specs, diags
}

// load reads every page under paths, parses them (in parallel; results are
// ordered by file name, so output does not depend on scheduling) and resolves
// them into one Spec.
func load(paths []string) (*loaded, error) {
	files, err := collect(paths)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no pages found in %s", strings.Join(paths, " "))
	}
	res := &loaded{files: files, pages: make([]ir.Page, len(files))}
	diags := make([]ir.Diagnostics, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res.pages[i], diags[i] = parseFile(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, d := range diags {
		res.parseDiags = append(res.parseDiags, d...)
	}
	res.diags = append(res.diags, res.parseDiags...)
	spec, more := ir.Resolve(res.pages, resolveOptions)
	res.spec = spec
	res.resolveErrors = more.HasErrors()
	res.diags = append(res.diags, more...)
	res.diags.Sort()
	return res, nil
}

func parseFile(name string) (page ir.Page, diags ir.Diagnostics) {
	defer func() {
		// A front end must never panic; if one does, report it against the
		// page instead of crashing the user's go generate.
		if r := recover(); r != nil {
			diags = append(diags, ir.Diagnostic{Pos: ir.Pos{File: name, Line: 1, Col: 1}, Severity: ir.SevError,
				Code: "internal", Message: fmt.Sprintf("internal error while parsing (please report): %v", r)})
			page = ir.Page{File: name, Kind: ir.PageUnknown}
			parser.MarkSkipped(&page, diags)
		}
	}()
	// One byte over the limit, for the parser to refuse with its message.
	src, err := regularfile.ReadPrefix(filepath.FromSlash(name), parser.MaxPageSize+1)
	if err != nil {
		msg := err.Error()
		var nr *regularfile.NotRegularError
		if errors.As(err, &nr) {
			msg = nr.Reason() // the diagnostic names the page
		}
		diags.Errorf(ir.Pos{File: name}, "read", "%s", msg)
		page = ir.Page{File: name, Kind: ir.PageUnknown}
		parser.MarkSkipped(&page, diags)
		return page, diags
	}
	return parser.Parse(name, src)
}

// collect expands paths into page files, relative to the working directory,
// slash-separated, sorted and de-duplicated.
func collect(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		rel := relPath(p)
		if !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isPage(name) || skipped(name) {
				return nil
			}
			add(path)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// isPage reports whether a file met in a directory walk is a page: its
// extension names an input form (see package form).
func isPage(name string) bool {
	_, ok := form.ByExt(name)
	return ok
}

func skipped(name string) bool {
	l := strings.ToLower(name)
	for _, p := range skipPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// relPath makes p relative to the working directory when it can, so that no
// absolute machine path reaches the output.
func relPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// maxWarnings is how many warnings a command prints unless asked for all.
const maxWarnings = 20

// shown says which diagnostics a command prints: -v (all), -q (quiet) and,
// with -types, the pages of the selection (nil: every page).
type shown struct {
	all, quiet bool
	pages      map[string]bool
	// outside names what pages is, for the count of what was not shown.
	outside string
}

// printDiagnostics prints every error and, unless quiet, every omission
// ("left-out") and, unless all, at most maxWarnings other warnings followed
// by a count of the rest. Warnings about pages outside sh.pages are
// counted, not printed, unless all.
func printDiagnostics(w io.Writer, ds ir.Diagnostics, sh shown) {
	warnings, outside := 0, 0
	for _, d := range ds {
		if d.Severity == ir.SevWarning {
			if sh.quiet {
				continue
			}
			if !sh.all && sh.pages != nil && d.Pos.File != "" && !sh.pages[d.Pos.File] {
				outside++
				continue
			}
			// What was left out because a page could not be read is
			// always shown, like the error that made docgen skip the page.
			if d.Code != "left-out" {
				warnings++
				if !sh.all && warnings > maxWarnings {
					continue
				}
			}
		}
		fmt.Fprintln(w, d.String())
	}
	if !sh.all && warnings > maxWarnings {
		fmt.Fprintf(w, "docgen: and %s (-v prints them all)\n", english.Count(warnings-maxWarnings, "more warning"))
	}
	if outside > 0 {
		fmt.Fprintf(w, "docgen: %s about pages outside %s not shown (-v shows them)\n", english.Count(outside, "warning"), sh.outside)
	}
}

// verdict decides whether the input can be used, under the rule README.md
// states ("Partial input"): with strict, any error fails; otherwise a page
// that could not be read is skipped (its error was printed) and only an
// error outside the pages, or having no readable page at all, fails. It
// prints a one-line summary of what was skipped and left out.
// Quiet leaves the summary out.
func (res *loaded) verdict(cmd string, strict, quiet bool, stderr io.Writer, consequence string) error {
	skipped := len(res.spec.Skipped)
	switch {
	case strict && res.diags.HasErrors():
		fmt.Fprintf(stderr, "docgen: %s: input has errors (-strict); %s\n", cmd, consequence)
		return silentError{ExitInput}
	case res.resolveErrors:
		fmt.Fprintf(stderr, "docgen: %s: input has errors; %s\n", cmd, consequence)
		return silentError{ExitInput}
	case skipped == len(res.files):
		fmt.Fprintf(stderr, "docgen: %s: no page could be read; %s\n", cmd, consequence)
		return silentError{ExitInput}
	case skipped > 0 && !quiet:
		fmt.Fprintf(stderr, "docgen: %s: %s skipped, %s; going on with %s read (-strict fails instead)\n",
			cmd, english.Count(skipped, "page"), omissionSummary(res.spec.Omitted, skipped), english.Count(len(res.files)-skipped, "page"))
	}
	return nil
}

// omissionSummary says what was left out besides the skipped pages:
// "2 types, 1 operation left out because of them".
func omissionSummary(os []ir.Omission, pages int) string {
	n := map[ir.OmissionKind]int{}
	for _, o := range os {
		n[o.Kind]++
	}
	var parts []string
	for _, k := range []struct {
		kind ir.OmissionKind
		noun string
	}{{ir.OmitType, "type"}, {ir.OmitOperation, "operation"}, {ir.OmitPropertyType, "property type"}} {
		if n[k.kind] > 0 {
			parts = append(parts, english.Count(n[k.kind], k.noun))
		}
	}
	if len(parts) == 0 {
		return "nothing else left out"
	}
	them := "them"
	if pages == 1 {
		them = "it"
	}
	return strings.Join(parts, ", ") + " left out because of " + them
}

// Load reads and resolves the pages under paths exactly as generate does,
// for tests that report on a whole corpus: the Spec, how many pages were
// found, and every diagnostic (sorted).
func Load(paths ...string) (spec *ir.Spec, pages int, diags ir.Diagnostics, err error) {
	res, err := load(paths)
	if err != nil {
		return nil, 0, nil, err
	}
	return res.spec, len(res.files), res.diags, nil
}
