package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// facetsOf counts a whole list of hits as SearchPage must: the reference
// the store's counts are held to.
func facetsOf(hits []entente.SearchHit) map[string]map[string]int {
	out := map[string]map[string]int{"type": {}, "strength": {}, "party": {}, "area": {}, "year": {}, "lang": {}}
	for _, h := range hits {
		s := h.Sentence
		out["type"][string(s.Type)]++
		if s.Strength != "" {
			out["strength"][string(s.Strength)]++
		}
		for _, a := range s.Actors {
			out["party"][a]++
		}
		for _, a := range s.Areas {
			out["area"][a]++
		}
		if len(h.SignedDate) >= 4 {
			out["year"][h.SignedDate[:4]]++
		}
		if h.Language != "" {
			out["lang"][h.Language]++
		}
	}
	return out
}

func facetMap(f entente.Facets) map[string]map[string]int {
	out := map[string]map[string]int{}
	for name, counts := range map[string][]entente.Count{"type": f.Type, "strength": f.Strength, "party": f.Party,
		"area": f.Area, "year": f.Year, "lang": f.Language} {
		out[name] = map[string]int{}
		for _, c := range counts {
			out[name][c.Key] = c.Count
		}
		if !slices.IsSortedFunc(counts, func(x, y entente.Count) int { return y.Count - x.Count }) { // most first
			out[name]["<not sorted>"] = 1
		}
	}
	return out
}

// TestSearchPageCounts checks that a page's total and facets count the
// whole result set, not the page (with and without text, with filters),
// and that a capped search says its numbers are estimates.
func TestSearchPageCounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		for _, q := range []entente.SearchQuery{
			{Text: "合作"},
			{Text: "合作", Type: entente.Commitment},
			{Text: "cooperate"},
			{Party: "RS"},
			{Type: entente.Commitment},
			{From: "2024"},
			{Text: "no-such-word-anywhere"},
		} {
			all, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			paged := q
			paged.Limit = 3
			res, err := s.SearchPage(ctx, paged)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != len(all) || res.Estimated || res.FacetsOf != res.Total {
				t.Errorf("%+v: total %d (estimated %v, facets of %d), want %d", q, res.Total, res.Estimated, res.FacetsOf, len(all))
			}
			if len(res.Hits) != min(3, len(all)) {
				t.Errorf("%+v: %d hits on the page, want %d", q, len(res.Hits), min(3, len(all)))
			}
			if diff := cmp.Diff(facetsOf(all), facetMap(res.Facets)); diff != "" {
				t.Errorf("%+v: facets (-whole result set +store):\n%s", q, diff)
			}
		}
		// Ranked in blocks of 5, the total still counts every match.
		all, err := s.Search(ctx, entente.SearchQuery{Text: "合作"})
		if err != nil {
			t.Fatal(err)
		}
		s.MaxCandidates = 5
		res, err := s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Offset: 5, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Estimated || res.Total != len(all) || len(res.Hits) != 5 {
			t.Errorf("合作 in blocks of 5: total %d, estimated %v, %d hits at offset 5; want %d, exact, 5",
				res.Total, res.Estimated, len(res.Hits), len(all))
		}
		// A page past the last match is empty and still has the total.
		res, err = s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Offset: 5000, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != len(all) || len(res.Hits) != 0 {
			t.Errorf("合作 past its last match: total %d, %d hits; want %d, none", res.Total, len(res.Hits), len(all))
		}
		// A filtered search counts every match exactly, and its facets
		// count every hit, however many blocks the hits take; its pages
		// reach every match.
		filteredAll, err := s.Search(ctx, entente.SearchQuery{Text: "合作", Party: "CN"})
		if err != nil {
			t.Fatal(err)
		}
		if len(filteredAll) <= 10 {
			t.Fatalf("合作 by CN: %d hits; the test needs more than two blocks of 5", len(filteredAll))
		}
		res, err = s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Party: "CN", Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Estimated || res.Total != len(filteredAll) || res.FacetsOf != res.Total || len(res.Hits) != 5 {
			t.Errorf("合作 by CN in blocks of 5: total %d, estimated %v, facets of %d, %d hits; want %d, exact, all, 5",
				res.Total, res.Estimated, res.FacetsOf, len(res.Hits), len(filteredAll))
		}
		if diff := cmp.Diff(facetsOf(filteredAll), facetMap(res.Facets)); diff != "" {
			t.Errorf("合作 by CN in blocks of 5: facets (-whole result set +store):\n%s", diff)
		}
		res, err = s.SearchPage(ctx, entente.SearchQuery{Text: "合作", Party: "CN", Offset: len(filteredAll) - 2, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Estimated || res.Total != len(filteredAll) || len(res.Hits) != 2 {
			t.Errorf("合作 by CN, the last page: total %d, estimated %v, %d hits; want %d, exact, 2",
				res.Total, res.Estimated, len(res.Hits), len(filteredAll))
		}
		s.MaxCandidates = 0
	})
}

// TestCountDocuments checks that the count follows every filter of the
// list and ignores its page.
func TestCountDocuments(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		for _, f := range []entente.DocumentFilter{
			{}, {Party: "RS"}, {Party: "AE"}, {Language: "en"}, {Kind: entente.KindJointStatement}, {From: "2024"},
			{To: "2023-12"}, {Area: "trade"}, {Area: "infrastructure", Party: "CN"},
		} {
			docs, err := s.Documents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			f.Limit, f.Offset = 1, 1
			n, err := s.CountDocuments(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(docs) {
				t.Errorf("%+v: count %d, list %d", f, n, len(docs))
			}
		}
	})
}
