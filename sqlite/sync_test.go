package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// TestDeferSync: a write under DeferSync commits with synchronous=NORMAL
// on the writing connection and gives it back with FULL, so that every
// other write still syncs at its commit; SyncLog then syncs the log.
func TestDeferSync(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	s := mustOpen(t, path)
	synchronous := func() int {
		t.Helper()
		var n int
		// the store writes through one connection: this reads its setting
		if err := s.DB().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	dctx, ok := s.DeferSync(ctx)
	if !ok {
		t.Fatal("SQLite's store cannot defer its sync")
	}
	if _, err := s.CreateDocuments(dctx, []*entente.NewDocument{statement(t, 1), statement(t, 2)}); err != nil {
		t.Fatal(err)
	}
	if got := synchronous(); got != 2 {
		t.Errorf("after a write under DeferSync the writer has synchronous=%d, want 2 (FULL)", got)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no log after a write: %v", err)
	}
	if err := s.SyncLog(ctx); err != nil {
		t.Errorf("SyncLog: %v", err)
	}
	docs, err := s.Documents(ctx, entente.DocumentFilter{})
	if err != nil || len(docs) != 2 {
		t.Errorf("%d documents (%v), want 2", len(docs), err)
	}

	// what RelaxSync sets, and restores
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	restore, err := sqlite.Dialect{}.RelaxSync(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	var during int
	if err := conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&during); err != nil {
		t.Fatal(err)
	}
	if err := restore(ctx); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if during != 1 || synchronous() != 2 {
		t.Errorf("synchronous %d while relaxed, %d after; want 1 (NORMAL), 2 (FULL)", during, synchronous())
	}
}

// TestSyncLogNeedsAFile: a dialect that knows no database file cannot sync
// its log, and says so rather than claiming it did.
func TestSyncLogNeedsAFile(t *testing.T) {
	err := sqlite.Dialect{}.SyncLog(context.Background())
	if err == nil || !strings.Contains(err.Error(), "no database file") {
		t.Errorf("SyncLog without a file: %v", err)
	}
}
