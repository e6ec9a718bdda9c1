package sqlstore_test

import (
	"slices"
	"testing"

	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
)

// TestIndexAgreesWithAnalyzer checks that each database's full-text index
// finds exactly the sentences in which the analyzer finds every term of a
// query: phrases only where the characters stand in a row, single
// characters, folded words. Search drops a candidate the analyzer rejects,
// so without this test an index that matched too much would go unseen.
func TestIndexAgreesWithAnalyzer(t *testing.T) {
	texts := []string{
		"共建一带一路合作。", "一带，一路。", "一路一带", "铁杆朋友", "匈塞铁路", "铁", "路铁",
		"Cooperation and cooperating.", "co-operation", "Visa-free travel", "visa2017", "ＶＩＳＡ",
		"Министарство спољних послова", "Ministarstvo spoljnih poslova", "Đoković", "Djoković", "džak џак",
		"naïve café", "nai\u0308ve cafe\u0301", "O'Brien's", "ｶﾀｶﾅ カタカナ", "한국어 텍스트", "ελληνικά Ελληνικά",
		"e\u0301\u0301", "x\u200by", "中国-塞尔维亚", "2024年5月8日",
	}
	queries := []string{
		"一带一路", "一带", "一路", "带一", "铁", "铁路", "路", "cooperation", "cooperate", "co operation",
		"visa", "visa2017", "spoljnih", "спољних", "djokovic", "Ђоковић", "dzak", "naive", "cafe", "obrien", "o",
		"カタカナ", "ｶﾀｶﾅ", "한국", "ελληνικα", "e", "x", "y", "中国 塞尔维亚", "2024", "年5",
	}
	var sents []sentence
	for _, text := range texts {
		sents = append(sents, sentence{text: text})
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		mustCreate(t, s, handDoc("und", "Index check", "2020-01-01", []string{"CN"}, sents...))
		d := s.Dialect()
		for _, q := range queries {
			terms := search.Query(q)
			if len(terms) == 0 {
				t.Fatalf("query %q has no terms", q)
			}
			want := 0
			for _, text := range texts {
				if !slices.Contains(terms.Match(text).Counts, 0) {
					want++
				}
			}
			var got int
			if err := s.DB().QueryRow(d.CountMatches("$1"), d.MatchQuery(terms)).Scan(&got); err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if got != want {
				t.Errorf("query %q (%v): the index finds %d sentences, the analyzer %d", q, terms, got, want)
			}
		}
	})
}
