package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestSketchAndQueueIntegrity: on both databases, a version's
// near-duplicate sketch and its row in the full-text index's queue are
// refused when they name a version that does not exist, on insert and on
// an update that changes it (SQLite's foreign keys, PostgreSQL's checks of
// migration 0046), an update that leaves it alone is not, and deleting the
// document leaves none of them behind (the cascades). On PostgreSQL a
// version named by an insert stays locked against deletion until the
// inserting transaction ends, as a foreign key's check locked it.
func TestSketchAndQueueIntegrity(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		doc, err := s.CreateDocument(sqlstore.DeferIndex(ctx), corpusDoc(t, statement))
		if err != nil {
			t.Fatal(err)
		}
		var vid int64
		if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, doc).Scan(&vid); err != nil {
			t.Fatal(err)
		}
		// the statement must have rows of both kinds, or nothing is tested
		for _, table := range []string{"near_sketches", "search_pending"} {
			if n := rowCount(t, s, `SELECT count(*) FROM `+table+` WHERE version_id = $1`, vid); n == 0 {
				t.Fatalf("%s: the statement wrote no rows", table)
			}
		}
		pg := s.Dialect().Name() == "postgres"
		sketch := `INSERT INTO near_sketches (hash, version_id) VALUES (42, $1)`
		if pg {
			sketch = `INSERT INTO near_sketches (hash, version_id) VALUES (ARRAY[42]::bigint[], $1)`
		}
		const none = int64(1 << 40)
		for _, c := range []struct{ name, query string }{
			{"a sketch of no version", sketch},
			{"a queued row of no version", `INSERT INTO search_pending (version_id, document_id, sentences, queued_at)
				SELECT $1, document_id, sentences, queued_at FROM search_pending LIMIT 1`},
			{"a sketch moved to no version", `UPDATE near_sketches SET version_id = $1`},
			{"a queued row moved to no version", `UPDATE search_pending SET version_id = $1`},
		} {
			if err := inTx(ctx, s, c.query, none); err == nil {
				t.Errorf("%s: accepted", c.name)
			}
		}
		for _, q := range []string{`UPDATE near_sketches SET version_id = version_id`, `UPDATE search_pending SET sentences = sentences`} {
			if err := inTx(ctx, s, q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
		if pg {
			// a version with no row queued: another statement, indexed at once
			other, err := s.CreateDocument(ctx, corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"))
			if err != nil {
				t.Fatal(err)
			}
			lockedUntilCommit(t, s, other)
		}
		if err := s.DeleteDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"near_sketches", "search_pending"} {
			if n := rowCount(t, s, `SELECT count(*) FROM `+table+` WHERE version_id = $1`, vid); n != 0 {
				t.Errorf("%s: %d rows left after the document was deleted", table, n)
			}
		}
	})
}

// lockedUntilCommit: while a transaction that queued document doc's
// version for the index is open, another cannot delete the version (it
// waits, here until its lock timeout); once it has ended, it can.
func lockedUntilCommit(t *testing.T, s *sqlstore.Store, doc int64) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_pending (version_id, document_id, sentences, queued_at)
		SELECT id, document_id, 1, now() FROM versions WHERE document_id = $1`, doc); err != nil {
		t.Fatal(err)
	}
	del := func() error {
		other, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Rollback() // never committed: nothing is deleted
		if _, err := other.ExecContext(ctx, `SET LOCAL lock_timeout = '200ms'`); err != nil {
			t.Fatal(err)
		}
		_, err = other.ExecContext(ctx, `DELETE FROM versions WHERE document_id = $1`, doc)
		return err
	}
	if err := del(); err == nil {
		t.Error("a version was deleted while a transaction that queued it was open")
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := del(); err != nil {
		t.Errorf("the version could not be deleted once the transaction ended: %v", err)
	}
}
