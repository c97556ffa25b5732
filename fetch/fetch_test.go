package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every test here talks to an httptest server on the loopback interface;
// none touches the network.

var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// env is a fake clock and sleep for Options.
type env struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newEnv() *env { return &env{now: t0} }

func (e *env) opts() Options {
	return Options{
		Now: func() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.now },
		Sleep: func(_ context.Context, d time.Duration) error {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.sleeps = append(e.sleeps, d)
			return nil
		},
		Jitter: func() float64 { return 0.5 },
	}
}

func (e *env) advance(d time.Duration) { e.mu.Lock(); e.now = e.now.Add(d); e.mu.Unlock() }

func hash(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return string(b)
}

// files lists dir's entries (including hidden ones), sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func manifest(t *testing.T, dir string) *Manifest {
	t.Helper()
	m, err := ReadManifest(dir)
	require.NoError(t, err)
	return m
}

// page is a mutable page served by a test server: content, ETag, and
// whether it honours conditional requests.
type page struct {
	mu          sync.Mutex
	body        string
	etag        string
	lastMod     string
	contentType string
	honour      bool
	requests    []http.Header
}

func (p *page) set(body, etag string) { p.mu.Lock(); p.body, p.etag = body, etag; p.mu.Unlock() }

func (p *page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.requests = append(p.requests, r.Header.Clone())
	if p.etag != "" {
		w.Header().Set("ETag", p.etag)
	}
	if p.lastMod != "" {
		w.Header().Set("Last-Modified", p.lastMod)
	}
	if p.honour && p.etag != "" && r.Header.Get("If-None-Match") == p.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", p.contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(p.body)))
	fmt.Fprint(w, p.body)
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func TestNewPageAndManifest(t *testing.T) {
	html := &page{body: "<h1>Update widget</h1>", etag: `"v1"`, lastMod: "Mon, 29 Apr 2024 10:00:00 GMT", contentType: "text/html; charset=utf-8"}
	md := &page{body: "# widget resource type\n", contentType: "text/plain; charset=utf-8"}
	mux := http.NewServeMux()
	mux.Handle("/graph/api/widget-update", html)
	mux.Handle("/docs/resources/widget.md", md)
	s := serve(t, mux)
	dir := filepath.Join(t.TempDir(), "pages") // created by Fetch
	e := newEnv()

	urls := []string{s.URL + "/graph/api/widget-update?view=graph-rest-beta", s.URL + "/docs/resources/widget.md"}
	res, err := Fetch(context.Background(), dir, urls, e.opts())
	require.NoError(t, err)
	assert.Equal(t, []Result{
		{URL: urls[1], File: "widget.md", Status: New}, // raw markdown served as text/plain keeps .md
		{URL: urls[0], File: "widget-update.html", Status: New},
	}, res)
	assert.Equal(t, html.body, read(t, filepath.Join(dir, "widget-update.html")))
	assert.Equal(t, []string{ManifestName, "widget-update.html", "widget.md"}, files(t, dir))

	// The request names docgen and is not conditional.
	require.Len(t, html.requests, 1)
	assert.Contains(t, html.requests[0].Get("User-Agent"), "docgen")
	assert.Empty(t, html.requests[0].Get("If-None-Match"))

	want := fmt.Sprintf(`{
  "version": 1,
  "pages": [
    {
      "url": %q,
      "file": "widget.md",
      "retrieved": "2024-05-01T12:00:00Z",
      "checked": "2024-05-01T12:00:00Z",
      "sha256": %q,
      "size": 23,
      "contentType": "text/plain; charset=utf-8"
    },
    {
      "url": %q,
      "file": "widget-update.html",
      "retrieved": "2024-05-01T12:00:00Z",
      "checked": "2024-05-01T12:00:00Z",
      "etag": "\"v1\"",
      "lastModified": "Mon, 29 Apr 2024 10:00:00 GMT",
      "sha256": %q,
      "size": 22,
      "contentType": "text/html; charset=utf-8"
    }
  ]
}
`, urls[1], hash(md.body), urls[0], hash(html.body))
	assert.Equal(t, want, read(t, filepath.Join(dir, ManifestName)))

	// Fetching again is a refresh of the same pages, with the same names.
	res, err = Fetch(context.Background(), dir, urls[:1], e.opts())
	require.NoError(t, err)
	assert.Equal(t, []Result{{URL: urls[0], File: "widget-update.html", Status: Unchanged}}, res)
	assert.Len(t, manifest(t, dir).Pages, 2)
}

func TestChangedPage(t *testing.T) {
	p := &page{body: "v1 content", etag: `"v1"`, contentType: "text/html", honour: true}
	s := serve(t, p)
	dir := t.TempDir()
	e := newEnv()
	_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, e.opts())
	require.NoError(t, err)

	p.set("v2 content, longer", `"v2"`)
	e.advance(24 * time.Hour)
	res, err := Refresh(context.Background(), dir, e.opts())
	require.NoError(t, err)
	assert.Equal(t, []Result{{URL: s.URL + "/x", File: "x.html", Status: Changed}}, res)
	assert.Equal(t, "v2 content, longer", read(t, filepath.Join(dir, "x.html")))
	assert.Equal(t, `"v1"`, p.requests[1].Get("If-None-Match"), "refresh must be conditional")
	got := manifest(t, dir).Pages[0]
	assert.Equal(t, hash("v2 content, longer"), got.SHA256)
	assert.Equal(t, `"v2"`, got.ETag)
	assert.Equal(t, "2024-05-02T12:00:00Z", got.Retrieved)
	assert.Equal(t, int64(18), got.Size)
}

func TestUnchanged(t *testing.T) {
	for _, honour := range []bool{true, false} {
		t.Run(fmt.Sprintf("304=%v", honour), func(t *testing.T) {
			p := &page{body: "same", etag: `"v1"`, lastMod: "Mon, 29 Apr 2024 10:00:00 GMT", contentType: "text/html", honour: honour}
			s := serve(t, p)
			dir := t.TempDir()
			e := newEnv()
			_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, e.opts())
			require.NoError(t, err)
			e.advance(time.Hour)
			res, err := Refresh(context.Background(), dir, e.opts())
			require.NoError(t, err)
			assert.Equal(t, Unchanged, res[0].Status)
			require.Len(t, p.requests, 2)
			assert.Equal(t, `"v1"`, p.requests[1].Get("If-None-Match"))
			assert.Equal(t, "Mon, 29 Apr 2024 10:00:00 GMT", p.requests[1].Get("If-Modified-Since"))
			got := manifest(t, dir).Pages[0]
			assert.Equal(t, "2024-05-01T12:00:00Z", got.Retrieved, "content was not downloaded again")
			assert.Equal(t, "2024-05-01T13:00:00Z", got.Checked)
			assert.Equal(t, []string{ManifestName, "x.html"}, files(t, dir), "no temporary file left")
		})
	}
}

func TestMissingFileIsDownloadedAgain(t *testing.T) {
	p := &page{body: "content", etag: `"v1"`, contentType: "text/html", honour: true}
	s := serve(t, p)
	dir := t.TempDir()
	_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, newEnv().opts())
	require.NoError(t, err)
	require.NoError(t, os.Remove(filepath.Join(dir, "x.html")))
	res, err := Refresh(context.Background(), dir, newEnv().opts())
	require.NoError(t, err)
	assert.Equal(t, Changed, res[0].Status)
	assert.Empty(t, p.requests[1].Get("If-None-Match"), "no conditional request without the file")
	assert.Equal(t, "content", read(t, filepath.Join(dir, "x.html")))
}

func TestRetryAfter(t *testing.T) {
	var n atomic.Int32
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			w.Header().Set("Retry-After", "3600") // capped at MaxBackoff
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			fmt.Fprint(w, "finally")
		}
	}))
	dir := t.TempDir()
	e := newEnv()
	o := e.opts()
	o.MaxBackoff = 30 * time.Second
	res, err := Fetch(context.Background(), dir, []string{s.URL + "/p"}, o)
	require.NoError(t, err)
	assert.Equal(t, New, res[0].Status)
	assert.Equal(t, []time.Duration{7 * time.Second, 30 * time.Second}, e.sleeps)
	assert.Equal(t, "finally", read(t, filepath.Join(dir, "p.txt")))
}

func TestServerErrorExhaustsRetries(t *testing.T) {
	var fail atomic.Bool
	var n atomic.Int32
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			n.Add(1)
			http.Error(w, "boom", http.StatusBadGateway)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "good old content")
	}))
	dir := t.TempDir()
	_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, newEnv().opts())
	require.NoError(t, err)
	before := read(t, filepath.Join(dir, ManifestName))

	fail.Store(true)
	e := newEnv()
	o := e.opts()
	o.MaxAttempts = 4
	res, err := Refresh(context.Background(), dir, o)
	require.NoError(t, err)
	require.Equal(t, Failed, res[0].Status)
	assert.EqualError(t, res[0].Err, "HTTP 502 Bad Gateway (gave up after 4 attempts)")
	assert.Equal(t, int32(4), n.Load())
	// Exponential backoff with jitter 0.5: 1s, 2s, 4s → 0.75s, 1.5s, 3s.
	assert.Equal(t, []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second}, e.sleeps)
	assert.Equal(t, "good old content", read(t, filepath.Join(dir, "x.html")), "old file untouched")
	after := read(t, filepath.Join(dir, ManifestName))
	assert.Equal(t, before, after, "a failed page keeps its manifest entry")
	assert.Equal(t, []string{ManifestName, "x.html"}, files(t, dir))
}

func TestNotFoundIsNotRetried(t *testing.T) {
	var n atomic.Int32
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { n.Add(1); http.NotFound(w, r) }))
	dir := t.TempDir()
	res, err := Fetch(context.Background(), dir, []string{s.URL + "/gone"}, newEnv().opts())
	require.NoError(t, err)
	assert.Equal(t, Result{URL: s.URL + "/gone", Status: Failed, Err: res[0].Err}, res[0])
	assert.EqualError(t, res[0].Err, "HTTP 404 Not Found")
	assert.Equal(t, int32(1), n.Load())
	assert.Equal(t, []string{ManifestName}, files(t, dir))
	assert.Empty(t, manifest(t, dir).Pages)
}

func TestTruncatedBody(t *testing.T) {
	var truncate atomic.Bool
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if truncate.Load() {
			w.Header().Set("Content-Length", "1000")
			fmt.Fprint(w, "only part of the page")
			return // the server closes the connection: the client sees an unexpected EOF
		}
		fmt.Fprint(w, "complete page")
	}))
	dir := t.TempDir()
	_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, newEnv().opts())
	require.NoError(t, err)

	truncate.Store(true)
	o := newEnv().opts()
	o.MaxAttempts = 2
	res, err := Fetch(context.Background(), dir, []string{s.URL + "/x", s.URL + "/y"}, o)
	require.NoError(t, err)
	for _, r := range res {
		assert.Equal(t, Failed, r.Status, r.URL)
		assert.ErrorContains(t, r.Err, "reading body")
		assert.ErrorContains(t, r.Err, "gave up after 2 attempts")
	}
	assert.Equal(t, "complete page", read(t, filepath.Join(dir, "x.html")))
	assert.Equal(t, []string{ManifestName, "x.html"}, files(t, dir), "no partial file, no y.html")
}

func TestOversizePage(t *testing.T) {
	var n atomic.Int32
	big := strings.Repeat("x", 2048)
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if r.URL.Path == "/chunked" {
			w.Write([]byte(big[:1024]))
			w.(http.Flusher).Flush() // no Content-Length: the limit is found while reading
			w.Write([]byte(big[1024:]))
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(big)))
		fmt.Fprint(w, big)
	}))
	dir := t.TempDir()
	o := newEnv().opts()
	o.MaxSize = 1024
	res, err := Fetch(context.Background(), dir, []string{s.URL + "/chunked", s.URL + "/declared"}, o)
	require.NoError(t, err)
	assert.EqualError(t, res[0].Err, "page is more than the 1024-byte limit")
	assert.EqualError(t, res[1].Err, "page is 2048 bytes, more than the 1024-byte limit")
	assert.Equal(t, int32(2), n.Load(), "too large is not retried")
	assert.Equal(t, []string{ManifestName}, files(t, dir))
}

func TestTimeout(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	o := newEnv().opts()
	o.Timeout, o.MaxAttempts = 50*time.Millisecond, 1
	res, err := Fetch(context.Background(), t.TempDir(), []string{s.URL + "/slow"}, o)
	require.NoError(t, err)
	assert.EqualError(t, res[0].Err, "timed out (gave up after 1 attempt)")
}

func TestPathTraversal(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "page at "+r.URL.EscapedPath())
	}))
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b")
	urls := []string{
		s.URL + "/..%2F..%2Fescaped.md",
		s.URL + "/%2e%2e/%2e%2e/",
		s.URL + "/docs/..",
		s.URL + "/docs/.hidden",
		s.URL + "/C:%5Cwindows%5Cx.md",
		s.URL,
	}
	res, err := Fetch(context.Background(), dir, urls, newEnv().opts())
	require.NoError(t, err)
	var got []string
	for _, r := range res {
		require.Equal(t, New, r.Status, "%s: %v", r.URL, r.Err)
		assert.True(t, validFile(r.File), r.File)
		got = append(got, r.File)
	}
	// In URL order: the bare host and every path that cleans to "/" are
	// named after the host.
	assert.Equal(t, []string{"127.0.0.1.md", "127.0.0.1-2.md", "escaped.md", "C-windows-x.md", "127.0.0.1-3.md", "hidden.md"}, got)
	// Nothing was written outside dir.
	assert.Equal(t, []string{"a"}, files(t, root))
	assert.Equal(t, []string{"b"}, files(t, filepath.Join(root, "a")))

	// An edited manifest naming a file outside dir is refused, not followed.
	m := manifest(t, dir)
	m.Pages[0].File = "../../escaped.md"
	require.NoError(t, m.write(dir))
	res, err = Refresh(context.Background(), dir, newEnv().opts())
	require.NoError(t, err)
	assert.Equal(t, Failed, res[0].Status)
	assert.EqualError(t, res[0].Err, `manifest names an unsafe file "../../escaped.md"`)
	assert.Equal(t, []string{"a"}, files(t, root))
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"https://h/graph/api/intune-update?view=graph-rest-beta": "intune-update",
		"https://h/a/b/widget.MD":                                "widget .md",
		"https://h/a/page.htm#frag":                              "page .html",
		"https://h/":                                             "h",
		"https://h/..":                                           "h",
		"https://h/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd":             "passwd",
		"https://h/a/...":                                        "page",
		"https://h/a/%C3%BCber%20stra%C3%9Fe":                    "ber-stra-e",
		"https://h/" + strings.Repeat("x", 300):                  strings.Repeat("x", maxStem),
	} {
		u, err := url.Parse(in)
		require.NoError(t, err)
		base, ext := stem(u)
		assert.Equal(t, want, strings.TrimSpace(base+" "+ext), in)
	}
	assert.Equal(t, ".md", extFor("", "text/markdown; charset=utf-8"))
	assert.Equal(t, ".html", extFor("", "application/xhtml+xml"))
	assert.Equal(t, ".txt", extFor("", "application/octet-stream"))
	assert.Equal(t, ".md", extFor(".md", "text/html"))
}

func TestNamesAreUniqueAndDeterministic(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, r.URL.Path)
	}))
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "widget.html"), []byte("mine"), 0o644))
	urls := []string{s.URL + "/v2/Widget", s.URL + "/v1/widget", s.URL + "/v3/widget"}
	o := newEnv().opts()
	o.Concurrency = 3
	res, err := Fetch(context.Background(), dir, urls, o)
	require.NoError(t, err)
	var got []string
	for _, r := range res {
		got = append(got, r.URL[len(s.URL):]+" "+r.File)
	}
	assert.Equal(t, []string{"/v1/widget widget-2.html", "/v2/Widget Widget-3.html", "/v3/widget widget-4.html"}, got)
	assert.Equal(t, "mine", read(t, filepath.Join(dir, "widget.html")), "a file docgen did not write is kept")
}

func TestConcurrencyLimit(t *testing.T) {
	for _, limit := range []int{1, 2, 3} {
		t.Run(strconv.Itoa(limit), func(t *testing.T) {
			var inFlight, peak atomic.Int32
			release := make(chan struct{})
			var once sync.Once
			s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				if int(n) >= limit {
					once.Do(func() { close(release) })
				}
				// Hold every request until the limit is reached (or a
				// while), and a little longer, so that a fetcher allowing
				// more would be caught with more in flight.
				select {
				case <-release:
				case <-time.After(2 * time.Second):
				}
				time.Sleep(20 * time.Millisecond)
				inFlight.Add(-1)
				fmt.Fprint(w, "ok")
			}))
			var urls []string
			for i := range 8 {
				urls = append(urls, fmt.Sprintf("%s/p%d", s.URL, i))
			}
			o := newEnv().opts()
			o.Concurrency = limit
			res, err := Fetch(context.Background(), t.TempDir(), urls, o)
			require.NoError(t, err)
			for _, r := range res {
				require.Equal(t, New, r.Status, "%v", r.Err)
			}
			assert.Equal(t, int32(limit), peak.Load())
		})
	}
}

func TestManifestErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := Refresh(context.Background(), dir, Options{})
	assert.ErrorIs(t, err, os.ErrNotExist)
	require.NoError(t, os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{"version": 2, "pages": []}`), 0o644))
	_, err = Refresh(context.Background(), dir, Options{})
	assert.ErrorContains(t, err, "unsupported version 2")
	require.NoError(t, os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{`), 0o644))
	_, err = Fetch(context.Background(), dir, []string{"https://example.invalid/x"}, Options{})
	assert.ErrorContains(t, err, ManifestName)

	for _, u := range []string{"ftp://h/x", "/just/a/path", "https://", "http://h/%zz"} {
		assert.Error(t, CheckURL(u), u)
	}
	assert.NoError(t, CheckURL("https://learn.microsoft.com/graph/api/x?view=graph-rest-beta"))
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	assert.Equal(t, 5*time.Second, retryAfter("5", now))
	assert.Equal(t, 90*time.Second, retryAfter("Wed, 01 May 2024 12:01:30 GMT", now))
	assert.Equal(t, time.Duration(0), retryAfter("Wed, 01 May 2024 11:00:00 GMT", now))
	assert.Equal(t, time.Duration(0), retryAfter("-3", now))
	assert.Equal(t, time.Duration(0), retryAfter("soon", now))
	assert.Equal(t, time.Duration(0), retryAfter("", now))
}

func TestSleepAndCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	assert.NoError(t, sleep(ctx, time.Millisecond))
	cancel()
	assert.ErrorIs(t, sleep(ctx, time.Hour), context.Canceled)

	// A cancelled run stops retrying and reports the pages failed.
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	o := newEnv().opts()
	o.Sleep = sleep
	res, err := Fetch(ctx, t.TempDir(), []string{s.URL + "/x"}, o)
	require.NoError(t, err)
	assert.Equal(t, Failed, res[0].Status)
	assert.ErrorContains(t, res[0].Err, "context canceled")
}

// TestLeftoverTempFilesRemoved: the partial download a killed run left (a
// ".docgen-*.tmp" file) is removed by the next run.
func TestLeftoverTempFilesRemoved(t *testing.T) {
	s := serve(t, &page{body: "content", contentType: "text/html"})
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".docgen-123.tmp"), []byte("half a pa"), 0o600))
	_, err := Fetch(context.Background(), dir, []string{s.URL + "/x"}, newEnv().opts())
	require.NoError(t, err)
	assert.Equal(t, []string{ManifestName, "x.html"}, files(t, dir))
}

// TestRedirectToAnotherHost: pages that redirect to another server are
// saved under the URL asked for, with the URL that answered in the
// manifest and the result. A refresh asks a page that moved for good (301,
// 308) at its new URL, conditionally; one redirected temporarily (302,
// 307) at the URL asked for, and a new redirect is recorded.
func TestRedirectToAnotherHost(t *testing.T) {
	p := &page{body: "<h1>widget</h1>", etag: `"v1"`, contentType: "text/html", honour: true}
	var moveAgain atomic.Bool
	docs := http.NewServeMux()
	docs.Handle("/new/widget", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if moveAgain.Load() {
			http.Redirect(w, r, "/newer/widget", http.StatusPermanentRedirect)
			return
		}
		p.ServeHTTP(w, r)
	}))
	docs.Handle("/newer/widget", p)
	b := serve(t, docs)
	var oldHits, tempHits atomic.Int32
	old := http.NewServeMux()
	old.HandleFunc("/old/widget", func(w http.ResponseWriter, r *http.Request) {
		oldHits.Add(1)
		http.Redirect(w, r, b.URL+"/new/widget", http.StatusMovedPermanently)
	})
	old.HandleFunc("/temp/gadget", func(w http.ResponseWriter, r *http.Request) {
		tempHits.Add(1)
		http.Redirect(w, r, b.URL+"/new/widget", http.StatusFound)
	})
	a := serve(t, old)
	dir := t.TempDir()
	e := newEnv()
	moved, temp := a.URL+"/old/widget", a.URL+"/temp/gadget"
	res, err := Fetch(context.Background(), dir, []string{moved, temp}, e.opts())
	require.NoError(t, err)
	final := b.URL + "/new/widget"
	assert.Equal(t, []Result{
		{URL: moved, FinalURL: final, File: "widget.html", Status: New},
		{URL: temp, FinalURL: final, File: "gadget.html", Status: New},
	}, res)
	m := manifest(t, dir)
	require.Len(t, m.Pages, 2)
	assert.Equal(t, Entry{URL: moved, File: "widget.html", Retrieved: "2024-05-01T12:00:00Z", Checked: "2024-05-01T12:00:00Z",
		ETag: `"v1"`, SHA256: hash(p.body), Size: int64(len(p.body)), ContentType: "text/html",
		FinalURL: final, Redirect: RedirectPermanent}, m.Pages[0])
	assert.Equal(t, final, m.Pages[1].FinalURL)
	assert.Equal(t, RedirectTemporary, m.Pages[1].Redirect)
	assert.Contains(t, read(t, filepath.Join(dir, ManifestName)), `"finalUrl": "`+final+`",`+"\n"+`      "redirect": "permanent"`)

	res, err = Refresh(context.Background(), dir, e.opts())
	require.NoError(t, err)
	assert.Equal(t, []Result{
		{URL: moved, FinalURL: final, File: "widget.html", Status: Unchanged},
		{URL: temp, FinalURL: final, File: "gadget.html", Status: Unchanged},
	}, res)
	assert.Equal(t, int32(1), oldHits.Load(), "the moved page is asked at its new URL")
	assert.Equal(t, int32(2), tempHits.Load(), "the temporarily redirected page is asked where it was")
	require.Len(t, p.requests, 4)
	assert.Equal(t, `"v1"`, p.requests[2].Get("If-None-Match"), "the refresh is conditional")

	// The page moves on, for good: both entries follow.
	moveAgain.Store(true)
	_, err = Refresh(context.Background(), dir, e.opts())
	require.NoError(t, err)
	m = manifest(t, dir)
	assert.Equal(t, b.URL+"/newer/widget", m.Pages[0].FinalURL)
	assert.Equal(t, RedirectPermanent, m.Pages[0].Redirect, "moved by 301, then 308")
	assert.Equal(t, b.URL+"/newer/widget", m.Pages[1].FinalURL)
	assert.Equal(t, RedirectTemporary, m.Pages[1].Redirect, "302, then 308")
}

// TestUnfixableErrorsNotRetried: a redirect loop, a Location that is not a
// URL or not an http(s) one, and a 4xx other than 408 and 429 fail at the
// first attempt; a 408, and a redirect to a server that does not answer
// (a transport error), are retried.
func TestUnfixableErrorsNotRetried(t *testing.T) {
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close() // nothing listens there any more
	var hits sync.Map
	count := func(path string) int32 {
		n, _ := hits.LoadOrStore(path, new(atomic.Int32))
		return n.(*atomic.Int32).Load()
	}
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := hits.LoadOrStore(r.URL.Path, new(atomic.Int32))
		n.(*atomic.Int32).Add(1)
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/bad-location":
			w.Header().Set("Location", "http://[::1")
			w.WriteHeader(http.StatusFound)
		case "/ftp":
			w.Header().Set("Location", "ftp://example.invalid/page")
			w.WriteHeader(http.StatusMovedPermanently)
		case "/forbidden":
			http.Error(w, "no", http.StatusForbidden)
		case "/slow":
			http.Error(w, "later", http.StatusRequestTimeout)
		case "/to-down":
			http.Redirect(w, r, down.URL+"/page", http.StatusFound)
		}
	}))
	for path, want := range map[string]struct {
		err      string
		requests int32
		attempts int
	}{
		"/loop":         {"stopped after 10 redirects", 11, 1},
		"/bad-location": {`failed to parse Location header "http://[::1"`, 1, 1},
		"/ftp":          {`redirected to URL "ftp://example.invalid/page": want an http or https URL`, 1, 1},
		"/forbidden":    {"HTTP 403 Forbidden", 1, 1},
		"/slow":         {"HTTP 408 Request Timeout (gave up after 4 attempts)", 4, 4},
		"/to-down":      {"(gave up after 4 attempts)", 4, 4},
	} {
		t.Run(path, func(t *testing.T) {
			e := newEnv()
			res, err := Fetch(context.Background(), t.TempDir(), []string{s.URL + path}, e.opts())
			require.NoError(t, err)
			require.Equal(t, Failed, res[0].Status)
			assert.Contains(t, res[0].Err.Error(), want.err)
			assert.Equal(t, want.requests, count(path), "requests")
			assert.Len(t, e.sleeps, want.attempts-1, "sleeps between attempts")
		})
	}
}

// TestConcurrentFetches: two fetches into one directory at once take turns
// (package dirlock): the manifest ends up with both pages.
func TestConcurrentFetches(t *testing.T) {
	s := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, r.URL.Path)
	}))
	for range 5 {
		dir := t.TempDir()
		var wg sync.WaitGroup
		for _, p := range []string{"/a", "/b"} {
			wg.Add(1)
			go func() { // not wg.Go: go.mod declares Go 1.24
				defer wg.Done()
				_, err := Fetch(context.Background(), dir, []string{s.URL + p}, newEnv().opts())
				assert.NoError(t, err)
			}()
		}
		wg.Wait()
		assert.Len(t, manifest(t, dir).Pages, 2)
		assert.Equal(t, []string{"a.txt", "b.txt", ManifestName}, files(t, dir))
	}
}
