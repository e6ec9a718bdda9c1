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
// moment (drawn over the time an uncut ingest of the batch takes, so that
// kills land inside group transactions as well as between them). After
// every kill the store must open, pass its integrity check, hold only
// complete documents, none twice, none fewer than before, and every
// document the killed ingest reported added; the next ingest resumes the
// batch, and one that ends before its kill must finish it exactly.
// Without ENTENTE_SOAK it is skipped: the default run has
// TestCrashMidBatch.
func TestCrashSoak(t *testing.T) {
	kills, _ := strconv.Atoi(os.Getenv("ENTENTE_SOAK"))
	if kills <= 0 {
		t.Skip("set ENTENTE_SOAK=200 to SIGKILL 200 ingests per store")
	}
	const batchSize = 160
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
				// kills are drawn over the time an uncut ingest takes
				span = timeIngest(t, newDB(-1), batch)
			)
			for s.kills < kills {
				before := len(seen)
				killed, reported := killIngest(t, db, batch, rng, span)
				after := checkStore(t, backend, db, seen, batchSize)
				s.verified += after - before
				if after < before {
					t.Fatalf("after kill %d: %d documents, %d before: documents lost", s.kills, after, before)
				}
				if after < before+reported {
					t.Fatalf("after kill %d: %d documents, %d before and %d reported added: reported documents lost", s.kills, after, before, reported)
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
			t.Logf("%s: %d SIGKILLed ingests in %s, drawn over %s (%d batches of %d run to the end after them); %d kills left the batch part-way with new documents, %d before any new document was written, %d after its last; %d documents checked complete, none lost, none twice%s",
				backend, s.kills, time.Since(start).Round(time.Second), span.Round(time.Millisecond), s.completed, batchSize, s.midBatch, s.nothingNew, s.atTheEnd, s.verified, integrityNote(backend))
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

// timeIngest runs one ingest of batch into db to its end and returns how
// long it took, start-up included.
func timeIngest(t *testing.T, db, batch string) time.Duration {
	t.Helper()
	start := time.Now()
	if _, stderr, code := runBinary(t, "", "ingest", "--progress=false", "--db", db, batch); code != 0 {
		t.Fatalf("an uncut ingest: exit %d: %s", code, stderr)
	}
	return time.Since(start)
}

// killIngest starts an ingest of batch into db and SIGKILLs it at a moment
// drawn uniformly over span (an uncut ingest's time), whenever its reports
// come: a batch reports its documents only once a sync has made them
// durable, some groups at a time. It reports whether the kill came before
// the ingest ended, and how many documents it had reported added by then.
func killIngest(t *testing.T, db, batch string, rng *rand.Rand, span time.Duration) (killed bool, reported int) {
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
	added := make(chan int, 1)
	go func() {
		n := 0
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "added:") {
				n++
			}
		}
		added <- n
	}()
	time.Sleep(time.Duration(rng.Int64N(int64(span) + 1)))
	killed = cmd.Process.Signal(syscall.SIGKILL) == nil
	reported = <-added // the pipe closes as the process ends
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok {
		killed = killed && ws.Signaled()
	}
	if !killed && err != nil {
		t.Fatalf("the ingest failed on its own: %v", err)
	}
	return killed, reported
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
