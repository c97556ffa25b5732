package golden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/ir"
	docparser "github.com/docgen-dev/docgen/parser"
)

// hostileCase is one page set written to attack the generator, and what it
// must do with it: generate code that type-checks and keeps every piece of
// documentation text inside comments and string literals, or fail with a
// positioned error and write nothing.
type hostileCase struct {
	name  string
	pages map[string][]byte // file name under pages/ → content
	// fails is empty when the case must generate; otherwise a piece of the
	// positioned error it must fail with.
	fails string
	// find are documentation fragments that must occur in the output (and,
	// like every fragment, only inside comments or string literals): they
	// show that the scan looked at the text it was meant to.
	find []string
}

// TestHostile runs every hostile case (golden/hostile/*.txtar and the
// generated ones below) through cli.Main as users run it and checks its
// outcome. For a case that generates it asserts that:
//
//   - every file parses, and the package type-checks (go/types with
//     importer.Default; skipped under -short);
//   - the output is valid UTF-8 with no control, line-separator or invisible
//     format characters (bidirectional overrides, zero-width spaces);
//   - every documentation-derived fragment (see fragments) that occurs in the
//     output lies entirely inside a comment or a string literal;
//   - the package-level declarations are exactly the fixed runtime and
//     helper declarations plus the names the IR assigned: nothing else (no
//     init, no stray func or var), and every IR type, enum and member is
//     declared under its IR Go name.
//
// For a case that fails it asserts exit code 1, a "pages/file:line:col:
// message" line on stderr, and no output directory.
//
// In the archives, a page may write {{U+XXXX}} for a code point and {{0xXX}}
// for a byte, so that the archives stay readable text.
func TestHostile(t *testing.T) {
	all := append(hostileArchives(t), generatedHostile()...)
	fixed := fixedDecls(t)
	imp := importer.Default()
	for _, c := range all {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range c.pages {
				p := filepath.Join(dir, "pages", filepath.FromSlash(name))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, data, 0o644))
			}
			t.Chdir(dir)
			code, _, stderr := run("generate", "-o", "out", "-pkg", "hostile", "pages")
			if c.fails != "" {
				assert.Equal(t, 1, code, "exit code; stderr:\n%s", stderr)
				re := regexp.MustCompile(`(?m)^pages/[^:\s]+:\d+:\d+: .*` + regexp.QuoteMeta(c.fails))
				assert.Regexp(t, re, stderr, "want a positioned error containing %q", c.fails)
				_, err := os.Stat("out")
				assert.True(t, os.IsNotExist(err), "a failed generate must not create its output directory")
				return
			}
			require.Equal(t, 0, code, "generate failed:\n%s", stderr)
			spec := hostileSpec(t)
			files := parseOutput(t, "out")
			if !testing.Short() {
				typeCheck(t, imp, files)
			}
			for _, f := range files {
				checkText(t, f)
			}
			found := checkFragments(t, files, append(fragments(spec), c.find...))
			for _, want := range c.find {
				assert.True(t, found[want], "fragment %q does not occur in the output", want)
			}
			checkDecls(t, files, fixed, spec)
		})
	}
}

// hostileArchives loads golden/hostile/*.txtar: "want" holds "generates" or
// "fails: message", "find" fragments one a line, and pages/... the pages.
func hostileArchives(t *testing.T) []hostileCase {
	t.Helper()
	paths, err := filepath.Glob("hostile/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var out []hostileCase
	for _, path := range paths {
		ar, err := txtar.ParseFile(path)
		require.NoError(t, err)
		c := hostileCase{name: strings.TrimSuffix(filepath.Base(path), ".txtar"), pages: map[string][]byte{}}
		want := ""
		for _, f := range ar.Files {
			switch {
			case f.Name == "want":
				want = strings.TrimSpace(string(f.Data))
			case f.Name == "find":
				for _, l := range strings.Split(string(f.Data), "\n") {
					if l != "" {
						c.find = append(c.find, l)
					}
				}
			case strings.HasPrefix(f.Name, "pages/"):
				c.pages[strings.TrimPrefix(f.Name, "pages/")] = unescapePage(t, f.Data)
			default:
				t.Fatalf("%s: unknown file %q", path, f.Name)
			}
		}
		switch {
		case want == "generates":
		case strings.HasPrefix(want, "fails: "):
			c.fails = strings.TrimPrefix(want, "fails: ")
		default:
			t.Fatalf("%s: want must be \"generates\" or \"fails: message\", not %q", path, want)
		}
		require.NotEmpty(t, c.pages, path)
		out = append(out, c)
	}
	return out
}

var pageEscape = regexp.MustCompile(`\{\{(U\+[0-9A-Fa-f]{4,6}|0x[0-9A-Fa-f]{2})\}\}`)

// unescapePage expands {{U+XXXX}} and {{0xXX}} in an archived page.
func unescapePage(t *testing.T, data []byte) []byte {
	return pageEscape.ReplaceAllFunc(data, func(m []byte) []byte {
		s := string(m[2 : len(m)-2])
		if strings.HasPrefix(s, "U+") {
			n, err := strconv.ParseUint(s[2:], 16, 32)
			require.NoError(t, err)
			return utf8.AppendRune(nil, rune(n))
		}
		n, err := strconv.ParseUint(s[2:], 16, 8)
		require.NoError(t, err)
		return []byte{byte(n)}
	})
}

// mdResource is a markdown resource page for type name with a property
// table of rows ("|name|type|description|" each).
func mdResource(name string, rows ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"%s resource type\"\ndoc_type: resourcePageType\n---\n\n# %s resource type\n\nNamespace: microsoft.graph\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n", name, name)
	for _, r := range rows {
		b.WriteString(r)
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// txtResource is the same page as a plain-text capture.
func txtResource(name string, rows ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s resource type\nNamespace: microsoft.graph\nProperties\nProperty | Type | Description |\n---|---|---|\n", name)
	for _, r := range rows {
		b.WriteString(strings.Trim(r, "|"))
		b.WriteString(" |\n")
	}
	return []byte(b.String())
}

// htmlResource is the same page as rendered HTML.
func htmlResource(name string, rows ...[3]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s resource type</title></head><body><main><h1>%s resource type</h1><p>Namespace: microsoft.graph</p><h2>Properties</h2><table><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody>\n", name, name)
	for _, r := range rows {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", r[0], r[1], r[2])
	}
	b.WriteString("</tbody></table></main></body></html>\n")
	return []byte(b.String())
}

// generatedHostile are the cases too big or too binary for an archive.
func generatedHostile() []hostileCase {
	bigCell := strings.Repeat("word */ `tick` \"q\" ", (1<<20)/19)
	var rows10k []string
	for i := range 10_000 {
		rows10k = append(rows10k, fmt.Sprintf("|p%d|String|Row %d of a very long table.|", i, i))
	}
	var nested strings.Builder
	for i := range 1000 {
		nested.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	var htmlNested strings.Builder
	htmlNested.WriteString(strings.Repeat("<ul><li>level", 1000) + strings.Repeat("</li></ul>", 1000))
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }
	invalid := "|bad\xffname|String|x|"
	invalidDesc := "|badDesc|String|Invalid \xff\xfe UTF-8 \xc3\x28 and a lone \xed\xa0\x80 surrogate */ func init() { panic(1) }|"

	md1000 := append(mdResource("deep", "|a|String|x|"), []byte("\n## Notes\n\n"+nested.String())...)
	return []hostileCase{
		{name: "big-cell-md", pages: map[string][]byte{"big.md": mdResource("big", "|huge|String|"+bigCell+"|")}},
		{name: "big-cell-txt", pages: map[string][]byte{"big.txt": txtResource("big", "|huge|String|"+bigCell+"|")}},
		{name: "rows-10k-md", pages: map[string][]byte{"rows.md": mdResource("rows", rows10k...)}},
		{name: "rows-10k-txt", pages: map[string][]byte{"rows.txt": txtResource("rows", rows10k...)}},
		{name: "nested-1000-md", pages: map[string][]byte{"deep.md": md1000}, fails: "nests 65 levels deep"},
		{name: "nested-1000-html", pages: map[string][]byte{"deep.html": append(htmlResource("deep", [3]string{"a", "String", "x"}), htmlNested.String()...)}, fails: "open stack of elements exceeds 512 nodes"},
		{name: "invalid-utf8", pages: map[string][]byte{
			"bad.md":   mdResource("bad", "|ok|String|x|", invalid, invalidDesc),
			"bad2.txt": txtResource("badtxt", "|ok|String|x|", invalid, invalidDesc),
			"bad3.html": htmlResource("badhtml", [3]string{"ok", "String", "x"}, [3]string{"bad\xffname", "String", "x"},
				[3]string{"badDesc", "String", "Invalid \xff\xfe UTF-8 */ func init() { panic(1) }"}),
		}},
		{name: "crlf-bom", pages: map[string][]byte{
			"a.md":   bom(crlf(mdResource("crlfMd", "|a|String|Ends */ here.|", "|b|Int32|Valid values 0 to 5.|"))),
			"b.txt":  bom(crlf(txtResource("crlfTxt", "|a|String|Ends */ here.|", "|b|Int32|Valid values 0 to 5.|"))),
			"c.html": bom(crlf(htmlResource("crlfHtml", [3]string{"a", "String", "Ends */ here."}))),
			"d.md":   bytes.ReplaceAll(mdResource("crOnly", "|a|String|x|"), []byte("\n"), []byte("\r")),
		}},
		{name: "too-large", pages: map[string][]byte{"big.txt": txtResource("big", "|huge|String|"+strings.Repeat("x", docparser.MaxPageSize)+"|")}, fails: "larger than"},
		{name: "too-many-lines", pages: map[string][]byte{"lines.txt": append(txtResource("lines", "|a|String|x|"), strings.Repeat("\n", docparser.MaxLines)...)}, fails: "more than 100000 lines"},
	}
}

// hostileSpec is the IR of pages/, as "docgen ir" prints it.
func hostileSpec(t *testing.T) *ir.Spec {
	t.Helper()
	code, stdout, stderr := run("ir", "pages")
	require.Equal(t, 0, code, stderr)
	var spec ir.Spec
	require.NoError(t, json.Unmarshal([]byte(stdout), &spec))
	return &spec
}

// outFile is one parsed output file.
type outFile struct {
	name string
	src  []byte
	fset *token.FileSet
	ast  *ast.File
}

func parseOutput(t *testing.T, dir string) []outFile {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	fset := token.NewFileSet()
	var out []outFile
	for _, n := range names {
		src, err := os.ReadFile(n)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, filepath.Base(n), src, parser.ParseComments|parser.AllErrors)
		require.NoError(t, err, "%s does not parse", n)
		out = append(out, outFile{name: filepath.Base(n), src: src, fset: fset, ast: f})
	}
	return out
}

func typeCheck(t *testing.T, imp types.Importer, files []outFile) {
	t.Helper()
	var asts []*ast.File
	for _, f := range files {
		asts = append(asts, f.ast)
	}
	var errs []string
	conf := types.Config{Importer: imp, Error: func(err error) {
		if len(errs) < 10 {
			errs = append(errs, err.Error())
		}
	}}
	_, _ = conf.Check("example.com/hostile", files[0].fset, asts, nil)
	assert.Empty(t, errs, "generated package does not type-check")
}

// checkText rejects characters that hide or reorder text in an editor or a
// review tool, anywhere in the output.
func checkText(t *testing.T, f outFile) {
	t.Helper()
	if !utf8.Valid(f.src) {
		t.Errorf("%s is not valid UTF-8", f.name)
		return
	}
	line := 1
	for _, r := range string(f.src) {
		switch {
		case r == '\n':
			line++
		case r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == '\u2028', r == '\u2029', unicode.Is(unicode.Cf, r):
			t.Errorf("%s:%d: character %U in the output", f.name, line, r)
			return
		}
	}
}

// fragments are the pieces of documentation text that could do harm as
// code: every run of one to three whitespace-separated words (and every
// segment of a request path) of a documented string that is at least 6
// bytes long and holds a character that is neither part of a Go identifier
// nor prose punctuation (",.;:!?", which Go code is full of too: "value,"
// must not match "return value, err"). Plain identifiers are left to
// checkDecls: documented names do become Go identifiers, but only the ones
// the IR assigned.
func fragments(spec *ir.Spec) []string {
	var texts []string
	add := func(s ...string) { texts = append(texts, s...) }
	for _, ty := range spec.Types {
		add(ty.Name, ty.Description, ty.Base)
		for _, p := range ty.Properties {
			add(p.Name, p.Description, p.Type.Raw, p.Default)
			add(p.EnumValues...)
			for _, r := range p.Rules {
				add(r.Text)
			}
		}
	}
	for _, e := range spec.Enums {
		add(e.Name, e.Description)
		for _, m := range e.Members {
			add(m.Name, m.Description)
		}
	}
	for _, op := range spec.Operations {
		add(op.Name)
		for _, p := range op.Paths {
			add(p.Template)
			add(strings.Split(p.Template, "/")...)
			add(p.Params...)
		}
		for _, h := range op.Headers {
			add(h.Name, h.Value)
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range texts {
		words := strings.Fields(s)
		for i := range words {
			for n := 1; n <= 3 && i+n <= len(words); n++ {
				f := strings.Join(words[i:i+n], " ")
				if len(f) >= 6 && !seen[f] && strings.IndexFunc(f, special) >= 0 {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func identRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func special(r rune) bool { return !identRune(r) && r != ' ' && !strings.ContainsRune(",.;:!?", r) }

// wordAt reports whether frag occurs at src[start:] as whole words: not
// glued to identifier characters on either side.
func wordAt(src, frag string, start int) bool {
	first, _ := utf8.DecodeRuneInString(frag)
	last, _ := utf8.DecodeLastRuneInString(frag)
	before, _ := utf8.DecodeLastRuneInString(src[:start])
	after, _ := utf8.DecodeRuneInString(src[start+len(frag):])
	return !(identRune(first) && start > 0 && identRune(before)) &&
		!(identRune(last) && start+len(frag) < len(src) && identRune(after))
}

// checkFragments asserts that every occurrence of every fragment in the
// generated files (the runtime copy wire_gen.go aside) lies inside one
// comment or one string literal, and returns the fragments it found.
func checkFragments(t *testing.T, files []outFile, frags []string) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	for _, f := range files {
		if f.name == "wire_gen.go" {
			continue
		}
		var spans [][2]int // sorted, disjoint [start, end) byte ranges
		base := f.fset.File(f.ast.Pos()).Base()
		add := func(from, to token.Pos) { spans = append(spans, [2]int{int(from) - base, int(to) - base}) }
		for _, cg := range f.ast.Comments {
			for _, c := range cg.List {
				add(c.Pos(), c.End())
			}
		}
		ast.Inspect(f.ast, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				add(lit.Pos(), lit.End())
			}
			return true
		})
		sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
		inside := func(start, end int) bool {
			i := sort.Search(len(spans), func(i int) bool { return spans[i][0] > start }) - 1
			return i >= 0 && spans[i][0] <= start && end <= spans[i][1]
		}
		src := string(f.src)
		bad := 0
		for _, frag := range frags {
			for off := 0; ; {
				k := strings.Index(src[off:], frag)
				if k < 0 {
					break
				}
				start := off + k
				off = start + 1
				if !wordAt(src, frag, start) {
					continue
				}
				found[frag] = true
				if !inside(start, start+len(frag)) && bad < 10 {
					bad++
					line := 1 + strings.Count(src[:start], "\n")
					t.Errorf("%s:%d: documentation text %q occurs outside a comment or string literal", f.name, line, frag)
				}
			}
		}
	}
	return found
}

// fixedDecls are the package-level names every generated package declares
// whatever the pages say: the runtime and the helpers, from an empty spec.
func fixedDecls(t *testing.T) map[string]bool {
	t.Helper()
	files, err := emit.Generate(&ir.Spec{}, emit.Options{Package: "hostile"})
	require.NoError(t, err)
	fset := token.NewFileSet()
	names := map[string]bool{}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Data, 0)
		require.NoError(t, err)
		for n := range topLevel(af) {
			names[n] = true
		}
	}
	return names
}

// topLevel returns the package-level names a file declares (methods
// excluded), with what kind of declaration each is.
func topLevel(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out[d.Name.Name] = "func"
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out[s.Name.Name] = "type"
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out[n.Name] = d.Tok.String()
					}
				}
			}
		}
	}
	return out
}

// checkDecls asserts that the package-level declarations are the fixed ones
// plus the names the IR implies, that every IR name is declared, and that
// nothing runs at package initialisation.
func checkDecls(t *testing.T, files []outFile, fixed map[string]bool, spec *ir.Spec) {
	t.Helper()
	implied := map[string]bool{}
	required := map[string]bool{}
	for _, ty := range spec.Types {
		required[ty.GoName] = true
		if ty.AnyGoName != "" {
			required[ty.AnyGoName], required[ty.KindGoName] = true, true
		}
	}
	for _, e := range spec.Enums {
		required[e.GoName] = true
		implied[e.GoName+"Values"], implied["New"+e.GoName] = true, true
		for _, m := range e.Members {
			required[m.GoName] = true
		}
	}
	for _, op := range spec.Operations {
		for _, s := range []string{op.GoName + "Body", op.GoName + "BodyFromChanges", "Handle" + op.GoName} {
			implied[s] = true
		}
		for _, p := range op.Paths {
			implied["New"+p.GoName+"Request"] = true
		}
	}
	declared := map[string]string{}
	for _, f := range files {
		for n, kind := range topLevel(f.ast) {
			if prev, dup := declared[n]; dup {
				t.Errorf("%s: %s %s is declared twice (also a %s)", f.name, kind, n, prev)
			}
			declared[n] = kind
			switch {
			case n == "init" || n == "main" || n == "_":
				t.Errorf("%s: declares %s %s", f.name, kind, n)
			case kind == "var" && !fixed[n]:
				t.Errorf("%s: declares package variable %s", f.name, n)
			case !fixed[n] && !required[n] && !implied[n]:
				t.Errorf("%s: declares %s %s, which the IR does not imply", f.name, kind, n)
			}
		}
	}
	for n := range required {
		if _, ok := declared[n]; !ok {
			t.Errorf("the IR names %s but the output does not declare it", n)
		}
	}
}
