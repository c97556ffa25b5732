package parser_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

var updateRules = flag.Bool("update-rules", false, "rewrite testdata/corpus-rules.txt")

// sharedCorpus holds the three page sets docgen is developed against
// (graph-docs-2021, graph-docs-2021-methods, graph-docs-modern; see their
// SOURCE.md), beside the repository.
const sharedCorpus = "../../shared/corpus"

// TestCorpusRules lists, for every corpus, the validation rules the
// parser extracts and the bounds it declines (rule-* warnings), in
// testdata/corpus-rules.txt: a change in what docgen reads from real
// prose shows in review (go test ./parser -run TestCorpusRules
// -update-rules rewrites it). Whatever the listing says, no rule may end
// inside a number of its description: that is how "Maximum length is
// 1,024 characters" once became maxLength=1.
func TestCorpusRules(t *testing.T) {
	corpora, _ := filepath.Glob(filepath.Join(sharedCorpus, "*"))
	if len(corpora) == 0 {
		t.Skipf("no corpus at %s", sharedCorpus)
	}
	var lines []string
	for _, dir := range corpora {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		corpus := filepath.Base(dir)
		seen := map[string]bool{}
		add := func(l string) {
			if l = corpus + "  " + l; !seen[l] {
				seen[l] = true
				lines = append(lines, l)
			}
		}
		rules := 0
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || d.Name() == "SOURCE.md" {
				return err
			}
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			page, diags := parser.Parse(filepath.ToSlash(path), src)
			for _, ty := range page.Types {
				for _, p := range ty.Properties {
					for _, r := range p.Rules {
						rules++
						assert.NoError(t, ruleEndsNumber(p.Description, r), "%s: %s.%s", path, ty.Name, p.Name)
						add(fmt.Sprintf("%s.%s (%s): %s %q", shortType(ty.Name), p.Name, typeText(p.Type), ruleText(r), r.Text))
					}
				}
			}
			for _, d := range diags {
				if strings.HasPrefix(d.Code, "rule-") {
					add(d.Code + ": " + d.Message)
				}
			}
			return nil
		})
		require.NoError(t, err)
		assert.NotZero(t, rules, "%s: no rules at all", corpus)
	}
	slices.Sort(lines)
	got := strings.Join(lines, "\n") + "\n"
	const file = "testdata/corpus-rules.txt"
	if *updateRules {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(want), got, "the rules read from the corpora changed: review, then go test ./parser -run TestCorpusRules -update-rules")
}

// ruleEndsNumber reports an error when the text of rule r stops inside a
// number of desc ("Maximum length is 1" of "... is 1,024 characters"), or
// when a bound of r is not a number its text writes.
func ruleEndsNumber(desc string, r ir.Rule) error {
	for i := 0; ; {
		j := strings.Index(desc[i:], r.Text)
		if j < 0 {
			break
		}
		end := i + j + len(r.Text)
		if end < len(desc) && (isDigit(desc[end]) || strings.IndexByte(",.", desc[end]) >= 0 && end+1 < len(desc) && isDigit(desc[end+1])) {
			return fmt.Errorf("rule %s %q ends inside a number: %q", ruleText(r), r.Text, desc[max(0, end-len(r.Text)):min(len(desc), end+8)])
		}
		i = end
	}
	written := map[float64]bool{}
	for _, loc := range numberRe.FindAllStringIndex(r.Text, -1) {
		n := r.Text[loc[0]:loc[1]]
		if loc[0] > 0 && isDigit(r.Text[loc[0]-1]) {
			n = strings.TrimLeft(n, "-+−") // the dash of a range ("1-100"), not a sign
		}
		if v, err := strconv.ParseFloat(strings.NewReplacer(",", "", "−", "-", "+", "").Replace(n), 64); err == nil {
			written[v] = true
		}
	}
	for _, b := range []*float64{r.Min, r.Max} {
		if b != nil && !written[*b] {
			return fmt.Errorf("rule %s: bound %v is not written in %q", ruleText(r), *b, r.Text)
		}
	}
	return nil
}

var numberRe = regexp.MustCompile(`[-+−]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?`)

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func ruleText(r ir.Rule) string {
	f := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', -1, 64)
	}
	switch r.Kind {
	case ir.RuleRange:
		return "range=" + f(r.Min) + ".." + f(r.Max)
	case ir.RuleMinLength, ir.RuleMinItems:
		return string(r.Kind) + "=" + f(r.Min)
	}
	return string(r.Kind) + "=" + f(r.Max)
}

func typeText(t ir.TypeRef) string {
	name := strings.TrimPrefix(t.Name, ir.DefaultNamespace+".")
	if t.Collection {
		return name + " collection"
	}
	return name
}

func shortType(name string) string { return strings.TrimPrefix(name, ir.DefaultNamespace+".") }
