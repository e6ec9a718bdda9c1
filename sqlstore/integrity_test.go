package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestSentenceRowsIntegrity: on both databases, rows that name a sentence,
// version or document that does not exist are refused (SQLite's foreign
// keys, PostgreSQL's checks per statement of migration 0017), and deleting
// a document leaves none of its sentences' rows behind (the cascades).
func TestSentenceRowsIntegrity(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		id, err := s.CreateDocument(ctx, corpusDoc(t, statement))
		if err != nil {
			t.Fatal(err)
		}
		var sid, vid int64
		if err := s.DB().QueryRowContext(ctx, `SELECT id, version_id FROM sentences WHERE document_id = $1 ORDER BY id LIMIT 1`, id).
			Scan(&sid, &vid); err != nil {
			t.Fatal(err)
		}
		refused := []struct {
			name, query string
			args        []any
		}{
			{"a sentence of no version", `UPDATE sentences SET version_id = $1 WHERE id = $2`, []any{int64(1 << 40), sid}},
			{"a sentence of no document", `UPDATE sentences SET document_id = $1 WHERE id = $2`, []any{int64(1 << 40), sid}},
		}
		for _, c := range refused {
			tx, err := s.DB().BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, c.query, c.args...); err == nil {
				// SQLite checks its foreign keys at once; a failure at commit counts too
				if err := tx.Commit(); err == nil {
					t.Errorf("%s: accepted", c.name)
				}
				continue
			}
			tx.Rollback()
		}
		if err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"sentences", "citation_sentences", "entity_sentences"} {
			var n int
			q := `SELECT count(*) FROM ` + table + ` WHERE sentence_id NOT IN (SELECT id FROM sentences)`
			if table == "sentences" {
				q = `SELECT count(*) FROM sentences WHERE version_id = $1`
			}
			var args []any
			if table == "sentences" {
				args = []any{vid}
			}
			if err := s.DB().QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%s: %d rows left after the document was deleted", table, n)
			}
		}
	})
}
