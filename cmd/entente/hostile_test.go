package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hostile"
	"github.com/entente/entente/internal/testload"
	"github.com/entente/entente/sqlite"
)

// The bounds every input must keep, measured on the entente process (its
// maximum resident set includes the programs it waited for: pdftotext,
// antiword).
const (
	hostileTime   = 5 * time.Second
	hostileMemory = 256 << 20
)

// buildBinary builds the entente command into a temporary folder: the
// suite measures the binary users run, not the test binary.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// hostileInput is one file of the suite: how to make it, and whether it
// must be refused (with what in its line) or may also go in.
type hostileInput struct {
	name string
	make func(t *testing.T, path string)
	// want is what the refusal's line says; "" means the input must be
	// ingested, "*" that either outcome is fine as long as it is bounded.
	want string
}

func writeFile(data []byte) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func hostileInputs(t *testing.T) []hostileInput {
	statement, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(statement), "双方特此声明如下：", "双方同意举行联合委员会会议。双方特此声明如下：", 1)
	zh := "中华人民共和国和塞尔维亚共和国联合声明。双方同意加强铁路合作。"
	var doubleUTF8 []rune
	for _, b := range []byte(zh + zh) {
		doubleUTF8 = append(doubleUTF8, rune(b))
	}
	utf32Text, err := utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewEncoder().Bytes(statement)
	if err != nil {
		t.Fatal(err)
	}
	return []hostileInput{
		{"statement.txt", writeFile(statement), ""},
		{"pdf-bomb.pdf", writeFile(hostile.PDFBomb(10, 9)), "pdftotext did not finish within its time limit"},
		{"docx-bomb.docx", writeFile(hostile.DocxBomb(60 << 20)), "zip bomb"},
		{"many-paragraphs.docx", writeFile(hostile.Docx(numbered(100_000))), "(--max-sentences raises it)"},
		{"one-sentence.txt", writeFile([]byte("联合声明\n\n" + strings.Repeat("双方同意加强合作，", 1<<20/27) + "。\n")), "(--max-sentence-chars raises it)"},
		{"short-sentences.txt", writeFile([]byte("联合声明\n\n" + strings.Repeat("双方同意。", 100_000))), "(--max-sentences raises it)"},
		{"many-characters.txt", writeFile([]byte(strings.Repeat("双方同意加强合作。\n\n", 250_000))), "(--max-chars raises it)"},
		{"deep.html", writeFile([]byte("<html><body>" + strings.Repeat("<div>", 100_000) + zh + strings.Repeat("</div>", 100_000) + "</body></html>")), "open stack of elements"},
		{"nested.html", writeFile([]byte("<html><body>" + strings.Repeat("<div><span>", 200) + zh + "</body></html>")), "*"},
		{"utf32.txt", writeFile(utf32Text), "*"},
		{"double-encoded.txt", writeFile([]byte(string(doubleUTF8))), "mis-encoded"},
		{"control-bytes.txt", writeFile([]byte("\x06\x13\x04\x00\x01\x00\x01\x01\x01\x03")), "binary content"},
		{"odd-utf16.txt", writeFile(append([]byte("\xff\xfe"), utf32Text[:1001]...)), "*"},
		{"over-max-size.txt", writeFile(bytes.Repeat([]byte("双方同意。"), 21<<20/15)), "(--max-size)"},
		{"pipe.txt", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file (a named pipe)"},
		{"link.txt", func(t *testing.T, path string) {
			target := filepath.Join(filepath.Dir(path), "target.statement")
			writeFile([]byte(other))(t, target)
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"loop.txt", func(t *testing.T, path string) {
			if err := os.Symlink(path, path); err != nil {
				t.Fatal(err)
			}
		}, "too many levels of symbolic links"},
		{"dangling.txt", func(t *testing.T, path string) {
			if err := os.Symlink(path+".gone", path); err != nil {
				t.Fatal(err)
			}
		}, "no such file"},
	}
}

// numbered returns n short paragraphs, each its own: a DOCX of them does
// not compress like a bomb, and is refused for its sentences.
func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("双方同意第%d项。", (i*7919)%100_003)
	}
	return out
}

// TestHostileInputs runs the built binary on every hostile input, one
// ingest each, into one library: each is refused or ingested within the
// time and memory bounds, a refusal leaves the library as it was and names
// the file, and nothing is left in the temporary folder.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile-input suite builds the binary; skipped in -short mode")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	files := filepath.Join(dir, "inputs")
	if err := os.Mkdir(files, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, in := range hostileInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			path := filepath.Join(files, in.name)
			in.make(t, path)
			before := libraryCount(t, db)

			measured := filepath.Join(t.TempDir(), "maxrss")
			cmd := measuredCommand(measured, bin, "ingest", "--progress=false", "--db", db, path)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			wall := testload.WallBound(3 * hostileTime)
			timer := time.AfterFunc(wall+hostileTime, func() { _ = cmd.Process.Kill() })
			err := cmd.Wait()
			timer.Stop()
			elapsed := time.Since(start)
			var exit *exec.ExitError
			if err != nil && !errors.As(err, &exit) {
				t.Fatal(err)
			}
			rss := readMaxRSS(t, measured)
			// The bound is on the CPU the ingest and its converters spent
			// (wait4 counts the waited-for descendants too): wall time on a
			// shared CI machine also counts the other test packages running
			// beside it. Wall time keeps a looser bound, so that a hang still
			// fails.
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			t.Logf("%s in %s (CPU %s), max RSS %d MiB: %s", in.name, elapsed.Round(time.Millisecond), cpu.Round(time.Millisecond),
				rss>>20, firstOf(stderr.String(), stdout.String()))
			if cpu > hostileTime {
				t.Errorf("took %s of CPU, more than %s", cpu, hostileTime)
			}
			if elapsed > wall {
				t.Errorf("took %s, more than %s", elapsed, wall)
			}
			if rss > hostileMemory {
				t.Errorf("max RSS %d MiB, more than %d MiB", rss>>20, hostileMemory>>20)
			}
			after := libraryCount(t, db)
			code := cmd.ProcessState.ExitCode()
			refused := code != 0
			switch {
			case in.want == "" && refused:
				t.Errorf("refused (exit %d), want ingested: %s", code, stderr.String())
			case in.want != "" && in.want != "*" && !refused:
				t.Errorf("ingested, want refused with %q:\n%s", in.want, stdout.String())
			}
			if refused {
				if after != before {
					t.Errorf("library changed on refusal: %d documents, then %d", before, after)
				}
				// the first line after the one naming the store
				line := strings.SplitN(withoutStoreLine(stderr.String(), db), "\n", 2)[0]
				if !strings.HasPrefix(line, "entente: "+path+": ") {
					t.Errorf("refusal %q does not name the file %s", line, path)
				}
				if in.want != "*" && !strings.Contains(line, in.want) {
					t.Errorf("refusal %q, want %q", line, in.want)
				}
			} else if after != before+1 {
				t.Errorf("ingested, but the library went from %d to %d documents", before, after)
			}
			leftBehind(t)
		})
	}
}

// libraryCount is the number of documents in the library (0 before it
// exists).
func libraryCount(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return 0
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx, entente.DocumentFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(docs)
}

// leftBehind fails if a process that has ended left private folders in
// the temporary folder.
func leftBehind(t *testing.T) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), "entente-tool-*"))
	for _, dir := range left {
		pid, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(dir), "entente-tool-"), "-")
		if n, err := strconv.Atoi(pid); err == nil && syscall.Kill(n, 0) != nil {
			t.Errorf("left in the temporary folder by process %d: %s", n, dir)
		}
	}
}

// measuredCommand runs args through this test binary, started afresh:
// Linux counts into a child's maximum RSS the high-water mark of the
// process it was exec'd from, and this test's is large (it made the
// inputs). The fresh process is small; it runs args, waits, and writes
// their maximum RSS (which includes the programs they waited for, such as
// pdftotext) to out.
func measuredCommand(out string, args ...string) *exec.Cmd {
	j, err := json.Marshal(args)
	if err != nil {
		panic(err) // a []string always marshals
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_MEASURE_OUT="+out, "ENTENTE_ARGS_JSON="+string(j))
	return cmd
}

// measureChild is the fresh process of measuredCommand.
func measureChild(out string) int {
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv("ENTENTE_ARGS_JSON")), &args); err != nil || len(args) == 0 {
		fmt.Fprintln(os.Stderr, "measure: bad ENTENTE_ARGS_JSON")
		return 2
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = slices.DeleteFunc(os.Environ(), func(e string) bool { return strings.HasPrefix(e, "ENTENTE_") })
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "measure:", err)
		return 2
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	if err := os.WriteFile(out, []byte(strconv.FormatInt(rss, 10)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		return 2
	}
	return cmd.ProcessState.ExitCode()
}

// readMaxRSS reads what measureChild wrote, in bytes.
func readMaxRSS(t *testing.T, path string) int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no measurement: %v", err)
	}
	kib, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return kib << 10
}

func firstOf(outputs ...string) string {
	for _, o := range outputs {
		if o = strings.TrimSpace(o); o != "" {
			line, _, _ := strings.Cut(o, "\n")
			return fmt.Sprintf("%.160s", line)
		}
	}
	return ""
}
