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
	"path"
	"path/filepath"
	"reflect"
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

	"github.com/docgen-dev/docgen/emit/httpwire"
	"github.com/docgen-dev/docgen/emit/wire"
	"github.com/docgen-dev/docgen/internal/gocheck"
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
	// fields are "GoType.GoField wire-name" lines: the struct must have the
	// field, with exactly that JSON name.
	fields []string
	// stderr are lines that must occur in the standard error (warnings).
	stderr []string
	// check, when set, asserts what the case is about on the result.
	check func(t *testing.T, r *hostileResult)
}

// hostileResult is what a generating case produced.
type hostileResult struct {
	spec   *ir.Spec
	files  []outFile
	stderr string
}

// file returns the parsed output file called name.
func (r *hostileResult) file(t *testing.T, name string) outFile {
	t.Helper()
	for _, f := range r.files {
		if f.name == name {
			return f
		}
	}
	t.Fatalf("no %s in the output", name)
	return outFile{}
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
//     declared under its IR Go name;
//   - every IR property is a struct field under its IR Go name with its wire
//     name as JSON name, and every enum member a constant holding its wire
//     value (checkFields, checkEnums): nothing dropped or renamed on the wire;
//   - what the case itself asserts: fields, warnings, its check function.
//
// For a case that fails it asserts, with -strict, exit code 1, a
// "pages/file:line:col: message" line on stderr and no output directory;
// and without -strict the same line, and either the same failure or, when
// the failing page was skipped and the other pages generate, all of the
// above on what they generate.
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
			args := []string{"generate", "-o", "out", "-pkg", "hostile", "-import", "example.com/hostile", "pages"}
			// A failing case fails the run with -strict, writing nothing.
			// By default the page is skipped and what the other pages
			// document is generated, which must then pass every check below.
			failed := regexp.MustCompile(`(?m)^pages/[^:\s]+:\d+:\d+: .*` + regexp.QuoteMeta(c.fails))
			noOutput := func(why string) {
				_, err := os.Stat("out")
				assert.True(t, os.IsNotExist(err), why)
			}
			if c.fails != "" {
				code, _, stderr := run(append([]string{"generate", "-strict"}, args[1:]...)...)
				assert.Equal(t, 1, code, "exit code with -strict; stderr:\n%s", stderr)
				assert.Regexp(t, failed, stderr, "want a positioned error containing %q", c.fails)
				noOutput("a failed generate must not create its output directory")
			}
			code, _, stderr := run(args...)
			if c.fails != "" {
				assert.Regexp(t, failed, stderr, "want a positioned error containing %q", c.fails)
				if code != 0 {
					noOutput("a failed generate must not create its output directory")
					return
				}
			}
			require.Equal(t, 0, code, "generate failed:\n%s", stderr)
			spec := hostileSpec(t)
			files := parseOutput(t, "out")
			if !testing.Short() {
				typeCheck(t, imp, files)
			}
			for _, f := range files {
				checkText(t, f)
				checkDirectives(t, f)
			}
			found := checkFragments(t, files, append(fragments(spec), c.find...))
			for _, want := range c.find {
				assert.True(t, found[want], "fragment %q does not occur in the output", want)
			}
			checkDecls(t, files, fixed, spec)
			checkFields(t, files, spec)
			checkEnums(t, files, spec)
			structs := structFields(files)
			for _, want := range c.fields {
				typ, field, ok := strings.Cut(want, ".")
				field, wire, ok2 := strings.Cut(field, " ")
				require.True(t, ok && ok2, "fields line %q", want)
				got, ok := structs[typ][field]
				if assert.True(t, ok, "no field %s.%s in the output", typ, field) {
					assert.Equal(t, wire, got, "JSON name of %s.%s", typ, field)
				}
			}
			for _, want := range c.stderr {
				assert.Contains(t, stderr, want, "standard error")
			}
			if c.check != nil {
				c.check(t, &hostileResult{spec: spec, files: files, stderr: stderr})
			}
		})
	}
}

// hostileArchives loads golden/hostile/*.txtar: "want" holds "generates" or
// "fails: message", "find" fragments one a line, "fields" lines "GoType.GoField
// wire-name", "stderr" lines that standard error must hold, and pages/... the
// pages.
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
				c.find = lines(f.Data)
			case f.Name == "fields":
				c.fields = lines(f.Data)
			case f.Name == "stderr":
				c.stderr = lines(f.Data)
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

// lines are the non-empty lines of data.
func lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" {
			out = append(out, l)
		}
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
	var htmlNested strings.Builder
	htmlNested.WriteString(strings.Repeat("<ul><li>level", 1000) + strings.Repeat("</li></ul>", 1000))
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }
	invalid := "|bad\xffname|String|x|"
	invalidDesc := "|badDesc|String|Invalid \xff\xfe UTF-8 \xc3\x28 and a lone \xed\xa0\x80 surrogate */ func init() { panic(1) }|"

	notes := func(name string, body string) []byte {
		return append(mdResource(name, "|a|String|x|"), "\n## Notes\n\n"+body...)
	}
	listItems := func(n int) string { return strings.Repeat("- item\n", n) }
	links := func(n int) string { return strings.Repeat("[l](l.md) ", n) + "\n" }
	deepList := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- level\n")
		}
		return b.String()
	}
	// Line i of deepList (from 0) is a list marker behind 2i columns and
	// followed by one: 1 + (2i+2)/2 = i+2 levels (see parser.nesting), so
	// deepList(n) nests n+1 deep.
	limitDepth := docparser.MaxNesting - 1
	md1000 := notes("deep", deepList(1000))
	linesPage := func(n int) []byte {
		p := txtResource("lines", "|a|String|x|")
		return append(p, strings.Repeat("\n", n-bytes.Count(p, []byte("\n")))...)
	}
	// marksPage holds MaxInlineMarks+extra inline markup characters, most
	// of them '&' that start no entity: the cheapest to parse (FUZZING.md
	// has the costliest, emphasis, measured at the limit).
	marksPage := func(extra int) []byte {
		n := docparser.MaxInlineMarks + extra
		for _, c := range notes("marks", "") {
			if strings.IndexByte("*_`<&", c) >= 0 {
				n--
			}
		}
		return notes("marks", strings.Repeat("& ", n))
	}
	wideHeader := "|" + strings.Repeat("c|", 999) + "\n|" + strings.Repeat("-|", 999) + "\n" + strings.Repeat("|x|\n", docparser.MaxCells/1000+1)

	// In markdown, backticks delimit code spans: the text keeps what is
	// between them. (An 8 MiB HTML cell and a 24,000-row HTML table are
	// measured in FUZZING.md; they cost too much under -race to run here.)
	bigCellCheck := func(name string, text string) func(t *testing.T, r *hostileResult) {
		return func(t *testing.T, r *hostileResult) {
			require.Len(t, r.spec.Types, 1)
			require.Len(t, r.spec.Types[0].Properties, 1)
			p := r.spec.Types[0].Properties[0]
			assert.Equal(t, "huge", p.Name)
			n := (1 << 20) / 19
			assert.True(t, p.Description == text, "the %s cell is not kept whole: %d bytes, want %d", name, len(p.Description), len(text))
			// Every word of the cell reaches the field's doc comment (wrapped),
			// with every "*/" broken up.
			models := string(r.file(t, "models_gen.go").src)
			assert.Equal(t, n, strings.Count(models, "tick"), "backticked words in %s", name)
			assert.Equal(t, n, strings.Count(models, `"q"`), "quoted words in %s", name)
			assert.False(t, strings.Contains(models, "*/"), "a comment closer in %s", name)
		}
	}
	rowsCheck := func(t *testing.T, r *hostileResult) {
		fields := structFields(r.files)["Rows"]
		assert.Equal(t, 10_002, len(fields), "10,000 properties, ODataType and Unknown")
		assert.Equal(t, "p0", fields["P0"])
		assert.Equal(t, "p9999", fields["P9999"])
	}
	return []hostileCase{
		{name: "big-cell-md", pages: map[string][]byte{"big.md": mdResource("big", "|huge|String|"+bigCell+"|")}, check: bigCellCheck("markdown", strings.TrimSpace(strings.ReplaceAll(bigCell, "`", "")))},
		{name: "big-cell-txt", pages: map[string][]byte{"big.txt": txtResource("big", "|huge|String|"+bigCell+"|")}, check: bigCellCheck("text", strings.TrimSpace(bigCell))},
		{name: "rows-10k-md", pages: map[string][]byte{"rows.md": mdResource("rows", rows10k...)}, check: rowsCheck},
		{name: "rows-10k-txt", pages: map[string][]byte{"rows.txt": txtResource("rows", rows10k...)}, check: rowsCheck},
		{name: "nested-1000-md", pages: map[string][]byte{"deep.md": md1000}, fails: "nests 65 levels deep"},
		{name: "nested-1000-html", pages: map[string][]byte{"deep.html": append(htmlResource("deep", [3]string{"a", "String", "x"}), htmlNested.String()...)}, fails: "open stack of elements exceeds 512 nodes"},
		// At and just over each markdown limit.
		{name: "limit-nesting-md", pages: map[string][]byte{"deep.md": notes("deep", deepList(limitDepth))}},
		{name: "limit-nesting-over-md", pages: map[string][]byte{"deep.md": notes("deep", deepList(limitDepth)+strings.Repeat("  ", limitDepth)+"- level\n")}, fails: fmt.Sprintf("nests %d levels deep", docparser.MaxNesting+1)},
		{name: "limit-list-items-md", pages: map[string][]byte{"items.md": notes("items", listItems(docparser.MaxListItems))}},
		{name: "limit-list-items-over-md", pages: map[string][]byte{"items.md": notes("items", listItems(docparser.MaxListItems+1))}, fails: "more than 10000 list items"},
		{name: "limit-links-md", pages: map[string][]byte{"links.md": notes("links", links(docparser.MaxLinks))}},
		{name: "limit-links-over-md", pages: map[string][]byte{"links.md": notes("links", links(docparser.MaxLinks+1))}, fails: "more than 10000 '['"},
		{name: "limit-marks-md", pages: map[string][]byte{"marks.md": marksPage(0)}},
		{name: "limit-marks-over-md", pages: map[string][]byte{"marks.md": marksPage(1)}, fails: "more than 200000 inline markup characters"},
		{name: "limit-cells-over-md", pages: map[string][]byte{"wide.md": notes("wide", wideHeader)}, fails: "more than 250000 table cells"},
		{name: "limit-tags-over-html", pages: map[string][]byte{"tags.html": append(htmlResource("tags", [3]string{"a", "String", "x"}), strings.Repeat("<br>", docparser.MaxTags)...)}, fails: "more than 200000 '<'"},
		{name: "limit-lines-txt", pages: map[string][]byte{"lines.txt": linesPage(docparser.MaxLines)}},
		{name: "too-many-lines", pages: map[string][]byte{"lines.txt": linesPage(docparser.MaxLines + 1)}, fails: "more than 100000 lines"},
		{name: "too-large", pages: map[string][]byte{"big.txt": txtResource("big", "|huge|String|"+strings.Repeat("x", docparser.MaxPageSize)+"|")}, fails: "larger than"},
		{name: "invalid-utf8", pages: map[string][]byte{
			"bad.md":   mdResource("bad", "|ok|String|x|", invalid, invalidDesc),
			"bad2.txt": txtResource("badtxt", "|ok|String|x|", invalid, invalidDesc),
			"bad3.html": htmlResource("badhtml", [3]string{"ok", "String", "x"}, [3]string{"bad\xffname", "String", "x"},
				[3]string{"badDesc", "String", "Invalid \xff\xfe UTF-8 */ func init() { panic(1) }"}),
		}, check: invalidUTF8Check},
		{name: "crlf-bom", pages: map[string][]byte{
			"a.md":   bom(crlf(mdResource("crlfMd", "|a|String|Ends */ here.|", "|b|Int32|Valid values 0 to 5.|"))),
			"b.txt":  bom(crlf(txtResource("crlfTxt", "|a|String|Ends */ here.|", "|b|Int32|Valid values 0 to 5.|"))),
			"c.html": bom(crlf(htmlResource("crlfHtml", [3]string{"a", "String", "Ends */ here."}))),
			"d.md":   bytes.ReplaceAll(mdResource("crOnly", "|a|String|x|"), []byte("\n"), []byte("\r")),
		}, check: crlfCheck},
	}
}

// invalidUTF8Check: invalid bytes become U+FFFD in names and descriptions;
// a name holding U+FFFD cannot be a JSON name in a struct tag, so its row is
// skipped with a positioned warning; the output is valid UTF-8 (checkText).
func invalidUTF8Check(t *testing.T, r *hostileResult) {
	require.Len(t, r.spec.Types, 3)
	for _, ty := range r.spec.Types {
		var names []string
		for _, p := range ty.Properties {
			names = append(names, p.Name)
			assert.True(t, utf8.ValidString(p.Description), "%s.%s description %q", ty.Name, p.Name, p.Description)
		}
		assert.Equal(t, []string{"ok", "badDesc"}, names, ty.Name)
	}
	assert.Equal(t, 3, strings.Count(r.stderr, ": warning: property name \"bad\uFFFDname\" cannot be a JSON member name in a Go struct tag; row skipped"), r.stderr)
}

// crlfCheck: CR LF, lone CR and a BOM change nothing: names have no BOM or
// CR, descriptions and rules are read as with LF.
func crlfCheck(t *testing.T, r *hostileResult) {
	want := map[string]int{"microsoft.graph.crlfMd": 2, "microsoft.graph.crlfTxt": 2, "microsoft.graph.crlfHtml": 1, "microsoft.graph.crOnly": 1}
	got := map[string]int{}
	for _, ty := range r.spec.Types {
		got[ty.Name] = len(ty.Properties)
		for _, p := range ty.Properties {
			switch p.Name {
			case "a":
				if ty.Name != "microsoft.graph.crOnly" {
					assert.Equal(t, "Ends */ here.", p.Description, ty.Name)
				}
			case "b":
				if assert.Len(t, p.Rules, 1, ty.Name) && assert.NotNil(t, p.Rules[0].Min) && assert.NotNil(t, p.Rules[0].Max) {
					assert.Equal(t, [2]float64{0, 5}, [2]float64{*p.Rules[0].Min, *p.Rules[0].Max}, ty.Name)
				}
			default:
				t.Errorf("%s: unexpected property %q", ty.Name, p.Name)
			}
		}
	}
	assert.Equal(t, want, got)
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

// parseOutput parses the generated files of dir and of its subdirectory
// (the HTTP layer's package); each is named by its slash path below dir.
func parseOutput(t *testing.T, dir string) []outFile {
	t.Helper()
	files := genFiles(t, dir)
	require.NotEmpty(t, files)
	fset := token.NewFileSet()
	var out []outFile
	for _, name := range keys(files) {
		src := []byte(files[name])
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.AllErrors)
		require.NoError(t, err, "%s does not parse", name)
		out = append(out, outFile{name: name, src: src, fset: fset, ast: f})
	}
	return out
}

// typeCheck type-checks the generated package example.com/hostile, then the
// packages in its subdirectories, which import it.
func typeCheck(t *testing.T, std types.Importer, files []outFile) {
	t.Helper()
	byDir := map[string][]*ast.File{}
	for _, f := range files {
		byDir[path.Dir(f.name)] = append(byDir[path.Dir(f.name)], f.ast)
	}
	assert.NoError(t, gocheck.Packages(files[0].fset, byDir, "example.com/hostile", std, 10, nil))
}

// checkDirectives fails when f holds a directive docgen did not write
// itself (see gocheck.Directives): documentation text that became a live
// "//go:generate" or build constraint.
func checkDirectives(t *testing.T, f outFile) {
	t.Helper()
	own, err := gocheck.Own(wire.Files, httpwire.Files)
	require.NoError(t, err)
	assert.Empty(t, gocheck.Stray(f.ast, own), "%s: directives docgen did not write", f.name)
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

// fixedDecls are the package-level names a generated package may declare
// whatever the pages say: those of the runtimes it copies from (emit/wire,
// emit/httpwire and what httpwire's generated code provides).
func fixedDecls(t *testing.T) map[string]bool {
	t.Helper()
	srcs := map[string]string{"httpwire/provided.go": httpwire.Provided}
	for n, src := range wire.Files {
		srcs["wire/"+n] = src
	}
	for n, src := range httpwire.Files {
		srcs["httpwire/"+n] = src
	}
	fset := token.NewFileSet()
	names := map[string]bool{}
	for name, src := range srcs {
		af, err := parser.ParseFile(fset, name, src, 0)
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
	// The only package variables besides the runtime's are each enum's
	// documented values, read by its Known and Values.
	valueLists := map[string]bool{}
	if len(spec.Types) > 0 {
		implied["NewByODataType"] = true
	}
	for _, ty := range spec.Types {
		required[ty.GoName] = true
		if ty.AnyGoName != "" {
			required[ty.AnyGoName], required[ty.KindGoName] = true, true
		}
	}
	for _, e := range spec.Enums {
		required[e.GoName] = true
		implied[e.GoName+"Values"], implied["New"+e.GoName] = true, true
		valueLists["documented"+e.GoName+"Values"] = true
		for _, m := range e.Members {
			required[m.GoName] = true
		}
	}
	for _, op := range spec.Operations {
		for _, s := range []string{op.GoName + "Body", "Handle" + op.GoName} {
			implied[s] = true
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
			case kind == "var" && !fixed[n] && !valueLists[n]:
				t.Errorf("%s: declares package variable %s", f.name, n)
			case !fixed[n] && !required[n] && !implied[n] && !valueLists[n]:
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

// structFields maps every struct type of the output to its fields and
// their JSON names.
func structFields(files []outFile) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, f := range files {
		for _, d := range f.ast.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				st, ok := ts.Type.(*ast.StructType)
				if !ok {
					continue
				}
				fields := map[string]string{}
				for _, fl := range st.Fields.List {
					wire := ""
					if fl.Tag != nil {
						tag, err := strconv.Unquote(fl.Tag.Value)
						if err == nil {
							wire, _, _ = strings.Cut(reflect.StructTag(tag).Get("json"), ",")
						}
					}
					for _, n := range fl.Names {
						fields[n.Name] = wire
					}
				}
				out[ts.Name.Name] = fields
			}
		}
	}
	return out
}

// checkFields asserts that every property of every IR type is a field of
// the type's struct under its IR Go name, with the documented wire name as
// its JSON name, and that the struct has no other field but ODataType and
// Unknown (never on the wire itself): no property is dropped, renamed on
// the wire or invented.
func checkFields(t *testing.T, files []outFile, spec *ir.Spec) {
	t.Helper()
	structs := structFields(files)
	for _, ty := range spec.Types {
		fields, ok := structs[ty.GoName]
		if !assert.True(t, ok, "no struct %s for %s", ty.GoName, ty.Name) {
			continue
		}
		want := map[string]string{"ODataType": "@odata.type", "Unknown": "-"}
		for _, p := range ty.Properties {
			want[p.GoName] = p.Name
		}
		assert.Equal(t, want, fields, "fields of %s", ty.GoName)
	}
}

// checkEnums asserts that every member of every IR enum is a constant of
// the enum's type under its IR Go name whose value is the documented wire
// value.
func checkEnums(t *testing.T, files []outFile, spec *ir.Spec) {
	t.Helper()
	consts := map[string][2]string{} // name → type, value
	for _, f := range files {
		for _, d := range f.ast.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				typ := ""
				if id, ok := vs.Type.(*ast.Ident); ok {
					typ = id.Name
				}
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							v, err := strconv.Unquote(lit.Value)
							if err == nil {
								consts[n.Name] = [2]string{typ, v}
							}
						}
					}
				}
			}
		}
	}
	for _, e := range spec.Enums {
		for _, m := range e.Members {
			assert.Equal(t, [2]string{e.GoName, m.Name}, consts[m.GoName], "constant %s of enum %s", m.GoName, e.Name)
		}
	}
}
