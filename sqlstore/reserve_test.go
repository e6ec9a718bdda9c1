package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSentenceIDsReserved: a group's sentence ids, reserved before the
// rows are written (no RETURNING; PostgreSQL then copies the rows), are
// distinct and follow each version's positions, also when writers race
// (PostgreSQL's sequence; SQLite's one writer), and a document read back
// has every sentence under its id.
func TestSentenceIDsReserved(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		const writers, perWriter = 3, 4
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for w := range writers {
			wg.Go(func() {
				var docs []*entente.NewDocument
				for d := range perWriter {
					title := fmt.Sprintf("Writer %d document %d", w, d)
					docs = append(docs, handDoc("en", title, "2021-05-06", []string{"CN"},
						sentence{text: title + " opens."}, sentence{text: "Both sides agree.", typ: entente.Commitment, actors: []string{"CN"}},
						sentence{text: title + " closes."}))
				}
				if _, err := s.CreateDocuments(ctx, docs); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		rows, err := s.DB().QueryContext(ctx, `SELECT id, version_id, position FROM sentences ORDER BY version_id, position`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		seen := map[int64]bool{}
		var lastVersion, lastID int64
		n := 0
		for rows.Next() {
			var id, vid int64
			var pos int
			if err := rows.Scan(&id, &vid, &pos); err != nil {
				t.Fatal(err)
			}
			if seen[id] {
				t.Errorf("sentence id %d twice", id)
			}
			seen[id] = true
			if vid == lastVersion && id <= lastID {
				t.Errorf("version %d: sentence %d at %d after sentence %d", vid, id, pos, lastID)
			}
			lastVersion, lastID = vid, id
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n != writers*perWriter*3 {
			t.Fatalf("%d sentences, want %d", n, writers*perWriter*3)
		}
		// the labels and the index were written under the reserved ids
		hits, err := s.Search(ctx, entente.SearchQuery{Text: "agree", Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != writers*perWriter {
			t.Errorf("search for agree: %d hits, want %d", len(hits), writers*perWriter)
		}
		for _, h := range hits {
			if len(h.Sentence.Actors) != 1 || h.Sentence.Actors[0] != "CN" {
				t.Errorf("hit %+v: actors %v, want [CN]", h.Sentence.ID, h.Sentence.Actors)
			}
		}
	})
}
