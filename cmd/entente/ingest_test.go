package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/internal/testload"
)

// TestIngestFolderSkips ingests a folder as ministries' downloads look: the
// statements, a README and a JSON file. The statements go in, the others
// are listed as skipped, and the batch succeeds.
func TestIngestFolderSkips(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "downloads")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	writeBatch(t, folder, 2)
	for name, content := range map[string]string{"README.md": "# Statements\n", "index.json": `{"files": 2}`} {
		if err := os.WriteFile(filepath.Join(folder, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runBinary(t, "", "ingest", "--progress=false", "--db", filepath.Join(dir, "e.db"), folder)
	stderr = withoutStoreLine(stderr, filepath.Join(dir, "e.db"))
	if code != 0 {
		t.Fatalf("exit %d, want 0: %s", code, stderr)
	}
	for _, want := range []string{
		"skipped: " + filepath.Join(folder, "README.md") + ": not a form statements are read from (.md)",
		"skipped: " + filepath.Join(folder, "index.json") + ": not a form statements are read from (.json)",
		"2 inputs: 2 added, 0 new sources, 0 already had, 0 refused; 2 other files skipped; every statement is in the library",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if stderr != "" {
		t.Errorf("stderr %q, want nothing", stderr)
	}
}

// TestIngestOddPaths checks the paths a careless user or an attacker
// passes: a named pipe (refused at once, not waited on), a name with
// terminal escape sequences and a newline (printed escaped), a link to a
// file (followed).
func TestIngestOddPaths(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	evil := filepath.Join(dir, "evil\x1b[2J\nentente: forged.txt")
	if err := os.WriteFile(evil, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{fifo, "entente: " + fifo + ": not a regular file (a named pipe)"},
		{evil, `evil\x1b[2J\nentente: forged.txt: empty file`},
	}
	for _, tc := range tests {
		start := time.Now()
		_, stderr, code := runArgs(t, []string{"ingest", "--progress=false", "--db", filepath.Join(dir, "e.db"), tc.path})
		stderr = withoutStoreLine(stderr, filepath.Join(dir, "e.db"))
		if d, bound := time.Since(start), testload.WallBound(10*time.Second); d > bound {
			t.Errorf("%q: took %s, more than %s", tc.path, d, bound)
		}
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", tc.path, code)
		}
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], tc.want) || strings.ContainsRune(stderr, 0x1b) {
			t.Errorf("%q: stderr %q, want one escaped line with %q", tc.path, stderr, tc.want)
		}
	}
}

// withoutStoreLine drops the line in which a command that writes names its
// store (db), which comes first on stderr.
func withoutStoreLine(stderr, db string) string {
	return strings.TrimPrefix(stderr, "store: "+storeName(db)+"\n")
}

// runArgs runs the command line args, which may hold any character, in a
// child process.
func runArgs(t *testing.T, args []string) (stdout, stderr string, code int) {
	t.Helper()
	j, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_RUN_MAIN=1", "ENTENTE_ARGS_JSON="+string(j))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}
