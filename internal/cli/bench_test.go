package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen-dev/docgen/emit"
)

const corpus = "../../docs-src/intune"

// corpusBytes is the size of the pages under dir.
func corpusBytes(b *testing.B, dir string) (pages int, size int64) {
	b.Helper()
	files, err := collect([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		st, err := os.Stat(filepath.FromSlash(f))
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
	}
	return len(files), size
}

// BenchmarkGenerateCorpus measures parse → resolve → emit of all of
// docs-src/intune in memory (what generate does before writing).
func BenchmarkGenerateCorpus(b *testing.B) {
	pages, size := corpusBytes(b, corpus)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		res, err := load([]string{corpus})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := emit.Generate(res.spec, emit.Options{Package: "intune"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkCheckUnchanged measures `docgen check` on an up-to-date tree.
func BenchmarkCheckUnchanged(b *testing.B) {
	out := b.TempDir()
	if code := Main([]string{"generate", "-o", out, "-pkg", "intune", corpus}, io.Discard, io.Discard); code != 0 {
		b.Fatalf("generate: exit %d", code)
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := Main([]string{"check", "-o", out, "-pkg", "intune", corpus}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("check: exit %d", code)
		}
	}
}
