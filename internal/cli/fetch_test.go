package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/fetch"
)

func runMain(args ...string) (int, string, string) {
	var o, e bytes.Buffer
	code := Main(args, &o, &e)
	return code, o.String(), e.String()
}

// TestFetchCommand runs docgen fetch and fetch -refresh against an httptest
// server (never the network) through Main, as users run it.
func TestFetchCommand(t *testing.T) {
	var version atomic.Int32
	version.Store(1)
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/graph/api/widget-update":
			etag := fmt.Sprintf(`"v%d"`, version.Load())
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			if !strings.HasPrefix(r.Header.Get("User-Agent"), "docgen/") {
				http.Error(w, "who are you?", http.StatusForbidden)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<h1>Update widget</h1><p>version %d</p>", version.Load())
		default:
			http.NotFound(w, r)
		}
	}))
	defer s.Close()
	t.Chdir(t.TempDir())
	page := s.URL + "/graph/api/widget-update?view=graph-rest-beta"

	code, out, errOut := runMain("fetch", "-o", "pages", page)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, page+": new (widget-update.html)\n1 page: 1 new, 0 changed, 0 unchanged, 0 failed (manifest: pages/docgen-fetch.json)\n", out)
	assert.Empty(t, errOut)
	m, err := fetch.ReadManifest("pages")
	require.NoError(t, err)
	require.Len(t, m.Pages, 1)
	assert.Equal(t, "widget-update.html", m.Pages[0].File)
	assert.Equal(t, `"v1"`, m.Pages[0].ETag)

	code, out, _ = runMain("fetch", "-refresh", "pages")
	assert.Equal(t, 0, code)
	assert.Equal(t, page+": unchanged (widget-update.html)\n1 page: 0 new, 0 changed, 1 unchanged, 0 failed (manifest: pages/docgen-fetch.json)\n", out)

	version.Store(2)
	code, out, _ = runMain("fetch", "-refresh", "pages")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, page+": changed (widget-update.html)\n")
	data, err := os.ReadFile(filepath.Join("pages", "widget-update.html"))
	require.NoError(t, err)
	assert.Contains(t, string(data), "version 2")

	// A failed page: exit 1, reported, nothing written for it.
	code, out, errOut = runMain("fetch", "-o", "pages", "-attempts", "1", s.URL+"/missing", page)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, s.URL+"/missing: failed: HTTP 404 Not Found\n")
	assert.Contains(t, out, "2 pages: 0 new, 0 changed, 1 unchanged, 1 failed")
	assert.Equal(t, "docgen: fetch: 1 page failed\n", errOut)
	_, err = os.Stat(filepath.Join("pages", "missing.html"))
	assert.True(t, os.IsNotExist(err))

	code, _, errOut = runMain("fetch", "-refresh", "elsewhere")
	assert.Equal(t, 1, code)
	assert.Equal(t, "docgen: fetch: elsewhere: no docgen-fetch.json (save pages with -o first)\n", errOut)
}

func TestFetchUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"fetch"}, "fetch: give either -o DIR and URLs, or -refresh DIR"},
		{[]string{"fetch", "-o", "d", "-refresh", "d"}, "fetch: give either -o DIR and URLs, or -refresh DIR"},
		{[]string{"fetch", "-o", "d"}, "fetch: no URL given"},
		{[]string{"fetch", "-refresh", "d", "https://example.com/x"}, "fetch: -refresh takes no URLs (it refreshes those in the manifest)"},
		{[]string{"fetch", "-o", "d", "file:///etc/passwd"}, `fetch: URL "file:///etc/passwd": want an http or https URL`},
		{[]string{"fetch", "-o", "d", "-concurrency", "50", "https://example.com/x"}, "fetch: -concurrency must be between 1 and 8"},
		{[]string{"fetch", "-o", "d", "-attempts", "0", "https://example.com/x"}, "fetch: -attempts must be at least 1"},
		{[]string{"fetch", "-o", "d", "-timeout", "0s", "https://example.com/x"}, "fetch: -timeout must be positive"},
		{[]string{"fetch", "-o", "d", "-max-mib", "0", "https://example.com/x"}, "fetch: -max-mib must be at least 1"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Chdir(t.TempDir())
			code, out, errOut := runMain(tt.args...)
			assert.Equal(t, ExitUsage, code)
			assert.Empty(t, out)
			assert.Equal(t, "docgen: "+tt.msg+"\n", errOut)
			_, err := os.Stat("d")
			assert.True(t, os.IsNotExist(err), "a usage error must not create the directory")
		})
	}
}

// TestFetchCommandRedirect: a page that redirects to another host is
// reported with where it led.
func TestFetchCommandRedirect(t *testing.T) {
	docs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<h1>Update widget</h1>")
	}))
	defer docs.Close()
	old := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, docs.URL+"/moved"+r.URL.Path, http.StatusMovedPermanently)
	}))
	defer old.Close()
	t.Chdir(t.TempDir())
	code, out, errOut := runMain("fetch", "-o", "pages", old.URL+"/widget-update")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, old.URL+"/widget-update: new (widget-update.html; redirected to "+docs.URL+"/moved/widget-update)\n"+
		"1 page: 1 new, 0 changed, 0 unchanged, 0 failed (manifest: pages/docgen-fetch.json)\n", out)
}
