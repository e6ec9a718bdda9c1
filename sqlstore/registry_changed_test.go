package sqlstore_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestRegistryInputAfterChanges: past a mark the store reads again the
// documents the events since name, with all their names (those read at
// the mark among them), beside what was added, and both documents of an
// editor's version link; it refuses, so that the caller reads the whole
// library, a change no event ties to a document.
func TestRegistryInputAfterChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		first := mustCreate(t, s, corpusDoc(t, statement))
		second := mustCreate(t, s, corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"))
		whole, err := s.RegistryInput(ctx)
		if err != nil {
			t.Fatal(err)
		}
		itemsOf := func(in *entente.RegistryInput, doc int64) (rows []int64) {
			for _, it := range in.Items {
				if it.DocumentID == doc {
					rows = append(rows, it.RowID)
				}
			}
			return rows
		}
		// the first statement read again with one name fewer
		x := corpusDoc(t, statement).Extraction
		x.Mechanisms = x.Mechanisms[1:]
		for i := range x.Sentences {
			x.Sentences[i].Mechanisms = nil
		}
		var vid int64
		if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, first).Scan(&vid); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReplaceExtraction(ctx, vid, x, "hand"); err != nil {
			t.Fatal(err)
		}
		third := mustCreate(t, s, corpusDoc(t, "cn-ae-2019-joint-statement.zh.html"))
		after, ok, err := s.RegistryInputAfter(ctx, whole.Mark)
		if err != nil || !ok {
			t.Fatalf("after a re-extraction and an ingest: %v, %v", ok, err)
		}
		if !slices.Equal(after.Replaced, []int64{first}) {
			t.Errorf("documents read again %v, want [%d]", after.Replaced, first)
		}
		now, err := s.RegistryInput(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range []int64{first, third} {
			if got, want := itemsOf(after, doc), itemsOf(now, doc); len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("document %d: read the rows %v, a whole read %v", doc, got, want)
			}
		}
		if got := itemsOf(after, second); len(got) != 0 {
			t.Errorf("document %d, unchanged: read %v again", second, got)
		}
		var docs []int64
		for _, d := range after.Documents {
			docs = append(docs, d.ID)
		}
		if !slices.Equal(docs, []int64{first, third}) {
			t.Errorf("documents read %v, want [%d %d]", docs, first, third)
		}
		if after.Mark != now.Mark {
			t.Errorf("the mark after %+v, a whole read's %+v", after.Mark, now.Mark)
		}
		// a change to the second statement, as its event names it: its
		// rows, all read at the mark, are read again
		bump := func() {
			t.Helper()
			if _, err := s.DB().ExecContext(ctx, `UPDATE collection_stats SET registry_changes = registry_changes + 1`); err != nil {
				t.Fatal(err)
			}
		}
		bump()
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO events (at, actor, action, entity, entity_id, document_id)
			VALUES ($1, 'test', 'update', 'document', $2, $3)`, "2026-12-06T16:00:00Z", strconv.FormatInt(second, 10), second); err != nil {
			t.Fatal(err)
		}
		again, ok, err := s.RegistryInputAfter(ctx, now.Mark)
		if err != nil || !ok || !slices.Equal(again.Replaced, []int64{second}) {
			t.Fatalf("after a change to document %d: %v, %v, read again %v", second, ok, err, again)
		}
		if got, want := itemsOf(again, second), itemsOf(now, second); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("document %d: read the rows %v again, a whole read %v", second, got, want)
		}
		// an editor links two documents read before as versions: both are
		// read again, so that the pairs with either are found again
		if _, err := s.SetVersionLink(ctx, third, first, true, entente.LinkManual, "one statement"); err != nil {
			t.Fatal(err)
		}
		linked, ok, err := s.RegistryInputAfter(ctx, again.Mark)
		if err != nil || !ok || !slices.Equal(linked.Replaced, []int64{first, third}) {
			t.Fatalf("after a version link of %d and %d: %v, %v, read again %v", third, first, ok, err, linked)
		}
		// what a build reads changed, and no event says where
		bump()
		if _, ok, err := s.RegistryInputAfter(ctx, linked.Mark); err != nil || ok {
			t.Errorf("after a change no event names: read past the mark %v, %v; want a whole read", ok, err)
		}
	})
}
