package cli

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/docgen-dev/docgen/ir"
)

// provenance is how generated files name their inputs: relative to the
// root of the output's module (the directory of the nearest go.mod in the
// output directory or above it), else to the output directory itself, so
// that the output is the same whatever directory docgen runs in.
type provenance struct{ base string }

func newProvenance(out string) provenance {
	abs, err := filepath.Abs(out)
	if err != nil {
		return provenance{}
	}
	for root := abs; ; {
		if st, err := os.Stat(filepath.Join(root, "go.mod")); err == nil && !st.IsDir() {
			return provenance{base: root}
		}
		parent := filepath.Dir(root)
		if parent == root {
			return provenance{base: abs}
		}
		root = parent
	}
}

// rel names path p (relative to the working directory, or absolute)
// relative to the base, slash-separated.
func (pv provenance) rel(p string) string {
	if pv.base != "" {
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(pv.base, abs); err == nil {
				return filepath.ToSlash(rel)
			}
		}
	}
	return relPath(p)
}

// sources are the input paths as the header names them: sorted and
// de-duplicated, so that the output does not depend on the order they were
// given in.
func (pv provenance) sources(args []string) []string {
	var out []string
	for _, a := range args {
		out = append(out, pv.rel(a))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// pages says how doc comments name each page: its public URL when it has
// one, else its path.
func (pv provenance) pages(pages []ir.Page) map[string]string {
	m := make(map[string]string, len(pages))
	for _, p := range pages {
		if p.URL != "" {
			m[p.File] = p.URL
		} else {
			m[p.File] = pv.rel(filepath.FromSlash(p.File))
		}
	}
	return m
}
