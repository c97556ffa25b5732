// Package fetch saves documentation pages from the web into a directory,
// with their provenance in a manifest (docgen-fetch.json), and refreshes
// them later with conditional requests.
//
// It is careful with the servers it talks to and with the directory it
// writes: one User-Agent naming docgen, a small concurrency limit, a timeout
// per request, retries with exponential backoff and jitter on 408, 429 and
// 5xx (and on transport errors), honouring Retry-After up to a cap, but
// never on what retrying cannot fix (other 4xx, too many redirects, a bad
// Location), a maximum page size, and no partial files: content goes to a
// temporary file in the directory and is renamed into place only when
// complete, so a page that fails leaves its old file untouched. The
// manifest is written the same way. One run at a time works in a directory
// (package dirlock).
//
// A page that redirects is saved under the URL asked for, with the URL that
// answered in the manifest (finalUrl, and whether every hop was permanent);
// a refresh asks a permanently moved page's final URL directly.
//
// The clock, the sleep function and the HTTP client are injectable, so tests
// run against httptest servers without waiting; docgen's own tests never
// touch the network.
package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/docgen-dev/docgen/internal/atomicfile"
	"github.com/docgen-dev/docgen/internal/dirlock"
	"github.com/docgen-dev/docgen/internal/english"
)

// Defaults for Options.
const (
	DefaultTimeout     = 30 * time.Second
	DefaultMaxAttempts = 4
	DefaultConcurrency = 2
	DefaultMaxSize     = 16 << 20 // 16 MiB
	DefaultBackoff     = time.Second
	DefaultMaxBackoff  = time.Minute
	DefaultUserAgent   = "docgen (+https://github.com/docgen-dev/docgen)"
	DefaultLockTimeout = time.Minute
	// MaxRedirects is how many redirects one request follows.
	MaxRedirects = 10
)

// Options configure a Fetcher. Zero values take the defaults.
type Options struct {
	Client      *http.Client  // default: a client with no overall timeout (Timeout applies per attempt)
	Timeout     time.Duration // per attempt, headers and body
	MaxAttempts int           // attempts per page, including the first
	Concurrency int           // pages fetched at once
	MaxSize     int64         // bytes; a larger page fails
	UserAgent   string
	// Backoff is the delay before the second attempt; each later one doubles
	// it, up to MaxBackoff, with jitter (a random delay between half the
	// value and the value). A Retry-After header replaces the computed delay,
	// but is capped at MaxBackoff too.
	Backoff    time.Duration
	MaxBackoff time.Duration
	// Now is the clock (default time.Now); dates are recorded in UTC.
	Now func() time.Time
	// Sleep waits d or until ctx is done (default: a timer).
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter returns a number in [0, 1) (default math/rand/v2).
	Jitter func() float64
	// LockTimeout is how long to wait for another run's lock on the
	// directory; Waiting, if set, is called once, with the lock file's
	// path, when a run has to wait.
	LockTimeout time.Duration
	Waiting     func(lockFile string)
}

func (o Options) withDefaults() Options {
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Jitter == nil {
		o.Jitter = rand.Float64
	}
	if o.LockTimeout <= 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	return o
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Status is what happened to one page.
type Status string

// Statuses.
const (
	New       Status = "new"       // first download
	Changed   Status = "changed"   // content differs from the saved file, which was replaced
	Unchanged Status = "unchanged" // 304 Not Modified, or the same content
	Failed    Status = "failed"    // see Result.Err; the saved file, if any, is untouched
)

// Result reports one page.
type Result struct {
	URL      string
	FinalURL string // the URL that answered, if it is not URL (redirects)
	File     string // name in the directory; empty if a new page failed
	Status   Status
	Err      error // set when Status is Failed
}

// Fetch downloads urls into dir (created if needed) and records them in its
// manifest. URLs the manifest already lists are refreshed as by Refresh.
// Results are sorted by URL. The error is for problems with dir or the
// manifest, or a URL that is not http(s); failed pages are Results.
func Fetch(ctx context.Context, dir string, urls []string, opts Options) ([]Result, error) {
	for _, u := range urls {
		if err := CheckURL(u); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	o := opts.withDefaults()
	return locked(dir, o, func() ([]Result, error) {
		m, err := readManifestIfAny(dir)
		if err != nil {
			return nil, err
		}
		return run(ctx, dir, m, urls, o)
	})
}

// Refresh re-downloads every page in dir's manifest with conditional
// requests (If-None-Match, If-Modified-Since) and replaces the pages that
// changed.
func Refresh(ctx context.Context, dir string, opts Options) ([]Result, error) {
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		return nil, err // before locking: a missing directory is a missing manifest
	}
	o := opts.withDefaults()
	return locked(dir, o, func() ([]Result, error) {
		m, err := ReadManifest(dir)
		if err != nil {
			return nil, err
		}
		var urls []string
		for _, e := range m.Pages {
			urls = append(urls, e.URL)
		}
		return run(ctx, dir, m, urls, o)
	})
}

// locked runs f holding dir's lock: from reading the manifest to writing it
// again, and removing the temporary files of killed runs, no other run
// works in dir.
func locked(dir string, o Options, f func() ([]Result, error)) ([]Result, error) {
	lock, err := dirlock.Acquire(dir, o.LockTimeout, o.Waiting)
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	atomicfile.RemoveTemps(dir) // what a killed run left: under the lock, no other run is alive here
	return f()
}

// CheckURL reports whether u is an absolute http or https URL with a host.
func CheckURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("URL %q: %v", u, err)
	}
	if (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Errorf("URL %q: want an http or https URL", u)
	}
	return nil
}

// job is one page to fetch: a copy of its manifest entry, if any, and that
// entry's index in the manifest.
type job struct {
	url string
	old *Entry
	idx int
}

// ask is the URL to request: where a page moved for good, if it did.
func (j job) ask() string {
	if j.old != nil && j.old.Redirect == RedirectPermanent && CheckURL(j.old.FinalURL) == nil {
		return j.old.FinalURL
	}
	return j.url
}

// download is a completed attempt to get one page's content.
type download struct {
	notModified bool
	tmp         string // temporary file with the content; "" if not modified
	sha         string
	size        int64
	contentType string
	etag        string
	lastMod     string
	at          time.Time
	// final is the URL that answered; permanent reports that every
	// redirect to it (including, for a moved page, the one that moved it)
	// was permanent.
	final     string
	permanent bool
	err       error
}

func run(ctx context.Context, dir string, m *Manifest, urls []string, o Options) ([]Result, error) {
	byURL := map[string]int{}
	for i, e := range m.Pages {
		byURL[e.URL] = i
	}
	var jobs []job
	seen := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		j := job{url: u, idx: -1}
		if i, ok := byURL[u]; ok {
			e := m.Pages[i]
			j.old, j.idx = &e, i
		}
		jobs = append(jobs, j)
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].url < jobs[j].url })

	// Download concurrently; every result lands in its own slot.
	downloads := make([]download, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(o.Concurrency, len(jobs)) {
		wg.Add(1)
		go func() { // not wg.Go: go.mod declares Go 1.24
			defer wg.Done()
			for i := range next {
				downloads[i] = get(ctx, dir, jobs[i], o)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	// Commit sequentially, in URL order, so names and the manifest do not
	// depend on which download finished first.
	// A new page never takes the name of a page in the manifest or of any
	// file already in dir, compared case-insensitively.
	taken := map[string]bool{}
	for _, e := range m.Pages {
		taken[strings.ToLower(e.File)] = true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		taken[strings.ToLower(e.Name())] = true
	}
	results := make([]Result, len(jobs))
	for i, j := range jobs {
		results[i] = commitPage(dir, m, j, downloads[i], taken)
	}
	if err := m.write(dir); err != nil {
		return results, fmt.Errorf("writing manifest: %w", err)
	}
	return results, nil
}

// commitPage moves a downloaded page into place and updates the manifest.
func commitPage(dir string, m *Manifest, j job, d download, taken map[string]bool) Result {
	r := Result{URL: j.url}
	if j.old != nil {
		r.File = j.old.File
	}
	if d.err == nil && d.final != j.url {
		r.FinalURL = d.final
	}
	fail := func(err error) Result {
		if d.tmp != "" {
			os.Remove(d.tmp)
		}
		r.Status, r.Err = Failed, err
		return r
	}
	if d.err != nil {
		return fail(d.err)
	}
	stamp := d.at.UTC().Format(time.RFC3339)
	if j.old != nil {
		e := &m.Pages[j.idx]
		// A 304, or the same bytes while the file is still there, is unchanged.
		if d.notModified || (d.sha == e.SHA256 && fileExists(filepath.Join(dir, e.File))) {
			if d.tmp != "" {
				os.Remove(d.tmp)
			}
			e.Checked = stamp
			e.FinalURL, e.Redirect = redirect(j.url, d)
			if d.etag != "" {
				e.ETag = d.etag
			}
			if d.lastMod != "" {
				e.LastModified = d.lastMod
			}
			r.Status = Unchanged
			return r
		}
		if err := os.Rename(d.tmp, filepath.Join(dir, e.File)); err != nil {
			return fail(err)
		}
		*e = Entry{URL: e.URL, File: e.File, Retrieved: stamp, Checked: stamp, ETag: d.etag, LastModified: d.lastMod,
			SHA256: d.sha, Size: d.size, ContentType: d.contentType}
		e.FinalURL, e.Redirect = redirect(j.url, d)
		r.Status = Changed
		return r
	}
	u, _ := url.Parse(j.url) // checked by Fetch
	base, urlExt := stem(u)
	name := unique(base, extFor(urlExt, d.contentType), func(n string) bool { return taken[n] })
	if err := os.Rename(d.tmp, filepath.Join(dir, name)); err != nil {
		return fail(err)
	}
	taken[strings.ToLower(name)] = true
	e := Entry{URL: j.url, File: name, Retrieved: stamp, Checked: stamp, ETag: d.etag, LastModified: d.lastMod,
		SHA256: d.sha, Size: d.size, ContentType: d.contentType}
	e.FinalURL, e.Redirect = redirect(j.url, d)
	m.Pages = append(m.Pages, e)
	r.File, r.Status = name, New
	return r
}

// redirect is what the manifest records of where a download of url led.
func redirect(url string, d download) (final, kind string) {
	switch {
	case d.final == "" || d.final == url:
		return "", ""
	case d.permanent:
		return d.final, RedirectPermanent
	}
	return d.final, RedirectTemporary
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// retryable marks an attempt's failure as worth another try, after wait if
// the server said so (Retry-After).
type retryable struct {
	err  error
	wait time.Duration
}

func (e *retryable) Error() string { return e.err.Error() }
func (e *retryable) Unwrap() error { return e.err }

// get fetches one page, retrying as the options say.
func get(ctx context.Context, dir string, j job, o Options) download {
	if j.old != nil && !validFile(j.old.File) {
		return download{err: fmt.Errorf("manifest names an unsafe file %q", j.old.File)}
	}
	conditional := j.old != nil && fileExists(filepath.Join(dir, j.old.File))
	var err error
	for attempt := 1; ; attempt++ {
		var d download
		d, err = attemptGet(ctx, dir, j, conditional, o)
		if err == nil {
			return d
		}
		var re *retryable
		if !errors.As(err, &re) || ctx.Err() != nil {
			break
		}
		if attempt >= o.MaxAttempts {
			err = fmt.Errorf("%w (gave up after %s)", re.err, english.Count(attempt, "attempt"))
			break
		}
		wait := re.wait
		if wait <= 0 {
			wait = backoff(attempt, o)
		}
		if serr := o.Sleep(ctx, min(wait, o.MaxBackoff)); serr != nil {
			err = serr
			break
		}
	}
	return download{err: err}
}

// backoff is the delay after the given failed attempt (1-based): Backoff
// doubled per attempt, capped at MaxBackoff, with "equal jitter" (a random
// value in [d/2, d)).
func backoff(attempt int, o Options) time.Duration {
	d := o.Backoff
	for i := 1; i < attempt && d < o.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, o.MaxBackoff)
	return d/2 + time.Duration(o.Jitter()*float64(d/2))
}

// attemptGet makes one request. The content goes to a temporary file in dir,
// which the caller renames or removes.
func attemptGet(ctx context.Context, dir string, j job, conditional bool, o Options) (download, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, j.ask(), nil)
	if err != nil {
		return download{}, err
	}
	req.Header.Set("User-Agent", o.UserAgent)
	req.Header.Set("Accept", "text/markdown, text/html;q=0.9, text/plain;q=0.8, */*;q=0.1")
	if conditional {
		if j.old.ETag != "" {
			req.Header.Set("If-None-Match", j.old.ETag)
		}
		if j.old.LastModified != "" {
			req.Header.Set("If-Modified-Since", j.old.LastModified)
		}
	}
	client, hops := following(o.Client)
	permanent := j.ask() != j.url // asked where it moved for good
	resp, err := client.Do(req)
	if err != nil {
		// After a redirect response the client failed to follow it (a bad
		// Location, or one the policy refused): asking again is answered
		// the same way. Otherwise the request itself failed.
		if hops.lastErr == nil && isRedirect(hops.lastStatus) {
			return download{}, transportError(err)
		}
		return download{}, &retryable{err: transportError(err)}
	}
	defer resp.Body.Close()
	at := o.Now()
	d := download{etag: resp.Header.Get("ETag"), lastMod: resp.Header.Get("Last-Modified"), at: at,
		final: resp.Request.URL.String(), permanent: (permanent || hops.redirects > 0) && hops.permanent}
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		d.notModified = true
		return d, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		return d, &retryable{err: statusError(resp), wait: retryAfter(resp.Header.Get("Retry-After"), at)}
	case resp.StatusCode != http.StatusOK:
		return d, statusError(resp)
	}
	if resp.ContentLength > o.MaxSize {
		return d, fmt.Errorf("page is %d bytes, more than the %d-byte limit", resp.ContentLength, o.MaxSize)
	}
	d.contentType = resp.Header.Get("Content-Type")
	tmp, err := atomicfile.Create(dir)
	if err != nil {
		return d, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, o.MaxSize+1))
	switch {
	case err != nil:
		err = &retryable{err: fmt.Errorf("reading body: %w", transportError(err))}
	case n > o.MaxSize:
		err = fmt.Errorf("page is more than the %d-byte limit", o.MaxSize)
	case resp.ContentLength >= 0 && n != resp.ContentLength:
		err = &retryable{err: fmt.Errorf("body is %d bytes, Content-Length said %d", n, resp.ContentLength)}
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return d, err
	}
	if err := atomicfile.Finish(tmp); err != nil {
		return d, err
	}
	d.tmp, d.size, d.sha = tmp.Name(), n, hex.EncodeToString(h.Sum(nil))
	return d, nil
}

// hops records the round trips of one request and its redirects.
type hops struct {
	base       http.RoundTripper
	lastStatus int   // of the last round trip that returned a response
	lastErr    error // of the last round trip
	redirects  int
	permanent  bool // every redirect so far was 301 or 308
}

func (h *hops) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := h.base.RoundTrip(req)
	h.lastErr = err
	if err == nil {
		h.lastStatus = resp.StatusCode
	}
	return resp, err
}

// following is c for one request, recording its round trips, and following
// at most MaxRedirects redirects, to http and https URLs only (c's own
// CheckRedirect, if any, has the last word).
func following(c *http.Client) (*http.Client, *hops) {
	h := &hops{base: c.Transport, permanent: true}
	if h.base == nil {
		h.base = http.DefaultTransport
	}
	f := *c
	f.Transport = h
	f.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return fmt.Errorf("stopped after %d redirects", MaxRedirects)
		}
		if err := CheckURL(req.URL.String()); err != nil {
			return fmt.Errorf("redirected to %w", err)
		}
		h.redirects++
		if s := req.Response.StatusCode; s != http.StatusMovedPermanently && s != http.StatusPermanentRedirect {
			h.permanent = false
		}
		if c.CheckRedirect != nil {
			return c.CheckRedirect(req, via)
		}
		return nil
	}
	return &f, h
}

func isRedirect(status int) bool { return status >= 300 && status < 400 }

func statusError(resp *http.Response) error {
	return fmt.Errorf("HTTP %s", resp.Status)
}

// transportError drops the "Get URL:" prefix net/http adds (the URL is
// reported beside the error already).
func transportError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if errors.Is(ue.Err, context.DeadlineExceeded) {
			return errors.New("timed out")
		}
		return ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("timed out")
	}
	return err
}

// retryAfter parses a Retry-After value (seconds or an HTTP date) relative
// to now; 0 if absent or invalid.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(min(s, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
