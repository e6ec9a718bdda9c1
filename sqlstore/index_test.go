package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
)

// TestIndexAgreesWithAnalyzer checks that each database's full-text index
// finds every sentence in which the analyzer finds every term of a query
// (single characters, folded words, runs of characters), and that where it
// finds more (a run's bigrams present but not in a row), Search drops them.
// Search never sees what the index misses, so a miss would go unnoticed
// without this test.
func TestIndexAgreesWithAnalyzer(t *testing.T) {
	texts := []string{
		"共建一带一路合作。", "一带，一路。", "一路一带", "铁杆朋友", "匈塞铁路", "铁", "路铁",
		"Cooperation and cooperating.", "co-operation", "Visa-free travel", "visa2017", "ＶＩＳＡ",
		"Министарство спољних послова", "Ministarstvo spoljnih poslova", "Đoković", "Djoković", "džak џак",
		"naïve café", "nai\u0308ve cafe\u0301", "O'Brien's", "ｶﾀｶﾅ カタカナ", "한국어 텍스트", "ελληνικά Ελληνικά",
		"e\u0301\u0301", "x\u200by", "中国-塞尔维亚", "2024年5月8日",
		"一路一带一",              // 一带, 带一 and 一路, but not in a row
		"带一 路一带", "一带一路一带一路", // apart by a space; twice in a row
	}
	queries := []string{
		"一带一路", "一带", "一路", "带一", "铁", "铁路", "路", "cooperation", "cooperate", "co operation",
		"visa", "visa2017", "spoljnih", "спољних", "djokovic", "Ђоковић", "dzak", "naive", "cafe", "obrien", "o",
		"カタカナ", "ｶﾀｶﾅ", "한국", "ελληνικα", "e", "x", "y", "中国 塞尔维亚", "2024", "年5",
		"带一路", "一带一路一带",
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
			if got < want {
				t.Errorf("query %q (%v): the index finds %d sentences, the analyzer %d", q, terms, got, want)
			}
			// an index that answers phrases finds exactly what the analyzer does
			if pq, ok := d.PhraseQuery(terms); ok {
				if err := s.DB().QueryRow(d.CountMatches("$1"), pq).Scan(&got); err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				if got != want {
					t.Errorf("query %q (%s): the index's phrase finds %d sentences, the analyzer %d", q, pq, got, want)
				}
			}
			hits, err := s.Search(context.Background(), entente.SearchQuery{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != want {
				t.Errorf("query %q: Search finds %d sentences, the analyzer %d", q, len(hits), want)
			}
		}
	})
}

// TestIndexRebuilt checks that a store whose index another analyzer built
// (an older binary) rebuilds it when it opens: search finds what it held.
func TestIndexRebuilt(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := t.TempDir() + "/entente.db"
		testIndexRebuilt(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgDSN(t)
		testIndexRebuilt(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) })
	})
}

func testIndexRebuilt(t *testing.T, open func() (*sqlstore.Store, error)) {
	ctx := context.Background()
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, handDoc("zh", "Rebuilt", "2020-01-01", []string{"CN"}, sentence{text: "推进匈塞铁路建设。"}))
	want, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"})
	if err != nil || len(want) != 1 {
		t.Fatalf("before: %d hits, %v", len(want), err)
	}
	// What an older binary leaves: another analyzer's name, another index.
	tx, err := s.DB().Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Dialect().ClearIndex(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE store_settings SET value = 'older' WHERE key = 'search.analyzer'`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// (counted in the index itself: the store keeps what it found for as
	// long as the collection stays the same, and this change bypasses it)
	var n int
	if err := s.DB().QueryRow(s.Dialect().CountMatches(s.Dialect().Placeholder(1)),
		s.Dialect().MatchQuery(search.Query("铁路"))).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the cleared index still finds %d (%v)", n, err)
	}
	s.Close()

	s, err = open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Score != want[0].Score {
		t.Errorf("after reopening: %+v, want %+v", got, want)
	}
}
