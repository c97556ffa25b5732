// Package golden holds docgen's golden test cases and the test that walks
// them through the same cli.Main users run. See README.md in this directory.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/docgen-dev/docgen/internal/cli"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing")

// cases are the directories holding an input/ folder.
func cases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(e.Name(), "input")); err == nil {
				out = append(out, e.Name())
			}
		}
	}
	require.NotEmpty(t, out, "no golden cases found")
	return out
}

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = cli.Main(args, &o, &e)
	return code, o.String(), e.String()
}

// genFiles reads the *_gen.go files of dir and of its subdirectories (the
// HTTP layer's package), by slash path below dir.
func genFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	matches, err := filepath.Glob(filepath.Join(dir, "*_gen.go"))
	require.NoError(t, err)
	more, err := filepath.Glob(filepath.Join(dir, "*", "*_gen.go"))
	require.NoError(t, err)
	for _, m := range append(matches, more...) {
		data, err := os.ReadFile(m)
		require.NoError(t, err)
		rel, err := filepath.Rel(dir, m)
		require.NoError(t, err)
		out[filepath.ToSlash(rel)] = string(data)
	}
	return out
}

// module is the module path of this repository: the import path of a
// golden case's want/ is module + "/golden/<case>/want".
const module = "github.com/docgen-dev/docgen"

func keys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	sort.Strings(k)
	return k
}

// TestGolden generates each case into a temporary directory and compares the
// whole file set, and the IR, with the committed want/ and ir.json. The
// output is generated as the package want/ is (-import), since the HTTP
// layer imports it.
func TestGolden(t *testing.T) {
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			input := name + "/input"
			// Generated files name their pages relative to the output's
			// module: generate inside this module, as into want/ (in a dot
			// directory, which the go command ignores).
			tmp, err := os.MkdirTemp(name, ".out-")
			require.NoError(t, err)
			t.Cleanup(func() { os.RemoveAll(tmp) })
			out := tmp
			if *update {
				out = filepath.Join(name, "want")
			}
			code, _, stderr := run("generate", "-o", out, "-pkg", name, "-import", module+"/golden/"+name+"/want", input)
			require.Equal(t, 0, code, "generate failed:\n%s", stderr)

			_, irJSON, irErr := run("ir", input)
			if *update {
				require.NoError(t, os.WriteFile(filepath.Join(name, "ir.json"), []byte(irJSON), 0o644))
				return
			}
			_ = irErr
			want := genFiles(t, filepath.Join(name, "want"))
			got := genFiles(t, out)
			assert.Equal(t, keys(want), keys(got), "generated file set differs (run: go test ./golden -update)")
			for n, w := range want {
				if g, ok := got[n]; ok {
					assert.Equal(t, w, g, "%s/want/%s differs (run: go test ./golden -update)", name, n)
				}
			}
			wantIR, err := os.ReadFile(filepath.Join(name, "ir.json"))
			require.NoError(t, err)
			assert.Equal(t, string(wantIR), irJSON, "%s/ir.json differs (run: go test ./golden -update)", name)
		})
	}
}

// TestErrors runs each errors/*.txtar case: the archive's files are the
// input pages, "args" (optional) the command line after "docgen", "stderr"
// the expected diagnostics and "exit" the expected exit code (default 1;
// 0 for warning-only cases). A failing generate must leave no output
// directory behind.
func TestErrors(t *testing.T) {
	archives, err := filepath.Glob("errors/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, archives)
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			require.NoError(t, err)
			archive, err := filepath.Abs(path)
			require.NoError(t, err)
			dir := t.TempDir()
			// The output goes into a module, as with go generate.
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/errors\n"), 0o644))
			var args []string
			var wantStderr string
			wantCode, stderrIdx := 1, -1
			for i, f := range ar.Files {
				switch f.Name {
				case "args":
					args = strings.Fields(string(f.Data))
				case "stderr":
					wantStderr, stderrIdx = string(f.Data), i
				case "exit":
					wantCode, err = strconv.Atoi(strings.TrimSpace(string(f.Data)))
					require.NoError(t, err)
				default:
					p := filepath.Join(dir, filepath.FromSlash(f.Name))
					require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
					require.NoError(t, os.WriteFile(p, f.Data, 0o644))
				}
			}
			if args == nil {
				args = []string{"generate", "-o", "out", "pages"}
			}
			// An archive may put files in out/ (hand-written ones): then it
			// exists before the run.
			_, statErr := os.Stat(filepath.Join(dir, "out"))
			outBefore := statErr == nil
			t.Chdir(dir)
			code, _, stderr := run(args...)
			if *update {
				if stderrIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "stderr"})
					stderrIdx = len(ar.Files) - 1
				}
				ar.Files[stderrIdx].Data = []byte(stderr)
				require.NoError(t, os.WriteFile(archive, txtar.Format(ar), 0o644))
				return
			}
			assert.Equal(t, wantCode, code, "exit code; stderr:\n%s", stderr)
			assert.Equal(t, wantStderr, stderr)
			if code != 0 && !outBefore {
				_, statErr := os.Stat(filepath.Join(dir, "out"))
				assert.True(t, os.IsNotExist(statErr), "a failed generate must not create its output directory")
			}
		})
	}
}
