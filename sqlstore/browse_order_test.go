package sqlstore_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// A search without text lists the documents stored last first and each
// document's sentences in their order, on every page, whatever order the
// search index read them in when it was built.
func TestBrowseOrder(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		var want []string
		for d, date := range []string{"2020-01-01", "2024-05-08", "2022-03-03"} {
			var sents []sentence
			var texts []string
			for i := range 7 {
				text := fmt.Sprintf("第%d号文件第%d条，双方同意合作。", d, i)
				sents = append(sents, sentence{text: text})
				texts = append(texts, text)
			}
			mustCreate(t, s, handDoc("zh", fmt.Sprintf("文件%d", d), date, []string{"CN", "RS"}, sents...))
			want = append(texts, want...) // stored later, listed first
		}
		var got []string
		for offset := 0; offset < len(want); offset += 5 {
			r, err := s.SearchPage(ctx, entente.SearchQuery{Party: "CN", Limit: 5, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range r.Hits {
				got = append(got, h.Sentence.Text)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("browse order:\n got %q\nwant %q", got, want)
		}
	})
}
