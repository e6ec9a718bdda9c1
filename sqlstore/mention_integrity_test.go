package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestMentionRowsIntegrity: on both databases, entities, citations, the
// rows that place them in sentences and a document's parties are refused
// when they name a parent that does not exist, on insert and on an update
// that changes the parent (SQLite's foreign keys, PostgreSQL's checks of
// migration 0038), an update that leaves the parent alone is not, and
// deleting a sentence, an entity, a version's mentions or the document
// leaves none of their rows behind (the cascades).
func TestMentionRowsIntegrity(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		doc, err := s.CreateDocument(ctx, corpusDoc(t, statement))
		if err != nil {
			t.Fatal(err)
		}
		var vid int64
		if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, doc).Scan(&vid); err != nil {
			t.Fatal(err)
		}
		// the statement must have rows of every kind, or nothing is tested
		for _, table := range []string{"entities", "citations", "entity_sentences", "citation_sentences", "document_parties"} {
			if n := rowCount(t, s, `SELECT count(*) FROM `+table); n == 0 {
				t.Fatalf("%s: the statement wrote no rows", table)
			}
		}
		const none = int64(1 << 40)
		refused := []struct {
			name, query string
		}{
			{"an entity of no version", `INSERT INTO entities (version_id, kind, position, name)
				SELECT $1, kind, position, name FROM entities LIMIT 1`},
			{"a citation of no version", `INSERT INTO citations (version_id, position, title, bracketed, kind, year)
				SELECT $1, position, title, bracketed, kind, year FROM citations LIMIT 1`},
			{"an entity's sentence row of no entity", `INSERT INTO entity_sentences (entity_id, sentence_id, entity_pos, sentence_pos)
				SELECT $1, sentence_id, entity_pos, sentence_pos FROM entity_sentences LIMIT 1`},
			{"an entity's sentence row of no sentence", `INSERT INTO entity_sentences (entity_id, sentence_id, entity_pos, sentence_pos)
				SELECT entity_id, $1, entity_pos, sentence_pos FROM entity_sentences LIMIT 1`},
			{"a citation's sentence row of no citation", `INSERT INTO citation_sentences (citation_id, sentence_id, citation_pos, sentence_pos)
				SELECT $1, sentence_id, citation_pos, sentence_pos FROM citation_sentences LIMIT 1`},
			{"a citation's sentence row of no sentence", `INSERT INTO citation_sentences (citation_id, sentence_id, citation_pos, sentence_pos)
				SELECT citation_id, $1, citation_pos, sentence_pos FROM citation_sentences LIMIT 1`},
			{"a party of no document", `INSERT INTO document_parties (document_id, position, party)
				SELECT $1, position, party FROM document_parties LIMIT 1`},
			{"an entity moved to no version", `UPDATE entities SET version_id = $1`},
			{"a citation moved to no version", `UPDATE citations SET version_id = $1`},
			{"an entity's sentence row moved to no entity", `UPDATE entity_sentences SET entity_id = $1`},
			{"an entity's sentence row moved to no sentence", `UPDATE entity_sentences SET sentence_id = $1`},
			{"a citation's sentence row moved to no citation", `UPDATE citation_sentences SET citation_id = $1`},
			{"a citation's sentence row moved to no sentence", `UPDATE citation_sentences SET sentence_id = $1`},
			{"a party moved to no document", `UPDATE document_parties SET document_id = $1`},
		}
		for _, c := range refused {
			if err := inTx(ctx, s, c.query, none); err == nil {
				t.Errorf("%s: accepted", c.name)
			}
		}
		// the registry's rebuild sets every entity's registry id: no parent changes
		for _, q := range []string{`UPDATE entities SET registry_id = NULL`, `UPDATE citations SET registry_id = NULL`,
			`UPDATE entity_sentences SET sentence_pos = sentence_pos`, `UPDATE document_parties SET party = party`} {
			if err := inTx(ctx, s, q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}

		// a sentence deleted takes the rows that place mentions in it
		var sid int64
		if err := s.DB().QueryRowContext(ctx, `SELECT sentence_id FROM entity_sentences ORDER BY sentence_id LIMIT 1`).Scan(&sid); err != nil {
			t.Fatal(err)
		}
		if err := inTx(ctx, s, `DELETE FROM sentences WHERE id = $1`, sid); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"entity_sentences", "citation_sentences"} {
			if n := rowCount(t, s, `SELECT count(*) FROM `+table+` WHERE sentence_id = $1`, sid); n != 0 {
				t.Errorf("%s: %d rows of deleted sentence %d left", table, n, sid)
			}
		}
		// a version's mentions deleted, as re-extraction does, take their sentence rows
		if err := inTx(ctx, s, `DELETE FROM entities WHERE version_id = $1`, vid); err != nil {
			t.Fatal(err)
		}
		if n := rowCount(t, s, `SELECT count(*) FROM entity_sentences WHERE entity_id NOT IN (SELECT id FROM entities)`); n != 0 {
			t.Errorf("entity_sentences: %d rows of deleted entities left", n)
		}
		// and the document deleted takes everything else
		if err := s.DeleteDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`SELECT count(*) FROM citations WHERE version_id = $1`,
			`SELECT count(*) FROM entities WHERE version_id = $1`,
		} {
			if n := rowCount(t, s, q, vid); n != 0 {
				t.Errorf("%s: %d rows left after the document was deleted", q, n)
			}
		}
		for _, q := range []string{
			`SELECT count(*) FROM citation_sentences WHERE citation_id NOT IN (SELECT id FROM citations)`,
			`SELECT count(*) FROM citation_sentences WHERE sentence_id NOT IN (SELECT id FROM sentences)`,
			`SELECT count(*) FROM entity_sentences WHERE sentence_id NOT IN (SELECT id FROM sentences)`,
		} {
			if n := rowCount(t, s, q); n != 0 {
				t.Errorf("%s: %d rows left after the document was deleted", q, n)
			}
		}
		if n := rowCount(t, s, `SELECT count(*) FROM document_parties WHERE document_id = $1`, doc); n != 0 {
			t.Errorf("document_parties: %d rows left after the document was deleted", n)
		}
	})
}

// inTx runs one statement in a transaction and commits it: SQLite checks
// its foreign keys at once, PostgreSQL's statement triggers at the end of
// the statement; a failure at commit counts too.
func inTx(ctx context.Context, s *sqlstore.Store, q string, args ...any) error {
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// rowCount runs a query of one count.
func rowCount(t *testing.T, s *sqlstore.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}
