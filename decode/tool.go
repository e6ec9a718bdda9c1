package decode

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Defaults of a Tools runner. A statement's PDF converts in well under a
// second and in a few tens of MiB; a PDF bomb (forms drawing forms, a
// billion times) runs for minutes and can take gigabytes. The limits sit far
// above the first and far below the second; --tool-timeout and
// --tool-memory raise them.
const (
	DefaultToolTimeout = 3 * time.Second
	DefaultToolMemory  = 256 << 20 // bytes of address space
)

// Tools runs the outside programs Decode needs (pdftotext, antiword) with a
// wall-clock and CPU time limit, an address-space limit set on the child
// before it starts (prlimit, from util-linux), at most Concurrency at once,
// and in a private temporary folder removed whatever happens. One Tools is
// shared by everything that decodes in a process, so that the bound on
// concurrency holds across a batch and across a server's uploads.
type Tools struct {
	Timeout time.Duration // wall clock per run; 0 = DefaultToolTimeout
	Memory  int64         // bytes of address space per run; 0 = DefaultToolMemory
	sem     chan struct{}
}

// NewTools returns a runner that lets concurrency programs run at once
// (0 = one per core), and removes the temporary folders that runs of
// processes killed before they could clean up left behind.
func NewTools(concurrency int) *Tools {
	if concurrency <= 0 {
		concurrency = runtime.GOMAXPROCS(0)
	}
	sweepToolDirs()
	return &Tools{sem: make(chan struct{}, concurrency)}
}

func (t *Tools) timeout() time.Duration {
	if t != nil && t.Timeout > 0 {
		return t.Timeout
	}
	return DefaultToolTimeout
}

func (t *Tools) memory() int64 {
	if t != nil && t.Memory > 0 {
		return t.Memory
	}
	return DefaultToolMemory
}

// toolDirPrefix names the private folders; the process id follows, so
// that a later process can tell a dead one's folder from a live one's.
const toolDirPrefix = "entente-tool-"

// Errors of a run, for the caller to turn into a message about its input.
var (
	errToolTimeout = errors.New("time limit reached")
	errToolMemory  = errors.New("memory limit reached")
	// errNoPrlimit: nothing here can bound the program's memory, so it is
	// not run (the message, per platform, says what to do: tool_linux.go,
	// tool_nonlinux.go)
	errNoPrlimit = errors.New(noPrlimit)
)

// toolRun is one invocation: the program, its arguments (the string
// "{input}" stands for the path of the input file), and the input bytes.
type toolRun struct {
	bin    string
	args   []string
	input  []byte
	ext    string // the input file's extension, for programs that look at it
	stdout *cappedBuffer
	stderr *cappedBuffer
}

// run runs r under the limits. It returns errToolTimeout when the time
// limit ended the program, errToolMemory when it died for want of memory
// (a signal, or an allocation failure it reported), an *exec.ExitError for
// other failures, and ctx's error when ctx ended first.
func (t *Tools) run(ctx context.Context, r toolRun) error {
	if t != nil && t.sem != nil {
		select {
		case t.sem <- struct{}{}:
			defer func() { <-t.sem }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	prlimit, err := findPrlimit()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", toolDirPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return fmt.Errorf("temporary folder: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "input"+r.ext)
	if err := os.WriteFile(in, r.input, 0o600); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}

	timeout := t.timeout()
	cpu := int(timeout/time.Second) + 1
	args := []string{"--as=" + strconv.FormatInt(t.memory(), 10), "--cpu=" + strconv.Itoa(cpu), "--core=0", "--", r.bin}
	for _, a := range r.args {
		args = append(args, strings.ReplaceAll(a, "{input}", in))
	}
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(runCtx, prlimit, args...)
	cmd.Dir = dir
	// Only what the program needs: its temporary files go to the private
	// folder, and nothing of ours (tokens, database addresses) leaks in.
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir, "TMPDIR=" + dir, "LANG=C.UTF-8"}
	cmd.Stdout, cmd.Stderr = r.stdout, r.stderr
	isolate(cmd)
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	case runCtx.Err() != nil:
		return errToolTimeout
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if limit := limitSignal(exit); limit != nil {
			return limit
		}
		if s := strings.ToLower(r.stderr.String()); strings.Contains(s, "bad_alloc") || strings.Contains(s, "out of memory") || strings.Contains(s, "cannot allocate") {
			return errToolMemory
		}
	}
	return err
}

// sweepToolDirs removes the private folders of processes that no longer
// run: a SIGKILLed process cannot remove its own, and they hold copies of
// statements.
func sweepToolDirs() {
	tmp := os.TempDir()
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), toolDirPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(tmp, e.Name()))
	}
}

// limitProblem words a limit a program ran into, naming the flag that
// raises it.
func (t *Tools) limitProblem(tool string, err error) string {
	if errors.Is(err, errToolTimeout) {
		return fmt.Sprintf("%s did not finish within its time limit of %s (--tool-timeout raises it): a decompression bomb, or a very large file", tool, t.timeout())
	}
	return fmt.Sprintf("%s crashed or ran out of its memory limit of %s (--tool-memory raises it): a decompression bomb, a damaged file, or a very large one", tool, sizeString(t.memory()))
}
