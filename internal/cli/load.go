package cli

import (
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
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

// pageExts are the file extensions read when walking a directory.
var pageExts = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true, ".txt": true}

// skipPrefixes name files in a directory that are about the pages, not pages.
var skipPrefixes = []string{"readme", "source", "manifest", "license", "notice", "changelog"}

// loaded is the result of reading and resolving a set of pages.
type loaded struct {
	files []string // relative, slash-separated, sorted
	pages []ir.Page
	spec  *ir.Spec
	diags ir.Diagnostics
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
		res.diags = append(res.diags, d...)
	}
	spec, more := ir.Resolve(res.pages, emit.ResolveOptions())
	res.spec = spec
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
		}
	}()
	src, err := readLimited(filepath.FromSlash(name))
	if err != nil {
		diags.Errorf(ir.Pos{File: name}, "read", "%v", err)
		return ir.Page{File: name}, diags
	}
	return parser.Parse(name, src)
}

func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, parser.MaxPageSize+1))
	if err != nil {
		return nil, err
	}
	return data, nil
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
			if d.IsDir() || !pageExts[strings.ToLower(filepath.Ext(name))] || skipped(name) {
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

// printDiagnostics prints every error and, unless all, at most maxWarnings
// warnings followed by a count of the rest.
func printDiagnostics(w io.Writer, ds ir.Diagnostics, all bool) {
	warnings := 0
	for _, d := range ds {
		if d.Severity == ir.SevWarning {
			warnings++
			if !all && warnings > maxWarnings {
				continue
			}
		}
		fmt.Fprintln(w, d.String())
	}
	if !all && warnings > maxWarnings {
		fmt.Fprintf(w, "docgen: and %d more warnings (-v prints them all)\n", warnings-maxWarnings)
	}
}
