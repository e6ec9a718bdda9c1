package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestVersionRowsIntegrity: on both databases, a version of no document,
// a source of no version or no blob, a version's near-duplicate sketch and
// its row in the full-text index's queue of no version are refused, on
// insert and on an update that changes the parent (SQLite's foreign keys
// and, for a source's blob, the triggers of migration 0057; PostgreSQL's
// checks of migration 0046); an update that leaves the parent
// alone is not; a blob a source names is neither deleted nor renamed; and
// deleting the document leaves none of its rows behind (the cascades). On
// PostgreSQL a parent named by an insert stays locked against deletion
// until the inserting transaction ends, as a foreign key's check locked it.
func TestVersionRowsIntegrity(t *testing.T) {
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
		// SQLite stages a new sketch (migration 0049): merged here, through
		// the middle level (0055) into near_sketches, so that near_sketches'
		// key is what is tested
		sqlstore.SetMiddleRows(s, 1)
		if err := s.MergeSketches(ctx); err != nil {
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
		var blob string
		if err := s.DB().QueryRowContext(ctx, `SELECT sha256 FROM sources WHERE version_id = $1`, vid).Scan(&blob); err != nil {
			t.Fatal(err)
		}
		// a new blob, so that a source of it conflicts with none stored
		newBlob := `INSERT INTO blobs (sha256, size, data, compression, created_at) VALUES ('new', 1, $1, '', CURRENT_TIMESTAMP)`
		newSource := `INSERT INTO sources (version_id, sha256, size, format, created_at) VALUES ($1, 'new', 1, 'text', CURRENT_TIMESTAMP)`
		for _, c := range []struct {
			name  string
			query []string
			args  [][]any
		}{
			{"a source of no version", []string{newBlob, newSource}, [][]any{{[]byte{1}}, {none}}},
			{"a source of no blob", []string{newSource}, [][]any{{vid}}},
			{"a version of no document", []string{`INSERT INTO versions (document_id, language, text_sha256, extractor, created_at, text)
				VALUES ($1, 'xx', 'new', 'test', CURRENT_TIMESTAMP, '')`}, [][]any{{none}}},
			{"a version moved to no document", []string{`UPDATE versions SET document_id = $1`}, [][]any{{none}}},
			{"a source moved to no version", []string{`UPDATE sources SET version_id = $1`}, [][]any{{none}}},
			{"a source moved to no blob", []string{`UPDATE sources SET sha256 = 'none'`}, [][]any{nil}},
			{"a blob a source names deleted", []string{`DELETE FROM blobs WHERE sha256 = $1`}, [][]any{{blob}}},
			{"a blob a source names renamed", []string{`UPDATE blobs SET sha256 = 'renamed' WHERE sha256 = $1`}, [][]any{{blob}}},
		} {
			if err := inTxAll(ctx, s, c.query, c.args); !refusedByKey(err) {
				t.Errorf("%s: %v, want a foreign key's refusal", c.name, err)
			}
		}
		for _, c := range []struct{ name, query string }{
			{"a sketch of no version", sketch},
			{"a queued row of no version", `INSERT INTO search_pending (version_id, document_id, sentences, queued_at)
				SELECT $1, document_id, sentences, queued_at FROM search_pending LIMIT 1`},
			{"a sketch moved to no version", `UPDATE near_sketches SET version_id = $1`},
			{"a queued row moved to no version", `UPDATE search_pending SET version_id = $1`},
		} {
			if err := inTx(ctx, s, c.query, none); !refusedByKey(err) {
				t.Errorf("%s: %v, want a foreign key's refusal", c.name, err)
			}
		}
		for _, q := range []string{`UPDATE near_sketches SET version_id = version_id`, `UPDATE search_pending SET sentences = sentences`,
			`UPDATE versions SET document_id = document_id`, `UPDATE sources SET version_id = version_id, sha256 = sha256`,
			`UPDATE blobs SET size = size`} {
			if err := inTx(ctx, s, q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
		if pg {
			// another statement, indexed at once: its version has no row
			// queued
			other, err := s.CreateDocument(ctx, corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"))
			if err != nil {
				t.Fatal(err)
			}
			if err := inTx(ctx, s, `INSERT INTO blobs (sha256, size, data, compression, created_at)
				VALUES ('unnamed', 1, '\x01', '', CURRENT_TIMESTAMP)`); err != nil {
				t.Fatal(err)
			}
			source := `INSERT INTO sources (version_id, sha256, size, format, created_at)
				SELECT id, 'unnamed', 1, 'text', CURRENT_TIMESTAMP FROM versions WHERE document_id = $1`
			for _, c := range []struct{ name, insert, remove string }{
				{"a queued row's version", `INSERT INTO search_pending (version_id, document_id, sentences, queued_at)
					SELECT id, document_id, 1, CURRENT_TIMESTAMP FROM versions WHERE document_id = $1`,
					`DELETE FROM versions WHERE document_id = $1`},
				{"a source's version", source, `DELETE FROM versions WHERE document_id = $1`},
				{"a source's blob", source, `DELETE FROM blobs WHERE sha256 = 'unnamed' AND $1 > 0`},
				{"a version's document", `INSERT INTO versions (document_id, language, text_sha256, extractor, created_at, text)
					VALUES ($1, 'xx', 'new', 'test', CURRENT_TIMESTAMP, '')`, `DELETE FROM documents WHERE id = $1`},
			} {
				lockedUntilCommit(t, s, c.name, c.insert, c.remove, other)
			}
		}
		if err := s.DeleteDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		if n := rowCount(t, s, `SELECT count(*) FROM versions WHERE document_id = $1`, doc); n != 0 {
			t.Errorf("versions: %d rows left after the document was deleted", n)
		}
		for _, table := range []string{"sources", "near_sketches", "search_pending"} {
			if n := rowCount(t, s, `SELECT count(*) FROM `+table+` WHERE version_id = $1`, vid); n != 0 {
				t.Errorf("%s: %d rows left after the document was deleted", table, n)
			}
		}
	})
}

// lockedUntilCommit: while a transaction that inserted a row naming a
// parent (insert) is open, another cannot delete the parent (remove, which
// waits, here until its lock timeout); once it has ended, it can. Both
// take doc as their parameter; nothing is committed.
func lockedUntilCommit(t *testing.T, s *sqlstore.Store, name, insert, remove string, doc int64) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, insert, doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	del := func() error {
		other, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Rollback()
		if _, err := other.ExecContext(ctx, `SET LOCAL lock_timeout = '200ms'`); err != nil {
			t.Fatal(err)
		}
		_, err = other.ExecContext(ctx, remove, doc)
		return err
	}
	if err := del(); err == nil {
		t.Errorf("%s: deleted while a transaction that named it was open", name)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if err := del(); err != nil {
		t.Errorf("%s: not deleted once the transaction ended: %v", name, err)
	}
}

// inTxAll runs statements in one transaction (each with its arguments)
// and commits it.
func inTxAll(ctx context.Context, s *sqlstore.Store, qs []string, args [][]any) error {
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	for i, q := range qs {
		if _, err := tx.ExecContext(ctx, q, args[i]...); err != nil {
			tx.Rollback()
			return err
		}
	}
	return tx.Commit()
}

// refusedByKey says err is a refusal for a missing parent: SQLite's
// foreign key, PostgreSQL's foreign_key_violation (a key's or a check's).
func refusedByKey(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "FOREIGN KEY") || strings.Contains(err.Error(), "23503"))
}
