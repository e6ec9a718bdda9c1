package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente/sqlstore"
)

// TestCreateDocumentsPreparedAhead writes documents prepared ahead of
// the transaction (PrepareDocument, as a batch's examinations do) and
// holds each to what is stored without: the same extraction, text and
// source, found by search at once. A preparation that does not fit the
// write is not used: one made for another document (its text must not be
// stored under this one), and one made for a deferred index when the
// write indexes now (its sentences must be searchable at once).
func TestCreateDocumentsPreparedAhead(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		docs := groupDocs(t)
		for i, d := range docs {
			pctx := ctx
			if i == 0 {
				pctx = sqlstore.DeferIndex(ctx)
			}
			p, err := s.PrepareDocument(pctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if p.PreparedFrom() != d {
				t.Fatalf("document %d: prepared from another document", i)
			}
			d.Prepared = p
		}
		// the fifth document carries the fourth's preparation
		docs[4].Prepared = docs[3].Prepared
		ids, err := s.CreateDocuments(ctx, docs)
		if err != nil {
			t.Fatal(err)
		}
		alone := openSQLite(t)
		for i, d := range docs {
			got, err := s.Document(ctx, ids[i])
			if err != nil {
				t.Fatal(err)
			}
			bare := *d
			bare.Prepared = nil
			want, err := alone.Document(ctx, mustCreate(t, alone, &bare))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d.Extraction, got.Extraction); diff != "" {
				t.Errorf("document %d: extraction (-prepared +stored):\n%s", i, diff)
			}
			if len(got.Versions) != 1 || got.Versions[0].Text != d.Text || got.Versions[0].TextSHA256 != want.Versions[0].TextSHA256 ||
				len(got.Sources) != 1 || got.Sources[0].SHA256 != want.Sources[0].SHA256 || got.Sources[0].Name != d.Source.Name {
				t.Errorf("document %d stored as versions %+v, sources %+v; want its own text and source", i, got.Versions, got.Sources)
			}
			_, orig, err := s.Original(ctx, got.Sources[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(orig) != string(d.Original) {
				t.Errorf("document %d: original of %d bytes stored, want its own %d", i, len(orig), len(d.Original))
			}
		}
		sameHits(t, s, alone, "with documents prepared ahead", "铁路", "合作", "First", "Third", "сарадња")
	})
}
