package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestCollectionStats checks that the sums migration 0009's triggers keep
// equal the sums over the versions after documents are added and deleted,
// and that a search after a deletion counts without the deleted sentences
// (the cached counts follow the collection).
func TestCollectionStats(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		check := func(when string) {
			t.Helper()
			var kept, summed [3]int64
			err := s.DB().QueryRowContext(ctx, `SELECT CAST(coalesce(sum(versions), 0) AS BIGINT), CAST(coalesce(sum(sentences), 0) AS BIGINT),
				CAST(coalesce(sum(tokens), 0) AS BIGINT) FROM collection_stats`).Scan(&kept[0], &kept[1], &kept[2])
			if err != nil {
				t.Fatal(err)
			}
			err = s.DB().QueryRowContext(ctx, `SELECT count(*), CAST(coalesce(sum(sentence_count), 0) AS BIGINT),
				CAST(coalesce(sum(token_count), 0) AS BIGINT) FROM versions`).Scan(&summed[0], &summed[1], &summed[2])
			if err != nil {
				t.Fatal(err)
			}
			if kept != summed {
				t.Errorf("%s: collection_stats hold %v, the versions sum to %v", when, kept, summed)
			}
		}
		check("empty")
		zh, _ := searchCorpus(t, s)
		check("after the corpus")
		before, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		copyID := mustCreate(t, s, withText(zh, zh.Text+"\n再版。"))
		check("after a second copy")
		twice, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDocument(ctx, copyID); err != nil {
			t.Fatal(err)
		}
		check("after deleting it")
		after, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if twice.Total <= before.Total || after.Total != before.Total || after.Hits[0].Score != before.Hits[0].Score {
			t.Errorf("合作: total %d, then %d with a copy, %d after deleting it (scores %v, %v); want the first back",
				before.Total, twice.Total, after.Total, before.Hits[0].Score, after.Hits[0].Score)
		}
	})
}

// withText returns a copy of d with another text, so that it is stored as
// a new document.
func withText(d *entente.NewDocument, text string) *entente.NewDocument {
	c := *d
	c.Text, c.Original, c.TextSHA256 = text, []byte(text), ""
	return &c
}
