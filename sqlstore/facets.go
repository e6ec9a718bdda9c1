package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// countBrowse counts the sentences that meet q's filters (a search without
// text) and the facets of the newest MaxCandidates of them.
func (s *Store) countBrowse(ctx context.Context, tx *sql.Tx, q entente.SearchQuery, res *entente.SearchResults) error {
	var a args
	where := whereClause(filterConds(&a, q, false))
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sentences s "+where, a...).Scan(&res.Total); err != nil {
		return fmt.Errorf("count sentences: %w", err)
	}
	limit := s.maxCandidates()
	var newest []candidate
	err := queryRows(ctx, tx, "SELECT s.id, s.document_id, s.position, '' FROM sentences s "+where+
		" ORDER BY s.version_id DESC, s.position LIMIT "+a.add(limit), a, scanCandidate(&newest))
	if err != nil {
		return fmt.Errorf("browse for facets: %w", err)
	}
	res.Estimated = res.Total > len(newest)
	res.Facets, err = countFacets(ctx, tx, newest)
	return err
}

// countFacets counts sentences by type, strength, actor, area, year of
// signing and language, reading the labels of found in chunks.
func countFacets(ctx context.Context, tx *sql.Tx, found []candidate) (entente.Facets, error) {
	counts := map[string]map[string]int{"type": {}, "strength": {}, "party": {}, "area": {}, "year": {}, "lang": {}}
	docs := map[int64]int{} // sentences per document
	ids := make([]int64, len(found))
	for i, c := range found {
		ids[i] = c.id
		docs[c.documentID]++
	}
	for chunk := range slices.Chunk(ids, 1000) {
		for _, q := range []struct{ facet, sql string }{
			{"", "SELECT type, strength FROM sentences WHERE id IN "},
			{"party", "SELECT party, '' FROM sentence_actors WHERE sentence_id IN "},
			{"area", "SELECT area, '' FROM sentence_areas WHERE sentence_id IN "},
		} {
			var a args
			err := queryRows(ctx, tx, q.sql+"("+list(&a, chunk)+")", a, func(rows *sql.Rows) error {
				var k, strength string
				if err := rows.Scan(&k, &strength); err != nil {
					return err
				}
				if q.facet != "" {
					counts[q.facet][k]++
					return nil
				}
				counts["type"][k]++
				if strength != "" {
					counts["strength"][strength]++
				}
				return nil
			})
			if err != nil {
				return entente.Facets{}, fmt.Errorf("count facets: %w", err)
			}
		}
	}
	docIDs := make([]int64, 0, len(docs))
	for id := range docs {
		docIDs = append(docIDs, id)
	}
	titles, err := findDocumentTitles(ctx, tx, docIDs)
	if err != nil {
		return entente.Facets{}, err
	}
	for id, n := range docs {
		d := titles[id]
		if d.signed != nil && len(*d.signed) >= 4 {
			counts["year"][(*d.signed)[:4]] += n
		}
		if d.language != "" {
			counts["lang"][d.language] += n
		}
	}
	return entente.Facets{Type: sorted(counts["type"]), Strength: sorted(counts["strength"]), Party: sorted(counts["party"]),
		Area: sorted(counts["area"]), Year: sorted(counts["year"]), Language: sorted(counts["lang"])}, nil
}

// sorted returns counts most first, then by key.
func sorted(m map[string]int) []entente.Count {
	out := make([]entente.Count, 0, len(m))
	for k, n := range m {
		out = append(out, entente.Count{Key: k, Count: n})
	}
	slices.SortFunc(out, func(x, y entente.Count) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Key, y.Key)) })
	return out
}

// noFacets are the facets of no hit: empty lists, not nulls.
func noFacets() entente.Facets {
	return entente.Facets{Type: []entente.Count{}, Party: []entente.Count{}, Area: []entente.Count{}, Strength: []entente.Count{},
		Year: []entente.Count{}, Language: []entente.Count{}}
}
