package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// labelledDocs are n documents whose sentences carry labels in many
// combinations (none, one or two actors and areas, every type and
// strength, documents of several years and languages), so that the
// facets of a result add many sets of labels together.
func labelledDocs(n int) []*entente.NewDocument {
	types := []entente.SentenceType{entente.Commitment, entente.Narrative, entente.Appraisal}
	strengths := []entente.Strength{"", entente.Firm, entente.Intent, entente.Soft}
	parties := []string{"CN", "RS", "HU", "FR", "NZ"}
	areas := []string{"trade", "energy", "infrastructure", "science"}
	langs := []string{"en", "zh", "sr-Latn"}
	var docs []*entente.NewDocument
	for d := range n {
		var sents []sentence
		for i := range 3 + d%4 {
			k := d*7 + i
			st := sentence{text: fmt.Sprintf("Statement %d says cooperate on item %d of %d.", d, i, k%5), typ: types[k%len(types)]}
			if st.typ == entente.Commitment {
				st.strength = strengths[k%len(strengths)]
			}
			for j := range k % 3 {
				st.actors = append(st.actors, parties[(k+j*2)%len(parties)])
			}
			for j := range (k / 3) % 3 {
				st.areas = append(st.areas, areas[(k+j)%len(areas)])
			}
			sents = append(sents, st)
		}
		date := fmt.Sprintf("%d-0%d-1%d", 2010+d%6, 1+d%9, d%10)
		docs = append(docs, handDoc(langs[d%len(langs)], fmt.Sprintf("Labelled %d", d), date, parties[d%2:d%2+2], sents...))
	}
	return docs
}

// TestFacetsByHitsEqualBitmaps holds the facets counted hit by hit (each
// hit's set of labels), by the hits' complement, and as search counts
// them (one or the other by the size of the result), to those counted by
// intersecting bitmaps, on results from none to the whole collection,
// either side of the size where search changes from one way to the
// other, on both databases, and again after the index was brought up to
// date in place (a document withdrawn, some added, one restored).
func TestFacetsByHitsEqualBitmaps(t *testing.T) {
	queries := []entente.SearchQuery{
		{Text: "量子计算"}, {Text: "铁路"}, {Text: "cooperate", Party: "NZ"}, {Text: "cooperate", Area: "energy"},
		{Text: "cooperate"}, {Text: "合作"}, {Type: entente.Commitment}, {Party: "CN"}, {From: "2013", To: "2014"}, {},
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		docs := labelledDocs(60)
		var ids []int64
		for _, d := range docs[:50] {
			ids = append(ids, mustCreate(t, s, d))
		}
		check := func(step string) {
			t.Helper()
			sizes := map[int]bool{}
			sides := map[bool]int{}
			for _, q := range queries {
				hits, ways, err := sqlstore.FacetsWays(ctx, s, q)
				if err != nil {
					t.Fatal(err)
				}
				sizes[hits] = true
				sides[sqlstore.FacetsByComplement(s, hits)]++
				want := ways["bitmaps"]()
				if hits > 0 && len(want.Type) == 0 {
					t.Errorf("%s: %+v: %d hits and no type counted", step, q, hits)
				}
				for _, way := range []string{"search", "hits", "complement"} {
					if diff := cmp.Diff(want, ways[way]()); diff != "" {
						t.Errorf("%s: %+v (%d hits): facets (-by bitmaps +%s):\n%s", step, q, hits, way, diff)
					}
				}
				page, err := s.SearchPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, page.Facets); page.Total != hits || diff != "" {
					t.Errorf("%s: %+v: SearchPage counts %d hits (want %d), facets (-by bitmaps +SearchPage):\n%s", step, q, page.Total, hits, diff)
				}
			}
			if len(sizes) < 6 || sides[true] < 2 || sides[false] < 4 {
				t.Errorf("%s: the queries found %d sizes of result, %d counted by their complement, %d hit by hit; want many sizes either side",
					step, len(sizes), sides[true], sides[false])
			}
		}
		check("built")
		ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "test", Via: "cli"})
		if err := s.WithdrawDocument(ctx, ids[3], "test"); err != nil {
			t.Fatal(err)
		}
		check("a document withdrawn")
		for _, d := range docs[50:] {
			mustCreate(t, s, d)
		}
		check("documents added")
		if err := s.RestoreDocument(ctx, ids[3], "test"); err != nil {
			t.Fatal(err)
		}
		check("the document restored")
		if b, u := sqlstore.IndexBuilds(s); b != 1 || u == 0 {
			t.Errorf("%d builds and %d updates of the index; want one build, the rest updates in place", b, u)
		}
	})
}
