package cli_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// determinismInputs are docs-src/seeds (text), about 100 pages spread over
// docs-src/intune (markdown; API, resource and enum pages) and the HTML
// pages of golden/htmlconnector, so that all three front ends take part,
// as individual paths relative to this directory, sorted.
func determinismInputs(t *testing.T) []string {
	t.Helper()
	var intune []string
	err := filepath.WalkDir("../../docs-src/intune/api-reference", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			intune = append(intune, filepath.ToSlash(p))
		}
		return err
	})
	require.NoError(t, err)
	slices.Sort(intune)
	seeds, err := filepath.Glob("../../docs-src/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, seeds)
	var out []string
	for _, s := range seeds {
		out = append(out, filepath.ToSlash(s))
	}
	for i := 0; i < len(intune); i += max(1, len(intune)/100) {
		out = append(out, intune[i])
	}
	html, err := filepath.Glob("../../golden/htmlconnector/input/*/*.html")
	require.NoError(t, err)
	require.NotEmpty(t, html)
	for _, h := range html {
		out = append(out, filepath.ToSlash(h))
	}
	slices.Sort(out)
	require.Greater(t, len(out), 90)
	return out
}

// TestDeterminism generates the same pages with the paths given in forward,
// reversed and shuffled order (the reversed run with absolute paths), with
// GOMAXPROCS 1 and 2, and requires byte-identical output; the output must
// name no absolute path, home directory, host name or date.
func TestDeterminism(t *testing.T) {
	inputs := determinismInputs(t)
	abs := make([]string, len(inputs))
	for i, p := range inputs {
		a, err := filepath.Abs(p)
		require.NoError(t, err)
		abs[i] = a
	}
	reversed := slices.Clone(abs)
	slices.Reverse(reversed)
	shuffled := slices.Clone(inputs)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first map[string][]byte
	var firstName string
	for _, procs := range []int{1, 2} {
		for _, order := range []struct {
			name  string
			paths []string
		}{{"forward", inputs}, {"reversed absolute", reversed}, {"shuffled", shuffled}} {
			runtime.GOMAXPROCS(procs)
			name := order.name + ", GOMAXPROCS=" + string(rune('0'+procs))
			dir := moduleDir(t)
			code, _, stderr := docgen(append([]string{"generate", "-o", dir, "-pkg", "det"}, order.paths...)...)
			require.Equal(t, 0, code, "%s:\n%s", name, stderr)
			got := snapshot(t, dir)
			if first == nil {
				first, firstName = got, name
				checkNoHostData(t, got, dir)
				continue
			}
			require.Equal(t, names(first), names(got), "%s vs %s: file sets differ", name, firstName)
			for n, data := range first {
				assert.True(t, bytes.Equal(data, got[n]), "%s: %s differs from the %s run", n, name, firstName)
			}
		}
	}
}

// checkNoHostData asserts the output names nothing about the machine or the
// moment it was generated on.
func checkNoHostData(t *testing.T, files map[string][]byte, outDir string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	needles := map[string]string{
		"output directory":  outDir,
		"temp directory":    os.TempDir(),
		"working directory": wd,
		"module root":       filepath.Dir(filepath.Dir(wd)),
	}
	if home, err := os.UserHomeDir(); err == nil && len(home) > 1 {
		needles["home directory"] = home
	}
	if host, err := os.Hostname(); err == nil && len(host) >= 4 {
		needles["host name"] = host
	}
	if u := os.Getenv("USER"); len(u) >= 4 {
		needles["user name"] = u
	}
	now := time.Now()
	for _, layout := range []string{"2006-01-02", "2006/01/02", "02 Jan 2006", "Jan 2, 2006", "Jan _2 2006", "20060102"} {
		needles["date "+layout] = now.Format(layout)
	}
	for n, data := range files {
		for what, needle := range needles {
			// A whole path or word: "/root" must not match "/rootCertificate".
			re := regexp.MustCompile(`(^|[^\w.-])` + regexp.QuoteMeta(needle) + `([^\w.-]|$)`)
			if loc := re.FindIndex(data); loc != nil {
				t.Errorf("%s:%d contains the %s %q", n, 1+bytes.Count(data[:loc[0]], []byte("\n")), what, needle)
			}
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "source:") && strings.Contains(line, "/") {
				for _, f := range strings.Fields(line)[2:] {
					assert.False(t, filepath.IsAbs(f) || strings.HasPrefix(f, "~"), "%s:%d names the source %q by an absolute path", n, i+1, f)
				}
			}
		}
	}
}

// TestHeaderRecordsFlags: every generated file records the flags given
// that shape the output, in name order, so that a reader can run docgen
// again; not -o (a directory) or -v, -strict and -lock-timeout.
func TestHeaderRecordsFlags(t *testing.T) {
	dir := moduleDir(t)
	code, _, stderr := docgen("generate", "-v", "-types", "mobileThreatDefenseConnector", "-pkg", "det", "-http=false", "-o", dir, "../../docs-src/seeds")
	require.Equal(t, 0, code, stderr)
	files := snapshot(t, dir)
	require.NotEmpty(t, files)
	for n, data := range files {
		lines := strings.SplitN(string(data), "\n", 4)
		require.Len(t, lines, 4, n)
		assert.Equal(t, "// flags: -http=false -pkg=det -types=mobileThreatDefenseConnector", lines[2], n)
	}
}
