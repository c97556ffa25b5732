package cli

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/internal/atomicfile"
	"github.com/docgen-dev/docgen/ir"
)

type mode int

const (
	modeWrite mode = iota
	modeCheck
	modeDiff
)

var modeNames = map[mode]string{modeWrite: "generate", modeCheck: "check", modeDiff: "diff"}

func runGenerate(args []string, stdout, stderr io.Writer, m mode) error {
	name := modeNames[m]
	fs := newFlagSet(name, stderr)
	out := fs.String("o", "", "output `DIR` for the generated package (required)")
	pkg := fs.String("pkg", "", "Go package `NAME` (default: derived from DIR)")
	types := fs.String("types", "", "comma-separated `NAMES` of the types to generate, with what they need (default: all)")
	httpLayer := fs.Bool("http", true, "generate the HTTP layer (request builders, Client, fake server) as the package DIR/NAMEhttp; -http=false: models only")
	importPath := fs.String("import", "", "import `PATH` of DIR, which the HTTP layer imports (default: from the go.mod in DIR or above it)")
	verbose := fs.Bool("v", false, "print every warning")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{name + ": -o DIR is required"}
	}
	if fs.NArg() == 0 {
		return usageError{name + ": no input PATH given"}
	}
	if *pkg == "" {
		*pkg = defaultPkg(*out)
	}
	if !token.IsIdentifier(*pkg) || token.IsKeyword(*pkg) {
		return usageError{fmt.Sprintf("%s: -pkg %q is not a valid Go package name", name, *pkg)}
	}
	if *httpLayer && *importPath == "" {
		p, err := dirImportPath(*out)
		if err != nil {
			return usageError{fmt.Sprintf("%s: %v: pass -import PATH (the import path of %s), or -http=false", name, err, filepath.ToSlash(*out))}
		}
		*importPath = p
	}
	res, err := load(fs.Args())
	if err != nil {
		return err
	}
	printDiagnostics(stderr, res.diags, *verbose)
	if res.diags.HasErrors() {
		fmt.Fprintf(stderr, "docgen: %s: input has errors; nothing written\n", name)
		return silentError{ExitInput}
	}
	spec := res.spec
	if *types != "" {
		if spec, err = ir.Select(spec, strings.Split(*types, ",")); err != nil {
			return err
		}
	}
	var sources []string
	for _, a := range fs.Args() {
		sources = append(sources, relPath(a))
	}
	// The header names the sources: sorted and de-duplicated, so that the
	// output does not depend on the order the paths were given in.
	slices.Sort(sources)
	sources = slices.Compact(sources)
	// The header records the flags given that shape the output, as
	// stringer records its command line; not -o (a directory, perhaps
	// absolute) or -v. Visit goes in name order.
	var flags []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "o" && f.Name != "v" {
			flags = append(flags, "-"+f.Name+"="+f.Value.String())
		}
	})
	files, err := emit.Generate(spec, emit.Options{Package: *pkg, Sources: sources, ImportPath: *importPath, NoHTTP: !*httpLayer, Flags: flags})
	if err != nil {
		return err
	}
	o := output{dir: *out, pkg: *pkg}
	switch m {
	case modeCheck:
		return check(o, files, stdout)
	case modeDiff:
		return diff(o, files, stdout)
	}
	return write(o, files)
}

// output is where generate writes the package pkg: dir, and the HTTP
// layer's subdirectory.
type output struct {
	dir, pkg string
}

// path is the file name (slash-separated, relative to dir) on disk.
func (o output) path(name string) string { return filepath.Join(o.dir, filepath.FromSlash(name)) }

// display is the file name as reported: slash-separated, with dir.
func (o output) display(name string) string { return path.Join(filepath.ToSlash(o.dir), name) }

// docgenPackage is the package name of data, if docgen generated it.
func docgenPackage(data []byte) (string, bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "", data, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || !ast.IsGenerated(f) || !bytes.Contains(data[:min(len(data), 200)], []byte("// "+emit.Header)) {
		return "", false
	}
	return f.Name.Name, true
}

// outputPlan is how an output differs from the files generate would write.
type outputPlan struct {
	stale, missing, orphaned []string          // file names relative to the output, sorted
	old                      map[string][]byte // contents of the stale and orphaned files
	// layers are the subdirectories that hold, or held, the HTTP layer: the
	// one for the package generated now, and the ones for the package names
	// the docgen files in dir declared (a rename orphans the old layer).
	// With -http=false they hold only orphans.
	layers []string
}

func (p outputPlan) upToDate() bool { return len(p.stale)+len(p.missing)+len(p.orphaned) == 0 }

// plan compares files with the output: which are stale or missing, and which
// docgen files in its directories would be orphaned. A file in the way that
// docgen did not write is an error.
func plan(o output, files []emit.File) (outputPlan, error) {
	p := outputPlan{old: map[string][]byte{}}
	layers := map[string]bool{emit.HTTPPackage(o.pkg): true}
	// seen notes the package of a docgen file in dir: its HTTP layer's
	// directory is generate's to clean.
	seen := func(name, pkg string) {
		if !strings.Contains(name, "/") {
			layers[emit.HTTPPackage(pkg)] = true
		}
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
		old, err := os.ReadFile(o.path(f.Name))
		if os.IsNotExist(err) {
			p.missing = append(p.missing, f.Name)
			continue
		} else if err != nil {
			return p, err
		}
		pkg, ok := docgenPackage(old)
		if !ok {
			return p, fmt.Errorf("%s: file exists and was not generated by docgen; refusing to overwrite it", o.display(f.Name))
		}
		seen(f.Name, pkg)
		if !bytes.Equal(old, f.Data) {
			p.stale = append(p.stale, f.Name)
			p.old[f.Name] = old
		}
	}
	// orphans adds the docgen files in sub that generate no longer writes.
	orphans := func(sub string) error {
		entries, err := os.ReadDir(o.path(sub))
		if err != nil && !os.IsNotExist(err) {
			return err
		}
		for _, e := range entries {
			n := path.Join(sub, e.Name())
			if e.IsDir() || want[n] || !strings.HasSuffix(n, "_gen.go") {
				continue
			}
			data, err := os.ReadFile(o.path(n))
			if err != nil {
				continue
			}
			if pkg, ok := docgenPackage(data); ok {
				seen(n, pkg)
				p.orphaned = append(p.orphaned, n)
				p.old[n] = data
			}
		}
		return nil
	}
	if err := orphans(""); err != nil { // first: it names the old layers
		return p, err
	}
	p.layers = slices.Sorted(maps.Keys(layers))
	for _, sub := range p.layers {
		if err := orphans(sub); err != nil {
			return p, err
		}
	}
	sort.Strings(p.stale)
	sort.Strings(p.missing)
	sort.Strings(p.orphaned)
	return p, nil
}

// diff prints a unified diff of what generate would change in the output.
func diff(o output, files []emit.File, stdout io.Writer) error {
	p, err := plan(o, files)
	if err != nil {
		return err
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	show := func(name string, old, new []byte) {
		oldName, newName := "a/"+o.display(name), "b/"+o.display(name)
		if old == nil {
			oldName = "/dev/null"
		}
		if new == nil {
			newName = "/dev/null"
		}
		text, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: splitLines(old), B: splitLines(new),
			FromFile: oldName, ToFile: newName, Context: 3,
		})
		fmt.Fprint(stdout, text)
	}
	changed := append(append([]string(nil), p.stale...), p.missing...)
	sort.Strings(changed)
	for _, n := range changed {
		show(n, p.old[n], byName[n]) // old is nil when missing
	}
	for _, n := range p.orphaned {
		show(n, p.old[n], nil)
	}
	if !p.upToDate() {
		return silentError{ExitInput}
	}
	return nil
}

// splitLines splits b into lines, each ending in "\n", for difflib. Unlike
// difflib.SplitLines it adds no empty line after a final newline, so an
// empty or absent file has no lines at all.
func splitLines(b []byte) []string {
	lines := strings.SplitAfter(string(b), "\n")
	if last := len(lines) - 1; lines[last] == "" {
		lines = lines[:last]
	} else {
		lines[last] += "\n"
	}
	return lines
}

func check(o output, files []emit.File, stdout io.Writer) error {
	p, err := plan(o, files)
	if err != nil {
		return err
	}
	for _, n := range p.stale {
		fmt.Fprintf(stdout, "stale: %s\n", o.display(n))
	}
	for _, n := range p.missing {
		fmt.Fprintf(stdout, "missing: %s\n", o.display(n))
	}
	for _, n := range p.orphaned {
		fmt.Fprintf(stdout, "orphaned: %s\n", o.display(n))
	}
	if !p.upToDate() {
		fmt.Fprintf(stdout, "docgen: %s is out of date; run docgen generate\n", filepath.ToSlash(o.dir))
		return silentError{ExitInput}
	}
	return nil
}

// write brings the output up to date: everything is rendered before anything
// is written; each changed file goes through a temporary file and a rename,
// so a reader (or a crash) sees either the old or the new file; orphaned
// docgen files are removed, and then a subdirectory they leave empty; files
// docgen did not write are never touched.
func write(o output, files []emit.File) error {
	p, err := plan(o, files)
	if err != nil {
		return err
	}
	dirs := map[string]bool{o.dir: true}
	for _, f := range files {
		dirs[filepath.Dir(o.path(f.Name))] = true
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		atomicfile.RemoveTemps(d)
	}
	changed := map[string]bool{}
	for _, n := range append(p.stale, p.missing...) {
		changed[n] = true
	}
	for _, f := range files {
		if !changed[f.Name] {
			continue
		}
		if err := atomicfile.Write(o.path(f.Name), f.Data); err != nil {
			return err
		}
	}
	for _, n := range p.orphaned {
		if err := os.Remove(o.path(n)); err != nil {
			return err
		}
	}
	for _, sub := range p.layers {
		atomicfile.RemoveTemps(o.path(sub)) // a killed run's, in a layer no longer written
		if entries, err := os.ReadDir(o.path(sub)); err == nil && len(entries) == 0 {
			if err := os.Remove(o.path(sub)); err != nil {
				return err
			}
		}
	}
	return nil
}
