package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/skip"
	"github.com/entente/entente/sqlite"
)

// writeBatch writes n distinct statements: the sample with a numbered
// sentence of its own, so that each is a new text.
func writeBatch(t *testing.T, dir string, n int) {
	t.Helper()
	base, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		text := strings.Replace(string(base), "双方特此声明如下：", fmt.Sprintf("双方同意举行第%d次联合委员会会议。双方特此声明如下：", i+1), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCrashMidBatch kills an ingest with SIGKILL part-way through a batch:
// the store must pass its integrity check, hold only complete documents,
// and a second run must finish the batch without duplicates.
func TestCrashMidBatch(t *testing.T) {
	if testing.Short() {
		skip.Group(t, "crash test", "-short")
	}
	// two groups (of the size a batch writes on SQLite) more than a batch
	// writes before it syncs and reports the first, so that the kill
	// lands between commits after some were reported
	n := (ingest.SyncGroups + 2) * sqlite.Dialect{}.BatchGroupSize()
	dir := t.TempDir()
	batch := filepath.Join(dir, "batch")
	if err := os.Mkdir(batch, 0o755); err != nil {
		t.Fatal(err)
	}
	writeBatch(t, batch, n)
	db := filepath.Join(dir, "entente.db")

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_RUN_MAIN=1", "ENTENTE_ARGS=ingest --progress=false --db "+db+" "+batch)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	added := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "added:") {
			added++
		}
		if added == 20 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if added < 20 {
		t.Fatalf("the child stored %d documents before it ended; want it killed mid-way", added)
	}

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("open after the crash: %v", err)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity after the crash: %v", err)
	}
	docs, err := st.Documents(ctx, entente.DocumentFilter{Limit: 10 * n})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < added || len(docs) >= n {
		t.Fatalf("%d documents after the crash, want between %d and %d", len(docs), added, n-1)
	}
	for _, d := range docs {
		full, err := st.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Versions) != 1 || len(full.Sources) != 1 || full.Extraction == nil || len(full.Extraction.Sentences) != 80 {
			t.Fatalf("document %d is incomplete: %d versions, %d sources", d.ID, len(full.Versions), len(full.Sources))
		}
	}
	// The batch indexes its statements after storing them, so the killed
	// one left every stored statement queued for the index, none lost.
	if lag, err := st.SearchLag(ctx); err != nil || lag.Statements != len(docs) {
		t.Errorf("after the crash: search lag %+v (%v), want the %d stored statements queued", lag, err, len(docs))
	}
	st.Close()

	stdout, stderr, code := runBinary(t, "", "ingest", "--progress=false", "--db", db, batch)
	if code != 0 {
		t.Fatalf("re-run: exit %d: %s", code, stderr)
	}
	want := fmt.Sprintf("%d inputs: %d added, 0 new sources, %d already had, 0 refused", n, n-len(docs), len(docs))
	if !strings.Contains(stdout, want) {
		t.Errorf("re-run summary: want %q in\n%s", want, lastLines(stdout, 3))
	}
	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err = st.Documents(ctx, entente.DocumentFilter{Limit: 10 * n})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != n {
		t.Errorf("%d documents after the re-run, want %d", len(docs), n)
	}
	// the re-run indexed what the killed run had queued, and its own
	if lag, err := st.SearchLag(ctx); err != nil || lag.Statements != 0 {
		t.Errorf("after the re-run: search lag %+v (%v), want none", lag, err)
	}
	for _, i := range []int{1, n} {
		q := fmt.Sprintf("第%d次联合委员会会议", i)
		hits, err := st.Search(ctx, entente.SearchQuery{Text: q})
		if err != nil || len(hits) != 1 {
			t.Errorf("%s after the re-run: %d hits (%v), want 1", q, len(hits), err)
		}
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
