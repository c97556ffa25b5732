package dirlock

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func noWait(t *testing.T) func(string) {
	return func(p string) { t.Errorf("waited for %s", p) }
}

// TestExclusive: while one lock is held a second Acquire waits, says so
// once, and gives up after its timeout; once released, the lock is free
// and its file gone.
func TestExclusive(t *testing.T) {
	if runtime.GOOS == "solaris" || runtime.GOOS == "aix" {
		t.Skip("fcntl locks do not exclude the process holding them")
	}
	dir := t.TempDir()
	a, err := Acquire(dir, 0, noWait(t))
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, Name))
	require.NoError(t, err, "the lock file exists while held")

	var told []string
	start := time.Now()
	_, err = Acquire(dir, 200*time.Millisecond, func(p string) { told = append(told, p) })
	var te *TimeoutError
	require.ErrorAs(t, err, &te)
	assert.GreaterOrEqual(t, time.Since(start), 200*time.Millisecond)
	assert.Equal(t, []string{filepath.Join(dir, Name)}, told, "told once that it waits")
	assert.Equal(t, filepath.ToSlash(filepath.Join(dir, Name))+": another docgen run held the lock for more than 200ms; giving up", err.Error())

	require.NoError(t, a.Release())
	_, err = os.Stat(filepath.Join(dir, Name))
	assert.True(t, os.IsNotExist(err), "the lock file is removed")
	b, err := Acquire(dir, 0, noWait(t))
	require.NoError(t, err)
	require.NoError(t, b.Release())
}

// TestWaitsForRelease: a waiting Acquire gets the lock once the holder
// releases it.
func TestWaitsForRelease(t *testing.T) {
	if runtime.GOOS == "solaris" || runtime.GOOS == "aix" {
		t.Skip("fcntl locks do not exclude the process holding them")
	}
	dir := t.TempDir()
	a, err := Acquire(dir, 0, nil)
	require.NoError(t, err)
	waiting := make(chan struct{})
	done := make(chan error)
	go func() {
		b, err := Acquire(dir, time.Minute, func(string) { close(waiting) })
		if err == nil {
			err = b.Release()
		}
		done <- err
	}()
	<-waiting
	require.NoError(t, a.Release())
	require.NoError(t, <-done)
}

// TestMutualExclusion: many contenders, each holding the lock for a
// moment, never overlap, including those that opened the lock file just
// before its holder removed it.
func TestMutualExclusion(t *testing.T) {
	if runtime.GOOS == "solaris" || runtime.GOOS == "aix" {
		t.Skip("fcntl locks do not exclude the process holding them")
	}
	dir := t.TempDir()
	var inside, entries atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { // not wg.Go: go.mod declares Go 1.24
			defer wg.Done()
			for range 25 {
				l, err := Acquire(dir, time.Minute, nil)
				if !assert.NoError(t, err) {
					return
				}
				if n := inside.Add(1); n != 1 {
					t.Errorf("%d holders at once", n)
				}
				entries.Add(1)
				time.Sleep(50 * time.Microsecond)
				inside.Add(-1)
				assert.NoError(t, l.Release())
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(200), entries.Load())
	_, err := os.Stat(filepath.Join(dir, Name))
	assert.True(t, os.IsNotExist(err), "the lock file is removed")
}

// TestStaleLockFile: a lock file a killed run left (unlocked) is taken and
// removed on release.
func TestStaleLockFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, Name), nil, 0o644))
	l, err := Acquire(dir, 0, noWait(t))
	require.NoError(t, err)
	require.NoError(t, l.Release())
	_, err = os.Stat(filepath.Join(dir, Name))
	assert.True(t, os.IsNotExist(err))
}

// TestPlantedLockFile: a symbolic link or a directory in the lock file's
// place is refused, not followed or waited on.
func TestPlantedLockFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("unix file types")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
	require.NoError(t, os.Symlink(target, filepath.Join(dir, Name)))
	_, err := Acquire(dir, 0, noWait(t))
	assert.ErrorContains(t, err, Name+": a symbolic link, not a lock file; refusing to use it")
	data, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "keep", string(data))

	dir = t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, Name), 0o755))
	_, err = Acquire(dir, 0, noWait(t))
	assert.Error(t, err)
}
