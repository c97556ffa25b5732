package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/docgen-dev/docgen/fetch"
	"github.com/docgen-dev/docgen/internal/english"
)

// maxConcurrency bounds -concurrency: docgen fetch is meant to be polite.
const maxConcurrency = 8

// runFetch saves pages from the web (-o DIR URL...) or refreshes a fetch
// directory (-refresh DIR). It prints one line per page and a summary, and
// exits 1 if any page failed.
func runFetch(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("fetch", stderr)
	out := fs.String("o", "", "save the pages into `DIR` (created if needed)")
	refresh := fs.String("refresh", "", "re-download every page listed in `DIR`/"+fetch.ManifestName)
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "timeout of each request")
	attempts := fs.Int("attempts", fetch.DefaultMaxAttempts, "maximum attempts per page (retrying 408, 429, 5xx and network errors)")
	concurrency := fs.Int("concurrency", fetch.DefaultConcurrency, fmt.Sprintf("pages fetched at once (at most %d)", maxConcurrency))
	maxMiB := fs.Int("max-mib", fetch.DefaultMaxSize>>20, "maximum page size in MiB; a larger page fails")
	lockTimeout := fs.Duration("lock-timeout", fetch.DefaultLockTimeout, "how long to wait for another docgen run on DIR to finish")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case (*out == "") == (*refresh == ""):
		return usageError{"fetch: give either -o DIR and URLs, or -refresh DIR"}
	case *out != "" && fs.NArg() == 0:
		return usageError{"fetch: no URL given"}
	case *refresh != "" && fs.NArg() > 0:
		return usageError{"fetch: -refresh takes no URLs (it refreshes those in the manifest)"}
	case *timeout <= 0:
		return usageError{"fetch: -timeout must be positive"}
	case *attempts < 1:
		return usageError{"fetch: -attempts must be at least 1"}
	case *concurrency < 1 || *concurrency > maxConcurrency:
		return usageError{fmt.Sprintf("fetch: -concurrency must be between 1 and %d", maxConcurrency)}
	case *maxMiB < 1:
		return usageError{"fetch: -max-mib must be at least 1"}
	}
	for _, u := range fs.Args() {
		if err := fetch.CheckURL(u); err != nil {
			return usageError{"fetch: " + err.Error()}
		}
	}
	opts := fetch.Options{
		Timeout:     *timeout,
		MaxAttempts: *attempts,
		Concurrency: *concurrency,
		MaxSize:     int64(*maxMiB) << 20,
		UserAgent:   "docgen/" + Version() + " (+https://github.com/docgen-dev/docgen)",
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	dir := *out
	if *refresh != "" {
		dir = *refresh
	}
	opts.LockTimeout = *lockTimeout
	opts.Waiting = waitingNotice(stderr, dir)
	var results []fetch.Result
	var err error
	if *refresh != "" {
		results, err = fetch.Refresh(ctx, dir, opts)
	} else {
		results, err = fetch.Fetch(ctx, dir, fs.Args(), opts)
	}
	counts := map[fetch.Status]int{}
	for _, r := range results {
		counts[r.Status]++
		if r.Status == fetch.Failed {
			fmt.Fprintf(stdout, "%s: failed: %v\n", r.URL, r.Err)
		} else {
			redirect := ""
			if r.FinalURL != "" {
				redirect = "; redirected to " + r.FinalURL
			}
			fmt.Fprintf(stdout, "%s: %s (%s%s)\n", r.URL, r.Status, r.File, redirect)
		}
	}
	if *refresh != "" && errors.Is(err, iofs.ErrNotExist) && results == nil {
		return fmt.Errorf("fetch: %s: no %s (save pages with -o first)", relPath(dir), fetch.ManifestName)
	}
	if err != nil {
		return fmt.Errorf("fetch: %w", lockHint(err))
	}
	fmt.Fprintf(stdout, "%s: %d new, %d changed, %d unchanged, %d failed (manifest: %s)\n",
		english.Count(len(results), "page"), counts[fetch.New], counts[fetch.Changed], counts[fetch.Unchanged], counts[fetch.Failed],
		relPath(filepath.Join(dir, fetch.ManifestName)))
	if n := counts[fetch.Failed]; n > 0 {
		fmt.Fprintf(stderr, "docgen: fetch: %s failed\n", english.Count(n, "page"))
		return silentError{ExitInput}
	}
	return nil
}
