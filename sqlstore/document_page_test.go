package sqlstore_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDocumentPage: a page holds exactly the whole document's sentences in
// its window, with the total and where each section begins.
func TestDocumentPage(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		id, err := s.CreateDocument(ctx, corpusDoc(t, statement))
		if err != nil {
			t.Fatal(err)
		}
		whole, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		all := whole.Extraction.Sentences
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
			if d.Title != whole.Title || len(d.Sources) != len(whole.Sources) || len(d.Extraction.Sections) != len(whole.Extraction.Sections) {
				t.Errorf("window %+v: the document around the page differs", w)
			}
		}
		if _, _, err := s.DocumentPage(ctx, 424242, 0, 10); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a missing document: %v", err)
		}
	})
}
