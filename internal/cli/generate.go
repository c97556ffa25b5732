package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/emit"
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
	types := fs.String("types", "", "comma-separated `NAMES` of the types (or enums) to generate, with what they need (default: all); NAME+ takes the types derived from NAME along; @FILE reads names from FILE, one a line, \"# \" starting a comment")
	httpLayer := fs.Bool("http", true, "generate the HTTP layer (request builders, Client, fake server) as the package DIR/NAMEhttp; -http=false: models only")
	ops := fs.String("ops", "", "comma-separated operation `KINDS` the HTTP layer serves (get, list, create, update, delete, action, function; default: all)")
	unknown := fs.String("unknown", "keep", "what models do with JSON members the docs do not document: `keep` them (in Unknown, written back on encode) or drop them (as a plain encoding/json struct, in half the decode time)")
	importPath := fs.String("import", "", "import `PATH` of DIR, which the HTTP layer imports (default: from the go.mod in DIR or above it)")
	verbose := fs.Bool("v", false, "print every warning (with -types, also those about pages outside the selection)")
	quiet := fs.Bool("q", false, "print errors only")
	lockTimeout := fs.Duration("lock-timeout", defaultLockTimeout, "how long to wait for another docgen run on DIR to finish")
	strict := fs.Bool("strict", false, "fail (and write nothing) if any page has an error, as protoc does; by default a page that cannot be read is skipped")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	for _, a := range fs.Args() {
		if strings.HasPrefix(a, "-") {
			return usageError{fmt.Sprintf("%s: flag %s after a path: flags go before the paths", name, a)}
		}
	}
	if *out == "" {
		return usageError{name + ": -o DIR is required"}
	}
	if fi, err := os.Stat(*out); err == nil && fi.Mode().IsRegular() { // special files: see output.go
		return usageError{fmt.Sprintf("%s: -o %s is a file, not a directory", name, filepath.ToSlash(*out))}
	}
	if fs.NArg() == 0 {
		return usageError{name + ": no input PATH given"}
	}
	if *unknown != "keep" && *unknown != "drop" {
		return usageError{fmt.Sprintf("%s: -unknown %q: want keep or drop", name, *unknown)}
	}
	if *verbose && *quiet {
		return usageError{name + ": -v and -q contradict each other"}
	}
	if *pkg != "" {
		if err := checkPkg(name, *pkg); err != nil {
			return err
		}
	}
	var err error
	if *pkg, err = outputPackage(name, *out, *pkg); err != nil {
		return err
	}
	if err := checkPkg(name, *pkg); err != nil {
		return err
	}
	var names []typeName
	if *types != "" || flagSet(fs, "types") {
		if names, err = parseTypes(name, *types); err != nil {
			return err
		}
	}
	var kinds []ir.OpKind
	if *ops != "" || flagSet(fs, "ops") {
		if kinds, err = parseKinds(name, *ops); err != nil {
			return err
		}
	}
	if *httpLayer && *importPath != "" && !emit.ValidImportPath(*importPath) {
		return usageError{fmt.Sprintf("%s: -import %q is not an import path (slash-separated elements of letters, digits and \"-._~+\")", name, *importPath)}
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
	sh := shown{all: *verbose, quiet: *quiet}
	spec := res.spec
	var selErr error
	if names != nil {
		spec, selErr = selectTypes(name, res.spec, names)
		// A selection that cannot be built shows every warning, which may
		// say why (a skipped page); an unknown name none but the count.
		var se *ir.SelectionError
		switch {
		case selErr == nil:
			sh.outside, sh.pages = "the selection", selectionPages(spec)
		case !errors.As(selErr, &se):
			sh.outside, sh.pages = "the selection", map[string]bool{}
		}
	}
	printDiagnostics(stderr, res.diags, sh)
	if err := res.verdict(name, *strict, *quiet, stderr, "nothing written"); err != nil {
		return err
	}
	var se *ir.SelectionError
	switch {
	case errors.As(selErr, &se):
		fmt.Fprintln(stderr, se.Error())
		fmt.Fprintf(stderr, "docgen: %s: the selected types need what could not be read; nothing written\n", name)
		return silentError{ExitInput}
	case selErr != nil:
		return selErr
	}
	if kinds != nil {
		spec = ir.KeepOperations(spec, kinds)
	}
	// The header records the flags given that shape the output, as
	// stringer records its command line: not -o (a directory, perhaps
	// absolute), nor those that only change how docgen runs. Visit goes in
	// name order.
	var flags []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "pkg", "types", "ops", "http", "import", "unknown":
			flags = append(flags, "-"+f.Name+"="+f.Value.String())
		}
	})
	pv := newProvenance(*out)
	files, err := emit.Generate(spec, emit.Options{Package: *pkg, Sources: pv.sources(fs.Args()), Pages: pv.pages(res.pages),
		ImportPath: *importPath, NoHTTP: !*httpLayer, DropUnknown: *unknown == "drop", Flags: flags})
	if err != nil {
		return err
	}
	o := output{dir: *out, pkg: *pkg, lockTimeout: *lockTimeout, stderr: stderr}
	return o.run(m, files, stdout)
}

// flagSet reports whether the flag name was given (also as "").
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// checkPkg refuses a package name generated code cannot have.
func checkPkg(cmd, pkg string) error {
	if !token.IsIdentifier(pkg) || token.IsKeyword(pkg) {
		return usageError{fmt.Sprintf("%s: -pkg %q is not a valid Go package name", cmd, pkg)}
	}
	if pkg == "main" || pkg == "_" {
		return usageError{fmt.Sprintf("%s: -pkg %q: generated code is a library package, not %q", cmd, pkg, pkg)}
	}
	return nil
}

// parseKinds parses -ops: operation kinds separated by commas, each one of
// ir.OpKinds.
func parseKinds(cmd, list string) ([]ir.OpKind, error) {
	var out []ir.OpKind
	for _, f := range strings.Split(list, ",") {
		k := ir.OpKind(strings.ToLower(strings.TrimSpace(f)))
		if !slices.Contains(ir.OpKinds, k) {
			var all []string
			for _, k := range ir.OpKinds {
				all = append(all, string(k))
			}
			return nil, usageError{fmt.Sprintf("%s: -ops: %q is not an operation kind (%s)", cmd, f, strings.Join(all, ", "))}
		}
		out = append(out, k)
	}
	return out, nil
}
