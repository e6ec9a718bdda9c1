package sqlstore_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
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
		want := phraseDocs(t, s)
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

// phraseDocs stores 24 documents of 100 sentences, half holding the phrase
// 全面战略伙伴关系 and half every bigram of it apart, and returns the texts
// of those that hold it.
func phraseDocs(t *testing.T, s *sqlstore.Store) map[string]bool {
	t.Helper()
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
	return want
}

// A candidate whose stored text cannot be read fails a search that checks
// candidates (an index without positions: PostgreSQL's) with an error
// naming the version, while other chunks are being read and checked: no
// hang, no half answer kept, and every goroutine of the check ends. An
// index that answers the phrase from its positions (SQLite's) reads no
// candidate's text: the same search gives its exact total, the damaged
// document being on no page it shows.
func TestPhraseCheckFailsWhole(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		want := phraseDocs(t, s)
		// the first document's text, kept deflated in its upload's blob,
		// damaged: its sentences come last (newest first)
		res, err := s.DB().ExecContext(ctx, `UPDATE blobs SET data = $1, compression = 'deflate'
			WHERE sha256 IN (SELECT text_sha256 FROM versions WHERE document_id = (SELECT min(id) FROM documents))`,
			[]byte{0xDE, 0xAD, 0xBE, 0xEF})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("damaged %d blobs, want 1", n)
		}
		_, fromIndex := s.Dialect().PhraseQuery(search.Query("全面战略伙伴关系"))
		before := runtime.NumGoroutine()
		for range 2 { // kept nothing: the second search fails as the first
			r, err := s.SearchPage(ctx, entente.SearchQuery{Text: "全面战略伙伴关系", Limit: 20})
			if fromIndex {
				if err != nil {
					t.Fatalf("a phrase the index answers: %v", err)
				}
				if r.Total != len(want) {
					t.Fatalf("total %d, want %d", r.Total, len(want))
				}
				continue
			}
			if err == nil || !strings.Contains(err.Error(), "version") {
				t.Fatalf("search over a damaged text: %v, want an error naming the version", err)
			}
		}
		if n := sqlstore.RunCandidatesChecked(s); fromIndex != (n == 0) {
			t.Errorf("read %d candidates' texts; the index answers the phrase: %v", n, fromIndex)
		}
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			t.Errorf("%d goroutines after the failed searches, %d before", n, before)
		}
	})
}

// A phrase weighs in ranking by its candidates, every sentence that holds
// all of its bigrams (BM25's document frequency), on either store: an index
// that answers the phrase itself (SQLite's) must not take its matches for
// that count, or the same search would rank otherwise on the two stores.
func TestPhraseWeightFromCandidates(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		want := phraseDocs(t, s)
		r, err := s.SearchPage(context.Background(), entente.SearchQuery{Text: "全面战略伙伴关系", Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != len(want) {
			t.Fatalf("total %d, want %d", r.Total, len(want))
		}
		// every sentence of phraseDocs holds each bigram, half of them apart
		if n, ok := sqlstore.CachedDocumentFrequency(s, "全面战略伙伴关系"); !ok || n != int64(2*len(want)) {
			t.Errorf("ranking counted %d sentences holding the phrase (kept: %v), want its %d candidates", n, ok, 2*len(want))
		}
	})
}
