package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestCollectionStats checks that the sums migration 0009's triggers keep
// (PostgreSQL's inserts counted per statement since 0045) equal the sums
// over the versions after documents are added one by one and in a group
// and deleted, that every version written or deleted counts as a change
// (the search index's key moves with each), and that a search after a
// deletion counts without the deleted sentences (the cached counts follow
// the collection).
func TestCollectionStats(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		var changes int64
		check := func(when string, changed int64) {
			t.Helper()
			var (
				kept, summed [3]int64
				now          int64
			)
			err := s.DB().QueryRowContext(ctx, `SELECT CAST(coalesce(sum(versions), 0) AS BIGINT), CAST(coalesce(sum(sentences), 0) AS BIGINT),
				CAST(coalesce(sum(tokens), 0) AS BIGINT), CAST(coalesce(sum(changes), 0) AS BIGINT) FROM collection_stats`).Scan(&kept[0], &kept[1], &kept[2], &now)
			if err != nil {
				t.Fatal(err)
			}
			if now-changes < changed {
				t.Errorf("%s: %d changes counted, want at least %d", when, now-changes, changed)
			}
			changes = now
			err = s.DB().QueryRowContext(ctx, `SELECT count(*), CAST(coalesce(sum(sentence_count), 0) AS BIGINT),
				CAST(coalesce(sum(token_count), 0) AS BIGINT) FROM versions`).Scan(&summed[0], &summed[1], &summed[2])
			if err != nil {
				t.Fatal(err)
			}
			if kept != summed {
				t.Errorf("%s: collection_stats hold %v, the versions sum to %v", when, kept, summed)
			}
		}
		check("empty", 0)
		zh, _ := searchCorpus(t, s)
		check("after the corpus", 4)
		// a group of new documents, written by one INSERT of versions
		group := []*entente.NewDocument{withText(zh, zh.Text+"\n一。"), withText(zh, zh.Text+"\n二。"), withText(zh, zh.Text+"\n三。")}
		ids, err := s.CreateDocuments(ctx, group)
		if err != nil || len(ids) != len(group) {
			t.Fatalf("a group of %d: %v, %v", len(group), ids, err)
		}
		check("after a group", int64(len(group)))
		for _, id := range ids {
			if err := s.DeleteDocument(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		check("after deleting the group", int64(len(group)))
		before, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		copyID := mustCreate(t, s, withText(zh, zh.Text+"\n再版。"))
		check("after a second copy", 1)
		twice, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDocument(ctx, copyID); err != nil {
			t.Fatal(err)
		}
		check("after deleting it", 1)
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
