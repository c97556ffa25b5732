package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// apidiffOutputs are the files an apidiff case compares, in txtar order.
var apidiffOutputs = []string{"want.txt", "want.json", "exit"}

// runAPIDiff runs `docgen apidiff old new` in dir the way a user would (text,
// -json, and both -fail-on thresholds) and returns what each want file
// should hold: the text report, the JSON report, and the exit codes for
// "-fail-on breaking" and "-fail-on any" (one "<threshold> <code>" line each).
func runAPIDiff(t *testing.T, dir string) map[string]string {
	t.Helper()
	t.Chdir(dir)
	code, text, stderr := run("apidiff", "old", "new")
	require.Equal(t, 0, code, "apidiff without -fail-on must exit 0; stderr:\n%s", stderr)
	code, js, stderr := run("apidiff", "-json", "old", "new")
	require.Equal(t, 0, code, "apidiff -json failed; stderr:\n%s", stderr)
	var exit strings.Builder
	for _, threshold := range []string{"breaking", "any"} {
		code, out, _ := run("apidiff", "-fail-on", threshold, "old", "new")
		assert.Equal(t, text, out, "-fail-on %s must not change the report", threshold)
		fmt.Fprintf(&exit, "%s %d\n", threshold, code)
	}
	return map[string]string{"want.txt": text, "want.json": js, "exit": exit.String()}
}

// TestAPIDiff runs each golden/apidiff case: a directory with old/ and new/
// page sets (real pages) or a txtar archive whose old/... and new/... files
// are the pages (synthetic cases). want.txt, want.json and exit hold the
// expected output; -update rewrites them.
func TestAPIDiff(t *testing.T) {
	dirs, err := filepath.Glob("apidiff/*/old")
	require.NoError(t, err)
	archives, err := filepath.Glob("apidiff/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	require.NotEmpty(t, archives)

	for _, old := range dirs {
		dir, err := filepath.Abs(filepath.Dir(old))
		require.NoError(t, err)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := runAPIDiff(t, dir)
			for _, name := range apidiffOutputs {
				path := filepath.Join(dir, name)
				if *update {
					require.NoError(t, os.WriteFile(path, []byte(got[name]), 0o644))
					continue
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err)
				assert.Equal(t, string(want), got[name], "%s differs (go test ./golden -update)", path)
			}
		})
	}

	for _, path := range archives {
		archive, err := filepath.Abs(path)
		require.NoError(t, err)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(archive)
			require.NoError(t, err)
			dir := t.TempDir()
			want := map[string]string{}
			var pages []txtar.File
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "old/") || strings.HasPrefix(f.Name, "new/") {
					p := filepath.Join(dir, filepath.FromSlash(f.Name))
					require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
					require.NoError(t, os.WriteFile(p, f.Data, 0o644))
					pages = append(pages, f)
				} else {
					want[f.Name] = string(f.Data)
				}
			}
			got := runAPIDiff(t, dir)
			if *update {
				ar.Files = pages
				for _, name := range apidiffOutputs {
					ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
				}
				require.NoError(t, os.WriteFile(archive, txtar.Format(ar), 0o644))
				return
			}
			for _, name := range apidiffOutputs {
				w, ok := want[name]
				assert.True(t, ok, "%s has no %s section (go test ./golden -update)", path, name)
				assert.Equal(t, w, got[name], "%s: %s differs (go test ./golden -update)", path, name)
			}
		})
	}
}

// TestAPIDiffErrors checks how apidiff reports being called wrongly (exit 2)
// and input it cannot compare (exit 1, whatever -fail-on says): a page it
// cannot read would look like API removed, so apidiff compares nothing then.
func TestAPIDiffErrors(t *testing.T) {
	old, err := filepath.Abs("apidiff/mtdconnector/old")
	require.NoError(t, err)
	dir := t.TempDir()
	t.Chdir(dir)
	require.NoError(t, os.MkdirAll("broken", 0o755))
	require.NoError(t, os.WriteFile("broken/update-thing.txt", []byte("Update thing\n\nNamespace: microsoft.graph\n\nRequest body\n\nProperty | Type | Description |\n---|---|---|\nname | String | The name. |\n"), 0o644))

	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"apidiff", old}, 2, "docgen: apidiff: want two paths, OLD and NEW; got 1\n"},
		{[]string{"apidiff", "-fail-on", "some", old, old}, 2, "docgen: apidiff: -fail-on \"some\": want breaking, any or none\n"},
		{[]string{"apidiff", old, "missing"}, 1, "docgen: missing: no such file or directory\n"},
		{[]string{"apidiff", "-fail-on", "none", old, "broken"}, 1,
			"broken/update-thing.txt:1:1: API page \"Update thing\" has no HTTP request line (expected e.g. \"PATCH /things/{id}\" under an \"HTTP request\" heading)\n" +
				"docgen: apidiff: input has errors; nothing compared\n"},
	} {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			code, stdout, stderr := run(tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Empty(t, stdout)
			assert.Equal(t, tt.stderr, stderr)
		})
	}

	// Comparing a page set with itself finds nothing, in both forms.
	code, stdout, _ := run("apidiff", "-fail-on", "any", "-json", old, old)
	assert.Equal(t, 0, code)
	assert.Equal(t, "{\n  \"changes\": [],\n  \"summary\": {\n    \"breaking\": 0,\n    \"additive\": 0,\n    \"info\": 0,\n    \"total\": 0,\n    \"oldPages\": 3,\n    \"newPages\": 3\n  }\n}\n", stdout)
}
