package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBlocks are the fenced code blocks of README.md, dedented (list
// items indent theirs), with their info strings.
func readmeBlocks(t *testing.T) []readmeBlock {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	var blocks []readmeBlock
	var cur *readmeBlock
	indent := ""
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if cur == nil {
			if info, ok := strings.CutPrefix(trimmed, "```"); ok {
				cur = &readmeBlock{info: info}
				indent = line[:len(line)-len(trimmed)]
			}
			continue
		}
		if trimmed == "```" {
			blocks = append(blocks, *cur)
			cur = nil
			continue
		}
		cur.text += strings.TrimPrefix(line, indent) + "\n"
	}
	return blocks
}

type readmeBlock struct{ info, text string }

// readmeBlock is the one block of README.md that contains marker.
func findBlock(t *testing.T, blocks []readmeBlock, marker string) string {
	t.Helper()
	var found []string
	for _, b := range blocks {
		if strings.Contains(b.text, marker) {
			found = append(found, b.text)
		}
	}
	require.Len(t, found, 1, "README.md must have one code block with %q", marker)
	return found[0]
}

// TestREADMESnippets runs what "Using docgen in your repository" in
// README.md shows, taken from README.md itself so that the test fails when
// the README drifts: the install command into a module on the oldest Go
// the README names, the package with its go:generate line (generate), the
// CI drift check (check) and the refresh commands (apidiff, generate
// again). The pages are those of examples/ (the module the README says
// does exactly this), vendored as the README's docs/.
// The fetch -refresh line needs the network and a manifest; the fetch
// tests in internal/cli run it against httptest.
func TestREADMESnippets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	blocks := readmeBlocks(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	base := t.TempDir()
	mod := filepath.Join(base, "user")
	require.NoError(t, os.MkdirAll(mod, 0o755))
	gomod := "module example.com/user\n\ngo " + oldestGo + "\n\nreplace github.com/docgen-dev/docgen => " + filepath.ToSlash(root) + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644))

	// 1. Install. The replace directive answers for any version.
	install := regexp.MustCompile(`(?m)^go get -tool (github\.com/docgen-dev/docgen/cmd/docgen)@vX\.Y\.Z$`).FindStringSubmatch(findBlock(t, blocks, "go get -tool"))
	require.NotNil(t, install, "the install snippet")
	offlineGo(t, mod, "get", "-tool", install[1]+"@v0.0.0")
	assert.Equal(t, oldestGo, goDirective(t, mod), "installing docgen must not raise the go line")
	assert.Equal(t, "docgen v0.0.0\n", string(offlineGo(t, mod, "tool", "docgen", "version")), "docgen version names the version pinned")

	// 2. Vendor the pages.
	require.NoError(t, os.CopyFS(filepath.Join(mod, "docs"), os.DirFS(filepath.Join(root, "examples", "docs"))))

	// 3. The package with its go:generate line, and 4. go generate.
	pkgSrc := findBlock(t, blocks, "//go:generate go tool docgen generate")
	pkg := regexp.MustCompile(`(?m)^package (\w+)$`).FindStringSubmatch(pkgSrc)
	require.NotNil(t, pkg, "the go:generate snippet has a package clause")
	dir := filepath.Join(mod, pkg[1])
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "doc.go"), []byte(pkgSrc), 0o644))
	offlineGo(t, mod, "generate", "./...")
	offlineGo(t, mod, "vet", "./...") // the models and graphhttp compile, standard library only
	assert.FileExists(t, filepath.Join(dir, "models_gen.go"))
	assert.FileExists(t, filepath.Join(dir, pkg[1]+"http", "client_gen.go"))

	// 5. The CI drift check, in its working directory.
	ci := findBlock(t, blocks, "docgen drift check")
	wd := regexp.MustCompile(`(?m)^\s*working-directory: (\S+)$`).FindStringSubmatch(ci)
	run := regexp.MustCompile(`(?m)^\s*run: go (tool docgen check .*)$`).FindStringSubmatch(ci)
	require.NotNil(t, wd, "the CI step's working-directory")
	require.NotNil(t, run, "the CI step's run line")
	offlineGo(t, filepath.Join(mod, wd[1]), strings.Fields(run[1])...)

	// 7. Refresh (here: the same pages), compare, regenerate.
	steps := findBlock(t, blocks, "docgen apidiff -fail-on")
	ran := 0
	for _, line := range strings.Split(steps, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			continue
		case len(f) == 4 && f[0] == "cp" && f[1] == "-r":
			require.NoError(t, os.CopyFS(filepath.Join(mod, filepath.FromSlash(f[3])), os.DirFS(filepath.Join(mod, filepath.FromSlash(f[2])))))
		case len(f) > 3 && f[0] == "go" && f[1] == "tool" && f[2] == "docgen" && f[3] == "fetch":
			// needs the network (see above)
		case f[0] == "go":
			out := string(offlineGo(t, mod, f[1:]...))
			if strings.Contains(line, "apidiff") {
				assert.Contains(t, out, "0 changes: 0 breaking, 0 additive, 0 info")
			}
		default:
			t.Fatalf("README step 7: a command this test does not know how to run: %q", line)
		}
		ran++
	}
	assert.Equal(t, 4, ran, "README step 7's commands")
	// Regenerating the same pages changes nothing: the check still passes.
	offlineGo(t, filepath.Join(mod, wd[1]), strings.Fields(run[1])...)
}
