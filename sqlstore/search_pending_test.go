package sqlstore_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// reopenable stores are opened again on the same database, as after a
// crash and a restart.
var reopenable = []struct {
	name string
	dsn  func(testing.TB) string
	open func(context.Context, string) (*sqlstore.Store, error)
}{
	{"sqlite", func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "entente.db") }, sqlite.Open},
	{"postgres", pgtest.DSN, postgres.Open},
}

// lagDocs are n statements each holding a word of its own, so that a
// search finds exactly the one.
func lagDocs(prefix string, n int) []*entente.NewDocument {
	var ds []*entente.NewDocument
	for i := range n {
		word := fmt.Sprintf("%sword%d", prefix, i)
		ds = append(ds, handDoc("en", fmt.Sprintf("%s statement %d", prefix, i), "2022-03-04", []string{"CN"},
			sentence{text: "The sides met in " + word + "."},
			sentence{text: "Both sides agree to build the railway.", typ: entente.Commitment, actors: []string{"CN"}}))
	}
	return ds
}

func hitsFor(t *testing.T, s *sqlstore.Store, text string) int {
	t.Helper()
	hits, err := s.Search(context.Background(), entente.SearchQuery{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return len(hits)
}

// TestIndexQueueResumesAfterRestart: documents written under DeferIndex are
// stored and listed at once but not searchable; the lag says how many; a
// store opened again (the first closed without indexing, as a crash
// leaves it) still has them queued, and its indexer makes them
// searchable, through an update of the in-memory search index, not a
// build.
func TestIndexQueueResumesAfterRestart(t *testing.T) {
	for _, st := range reopenable {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := st.dsn(t)
			s, err := st.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateDocuments(ctx, lagDocs("early", 2)); err != nil { // indexed at once
				t.Fatal(err)
			}
			if got := hitsFor(t, s, "earlyword1"); got != 1 {
				t.Fatalf("a document written at once: %d hits, want 1", got)
			}
			// a query's matches kept, one of them pinned: a search reads
			// them with the queued documents but checks none of them
			s.PinMatches = 2
			if got := hitsFor(t, s, "railway") + hitsFor(t, s, "sides"); got != 6 {
				t.Fatalf("railway and sides: %d hits, want 6", got)
			}
			ids, err := s.CreateDocuments(sqlstore.DeferIndex(ctx), lagDocs("later", 3))
			if err != nil {
				t.Fatal(err)
			}
			if got := hitsFor(t, s, "railway"); got != 2 {
				t.Errorf("railway, kept: %d hits before the queued documents are indexed, want the 2 indexed statements'", got)
			}
			if got := hitsFor(t, s, "sides"); got != 4 {
				t.Errorf("sides, kept: %d hits before the queued documents are indexed, want the 2 indexed statements' 4", got)
			}
			s.PinMatches = 0
			if _, err := s.Document(ctx, ids[2]); err != nil {
				t.Fatalf("a queued document is not readable: %v", err)
			}
			if got := hitsFor(t, s, "laterword2"); got != 0 {
				t.Errorf("a queued document found before its index: %d hits", got)
			}
			lag, err := s.SearchLag(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if lag.Statements != 3 || lag.Sentences != 6 || lag.Oldest == nil {
				t.Errorf("lag %+v, want 3 statements, 6 sentences and when", lag)
			}
			s.Close() // nothing indexed: as a crash after the commit

			s, err = st.open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			if lag, err := s.SearchLag(ctx); err != nil || lag.Statements != 3 {
				t.Fatalf("after a restart: lag %+v (%v), want 3 statements", lag, err)
			}
			if got := hitsFor(t, s, "earlyword0"); got != 1 { // the search index built once here
				t.Fatalf("%d hits, want 1", got)
			}
			if got := hitsFor(t, s, "railway"); got != 2 { // kept for this state of the collection
				t.Errorf("railway before catching up: %d hits, want the 2 indexed statements'", got)
			}
			builds, _ := sqlstore.IndexBuilds(s)
			ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "search indexer", Via: "system"})
			n, err := s.DrainIndex(ctx)
			if err != nil || n != 3 {
				t.Fatalf("drained %d (%v), want 3", n, err)
			}
			if lag, err := s.SearchLag(ctx); err != nil || lag.Statements != 0 || lag.Oldest != nil {
				t.Errorf("after catching up: lag %+v (%v), want none", lag, err)
			}
			for i := range 3 {
				if got := hitsFor(t, s, fmt.Sprintf("laterword%d", i)); got != 1 {
					t.Errorf("laterword%d after catching up: %d hits, want 1", i, got)
				}
			}
			if got := hitsFor(t, s, "railway"); got != 5 {
				t.Errorf("railway after catching up: %d hits, want 5 (every statement's, the kept result extended)", got)
			}
			if b, _ := sqlstore.IndexBuilds(s); b != builds {
				t.Errorf("catching up built the search index anew (%d builds, %d before): want an update", b, builds)
			}
			if r := sqlstore.IndexDocumentsRead(s); r == 0 {
				t.Error("catching up read no document again")
			}
			// the token counts ranking divides by are the indexed versions'
			var zero int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM versions WHERE token_count = 0`).Scan(&zero); err != nil || zero != 0 {
				t.Errorf("%d versions without a token count (%v)", zero, err)
			}
			if n, err := s.DrainIndex(ctx); err != nil || n != 0 {
				t.Errorf("a second drain indexed %d (%v)", n, err)
			}
		})
	}
}

// TestIndexersShareTheQueue: two stores on one database (two servers)
// drain the same queue at once; every version is indexed once, none left.
func TestIndexersShareTheQueue(t *testing.T) {
	for _, st := range reopenable {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := st.dsn(t)
			var ss []*sqlstore.Store
			for range 2 {
				s, err := st.open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				ss = append(ss, s)
			}
			const n = 40
			docs := lagDocs("shared", n)
			for i := 0; i < n; i += 8 {
				if _, err := ss[0].CreateDocuments(sqlstore.DeferIndex(ctx), docs[i:i+8]); err != nil {
					t.Fatal(err)
				}
			}
			counts := make([]int, len(ss))
			var wg sync.WaitGroup
			errs := make(chan error, len(ss))
			for i, s := range ss {
				wg.Go(func() {
					for {
						k, err := s.IndexPending(ctx, 3) // small claims, so that both take some
						if err != nil {
							errs <- err
							return
						}
						counts[i] += k
						if k == 0 {
							lag, err := s.SearchLag(ctx)
							if err != nil {
								errs <- err
								return
							}
							if lag.Statements == 0 {
								return
							}
							time.Sleep(time.Millisecond) // the other holds the rest
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if counts[0]+counts[1] != n {
				t.Errorf("indexed %v, want %d in all", counts, n)
			}
			var sentences, indexRows int
			db := ss[0].DB()
			if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sentences`).Scan(&sentences); err != nil {
				t.Fatal(err)
			}
			table := "sentence_search"
			if st.name == "sqlite" {
				table = "sentence_fts"
			}
			if err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&indexRows); err != nil {
				t.Fatal(err)
			}
			if indexRows != sentences {
				t.Errorf("%d index rows for %d sentences: want each once", indexRows, sentences)
			}
			var events int
			if err := db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE action = 'index'`).Scan(&events); err != nil || events != n {
				t.Errorf("%d index events (%v), want %d", events, err, n)
			}
			for _, s := range ss {
				if got := hitsFor(t, s, "sharedword17"); got != 1 {
					t.Errorf("sharedword17: %d hits, want 1", got)
				}
			}
		})
	}
}

// TestRestoreLeavesNothingQueued: a dump taken while statements wait for
// the index restores them indexed (a restore rebuilds the whole index),
// with nothing queued to be indexed twice.
func TestRestoreLeavesNothingQueued(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if _, err := s.CreateDocuments(sqlstore.DeferIndex(ctx), lagDocs("dumped", 2)); err != nil {
			t.Fatal(err)
		}
		b := dump(t, s)
		into := openSQLite(t)
		restore(t, into, b)
		if lag, err := into.SearchLag(ctx); err != nil || lag.Statements != 0 {
			t.Errorf("restored: lag %+v (%v), want none", lag, err)
		}
		if got := hitsFor(t, into, "dumpedword1"); got != 1 {
			t.Errorf("restored: %d hits, want 1", got)
		}
		var sentences, rows int
		if err := into.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM sentence_fts)`).Scan(&sentences, &rows); err != nil || rows != sentences {
			t.Errorf("restored: %d index rows for %d sentences (%v)", rows, sentences, err)
		}
	})
}

// TestRunIndexerCatchesUp: a server's background indexer finds what a batch
// queued after it started, and search then finds it.
func TestRunIndexerCatchesUp(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx, cancel := context.WithCancel(entente.NewContextWithActor(context.Background(), entente.Actor{Name: "search indexer", Via: "system"}))
		done := make(chan struct{})
		go func() { defer close(done); s.RunIndexer(ctx, slog.New(slog.DiscardHandler), 20*time.Millisecond) }()
		defer func() { cancel(); <-done }()
		if _, err := s.CreateDocuments(sqlstore.DeferIndex(ctx), lagDocs("background", 4)); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			lag, err := s.SearchLag(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if lag.Statements == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the indexer left %+v after 30 s", lag)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if got := hitsFor(t, s, "backgroundword3"); got != 1 {
			t.Errorf("backgroundword3 after the indexer caught up: %d hits, want 1", got)
		}
	})
}
