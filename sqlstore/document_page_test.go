package sqlstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDocumentPage: a page holds exactly the whole document's sentences in
// its window, with the total and where each section begins, and shows the
// document and its sentences as corrected, as the whole document does.
func TestDocumentPage(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		id, err := s.CreateDocument(ctx, corpusDoc(t, statement))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := s.FindSentence(ctx, id, "s12")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []entente.NewCorrection{
			{DocumentID: id, Field: "title", Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"A corrected title"`), State: entente.CorrectionApproved},
			{DocumentID: id, Field: "parties", Extracted: json.RawMessage(`[]`), Value: json.RawMessage(`["CN","HU"]`), State: entente.CorrectionApproved},
			{DocumentID: id, Anchor: &ref.Anchor, Sentence: "s12", Field: "type", Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"narrative"`), State: entente.CorrectionApproved},
			{DocumentID: id, Anchor: &ref.Anchor, Sentence: "s12", Field: "areas", Extracted: json.RawMessage(`[]`), Value: json.RawMessage(`["energy"]`), State: entente.CorrectionProposed},
		} {
			if _, err := s.AddCorrection(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		whole, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		all := whole.Extraction.Sentences
		if whole.Title != "A corrected title" || all[11].Type != entente.Narrative || slices.Contains(all[11].Areas, "energy") {
			t.Fatalf("the whole document is not as corrected: %q, s12 %s %v", whole.Title, all[11].Type, all[11].Areas)
		}
		starts := map[string]int{}
		for i, sent := range all {
			if _, ok := starts[sent.Section]; !ok {
				starts[sent.Section] = i
			}
		}
		for _, w := range []struct{ offset, limit int }{{0, 5}, {10, 7}, {len(all) - 3, 10}, {len(all), 10}, {0, len(all) + 50}} {
			d, page, err := s.DocumentPage(ctx, id, w.offset, w.limit)
			if err != nil {
				t.Fatal(err)
			}
			want := all[min(w.offset, len(all)):min(w.offset+w.limit, len(all))]
			if !reflect.DeepEqual(d.Extraction.Sentences, want) {
				t.Errorf("window %+v: %d sentences, want %d (the same as the whole document's)", w, len(d.Extraction.Sentences), len(want))
			}
			if page.Total != len(all) || page.Offset != w.offset || page.Limit != w.limit {
				t.Errorf("window %+v: page %+v, total want %d", w, page, len(all))
			}
			if !reflect.DeepEqual(page.SectionStarts, starts) {
				t.Errorf("window %+v: section starts %v, want %v", w, page.SectionStarts, starts)
			}
			if !reflect.DeepEqual(d.Document, whole.Document) || !reflect.DeepEqual(d.Extraction.Document, whole.Extraction.Document) ||
				len(d.Sources) != len(whole.Sources) || len(d.Extraction.Sections) != len(whole.Extraction.Sections) {
				t.Errorf("window %+v: the document around the page differs: %+v, want %+v", w, d.Document, whole.Document)
			}
			if !reflect.DeepEqual(d.Corrections, whole.Corrections) {
				t.Errorf("window %+v: %d corrections listed, want %d", w, len(d.Corrections), len(whole.Corrections))
			}
		}
		if _, _, err := s.DocumentPage(ctx, 424242, 0, 10); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a missing document: %v", err)
		}
	})
}
