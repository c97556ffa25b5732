package golden

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// TestDrift runs each drift/*.txtar case, the golden tests of docgen check
// and docgen diff. The archive's pages/ files are the input; docgen
// generate writes them to out/ (package "thing", in the module
// example.com/drift); then the output directory is changed as the archive
// says:
//
//	-- append/out/NAME --   appends the section to out/NAME
//	-- delete/out/NAME --   deletes out/NAME
//	-- write/out/NAME --    writes the section to out/NAME
//
// and "args" (one line, after "docgen") runs. Its stdout, stderr and exit
// code must equal the "stdout", "stderr" and "exit" sections, and out/ must
// be byte for byte what it was before: check and diff write nothing.
func TestDrift(t *testing.T) {
	archives, err := filepath.Glob("drift/*.txtar")
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
			t.Chdir(dir)
			require.NoError(t, os.WriteFile("go.mod", []byte("module example.com/drift\n"), 0o644))
			sections := map[string]int{}
			for i, f := range ar.Files {
				sections[f.Name] = i
				if strings.HasPrefix(f.Name, "pages/") {
					require.NoError(t, os.MkdirAll(filepath.Dir(f.Name), 0o755))
					require.NoError(t, os.WriteFile(f.Name, f.Data, 0o644))
				}
			}
			code, _, stderr := run("generate", "-o", "out", "-pkg", "thing", "pages")
			require.Equal(t, 0, code, stderr)
			for _, f := range ar.Files {
				op, file, ok := strings.Cut(f.Name, "/")
				if !ok || !strings.HasPrefix(file, "out/") {
					continue
				}
				switch op {
				case "append":
					fh, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
					require.NoError(t, err)
					_, err = fh.Write(f.Data)
					require.NoError(t, err)
					require.NoError(t, fh.Close())
				case "delete":
					require.NoError(t, os.Remove(file))
				case "write":
					require.NoError(t, os.WriteFile(file, f.Data, 0o644))
				}
			}
			i, ok := sections["args"]
			require.True(t, ok, "%s has no args section", path)
			args := strings.Fields(string(ar.Files[i].Data))
			before := snapshotDir(t, "out")
			code, stdout, stderr := run(args...)
			assert.Equal(t, before, snapshotDir(t, "out"), "docgen %s changed out/", args[0])
			got := map[string]string{"stdout": stdout, "stderr": stderr, "exit": strconv.Itoa(code) + "\n"}
			if *update {
				for _, s := range []string{"stdout", "stderr", "exit"} {
					if i, ok := sections[s]; ok {
						ar.Files[i].Data = []byte(got[s])
					} else {
						ar.Files = append(ar.Files, txtar.File{Name: s, Data: []byte(got[s])})
					}
				}
				require.NoError(t, os.WriteFile(archive, txtar.Format(ar), 0o644))
				return
			}
			for _, s := range []string{"stdout", "stderr", "exit"} {
				i, ok := sections[s]
				require.True(t, ok, "%s has no %s section (go test ./golden -update)", path, s)
				assert.Equal(t, string(ar.Files[i].Data), got[s], "%s differs", s)
			}
		})
	}
}

// snapshotDir reads every file below dir, by slash path.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(p)] = string(data)
		return err
	})
	require.NoError(t, err)
	return out
}
