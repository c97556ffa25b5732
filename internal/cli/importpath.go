package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/docgen-dev/docgen/internal/regularfile"
)

// maxGoMod bounds the go.mod read: the largest real ones are some hundred
// kilobytes.
const maxGoMod = 16 << 20

// dirImportPath is the import path of the package in dir: the module path
// the nearest go.mod in dir or above it declares, joined with dir's path
// below that go.mod. It reads files only; it does not run the go command.
func dirImportPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for root := abs; ; {
		data, err := regularfile.Read(filepath.Join(root, "go.mod"), maxGoMod)
		switch {
		case err == nil:
			mod, err := modulePath(data)
			if err != nil {
				return "", fmt.Errorf("%s: %v", filepath.ToSlash(filepath.Join(root, "go.mod")), err)
			}
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return "", err
			}
			if rel == "." {
				return mod, nil
			}
			return mod + "/" + filepath.ToSlash(rel), nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR): // DIR itself may not be a directory
			return "", err
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", errors.New("no go.mod in the output directory or above it")
		}
		root = parent
	}
}

// modulePath is the path of the module statement of a go.mod file:
// "module example.com/m", quoted or not, with or without a comment.
func modulePath(gomod []byte) (string, error) {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != "module" {
			continue
		}
		if len(f) != 2 {
			return "", errors.New("cannot read the module statement")
		}
		p := f[1]
		if p[0] == '"' || p[0] == '`' {
			u, err := strconv.Unquote(p)
			if err != nil {
				return "", errors.New("cannot read the module statement")
			}
			p = u
		}
		return p, nil
	}
	return "", errors.New("no module statement")
}
