package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inheritedInput has a hierarchy (entity → managedAppPolicy →
// managedAppProtection → targetedManagedAppProtection →
// iosManagedAppProtection), complex types, enums, and an update operation
// of iosManagedAppProtection.
const inheritedInput = "../../golden/inherited/input"

var typeDecl = regexp.MustCompile(`(?m)^type (\w+) `)

// decls lists the types declared in the *_gen.go files of dir, sorted.
func decls(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_gen.go"))
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		if filepath.Base(f) == "wire_gen.go" { // the runtime: the same for every selection
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range typeDecl.FindAllStringSubmatch(string(data), -1) {
			names = append(names, m[1])
		}
	}
	sort.Strings(names)
	return names
}

// selected generates the models of inheritedInput for -types value and
// returns the types declared.
func selected(t *testing.T, value string) []string {
	t.Helper()
	dir := t.TempDir()
	code, _, stderr := docgen("generate", "-http=false", "-o", dir, "-pkg", "sel", "-types", value, inheritedInput)
	require.Equal(t, 0, code, "-types %s: %s", value, stderr)
	return decls(t, dir)
}

// TestTypesEnumsAndSpellings: -types takes enums, alone, and the
// qualified and @odata.type spellings of a name, in any case.
func TestTypesEnumsAndSpellings(t *testing.T) {
	for _, v := range []string{"windowsArchitecture", "microsoft.graph.windowsArchitecture", "#microsoft.graph.WindowsArchitecture", " #windowsarchitecture "} {
		assert.Equal(t, []string{"WindowsArchitecture"}, selected(t, v), "-types %q", v)
	}
	kv := selected(t, "#microsoft.graph.keyValuePair,managedBrowserType")
	assert.Contains(t, kv, "KeyValuePair")
	assert.Contains(t, kv, "ManagedBrowserType")
	assert.NotContains(t, kv, "WindowsArchitecture")
}

// TestTypesDerived: NAME+ takes the types derived from NAME along, with
// what they need, so that the Any wrapper decodes into them.
func TestTypesDerived(t *testing.T) {
	alone := selected(t, "managedAppProtection")
	assert.Contains(t, alone, "ManagedAppProtection")
	assert.Contains(t, alone, "ManagedAppPolicy", "the base chain")
	assert.NotContains(t, alone, "TargetedManagedAppProtection")
	assert.NotContains(t, alone, "IosManagedAppProtection")
	assert.NotContains(t, alone, "AppManagementLevel", "an enum only the derived types use")
	assert.NotContains(t, alone, "KeyValuePair", "a complex type only the derived types use")

	along := selected(t, "managedAppProtection+")
	for _, n := range []string{"ManagedAppProtection", "ManagedAppPolicy", "TargetedManagedAppProtection", "IosManagedAppProtection", "AppManagementLevel", "KeyValuePair"} {
		assert.Contains(t, along, n)
	}
	// The derived types come without their operations: only the named
	// types' operations are generated.
	assert.NotContains(t, along, "UpdateIosManagedAppProtectionBody")
	assert.Contains(t, selected(t, "iosManagedAppProtection"), "UpdateIosManagedAppProtectionBody")
	assert.Equal(t, along, selected(t, "microsoft.graph.managedAppProtection+"))

	if testing.Short() {
		return
	}
	// What it takes along compiles: the generated package builds alone.
	dir := filepath.Join(moduleDir(t), "sel")
	code, _, stderr := docgen("generate", "-http=false", "-o", dir, "-types", "managedAppPolicy+", inheritedInput)
	require.Equal(t, 0, code, stderr)
	require.NoError(t, os.WriteFile(filepath.Join(filepath.Dir(filepath.Dir(dir)), "go.mod"), []byte("module example.com/m\n\ngo 1.24\n"), 0o644))
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// TestTypesFile: -types @FILE reads one name a line, with "# " comments and
// blank lines, and can be mixed with names on the command line.
func TestTypesFile(t *testing.T) {
	input, err := filepath.Abs(inheritedInput)
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	require.NoError(t, os.WriteFile("types.txt", []byte("# What this program uses.\n\n  managedAppProtection+   # and what derives from it\r\n#microsoft.graph.keyValuePair\n"), 0o644))
	code, _, stderr := docgen("generate", "-http=false", "-o", "a", "-pkg", "sel", "-types", "@types.txt,windowsArchitecture", input)
	require.Equal(t, 0, code, stderr)
	code, _, stderr = docgen("generate", "-http=false", "-o", "b", "-pkg", "sel", "-types", "managedAppProtection+,keyValuePair,windowsArchitecture", input)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, decls(t, "b"), decls(t, "a"))
	assert.Contains(t, decls(t, "a"), "WindowsArchitecture")

	for _, c := range []struct{ value, want string }{
		{"@missing.txt", "docgen: generate: -types @missing.txt: no such file or directory\n"},
		{"@.", "docgen: generate: -types @.: a directory, not a regular file; refusing to read it\n"},
		{"@", "docgen: generate: -types \"@\": @ must be followed by a file name\n"},
	} {
		code, _, stderr = docgen("generate", "-http=false", "-o", "c", "-types", c.value, input)
		assert.Equal(t, 2, code, c.value)
		assert.Equal(t, c.want, stderr, c.value)
	}
	require.NoError(t, os.WriteFile("empty.txt", []byte("# nothing yet\n"), 0o644))
	code, _, stderr = docgen("generate", "-http=false", "-o", "c", "-types", "@empty.txt", input)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: generate: empty.txt: no type names in the file\n", stderr)
	_, err = os.Stat("c")
	assert.True(t, os.IsNotExist(err), "nothing may be written")
}

// TestPkgFromHandWrittenFiles: without -pkg, the package is the one the
// hand-written files in -o are in (here not the directory's name); with
// -pkg, they must agree (golden/errors/pkg-mismatch.txtar has the message).
func TestPkgFromHandWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "doc.go"), []byte("// Package graph holds the models.\npackage graph\n"), 0o644))
	code, _, stderr := docgen("generate", "-http=false", "-o", dir, smallInput)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(filepath.Join(dir, "models_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "\npackage graph\n")

	code, _, stderr = docgen("check", "-http=false", "-o", dir, "-pkg", "other", smallInput)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "docgen: check: -pkg other differs from the package of the hand-written files in ")
	assert.Contains(t, stderr, "/doc.go: package graph\n")

	// Files of two packages: say so, listing them.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "other.go"), []byte("package other\n"), 0o644))
	code, _, stderr = docgen("check", "-http=false", "-o", dir, smallInput)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "are in different packages; pass -pkg NAME and fix the others:\n")
}

// TestQuietAndVerbose: -q and -v contradict each other; with -types, -v
// prints the warnings about pages outside the selection that are otherwise
// counted.
func TestQuietAndVerbose(t *testing.T) {
	code, _, stderr := docgen("generate", "-q", "-v", "-http=false", "-o", t.TempDir(), smallInput)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: generate: -v and -q contradict each other\n", stderr)

	// The whole Intune corpus warns about many pages; a selection of one
	// enum concerns none of them.
	code, _, stderr = docgen("generate", "-http=false", "-o", t.TempDir(), "-types", "windowsArchitecture", "../../docs-src/intune")
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `^docgen: [0-9]+ warnings about pages outside the selection not shown \(-v shows them\)\n$`, stderr)
	code, _, verbose := docgen("generate", "-v", "-http=false", "-o", t.TempDir(), "-types", "windowsArchitecture", "../../docs-src/intune")
	require.Equal(t, 0, code, verbose)
	assert.Regexp(t, `: warning: `, verbose)
	assert.NotContains(t, verbose, "outside the selection")
	code, _, quiet := docgen("generate", "-q", "-http=false", "-o", t.TempDir(), "-types", "windowsArchitecture", "../../docs-src/intune")
	require.Equal(t, 0, code, quiet)
	assert.Empty(t, quiet)

	// ir prints every warning; -q none.
	code, _, stderr = docgen("ir", "../../docs-src/intune")
	require.Equal(t, 0, code)
	assert.Contains(t, stderr, ": warning: ")
	code, _, quiet = docgen("ir", "-q", "../../docs-src/intune")
	require.Equal(t, 0, code)
	assert.Empty(t, quiet)
}
