// Package wire is the runtime that docgen copies into every generated
// package: OData EDM wire types that keep values exactly as received,
// Optional for tri-state PATCH properties, and ValidationError for the
// generated Validate methods.
//
// The runtime is the single file runtime.go, which imports only the standard
// library. It is a real package so that it is compiled and tested here; the
// emitter copies Source, rewriting only its package clause. Nothing else in
// this directory is copied.
package wire

import _ "embed"

// Source is the text of runtime.go.
//
//go:embed runtime.go
var Source string

// Names are the exported top-level identifiers that runtime.go declares;
// generated types must not take them. A test keeps the list exact.
var Names = []string{
	"Binary",
	"NewBinary",
	"Date",
	"DateTimeOffset",
	"Double",
	"Duration",
	"ErrDurationNotFixed",
	"ErrDurationPrecision",
	"ErrDurationRange",
	"Guid",
	"NewDate",
	"NewDateTimeOffset",
	"NewDuration",
	"Null",
	"Optional",
	"Problem",
	"Some",
	"Stream",
	"TimeOfDay",
	"ValidationError",
}
