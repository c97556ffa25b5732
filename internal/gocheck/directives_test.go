package gocheck

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDirectives(t *testing.T) {
	src := `// Package p.
package p

//go:generate touch PWNED
// go:generate is prose here.
// //go:generate touch PWNED, written after "// ", is prose too.
//line other.go:1
/*line other.go:2*/
//export F
// +build linux
//+build linux
// #cgo LDFLAGS: -lx
// \+build and \#cgo are broken by the backslash.
/*
#cgo CFLAGS: -DX
*/

//go:noinline
func F() {}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"//go:generate touch PWNED",
		"//line other.go:1",
		"/*line other.go:2*/",
		"//export F",
		"// +build linux",
		"//+build linux",
		"// #cgo LDFLAGS: -lx",
		"#cgo CFLAGS: -DX",
		"//go:noinline",
	}, Directives(f))
}

func TestStray(t *testing.T) {
	own, err := Own(map[string]string{"w.go": "package w\n\n//go:noinline\nfunc f() {}\n"})
	require.NoError(t, err)
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", "package p\n\n//go:noinline\nfunc f() {}\n\n// x\n//go:generate touch PWNED\nfunc g() {}\n", parser.ParseComments)
	require.NoError(t, err)
	assert.Equal(t, []string{"//go:generate touch PWNED"}, Stray(f, own))
}
