package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDownstreamExample runs the examples/ module the way a user does:
// `go generate` (docgen as a `tool` of that module, through a replace of this
// one), the drift check as CI would run it, and `go test`. Offline: the
// module cache already holds everything (GOPROXY=off).
func TestDownstreamExample(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	dir, err := filepath.Abs("../examples")
	require.NoError(t, err)
	before := genFiles(t, filepath.Join(dir, "graph"))
	require.NotEmpty(t, before)
	for _, step := range []struct {
		dir  string
		args []string
	}{
		{dir, []string{"generate", "./..."}},
		{filepath.Join(dir, "graph"), []string{"tool", "docgen", "check", "-o", ".", "-pkg", "graph",
			"-types", "mobileThreatDefenseConnector,windowsManagedAppProtection", "../docs"}},
		{dir, []string{"vet", "./..."}},
		{dir, []string{"test", "./..."}},
	} {
		cmd := exec.Command(goBin, step.args...)
		cmd.Dir = step.dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %v in %s:\n%s", step.args, step.dir, out)
	}
	require.Equal(t, before, genFiles(t, filepath.Join(dir, "graph")),
		"examples/graph is stale: run go generate ./... in examples/ and commit it")
}
