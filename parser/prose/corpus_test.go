package prose

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Graph documentation snapshot and the text captures docgen is
// developed against; the tests that read them skip where they are missing.
const (
	corpusDir = "../../docs-src/intune"
	seedsDir  = "../../docs-src/seeds"
)

// TestCorpus analyses every property description of the corpus.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus: %v", err)
	}
	descs := corpusDescriptions(t)
	var enums, numeric, ranges, maxItems, maxLength, readOnly, defaults, inherited int
	var unread []string
	for _, d := range descs {
		f := Analyze(d)
		require.NoError(t, checkFacts(d, f))
		count := func(n *int, ok bool) {
			if ok {
				*n++
			}
		}
		count(&enums, f.EnumValues != nil)
		count(&numeric, f.Numeric != nil)
		count(&ranges, hasBound(f, Value, false))
		count(&maxItems, hasBound(f, Items, true))
		count(&maxLength, hasBound(f, Length, true))
		count(&readOnly, f.ReadOnly)
		count(&defaults, f.Default != "")
		count(&inherited, f.InheritedFrom != "")
		if strings.Contains(d, "Possible values are:") && f.EnumValues == nil && f.Numeric == nil {
			unread = append(unread, d)
		}
	}
	// Floors a little under what the 2021 snapshot gives (see the survey
	// at the top of prose_test.go).
	assert.GreaterOrEqual(t, len(descs), 16000, "descriptions")
	assert.GreaterOrEqual(t, enums, 2000, "string enum lists")
	assert.GreaterOrEqual(t, numeric, 60, "numbered lists")
	assert.GreaterOrEqual(t, ranges, 500, "ranges")
	assert.GreaterOrEqual(t, maxItems, 240, "collection sizes")
	assert.GreaterOrEqual(t, maxLength, 5, "lengths")
	assert.GreaterOrEqual(t, readOnly, 600, "read-only")
	assert.GreaterOrEqual(t, defaults, 100, "defaults")
	assert.GreaterOrEqual(t, inherited, 6900, "inherited")
	assert.Empty(t, unread, "every \"Possible values are:\" list is read")
	t.Logf("%d descriptions: %d enum lists, %d numbered lists, %d with ranges, %d collection sizes, %d lengths, %d read-only, %d defaults, %d inherited",
		len(descs), enums, numeric, ranges, maxItems, maxLength, readOnly, defaults, inherited)
}

// hasBound reports whether f states a bound on m that raises no doubt (a
// maximum, when max is set).
func hasBound(f Facts, m Measure, max bool) bool {
	for _, b := range f.Bounds {
		if b.Measure == m && b.Doubt == "" && (!max || b.Max != nil) {
			return true
		}
	}
	return false
}

// TestSeeds analyses the rows of the text captures that list values.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	want := map[string][]string{
		"partnerState":                            {"unavailable", "available", "enabled", "unresponsive", "notSetUp", "error", "unknownFutureValue"},
		"allowedInboundDataTransferSources":       {"allApps", "none"},
		"allowedOutboundClipboardSharingLevel":    {"anyDestinationAnySource", "none"},
		"allowedOutboundDataTransferDestinations": {"allApps", "none"},
		"appActionIfUnableToAuthenticateUser":     {"block", "wipe", "warn"},
		"maximumAllowedDeviceThreatLevel":         {"notConfigured", "secured", "low", "medium", "high"},
		"mobileThreatDefenseRemediationAction":    {"block", "wipe", "warn"},
	}
	seen := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.Contains(line, "Possible values are:") {
				continue
			}
			// A whole table row: the name and type cells do not disturb the list.
			f := Analyze(line)
			require.NoError(t, checkFacts(line, f))
			name := strings.Fields(line)[0]
			if w, ok := want[name]; ok {
				assert.Equal(t, w, f.EnumValues, "%s: %s", filepath.Base(file), line)
				seen++
			}
		}
	}
	assert.GreaterOrEqual(t, seen, len(want), "seed rows with lists")
}

var (
	mdLink = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdTag  = regexp.MustCompile(`<[^>]*>`)
	mdText = strings.NewReplacer("`", "", "**", "", `\|`, "|", "&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&amp;", "&")
)

// corpusDescriptions returns the plain text of the last cell of every row
// of the corpus's property and parameter tables.
func corpusDescriptions(t *testing.T) []string {
	var descs []string
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		defer fh.Close()
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		inTable := false
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if !strings.HasPrefix(line, "|") {
				inTable = false
				continue
			}
			cells := splitRow(line)
			first := strings.ToLower(plain(cells[0]))
			switch {
			case strings.Contains(line, "---"):
			case (first == "property" || first == "name" || first == "parameter") && strings.Contains(strings.ToLower(line), "description"):
				inTable = true
			case inTable && len(cells) >= 3:
				descs = append(descs, plain(cells[len(cells)-1]))
			}
		}
		return sc.Err()
	})
	require.NoError(t, err)
	return descs
}

// splitRow splits a markdown table row into cells, keeping escaped pipes.
func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	line = strings.ReplaceAll(line, `\|`, "\x00")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.ReplaceAll(cells[i], "\x00", `\|`)
	}
	return cells
}

// plain removes the markdown markup of a cell, as docgen's front ends do.
func plain(cell string) string {
	cell = mdLink.ReplaceAllString(cell, "$1")
	cell = strings.NewReplacer("<br/>", " ", "<br>", " ", "<br />", " ").Replace(cell)
	cell = mdTag.ReplaceAllString(cell, "")
	return strings.TrimSpace(mdText.Replace(cell))
}
