package postgres_test

import (
	"testing"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
)

// TestCompactTable: a compaction drops the invalid copy of an index that
// a killed REINDEX CONCURRENTLY leaves (made here by a unique index built
// concurrently over duplicates, which fails the same way), and does
// nothing while another server holds the compaction's lock.
func TestCompactTable(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	ctx := t.Context()
	db := s.DB()
	for _, q := range []string{"CREATE TABLE compact_t (x integer)", "INSERT INTO compact_t VALUES (1), (1)"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ExecContext(ctx, "CREATE UNIQUE INDEX CONCURRENTLY compact_t_x_ccnew ON compact_t (x)"); err == nil {
		t.Fatal("a unique index over duplicates was built")
	}
	invalid := func() int {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_index WHERE indrelid = CAST('compact_t' AS regclass) AND NOT indisvalid`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if invalid() != 1 {
		t.Fatal("no invalid index to drop")
	}
	// another server compacting: this one passes
	held, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := held.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext('entente compact ' || current_schema()))"); err != nil {
		t.Fatal(err)
	}
	if err := (postgres.Dialect{}).CompactTable(ctx, db, "compact_t"); err != nil {
		t.Fatal(err)
	}
	if invalid() != 1 {
		t.Error("compacted while another held the lock")
	}
	if _, err := held.ExecContext(ctx, "SELECT pg_advisory_unlock(hashtext('entente compact ' || current_schema()))"); err != nil {
		t.Fatal(err)
	}
	held.Close()
	if err := (postgres.Dialect{}).CompactTable(ctx, db, "compact_t"); err != nil {
		t.Fatal(err)
	}
	if n := invalid(); n != 0 {
		t.Errorf("%d invalid indexes left", n)
	}
}
