package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// TestCrashSoak is the crash test many times over, on both stores:
// ENTENTE_SOAK=200 runs 200 ingests per store, each SIGKILLed at a random
// moment (after a random number of stored documents and a random few
// milliseconds more, so that kills land inside group transactions as well
// as between them). After every kill the store must open, pass its
// integrity check, hold only complete documents, none twice, and none
// fewer than before; the next ingest resumes the batch, and one that ends
// before its kill must finish it exactly. Without ENTENTE_SOAK it is
// skipped: the default run has TestCrashMidBatch.
func TestCrashSoak(t *testing.T) {
	kills, _ := strconv.Atoi(os.Getenv("ENTENTE_SOAK"))
	if kills <= 0 {
		t.Skip("set ENTENTE_SOAK=200 to SIGKILL 200 ingests per store")
	}
	const batchSize = 40
	batch := filepath.Join(t.TempDir(), "batch")
	if err := os.Mkdir(batch, 0o755); err != nil {
		t.Fatal(err)
	}
	writeBatch(t, batch, batchSize)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, uint64(len(backend))))
			dir := t.TempDir()
			newDB := func(cycle int) string {
				if backend == "sqlite" {
					return filepath.Join(dir, fmt.Sprintf("soak-%d.db", cycle))
				}
				return pgtest.DSN(t)
			}
			var (
				s     soakStats
				cycle int
				db    = newDB(0)
				seen  = map[int64]string{} // document → its source's sha256, checked once
				start = time.Now()
			)
			for s.kills < kills {
				before := len(seen)
				killed := killIngest(t, db, batch, rng)
				after := checkStore(t, backend, db, seen, batchSize)
				s.verified += after - before
				if after < before {
					t.Fatalf("after kill %d: %d documents, %d before: documents lost", s.kills, after, before)
				}
				if !killed {
					if after != batchSize {
						t.Fatalf("an ingest that ran to its end left %d of %d documents", after, batchSize)
					}
					s.completed++
					cycle++
					db, seen = newDB(cycle), map[int64]string{}
					continue
				}
				s.kills++
				if after > before && after < batchSize {
					s.midBatch++
				}
				if after == before {
					s.nothingNew++
				}
				if after == batchSize && before < batchSize {
					s.atTheEnd++
				}
			}
			t.Logf("%s: %d SIGKILLed ingests in %s (%d batches of %d run to the end after them); %d kills left the batch part-way with new documents, %d before any new document was written, %d after its last; %d documents checked complete, none lost, none twice%s",
				backend, s.kills, time.Since(start).Round(time.Second), s.completed, batchSize, s.midBatch, s.nothingNew, s.atTheEnd, s.verified, integrityNote(backend))
		})
	}
}

func integrityNote(backend string) string {
	if backend == "sqlite" {
		return ", integrity check passed after every kill"
	}
	return ""
}

type soakStats struct {
	kills, completed, midBatch, nothingNew, atTheEnd, verified int
}

// killIngest starts an ingest of batch into db and SIGKILLs it at a random
// moment. It reports whether the kill came before the ingest ended.
func killIngest(t *testing.T, db, batch string, rng *rand.Rand) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_RUN_MAIN=1", "ENTENTE_ARGS=ingest --progress=false --db "+db+" "+batch)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	target := rng.IntN(12)
	reached := make(chan struct{})
	go func() {
		added := 0
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "added:") {
				added++
			}
			if added == target {
				close(reached)
				target = -1
			}
		}
		if target >= 0 {
			close(reached)
		}
	}()
	if target > 0 {
		<-reached
	}
	time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
	killed := cmd.Process.Signal(syscall.SIGKILL) == nil
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok {
		killed = killed && ws.Signaled()
	}
	if !killed && err != nil {
		t.Fatalf("the ingest failed on its own: %v", err)
	}
	return killed
}

// checkStore opens db after a kill and checks it: integrity, and every
// document not seen before complete (one version, one source, all its
// sentences) and not a second copy of one seen. It returns the number of
// documents.
func checkStore(t *testing.T, backend, db string, seen map[int64]string, batchSize int) int {
	t.Helper()
	ctx := context.Background()
	var (
		st  entente.Store
		err error
	)
	if backend == "sqlite" {
		if _, serr := os.Stat(db); serr != nil {
			return 0 // killed before it created the file
		}
		st, err = sqlite.Open(ctx, db)
	} else {
		st, err = postgres.Open(ctx, db)
	}
	if err != nil {
		t.Fatalf("open after a kill: %v", err)
	}
	defer st.Close()
	// SQLite's integrity check reads every page; PostgreSQL has none of
	// its own (amcheck is an extension), and its durability is the
	// server's: there the check is that every document is whole.
	if ic, ok := st.(interface{ IntegrityCheck(context.Context) error }); ok && backend == "sqlite" {
		if err := ic.IntegrityCheck(ctx); err != nil {
			t.Fatalf("integrity after a kill: %v", err)
		}
	}
	docs, err := st.Documents(ctx, entente.DocumentFilter{Limit: 10 * batchSize})
	if err != nil {
		t.Fatal(err)
	}
	shas := map[string]int64{}
	for id, sha := range seen {
		shas[sha] = id
	}
	for _, d := range docs {
		if _, ok := seen[d.ID]; ok {
			continue
		}
		full, err := st.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Versions) != 1 || len(full.Sources) != 1 || full.Extraction == nil || len(full.Extraction.Sentences) != 80 {
			t.Fatalf("document %d is incomplete after a kill: %d versions, %d sources", d.ID, len(full.Versions), len(full.Sources))
		}
		sha := full.Sources[0].SHA256
		if other, ok := shas[sha]; ok {
			t.Fatalf("documents %d and %d hold the same source", other, d.ID)
		}
		seen[d.ID], shas[sha] = sha, d.ID
	}
	if len(docs) != len(seen) {
		t.Fatalf("%d documents, %d checked: one disappeared", len(docs), len(seen))
	}
	return len(docs)
}
