package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// BenchmarkFacets counts the facets of results of growing size both ways
// (hit by hit, and by intersecting bitmaps) on a collection built by
// cmd/entente-load, named by ENTENTE_BENCH_SEARCH_DB (a copy: opening it
// may migrate it), to choose where one way gives way to the other:
//
//	ENTENTE_BENCH_SEARCH_DB=/tmp/copy.db go test ./sqlstore -run '^$' -bench Facets
func BenchmarkFacets(b *testing.B) {
	path := os.Getenv("ENTENTE_BENCH_SEARCH_DB")
	if path == "" {
		b.Skip("ENTENTE_BENCH_SEARCH_DB names no collection")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	defer func() { b.Logf("sets of labels, of each kind: %v", sqlstore.LabelSets(s)) }()
	for _, q := range []entente.SearchQuery{
		{Text: "合作", Party: "NZ"}, {Text: "railways"}, {Text: "签证"}, {Text: "铁路"}, {Text: "发展"}, {Text: "合作"}, {Text: "合"},
		{Party: "CN"}, {},
	} {
		hits, ways, err := sqlstore.FacetsWays(ctx, s, q)
		if err != nil {
			b.Fatal(err)
		}
		for _, way := range []string{"hits", "complement", "bitmaps"} {
			b.Run(fmt.Sprintf("%s/%d/%s", q.Text+q.Party, hits, way), func(b *testing.B) {
				cpu := cputime.Process()
				for b.Loop() {
					ways[way]()
				}
				b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
