package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// TestIndexMergedBehindWrites: a write adds its full-text index segment
// and merges none (FTS5's automerge is off, migration 0050), so that no
// upload waits for the merge of a level that grows with the collection;
// the indexer (DrainIndex) merges what the writes left, and search finds
// the same sentences before and after.
func TestIndexMergedBehindWrites(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "entente.db"))
	var automerge int
	if err := s.DB().QueryRowContext(ctx, `SELECT v FROM sentence_fts_config WHERE k = 'automerge'`).Scan(&automerge); err != nil {
		t.Fatal(err)
	}
	if automerge != 0 {
		t.Errorf("FTS5 automerge %d, want 0", automerge)
	}
	for i := range 12 {
		if _, err := s.CreateDocument(ctx, statement(t, i)); err != nil {
			t.Fatal(err)
		}
	}
	// mergeable says whether a merge step finds a level to merge (rolled
	// back: it only looks)
	mergeable := func() bool {
		t.Helper()
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		more, err := sqlite.Dialect{}.MergeIndexStep(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		return more
	}
	hits := func() int {
		t.Helper()
		h, err := s.Search(ctx, entente.SearchQuery{Text: "铁路", Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		return len(h)
	}
	before := hits()
	if !mergeable() {
		t.Error("after 12 uploads nothing to merge: the uploads merged the index themselves")
	}
	if _, err := s.DrainIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if mergeable() {
		t.Error("the indexer left levels to merge")
	}
	if after := hits(); after != before || before == 0 {
		t.Errorf("search 铁路: %d hits before the merge, %d after", before, after)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
