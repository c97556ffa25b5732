package httpwire

// The generated package declares what this file declares, with values
// that depend on the documentation: emit does not copy it (see
// emit/runtime.go), and writes its own declarations instead.

// defaultBaseURL is the service root of a Client or Requests with no
// BaseURL.
const defaultBaseURL = "https://graph.microsoft.com/beta"

// NewFake returns a Fake that serves every documented operation of the
// package; the generated one lists them.
func NewFake() *Fake { return newFake(nil) }
