package main

import (
	"encoding/json"
	"go/version"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offlineGo runs the go command in dir without the network: only the module
// cache answers (the test needs the modules docgen builds from, which
// "go test" has downloaded), so the test runs offline.
func offlineGo(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local", "GOWORK=off")
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
	}
	require.NoError(t, err)
	return out
}

// goDirective is the go line of the go.mod in dir.
func goDirective(t *testing.T, dir string) string {
	t.Helper()
	var f struct{ Go string }
	require.NoError(t, json.Unmarshal(offlineGo(t, dir, "mod", "edit", "-json"), &f))
	require.NotEmpty(t, f.Go, "%s/go.mod has no go line", dir)
	return f.Go
}

// TestBuildListGoVersion: no module in docgen's build list asks for a newer
// Go than docgen's go.mod declares, so a module on that Go can take docgen
// as a tool without its go line being raised.
func TestBuildListGoVersion(t *testing.T) {
	root := filepath.Join("..", "..")
	declared := goDirective(t, root)
	dec := json.NewDecoder(strings.NewReader(string(offlineGo(t, root, "list", "-m", "-json", "all"))))
	n := 0
	for {
		var m struct {
			Path, Version, GoVersion string
		}
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else {
			require.NoError(t, err)
		}
		n++
		if m.GoVersion != "" {
			assert.False(t, version.Compare("go"+declared, "go"+m.GoVersion) < 0, "%s@%s needs go %s, newer than go.mod's go %s", m.Path, m.Version, m.GoVersion, declared)
		}
	}
	assert.Greater(t, n, 5, "the build list has docgen's dependencies")
}

// oldestGo is the oldest Go the README promises docgen and its output run
// on; go.mod must not declare a newer one.
const oldestGo = "1.24.0"

// TestGoGetToolKeepsGoLine: "go get -tool" of docgen into a module on the
// oldest Go the README names leaves its go line alone (and adds no
// toolchain line).
func TestGoGetToolKeepsGoLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	declared := goDirective(t, root)
	assert.LessOrEqual(t, version.Compare("go"+declared, "go"+oldestGo), 0, "go.mod declares go %s, newer than %s", declared, oldestGo)
	dir := t.TempDir()
	gomod := "module example.com/user\n\ngo " + oldestGo + "\n\nreplace github.com/docgen-dev/docgen => " + filepath.ToSlash(root) + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	offlineGo(t, dir, "get", "-tool", "github.com/docgen-dev/docgen/cmd/docgen")
	assert.Equal(t, oldestGo, goDirective(t, dir))
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	assert.NotContains(t, string(data), "\ntoolchain ")
	assert.Contains(t, string(data), "\ntool github.com/docgen-dev/docgen/cmd/docgen\n")
}
