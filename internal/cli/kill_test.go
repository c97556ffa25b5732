package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A change of output for the tests below that covers every kind of step:
// the old set is seed000 as package seed, its HTTP layer in seedhttp, plus
// a docgen file an older generation wrote (removed_gen.go); the new set is
// seed003 as package other: every file in DIR changes, removed_gen.go and
// seedhttp go, otherhttp appears. Hand-written files stay throughout; the
// Go ones are left out of the build (//go:build ignore), as a package
// rename with hand-written files of the package is a usage error.
var (
	oldArgs   = []string{"-pkg", "seed", "../../golden/seed000/input"}
	newArgs   = []string{"-pkg", "other", "../../golden/seed003/input"}
	handFiles = map[string][]byte{
		"notes.go":     []byte("//go:build ignore\n\npackage seed\n"),
		"extra_gen.go": []byte("//go:build ignore\n\npackage seed\n\n// Extra is hand-written.\ntype Extra struct{}\n"),
		"README.md":    []byte("# notes\n"),
	}
)

// outputSets are the old and the new set, with the hand-written files.
func outputSets(t *testing.T) (old, new map[string][]byte) {
	t.Helper()
	gen := func(args []string) map[string][]byte {
		dir := moduleDir(t)
		code, _, stderr := docgen(append([]string{"generate", "-o", dir}, args...)...)
		require.Equal(t, 0, code, stderr)
		return snapshot(t, dir)
	}
	old, new = gen(oldArgs), gen(newArgs)
	old["removed_gen.go"] = old["models_gen.go"]
	maps.Copy(old, handFiles)
	maps.Copy(new, handFiles)
	require.Contains(t, old, "seedhttp/client_gen.go")
	require.Contains(t, new, "otherhttp/client_gen.go")
	return old, new
}

// reset makes dir hold exactly files.
func reset(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		require.NoError(t, os.RemoveAll(filepath.Join(dir, e.Name())))
	}
	for n, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
}

// which says whether got is exactly want1 ("old") or want2 ("new"), byte
// for byte and with nothing else (no temporary file, journal, lock file or
// empty directory), or "neither".
func which(t *testing.T, dir string, old, new map[string][]byte) string {
	t.Helper()
	got := snapshot(t, dir)
	switch {
	case equalSets(got, old) && dirsOf(t, dir, old):
		return "old"
	case equalSets(got, new) && dirsOf(t, dir, new):
		return "new"
	}
	return "neither"
}

func equalSets(a, b map[string][]byte) bool {
	return maps.EqualFunc(a, b, func(x, y []byte) bool { return bytes.Equal(x, y) })
}

// dirsOf reports whether the subdirectories of dir are exactly those of
// the files of set.
func dirsOf(t *testing.T, dir string, set map[string][]byte) bool {
	t.Helper()
	want := map[string]bool{}
	for n := range set {
		if d := filepath.Dir(filepath.FromSlash(n)); d != "." {
			want[d] = true
		}
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	got := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() {
			got[e.Name()] = true
		}
	}
	return maps.Equal(want, got)
}

// stopped is a helper process stopped at a step of the write phase.
type stopped struct {
	cmd  *exec.Cmd
	step string // the step it stopped after
	done chan struct{}
}

// startHelper runs docgen in a helper process with env; it returns once
// the helper has printed a line matching until (nil: at once).
func startHelper(t *testing.T, env []string, until func(line string) bool, args ...string) *stopped {
	t.Helper()
	cmd := helper(context.Background(), t, env, args...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	cmd.Stdout = io.Discard
	require.NoError(t, cmd.Start())
	s := &stopped{cmd: cmd, done: make(chan struct{})}
	var all strings.Builder
	got := make(chan string, 1)
	wait := until != nil
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			if until != nil && until(sc.Text()) {
				got <- sc.Text()
				until = nil
			}
		}
		_ = cmd.Wait()
		close(s.done)
	}()
	if !wait {
		return s
	}
	select {
	case line := <-got:
		s.step = line
	case <-s.done:
		t.Fatalf("docgen %v ended before printing the line wanted:\n%s", args, all.String())
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("docgen %v: the line wanted did not come in 30 s", args)
	}
	return s
}

// stopAt starts docgen stopped after its k-th step.
func stopAt(t *testing.T, k int, args ...string) *stopped {
	t.Helper()
	return startHelper(t, []string{fmt.Sprintf("%s=%d", stopEnv, k)}, func(line string) bool {
		return strings.HasPrefix(line, fmt.Sprintf("stopped at step %d: ", k))
	}, args...)
}

// kill ends the helper with SIGKILL (TerminateProcess on Windows) and waits
// for it.
func (s *stopped) kill(t *testing.T) {
	t.Helper()
	require.NoError(t, s.cmd.Process.Kill())
	<-s.done
	assert.False(t, s.cmd.ProcessState.Success())
}

// writeSteps lists the steps of generate changing dir from old to new, as a
// helper prints them, and checks it ends with the new set.
func writeSteps(t *testing.T, dir string, old, new map[string][]byte) []string {
	t.Helper()
	reset(t, dir, old)
	cmd := helper(context.Background(), t, []string{stepsEnv + "=1"}, append([]string{"generate", "-o", dir}, newArgs...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	var steps []string
	for line := range strings.SplitSeq(stderr.String(), "\n") {
		if s, ok := strings.CutPrefix(line, "step: "); ok {
			steps = append(steps, s)
		}
	}
	require.Equal(t, "new", which(t, dir, old, new))
	return steps
}

// TestKillAtEveryStep stops generate after each step of its write phase
// (lock, stage each file, write and commit the journal, each mkdir,
// rename, removal and rmdir, remove the journal) and kills it there with
// SIGKILL. The next docgen run on the directory, generate, check or diff
// in turn, must first complete or undo what the killed one did: after it
// the directory holds exactly the old set, if the kill came before the
// journal was committed, or exactly the new one, hand-written files
// untouched either way, and check and diff report on that set.
func TestKillAtEveryStep(t *testing.T) {
	old, new := outputSets(t)
	dir := moduleDir(t)
	steps := writeSteps(t, dir, old, new)
	commit := slices.Index(steps, "committed")
	require.Greater(t, commit, 0, "steps: %v", steps)
	require.Greater(t, len(steps), commit+10, "steps: %v", steps)
	next := []string{"check", "diff", "generate"}
	for k := 1; k <= len(steps); k++ {
		reset(t, dir, old)
		h := stopAt(t, k, append([]string{"generate", "-o", dir}, newArgs...)...)
		h.kill(t)
		want := "old"
		if k > commit {
			want = "new"
		}
		cmd := next[k%len(next)]
		code, stdout, stderr := docgen(append([]string{cmd, "-o", dir}, newArgs...)...)
		if cmd == "generate" {
			want = "new"
		}
		assert.Equal(t, want, which(t, dir, old, new), "killed after step %d (%s), then %s:\n%s%s", k, steps[k-1], cmd, stdout, stderr)
		wantCode := 1
		if want == "new" {
			wantCode = 0
		}
		assert.Equal(t, wantCode, code, "killed after step %d (%s), then %s:\n%s%s", k, steps[k-1], cmd, stdout, stderr)
		if k > commit && steps[k-1] != "done" { // a journal was left
			assert.Contains(t, stderr, "completed the changes of a docgen run that was stopped half-way")
		}
	}
}

// TestKillRecovery kills a run after its journal is committed and then
// the run that completes it, at each step of that recovery: the next run
// completes it all the same.
func TestKillRecovery(t *testing.T) {
	old, new := outputSets(t)
	dir := moduleDir(t)
	steps := writeSteps(t, dir, old, new)
	commit := slices.Index(steps, "committed")
	for r := 1; ; r++ {
		reset(t, dir, old)
		stopAt(t, commit+1, append([]string{"generate", "-o", dir}, newArgs...)...).kill(t)
		// The recovering run is check: it recovers before it compares.
		h := startHelper(t, []string{fmt.Sprintf("%s=%d", stopEnv, r), stepsEnv + "=1"}, func(line string) bool {
			return strings.HasPrefix(line, "stopped at step ") || strings.Contains(line, "completed the changes")
		}, append([]string{"check", "-o", dir}, newArgs...)...)
		finished := strings.Contains(h.step, "completed the changes")
		if !finished && r > 1 {
			require.Contains(t, h.step, "recover: ", "the steps after locking are the recovery's")
		}
		if finished {
			<-h.done
		} else {
			h.kill(t)
		}
		code, stdout, stderr := docgen(append([]string{"check", "-o", dir}, newArgs...)...)
		assert.Equal(t, 0, code, "recovery killed at step %d (%s):\n%s%s", r, h.step, stdout, stderr)
		assert.Equal(t, "new", which(t, dir, old, new), "recovery killed at step %d (%s)", r, h.step)
		if finished {
			require.Greater(t, r, 3, "the recovery had steps to stop at")
			break
		}
	}
}
