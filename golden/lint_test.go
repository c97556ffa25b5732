package golden

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLint runs `docgen lint` and `docgen lint -json` on each golden/lint
// case and compares output and exit code with want.txt, want.json, exit.
func TestLint(t *testing.T) {
	dirs, err := filepath.Glob("lint/*/input")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			code, text, stderr := run("lint", in)
			jcode, js, _ := run("lint", "-json", in)
			assert.Equal(t, code, jcode)
			if *update {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "want.txt"), []byte(text), 0o644))
				require.NoError(t, os.WriteFile(filepath.Join(dir, "want.json"), []byte(js), 0o644))
				require.NoError(t, os.WriteFile(filepath.Join(dir, "exit"), []byte(strconv.Itoa(code)+"\n"), 0o644))
				return
			}
			for name, got := range map[string]string{"want.txt": text, "want.json": js} {
				want, err := os.ReadFile(filepath.Join(dir, name))
				require.NoError(t, err)
				assert.Equal(t, string(want), got, "%s/%s differs (go test ./golden -update)\nstderr: %s", dir, name, stderr)
			}
			want, err := os.ReadFile(filepath.Join(dir, "exit"))
			require.NoError(t, err)
			assert.Equal(t, strings.TrimSpace(string(want)), strconv.Itoa(code))
		})
	}
}
