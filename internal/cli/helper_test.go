package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/internal/cli"
)

// The test binary doubles as docgen: with helperEnv set, TestMain runs
// cli.Main on its arguments instead of the tests (the helper-process
// pattern of os/exec's own tests). Tests start it to kill it, to run two at
// once, or to run a case that, were docgen broken, would hang or exhaust
// memory, inside limits the parent enforces.
const (
	helperEnv = "DOCGEN_TEST_HELPER"
	// heapEnv caps the helper's live heap, in bytes: over it, the helper
	// exits with status heapExit.
	heapEnv  = "DOCGEN_TEST_MAX_HEAP"
	heapExit = 99
	// stopEnv stops the helper after the n-th step of the write phase (see
	// cli.SetWriteStep), from 1: it prints "stopped at step n: STEP" to
	// stderr and sleeps until killed.
	stopEnv = "DOCGEN_TEST_STOP_AT"
	// stepsEnv makes the helper print "step: STEP" to stderr for each step.
	stepsEnv = "DOCGEN_TEST_STEPS"
	// startEnv holds a time (Unix nanoseconds) the helper waits for before
	// it runs docgen: two helpers started one after the other then run at
	// once.
	startEnv = "DOCGEN_TEST_START_AT"
)

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "1" {
		os.Exit(helperMain(os.Args[1:]))
	}
	os.Exit(m.Run())
}

func helperMain(args []string) int {
	if s := os.Getenv(heapEnv); s != "" {
		limit, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 3
		}
		go watchHeap(limit)
	}
	stop, _ := strconv.Atoi(os.Getenv(stopEnv))
	print := os.Getenv(stepsEnv) != ""
	n := 0
	cli.SetWriteStep(func(step string) {
		n++
		if print {
			fmt.Fprintf(os.Stderr, "step: %s\n", step)
		}
		if n == stop {
			fmt.Fprintf(os.Stderr, "stopped at step %d: %s\n", n, step)
			for {
				time.Sleep(time.Hour)
			}
		}
	})
	if s := os.Getenv(startEnv); s != "" {
		at, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			return 3
		}
		time.Sleep(time.Until(time.Unix(0, at)))
	}
	return cli.Main(args, os.Stdout, os.Stderr)
}

// watchHeap ends the process once its heap holds more than limit bytes.
func watchHeap(limit uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > limit {
			fmt.Fprintf(os.Stderr, "helper: heap of %d bytes over the %d-byte limit\n", v, limit)
			os.Exit(heapExit)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// helper is a command running the test binary as docgen with args, in
// this package's directory, with env added to the environment.
func helper(ctx context.Context, t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	// Under -race, a process sleeps a second at exit (in case other
	// goroutines would report a race) unless told not to.
	race := "GORACE=" + strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0")
	cmd.Env = append(append(os.Environ(), helperEnv+"=1", race), env...)
	return cmd
}

// bounded runs docgen with args in a helper process that must end within
// limit and keep its heap under 256 MiB: the outcome of a case that would
// hang or exhaust memory if docgen read what it must not.
func bounded(t *testing.T, limit time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := helper(ctx, t, []string{heapEnv + "=" + strconv.Itoa(256<<20)}, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("docgen %v: still running after %v (killed)\nstderr: %s", args, limit, e.String())
	}
	if code = cmd.ProcessState.ExitCode(); code == heapExit {
		t.Fatalf("docgen %v: %s", args, e.String())
	}
	if err != nil && code < 0 {
		t.Fatalf("docgen %v: %v", args, err)
	}
	return code, o.String(), e.String()
}
