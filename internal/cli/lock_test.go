package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/internal/cli"
)

// TestConcurrentRuns runs pairs of generate on one directory at the same
// moment, one writing the old set, one the new (different packages, so
// that every file and the HTTP layer's directory differ): both end with
// status 0 or 1, neither reports a file vanishing under it, and the
// directory ends up with one whole set. Without a lock, runs removed each
// other's temporary files and interleaved their renames.
func TestConcurrentRuns(t *testing.T) {
	old, new := outputSets(t)
	// What the run of oldArgs leaves: the old set, without the file of an
	// older generation.
	oldGen := maps.Clone(old)
	delete(oldGen, "removed_gen.go")
	dir := moduleDir(t)
	pairs := 10
	if testing.Short() {
		pairs = 3
	}
	for i := range pairs {
		reset(t, dir, old)
		// Both helpers sleep until the same moment, past their start-up.
		at := strconv.FormatInt(time.Now().Add(300*time.Millisecond).UnixNano(), 10)
		var wg sync.WaitGroup
		var outs [2]string
		var codes [2]int
		for j, args := range [][]string{oldArgs, newArgs} {
			wg.Add(1)
			go func() { // not wg.Go: go.mod declares Go 1.24
				defer wg.Done()
				cmd := helper(context.Background(), t, []string{startEnv + "=" + at}, append([]string{"generate", "-o", dir}, args...)...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				_ = cmd.Run()
				outs[j], codes[j] = out.String(), cmd.ProcessState.ExitCode()
			}()
		}
		wg.Wait()
		for j := range 2 {
			assert.Contains(t, []int{0, 1}, codes[j], "pair %d, run %d:\n%s", i, j, outs[j])
			assert.NotContains(t, outs[j], "no such file", "pair %d, run %d", i, j)
		}
		got := which(t, dir, oldGen, new)
		assert.NotEqual(t, "neither", got, "pair %d: a mixed set:\n%s\n%s", i, outs[0], outs[1])
	}
}

// TestLockWaits: while one run holds the directory (stopped right after
// taking its lock), another says once, on one line, that it waits, and
// gives up after -lock-timeout with a clear error, writing nothing; with
// a longer timeout it goes on when the holder dies (killed, so its lock
// goes with it) and leaves the whole new set and no lock file.
func TestLockWaits(t *testing.T) {
	old, new := outputSets(t)
	dir := moduleDir(t)
	reset(t, dir, old)
	holder := stopAt(t, 1, append([]string{"generate", "-o", dir}, newArgs...)...)
	require.Contains(t, holder.step, ": locked")

	for _, cmd := range []string{"generate", "check", "diff"} {
		start := time.Now()
		code, _, stderr := docgen(append([]string{cmd, "-o", dir, "-lock-timeout", "300ms"}, newArgs...)...)
		assert.Equal(t, cli.ExitInput, code, stderr)
		assert.GreaterOrEqual(t, time.Since(start), 300*time.Millisecond)
		lockFile := filepath.ToSlash(filepath.Join(dir, ".docgen.lock"))
		assert.Equal(t, fmt.Sprintf("docgen: waiting for another docgen run to finish with %s (it holds %s)\n"+
			"docgen: %s: another docgen run held the lock for more than 300ms; giving up (-lock-timeout sets how long to wait)\n",
			filepath.ToSlash(dir), lockFile, lockFile), stderr)
		assert.True(t, equalSets(withLock(old), snapshot(t, dir)), "%s wrote nothing", cmd)
	}

	waiter := startHelper(t, nil, func(line string) bool { return strings.Contains(line, "waiting for another docgen run") },
		append([]string{"generate", "-o", dir}, newArgs...)...)
	holder.kill(t)
	select {
	case <-waiter.done:
	case <-time.After(30 * time.Second):
		_ = waiter.cmd.Process.Kill()
		t.Fatal("the waiting run did not go on when the holder died")
	}
	assert.True(t, waiter.cmd.ProcessState.Success())
	assert.Equal(t, "new", which(t, dir, old, new))
}

// withLock is set plus an empty lock file, as a run holding the lock has
// it in the directory.
func withLock(set map[string][]byte) map[string][]byte {
	out := map[string][]byte{".docgen.lock": {}}
	for n, d := range set {
		out[n] = d
	}
	return out
}

// TestStaleTempsOnly: the temporary files a killed run left are removed
// by the next run, under the lock; a file that only looks like one to a
// careless glob (another tool's) is left alone.
func TestStaleTempsOnly(t *testing.T) {
	dir := generated(t)
	stale := filepath.Join(dir, ".docgen-12345.tmp")
	require.NoError(t, os.WriteFile(stale, []byte("partial"), 0o600))
	other := filepath.Join(dir, ".other-1.tmp")
	require.NoError(t, os.WriteFile(other, []byte("theirs"), 0o600))
	code, _, stderr := docgen("check", "-o", dir, "-pkg", "seed", smallInput)
	require.Equal(t, 0, code, stderr)
	_, err := os.Stat(stale)
	assert.True(t, os.IsNotExist(err), "a dead run's temporary file is removed")
	_, err = os.Stat(other)
	assert.NoError(t, err)
}
