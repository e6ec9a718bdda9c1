package sqlstore

import (
	"context"
	"database/sql"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// IndexBuilds says how many times s built its search index anew and how
// many times it updated it by what changed.
func IndexBuilds(s *Store) (builds, updates int) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.builds, s.index.updates
}

// IndexDocumentsRead says how many documents the update that made s's
// current search index read again.
func IndexDocumentsRead(s *Store) int {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.index.reread
}

// FacetsBothWays finds the hits of q and returns their number and the
// two ways of counting their facets: hit by hit, and by intersecting
// bitmaps.
func FacetsBothWays(ctx context.Context, s *Store, q entente.SearchQuery) (hits int, byHits, byBitmaps func() entente.Facets, err error) {
	terms := search.Query(q.Text)
	if err := s.freshLabels(ctx); err != nil {
		return 0, nil, nil, err
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		x, err := s.labels(ctx, tx)
		if err != nil {
			return err
		}
		h, err := s.hits(ctx, tx, x, terms, q)
		if err != nil {
			return err
		}
		hits = int(h.GetCardinality())
		byHits = func() entente.Facets { return x.facetsByHits(h) }
		byBitmaps = func() entente.Facets { return x.facetsByBitmaps(h) }
		return nil
	})
	return hits, byHits, byBitmaps, err
}

// LabelSets says how many sets of facet labels s's search index knows,
// of each kind.
func LabelSets(s *Store) (sets [2]int) {
	for i, fs := range s.index.get().sets {
		sets[i] = len(fs.trie.view().parent)
	}
	return sets
}

// FacetsCountedByBitmaps says whether s counts the facets of a result of
// hits sentences by bitmaps (else hit by hit).
func FacetsCountedByBitmaps(s *Store, hits int) bool {
	return byBitmaps(uint64(hits), s.index.get().all.GetCardinality())
}
