// Package cli implements the docgen command line. It is the only package that
// touches the disk: it reads pages, runs the pure parse → resolve → emit
// pipeline, and writes or compares output.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitInput = 1 // input errors or drift
	ExitUsage = 2
)

const usage = `docgen turns Microsoft Graph documentation pages into Go models.

Usage:
  docgen generate -o DIR [-pkg NAME] PATH...   write the Go package for the pages
  docgen check    -o DIR [-pkg NAME] PATH...   exit 1 and list stale, missing and orphaned files
                                               if DIR differs from what generate would write
  docgen diff     -o DIR [-pkg NAME] PATH...   print a unified diff of what generate would change
  docgen ir       [-q] PATH...                 print the IR as JSON
  docgen lint     [-json] PATH...              report what is wrong in the pages themselves
  docgen apidiff  [-json] [-fail-on breaking|any|none] [-types NAME,...] OLD NEW
                                               report API changes between two page sets,
                                               classified breaking, additive or info
                                               (with -types, of the selection only)
  docgen fetch    -o DIR URL...                save doc pages to DIR with provenance
                                               (DIR/docgen-fetch.json)
  docgen fetch    -refresh DIR                 re-download the pages in DIR's manifest
  docgen version                               print the version

generate, check and diff also take -types NAME,... to generate only those types
or enums (as the docs name them, qualified or not, or as @odata.type does:
#microsoft.graph.x) and what they need; NAME+ takes the types derived from NAME
along, and @FILE reads names from FILE, one a line ("# " starts a comment).
-http=false leaves out the HTTP layer (request builders, Client, fake server).
-unknown=drop generates models that drop the JSON members their docs do not
document (by default they keep them in Unknown and write them back).
They, and fetch, wait up to -lock-timeout (default 1m) for another docgen run
on DIR. Without -pkg the package is that of the hand-written .go files in DIR,
else named after DIR; -pkg must agree with those files.

-q prints errors only; -v prints every warning. With -types, warnings about
pages outside the selection are counted, not printed, unless -v.

A page that cannot be read is reported and skipped, and what depends on it is
left out; the run fails only if that touches what -types selects. -strict
(generate, check, diff, ir) fails on any error instead, writing nothing.

A PATH is a page (.md, .markdown, .html, .htm, .xhtml, .txt, .text; other files
named directly are sniffed) or a directory read recursively for those extensions (README*,
SOURCE*, MANIFEST*, LICENSE*, NOTICE*, CHANGELOG* and dot-files are skipped).
Exit status: 0 ok, 1 input errors or drift (apidiff: a change at the -fail-on
level; fetch: a page failed), 2 usage error.
`

// Main runs docgen with args (without the program name) and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "generate":
		err = runGenerate(rest, stdout, stderr, modeWrite)
	case "check":
		err = runGenerate(rest, stdout, stderr, modeCheck)
	case "diff":
		err = runGenerate(rest, stdout, stderr, modeDiff)
	case "ir":
		err = runIR(rest, stdout, stderr)
	case "lint":
		err = runLint(rest, stdout, stderr)
	case "apidiff":
		err = runAPIDiff(rest, stdout, stderr)
	case "fetch":
		err = runFetch(rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "docgen", Version())
		return ExitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	default:
		fmt.Fprintf(stderr, "docgen: unknown command %q\n\n%s", cmd, usage)
		return ExitUsage
	}
	return exitCode(err, stderr)
}

// usageError marks errors in how docgen was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// silentError carries an exit code whose message was already printed.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	var se silentError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &ue):
		for _, line := range strings.Split(ue.msg, "\n") { // every line says who is talking
			fmt.Fprintf(stderr, "docgen: %s\n", line)
		}
		return ExitUsage
	case errors.Is(err, flag.ErrHelp):
		return ExitOK // asked for: flag printed the subcommand's usage, as docgen -h does
	}
	fmt.Fprintf(stderr, "docgen: %v\n", err)
	return ExitInput
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("docgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return silentError{ExitUsage} // flag already printed the problem
	}
	return nil
}

// Version is the module version docgen was built from (what "go get
// -tool ...@vX.Y.Z" pinned); in a build from a checkout, "devel" and the VCS
// revision; else "devel".
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && s.Value != "" {
			return "devel " + s.Value
		}
	}
	return "devel"
}

func runIR(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ir", stderr)
	strict := fs.Bool("strict", false, "exit 1 if any page has an error; by default a page that cannot be read is skipped (listed under \"skipped\")")
	quiet := fs.Bool("q", false, "print errors only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ir: no input PATH given"}
	}
	res, err := load(fs.Args())
	if err != nil {
		return err
	}
	printDiagnostics(stderr, res.diags, shown{all: !*quiet, quiet: *quiet})
	out, err := json.MarshalIndent(res.spec, "", "  ")
	if err != nil {
		return err
	}
	stdout.Write(append(out, '\n'))
	return res.verdict("ir", *strict, *quiet, stderr, "the IR above is incomplete")
}

// defaultPkg is the package name for output directory dir: its last
// element, made a valid name, resolved against the working directory first
// so that "-o ." (the go:generate case) names the directory, not ".".
func defaultPkg(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return sanitizePkg(dir)
}

// sanitizePkg derives a package name from a directory name.
func sanitizePkg(dir string) string {
	base := dir
	if i := strings.LastIndexAny(strings.TrimRight(dir, `/\`), `/\`); i >= 0 {
		base = strings.TrimRight(dir, `/\`)[i+1:]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if (r >= 'a' && r <= 'z') || (b.Len() > 0 && r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "models"
	}
	return b.String()
}
