// Package httpwire is the HTTP runtime that docgen copies into every
// generated HTTP layer (the package <pkg>http): Client and Requests, the
// unexported helpers every Client method and request builder calls, the
// typed GraphError, and the fake-server handlers' shared machinery (Route,
// opHandler).
//
// The code here never varies with the documentation: it is real Go,
// compiled, vetted and tested in this package, and emit copies the
// declarations a generated package uses (see emit/runtime.go), rewriting
// only the package clause. provided.go stands for what the generated code
// declares itself and is never copied; neither is this file or any test.
package httpwire

import _ "embed"

// Files are the copied source files, by name.
var Files = map[string]string{
	"client.go": client,
	"errors.go": errorsGo,
	"fake.go":   fake,
	"server.go": server,
}

// Provided is the source of provided.go: what the generated code declares.
//
//go:embed provided.go
var Provided string

var (
	//go:embed client.go
	client string
	//go:embed errors.go
	errorsGo string
	//go:embed fake.go
	fake string
	//go:embed server.go
	server string
)
