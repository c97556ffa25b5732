// Package graph holds the Microsoft Graph models this program uses, generated
// by docgen from the pages vendored in ../docs. Regenerate with go generate;
// CI runs `go tool docgen check` with the same flags.
package graph

//go:generate go tool docgen generate -o . -pkg graph -types mobileThreatDefenseConnector,windowsManagedAppProtection ../docs
