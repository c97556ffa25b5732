// Package wire is the runtime that docgen copies into every generated
// package: OData EDM wire types that keep values exactly as received,
// Optional for tri-state PATCH properties, ValidationError and the checks
// behind the generated Validate methods, and the helpers of the generated
// polymorphic wrappers.
//
// The runtime imports only the standard library. It is a real package so
// that it is compiled and tested here; emit copies the declarations a
// generated package uses (see emit/runtime.go), rewriting only the package
// clause. Only the files in Files are copied: not this one, not rules.go
// (which docgen itself uses), not the tests.
package wire

import _ "embed"

// Files are the copied source files, by name.
var Files = map[string]string{
	"runtime.go": runtime,
	"poly.go":    poly,
	"unknown.go": unknown,
}

var (
	//go:embed runtime.go
	runtime string
	//go:embed poly.go
	poly string
	//go:embed unknown.go
	unknown string
)
