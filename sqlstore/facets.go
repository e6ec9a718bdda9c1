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
// text) and the facets of the newest MaxFacetSentences of them.
func (s *Store) countBrowse(ctx context.Context, tx *sql.Tx, q entente.SearchQuery, res *entente.SearchResults) error {
	var a args
	where := whereClause(filterConds(&a, q, false))
	if err := s.queryRow(ctx, tx, "SELECT count(*) FROM sentences s "+where, a...).Scan(&res.Total); err != nil {
		return fmt.Errorf("count sentences: %w", err)
	}
	limit := s.maxFacetSentences()
	var newest []candidate
	err := s.queryRows(ctx, tx, "SELECT s.id, s.document_id, s.position, '', s.type, s.strength FROM sentences s "+where+
		" ORDER BY s.version_id DESC, s.position LIMIT "+a.add(limit), a, scanCandidate(&newest))
	if err != nil {
		return fmt.Errorf("browse for facets: %w", err)
	}
	res.FacetsOf = len(newest)
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
	}
	// the labels of the corrected sentences, as corrected
	corrected, err := findCorrectedLabels(ctx, tx, ids)
	if err != nil {
		return entente.Facets{}, err
	}
	for _, c := range found {
		docs[c.documentID]++
		typ, strength := c.typ, c.strength
		if l := corrected[c.id]; l != nil {
			typ, strength = l.typ, l.strength
			for _, p := range l.actors {
				counts["party"][p]++
			}
			for _, ar := range l.areas {
				counts["area"][ar]++
			}
		}
		counts["type"][typ]++
		if strength != "" {
			counts["strength"][strength]++
		}
	}
	if len(corrected) > 0 {
		ids = slices.DeleteFunc(ids, func(id int64) bool { return corrected[id] != nil })
	}
	for chunk := range slices.Chunk(ids, 1000) {
		for _, q := range []struct{ facet, sql string }{
			// From the sentences to their labels, so that each candidate is
			// a key lookup (asked the other way, SQLite may scan the whole
			// party or area index).
			{"party", "SELECT x.party FROM sentences s JOIN sentence_actors x ON x.sentence_id = s.id WHERE s.id IN "},
			{"area", "SELECT x.area FROM sentences s JOIN sentence_areas x ON x.sentence_id = s.id WHERE s.id IN "},
		} {
			var a args
			err := queryRows(ctx, tx, q.sql+"("+list(&a, chunk)+")", a, func(rows *sql.Rows) error {
				var k string
				if err := rows.Scan(&k); err != nil {
					return err
				}
				counts[q.facet][k]++
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
	for chunk := range slices.Chunk(docIDs, 1000) {
		var a args
		// the signing year as corrected
		err := queryRows(ctx, tx, `SELECT d.id, coalesce(substr(CASE WHEN cd.date_corrected THEN cd.signed_date ELSE d.signed_date END, 1, 4), ''),
				coalesce((SELECT min(v.language) FROM versions v WHERE v.document_id = d.id), '')
			FROM documents d LEFT JOIN corrected_documents cd ON cd.document_id = d.id WHERE d.id IN (`+list(&a, chunk)+`)`, a, func(rows *sql.Rows) error {
			var (
				id         int64
				year, lang string
			)
			if err := rows.Scan(&id, &year, &lang); err != nil {
				return err
			}
			if len(year) == 4 {
				counts["year"][year] += docs[id]
			}
			if lang != "" {
				counts["lang"][lang] += docs[id]
			}
			return nil
		})
		if err != nil {
			return entente.Facets{}, fmt.Errorf("count facets by document: %w", err)
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
