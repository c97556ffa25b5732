package cli

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/docgen-dev/docgen/emit"
)

// Generator benchmarks (issue 4, issue 8); results and commands are in
// BENCHMARKS.md, section "Generator speed". They run nothing unless -bench
// is given.

const (
	docsSrc = "../../docs-src"
	corpus  = docsSrc + "/intune"
)

// area is one directory under docs-src, generated as one package.
type area struct {
	name string // package name, as `make generate` uses it
	dir  string
}

// areas lists the directories under docs-src, as `make generate` does.
func areas(b *testing.B) []area {
	b.Helper()
	entries, err := os.ReadDir(docsSrc)
	if err != nil {
		b.Fatal(err)
	}
	var out []area
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, area{e.Name(), docsSrc + "/" + e.Name()})
		}
	}
	if len(out) == 0 {
		b.Fatal("no areas under " + docsSrc)
	}
	return out
}

// pageStats is the number and total size of the pages paths name.
func pageStats(b *testing.B, paths ...string) (pages int, size int64) {
	b.Helper()
	files, err := collect(paths)
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

// generate is parse → resolve → emit of paths, in memory: what `docgen
// generate` does before it compares with and writes the output directory.
func generate(b *testing.B, pkg string, paths ...string) {
	res, err := load(paths)
	if err != nil {
		b.Fatal(err)
	}
	if res.diags.HasErrors() {
		b.Fatalf("%s: input has errors: %v", pkg, res.diags)
	}
	if _, err := emit.Generate(res.spec, emit.Options{Package: pkg, ImportPath: "example.com/" + pkg}); err != nil {
		b.Fatal(err)
	}
}

func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkGenerateCorpus measures parse → resolve → emit of all of
// docs-src/intune in memory.
func BenchmarkGenerateCorpus(b *testing.B) {
	pages, size := pageStats(b, corpus)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		generate(b, "intune", corpus)
	}
	reportPages(b, pages)
}

// BenchmarkGenerateAll measures what `make generate` asks of docgen: every
// area under docs-src (seeds, intune), each into its own package, in memory.
func BenchmarkGenerateAll(b *testing.B) {
	as := areas(b)
	var pages int
	var size int64
	for _, a := range as {
		p, s := pageStats(b, a.dir)
		pages += p
		size += s
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			generate(b, a.name, a.dir)
		}
	}
	reportPages(b, pages)
}

// BenchmarkScale generates 1/4, 1/2 and all of docs-src/intune (every 4th,
// every 2nd, every page in file name order), named 1x, 2x and 4x: the input
// doubles from one to the next, so linear cost doubles ns/op and keeps
// ns/page flat. Pages whose types are documented on a page left out get
// them as raw JSON (a warning), as they would for a user who passes a
// subset.
func BenchmarkScale(b *testing.B) {
	all, err := collect([]string{corpus})
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []struct {
		name  string
		every int
	}{{"1x", 4}, {"2x", 2}, {"4x", 1}} {
		var files []string
		for i := s.every - 1; i < len(all); i += s.every {
			files = append(files, all[i])
		}
		b.Run(s.name, func(b *testing.B) {
			_, size := pageStats(b, files...)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				generate(b, "intune", files...)
			}
			reportPages(b, len(files))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/page")
		})
	}
}

// BenchmarkCheckUnchanged measures `docgen check` of docs-src/intune on an
// up-to-date output directory.
func BenchmarkCheckUnchanged(b *testing.B) {
	out := b.TempDir()
	if code := Main([]string{"generate", "-o", out, "-pkg", "intune", "-import", "example.com/intune", corpus}, io.Discard, io.Discard); code != 0 {
		b.Fatalf("generate: exit %d", code)
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := Main([]string{"check", "-o", out, "-pkg", "intune", "-import", "example.com/intune", corpus}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("check: exit %d", code)
		}
	}
}

// BenchmarkCheckAll measures what `make check` asks of docgen: `docgen
// check` of every area under docs-src on up-to-date output directories.
func BenchmarkCheckAll(b *testing.B) {
	as := areas(b)
	tmp := b.TempDir()
	var pages int
	for _, a := range as {
		p, _ := pageStats(b, a.dir)
		pages += p
		if code := Main([]string{"generate", "-o", filepath.Join(tmp, a.name), "-pkg", a.name, "-import", "example.com/" + a.name, a.dir}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("generate %s: exit %d", a.name, code)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			if code := Main([]string{"check", "-o", filepath.Join(tmp, a.name), "-pkg", a.name, "-import", "example.com/" + a.name, a.dir}, io.Discard, io.Discard); code != 0 {
				b.Fatalf("check %s: exit %d", a.name, code)
			}
		}
	}
	reportPages(b, pages)
}

// BenchmarkGenerateWrite measures `docgen generate` of docs-src/intune
// through Main, as users run it, replacing every file of the output (the
// package name alternates between two, so every file changes and the old
// HTTP layer goes): parse, resolve, emit, compare and the write phase.
func BenchmarkGenerateWrite(b *testing.B) {
	out := b.TempDir()
	pkgs := []string{"intune", "intunetwo"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if code := Main([]string{"generate", "-o", out, "-pkg", pkgs[i%2], "-import", "example.com/intune", corpus}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("generate: exit %d", code)
		}
		i++
	}
}

// BenchmarkGenerateUnchanged measures `docgen generate` of docs-src/intune
// on an up-to-date output: everything but the writes.
func BenchmarkGenerateUnchanged(b *testing.B) {
	out := b.TempDir()
	args := []string{"generate", "-o", out, "-pkg", "intune", "-import", "example.com/intune", corpus}
	if code := Main(args, io.Discard, io.Discard); code != 0 {
		b.Fatalf("generate: exit %d", code)
	}
	b.ReportAllocs()
	for b.Loop() {
		if code := Main(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("generate: exit %d", code)
		}
	}
}
