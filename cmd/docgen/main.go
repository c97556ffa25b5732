// Command docgen generates small, exact Go models from Microsoft Graph
// documentation pages (markdown, rendered HTML or plain-text captures).
//
// Usage:
//
//	docgen generate -o DIR [-pkg NAME] [-types NAMES] [-http=false] [-unknown=drop] PATH...
//	docgen check    -o DIR [-pkg NAME] [-types NAMES] [-http=false] [-unknown=drop] PATH...
//	docgen diff     -o DIR [-pkg NAME] [-types NAMES] [-http=false] [-unknown=drop] PATH...
//	docgen ir       PATH...
//	docgen lint     [-json] PATH...
//	docgen apidiff  [-json] [-fail-on breaking|any|none] OLD NEW
//	docgen fetch    -o DIR URL...
//	docgen fetch    -refresh DIR
//	docgen version
//
// Run "docgen help" for details.
package main

import (
	"os"
	"runtime/debug"

	"github.com/docgen-dev/docgen/internal/cli"
)

func main() {
	// docgen allocates a lot of short-lived parse and render data: collecting
	// half as often cuts its CPU time by about an eighth for about 115 MB
	// more memory on the whole Intune corpus (BENCHMARKS.md). GOGC, when
	// set, still decides.
	if _, ok := os.LookupEnv("GOGC"); !ok {
		debug.SetGCPercent(200)
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
