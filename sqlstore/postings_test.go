package sqlstore_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSearchFromPostings: PostgreSQL's index folded into postings
// (migration 0032), with some sentences still fresh and a folded document
// deleted, finds what SQLite finds, ranked the same (BM25 reads the
// index's counts), for every form of query: a bigram, one character as a
// prefix, a phrase checked against the text, a word's forms as
// alternatives, English words.
func TestSearchFromPostings(t *testing.T) {
	folded := []*entente.NewDocument{hans, hant, formsCyr, formsLat}
	fresh := []*entente.NewDocument{formsChanged, formsEn}
	queries := []string{"铁路", "鐵", "双", "簽證便利化", "pruga", "пругом", "pruzi", "naučnik", "railways", "the railway", "strane", "date"}
	type result struct {
		query string
		hits  []string
		score []float64
	}
	results := map[string][]result{}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			s := st.open(t)
			ctx := t.Context()

			for _, d := range folded {
				mustCreate(t, s, d)
			}
			// a document deleted after its sentences were folded, one written
			// after the fold: still fresh
			doomed := handDoc("zh", "删", "2025-03-01", []string{"CN"},
				sentence{text: "双方将研究铁路合作。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN"}})
			doomedID := mustCreate(t, s, doomed)
			if _, err := s.DrainIndex(ctx); err != nil {
				t.Fatal(err)
			}
			if st.name == "postgres" {
				if n := count(t, s, "sentence_search"); n != 0 {
					t.Errorf("%d index rows left fresh after the fold", n)
				}
				if n := count(t, s, "search_postings"); n == 0 {
					t.Error("no postings after the fold")
				}
			}
			for _, d := range fresh {
				mustCreate(t, s, d)
			}
			if err := s.DeleteDocument(ctx, doomedID); err != nil {
				t.Fatal(err)
			}
			if st.name == "postgres" && count(t, s, "search_gone") == 0 {
				t.Error("the deleted document's sentences are not noted as gone")
			}
			for _, q := range queries {
				hits, err := s.Search(ctx, entente.SearchQuery{Text: q})
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				r := result{query: q}
				for _, h := range hits {
					if h.DocumentID == doomedID {
						t.Errorf("%s: finds the deleted document", q)
					}
					r.hits = append(r.hits, h.Sentence.Text)
					r.score = append(r.score, h.Score)
				}
				if len(r.hits) == 0 && q != "date" {
					t.Errorf("%s: no hits", q)
				}
				results[st.name] = append(results[st.name], r)
			}
		})
	}
	if len(results) == 2 {
		if diff := cmp.Diff(results["sqlite"], results["postgres"], cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("SQLite and PostgreSQL's postings differ (-sqlite +postgres):\n%s", diff)
		}
	}
}

// TestFoldResumes: rows written before the postings (as a store of
// before migration 0032 holds them, all fresh) are folded when the store
// opens, and a second fold finds nothing to move.
func TestFoldResumes(t *testing.T) {
	dsn := pgDSN(t)
	s, err := openPostgresDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, d := range []*entente.NewDocument{hans, formsLat, formsEn} {
		mustCreate(t, s, d)
	}
	fresh := count(t, s, "sentence_search")
	if fresh == 0 {
		t.Fatal("no fresh rows to fold")
	}
	before := searchTexts(t, s, "铁路", "pruga", "railway")
	s2, err := openPostgresDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n := count(t, s2, "sentence_search"); n != 0 {
		t.Errorf("%d of %d rows fresh after opening", n, fresh)
	}
	if n, err := s2.DrainIndex(t.Context()); err != nil || n != 0 {
		t.Errorf("drain after the fold: %d, %v", n, err)
	}
	s2.NoResultCache = true
	if after := searchTexts(t, s2, "铁路", "pruga", "railway"); !cmp.Equal(before, after) {
		t.Errorf("before the fold %v, after %v", before, after)
	}
}

func searchTexts(t *testing.T, s *sqlstore.Store, queries ...string) [][]string {
	t.Helper()
	var out [][]string
	for _, q := range queries {
		hits, err := s.Search(t.Context(), entente.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, h := range hits {
			texts = append(texts, h.Sentence.Text)
		}
		out = append(out, texts)
	}
	return out
}

// TestPurgeGone: once enough deleted sentences are noted, a fold takes
// them out of the postings that list them (a row left empty goes) and
// forgets them, and search finds what it found before the purge.
func TestPurgeGone(t *testing.T) {
	s := openPostgres(t)
	ctx := t.Context()
	sqlstore.SetPurgeMin(s, 1)
	keep := mustCreate(t, s, hans)
	doomed := mustCreate(t, s, handDoc("zh", "删", "2025-03-01", []string{"CN"},
		sentence{text: "双方将研究铁路合作与独特词汇。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN"}}))
	if _, err := s.DrainIndex(ctx); err != nil {
		t.Fatal(err)
	}
	before := count(t, s, "search_postings")
	if err := s.DeleteDocument(ctx, doomed); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "search_gone"); n != 1 {
		t.Fatalf("%d sentences noted as gone, want 1", n)
	}
	if _, err := s.DrainIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "search_gone"); n != 0 {
		t.Errorf("%d sentences still noted as gone after the purge", n)
	}
	if after := count(t, s, "search_postings"); after >= before {
		t.Errorf("postings rows %d before the purge, %d after: the deleted sentence's own tokens should go", before, after)
	}
	for _, q := range []string{"铁路", "独特", "双"} {
		hits, err := s.Search(ctx, entente.SearchQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.DocumentID != keep {
				t.Errorf("%s: a hit in document %d", q, h.DocumentID)
			}
		}
		if want := q != "独特"; (len(hits) > 0) != want {
			t.Errorf("%s: %d hits", q, len(hits))
		}
	}
}
