package decode

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente/internal/hostile"
	"github.com/entente/entente/internal/testload"
)

// shRun runs a shell script through t's limits and returns what it printed.
func shRun(ctx context.Context, tools *Tools, script string) (string, error) {
	out := &cappedBuffer{max: 1 << 16}
	err := tools.run(ctx, toolRun{bin: "/bin/sh", args: []string{"-c", script}, input: []byte("x"), stdout: out, stderr: &cappedBuffer{max: 1 << 10}})
	return out.String(), err
}

// TestToolLimits checks that the limits are set on the child itself, before
// it runs: its address space, its CPU time, its folder and environment.
func TestToolLimits(t *testing.T) {
	tools := &Tools{Timeout: 3 * time.Second, Memory: 96 << 20}
	out, err := shRun(context.Background(), tools, `ulimit -v; ulimit -t; pwd; ls; echo "$TMPDIR|$ENTENTE_SECRET"`)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("output %q", out)
	}
	if want := strconv.Itoa(96 << 10); lines[0] != want {
		t.Errorf("address space limit %s KiB, want %s", lines[0], want)
	}
	if lines[1] != "4" {
		t.Errorf("CPU limit %s s, want 4 (the time limit and a second)", lines[1])
	}
	dir := lines[2]
	if !strings.HasPrefix(filepath.Base(dir), toolDirPrefix+strconv.Itoa(os.Getpid())+"-") {
		t.Errorf("ran in %s, not in a private folder", dir)
	}
	if lines[3] != "input" {
		t.Errorf("the private folder holds %q, want only the input", lines[3])
	}
	if lines[4] != dir+"|" {
		t.Errorf("environment: %q (TMPDIR must be the private folder; nothing else passed)", lines[4])
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("private folder %s left behind after a run", dir)
	}
}

func TestToolEndings(t *testing.T) {
	t.Setenv("ENTENTE_SECRET", "must not reach the child")
	tests := []struct {
		name    string
		script  string
		cancel  time.Duration // cancel the caller's context after this
		wantErr error
	}{
		{"time limit", `pwd; sleep 30`, 0, errToolTimeout},
		{"busy loop", `pwd; while :; do :; done`, 0, errToolTimeout},
		{"caller gone", `pwd; sleep 30`, 200 * time.Millisecond, context.Canceled},
		{"killed by a signal", `pwd; kill -SEGV $$`, 0, errToolMemory},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancel > 0 {
				// after the script has started, also on a loaded machine
				// (where 200 ms did not always see its first line)
				time.AfterFunc(testload.WallBound(tc.cancel), cancel)
			}
			limit := 500 * time.Millisecond
			if tc.cancel > 0 {
				// the caller must go first: a load-scaled cancel could
				// otherwise come after the tool's own time limit
				limit = 30 * time.Second
			}
			start := time.Now()
			out, err := shRun(ctx, &Tools{Timeout: limit}, tc.script)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if d, bound := time.Since(start), testload.WallBound(3*time.Second); d > bound {
				t.Errorf("took %s to end, more than %s", d, bound)
			}
			dir := strings.TrimSpace(out)
			if dir == "" {
				t.Fatal("the script did not start")
			}
			if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("private folder %s left behind", dir)
			}
		})
	}
}

// TestToolConcurrency checks that a shared Tools lets no more than its
// bound run at once: each run holds a marker file while it sleeps and
// counts the markers it sees.
func TestToolConcurrency(t *testing.T) {
	marks := t.TempDir()
	tools := NewTools(2)
	var wg sync.WaitGroup
	seen := make([]string, 6)
	for i := range seen {
		wg.Go(func() {
			script := `touch ` + marks + `/$$; sleep 0.2; ls ` + marks + ` | wc -l; rm ` + marks + `/$$`
			out, err := shRun(context.Background(), tools, script)
			if err != nil {
				t.Error(err)
			}
			seen[i] = strings.TrimSpace(out)
		})
	}
	wg.Wait()
	for i, s := range seen {
		if n, err := strconv.Atoi(s); err != nil || n > 2 {
			t.Errorf("run %d saw %q runs at once, want at most 2", i, s)
		}
	}
}

// TestToolSweep checks that a new Tools removes the folders of dead
// processes and keeps those of live ones.
func TestToolSweep(t *testing.T) {
	dead, err := os.MkdirTemp("", toolDirPrefix+"2147483000-*")
	if err != nil {
		t.Fatal(err)
	}
	live, err := os.MkdirTemp("", toolDirPrefix+strconv.Itoa(os.Getppid())+"-*")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(live)
	NewTools(1)
	if _, err := os.Stat(dead); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dead process's folder %s was kept", dead)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live process's folder was removed: %v", err)
	}
}

// TestPDFBomb feeds a PDF of a few kilobytes that draws its text a billion
// times: it is refused, within the time limit, with one line naming the file
// and the limit, and leaves nothing in the temporary folder.
func TestPDFBomb(t *testing.T) {
	needPDFToText(t)
	start := time.Now()
	_, err := Decode(context.Background(), "bomb.pdf", hostile.PDFBomb(10, 9), Options{Tools: NewTools(1)})
	checkError(t, err, "bomb.pdf", ErrTooLarge)
	if !strings.Contains(err.Error(), "--tool-timeout") {
		t.Errorf("message %q does not name the flag", err)
	}
	if d := time.Since(start); d > DefaultToolTimeout+2*time.Second {
		t.Errorf("refused after %s", d)
	}
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), toolDirPrefix+strconv.Itoa(os.Getpid())+"-*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestPDFTextCap checks that a PDF whose text passes the character limit is
// refused naming the limit and its flag.
func TestPDFTextCap(t *testing.T) {
	needPDFToText(t)
	_, err := Decode(context.Background(), "long.pdf", hostile.TextPDF(slices.Repeat([]string{"Both sides agree to cooperate further."}, 600)...), Options{MaxChars: 1000})
	checkError(t, err, "long.pdf", ErrTooLarge)
	if !strings.Contains(err.Error(), "1000 characters") || !strings.Contains(err.Error(), "--max-chars") {
		t.Errorf("message %q does not name the limit and its flag", err)
	}
}

// TestToolNeedsPrlimit checks that without prlimit nothing runs unbounded:
// the run is refused, naming the package.
func TestToolNeedsPrlimit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := shRun(context.Background(), nil, "echo ran")
	if !errors.Is(err, errNoPrlimit) || !strings.Contains(err.Error(), "util-linux") {
		t.Errorf("error %v, want the missing prlimit named with its package", err)
	}
}
