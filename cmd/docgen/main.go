// Command docgen generates small, exact Go models from Microsoft Graph
// documentation pages (markdown, rendered HTML or plain-text captures).
//
// Usage:
//
//	docgen generate -o DIR [-pkg NAME] PATH...
//	docgen check    -o DIR [-pkg NAME] PATH...
//	docgen ir       PATH...
//	docgen version
//
// Run "docgen help" for details.
package main

import (
	"os"

	"github.com/docgen-dev/docgen/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
