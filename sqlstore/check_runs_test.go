package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// A phrase's candidates (every sentence holding each of its bigrams) are
// checked against their text in chunks read while others are checked: a
// phrase common to many documents must still count exactly the sentences
// that hold it as one run, none of those whose bigrams stand apart, over
// more candidates than one chunk, on every page.
func TestPhraseCandidatesCheckedEveryOne(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		const docs, each = 24, 100 // 2,400 candidates: three chunks and more
		want := map[string]bool{}
		for d := range docs {
			var sents []sentence
			for i := range each {
				text := fmt.Sprintf("第%d号文件第%d条：双方发展全面战略伙伴关系。", d, i)
				if i%2 == 1 {
					// every bigram of the phrase, never the phrase
					text = fmt.Sprintf("第%d号文件第%d条：全面战略，略伙伴关系。", d, i)
				} else {
					want[text] = true
				}
				sents = append(sents, sentence{text: text})
			}
			mustCreate(t, s, handDoc("zh", fmt.Sprintf("文件%d", d), "2025-03-01", []string{"CN", "RS"}, sents...))
		}
		got := map[string]bool{}
		for offset := 0; ; offset += 100 {
			r, err := s.SearchPage(ctx, entente.SearchQuery{Text: "全面战略伙伴关系", Limit: 100, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != len(want) {
				t.Fatalf("total %d, want %d", r.Total, len(want))
			}
			if len(r.Hits) == 0 {
				break
			}
			for _, h := range r.Hits {
				if !want[h.Sentence.Text] {
					t.Fatalf("found %q, which does not hold the phrase", h.Sentence.Text)
				}
				got[h.Sentence.Text] = true
			}
		}
		if len(got) != len(want) {
			t.Errorf("paged through %d sentences, want %d", len(got), len(want))
		}
	})
}
