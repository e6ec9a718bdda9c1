package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// CommitmentStats counts commitments across the library, for the
// dashboard. The same SQL runs on both databases: the commitments read
// once, counted by their strength and their lists of parties and areas
// together (few distinct triples: most sentences share their lists), and
// once more joined to their documents for the years. The counts by
// strength had an index of their own (an index-only scan), which every
// commitment stored wrote an entry into; the one pass that counts the
// parties and areas counts the strengths as well (migration 0045).
func (s *Store) CommitmentStats(ctx context.Context) (*entente.CommitmentStats, error) {
	out := &entente.CommitmentStats{}
	strengths := map[string]int{}
	areas, parties := map[string]int{}, map[string]int{}
	rows, err := s.rdb.QueryContext(ctx, `SELECT strength, actors, areas, count(*) FROM sentences WHERE type = 'commitment'
		GROUP BY strength, actors, areas`)
	if err != nil {
		return nil, fmt.Errorf("commitment stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			strength, actorList, areaList string
			n                             int
		)
		if err := rows.Scan(&strength, &actorList, &areaList, &n); err != nil {
			return nil, fmt.Errorf("commitment stats: %w", err)
		}
		strengths[strength] += n
		out.Total += n
		if err := countList(parties, actorList, n); err != nil {
			return nil, fmt.Errorf("commitment stats by actors: %w", err)
		}
		if err := countList(areas, areaList, n); err != nil {
			return nil, fmt.Errorf("commitment stats by areas: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commitment stats: %w", err)
	}
	rows.Close()
	for k, n := range strengths {
		out.ByStrength = append(out.ByStrength, entente.Count{Key: k, Count: n})
	}
	// by strength, as ORDER BY strength gave them (the values are ASCII:
	// byte order is both databases' order)
	slices.SortFunc(out.ByStrength, func(a, b entente.Count) int { return strings.Compare(a.Key, b.Key) })
	out.ByArea, out.ByParty = mostFirst(areas), mostFirst(parties)
	years, err := s.rdb.QueryContext(ctx, `SELECT substr(d.signed_date, 1, 4), count(*) FROM sentences s JOIN documents d ON d.id = s.document_id
		WHERE s.type = 'commitment' AND d.signed_date IS NOT NULL GROUP BY substr(d.signed_date, 1, 4) ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("commitment stats by year: %w", err)
	}
	defer years.Close()
	for years.Next() {
		var c entente.Count
		if err := years.Scan(&c.Key, &c.Count); err != nil {
			return nil, fmt.Errorf("commitment stats by year: %w", err)
		}
		out.ByYear = append(out.ByYear, c)
	}
	if err := years.Err(); err != nil {
		return nil, fmt.Errorf("commitment stats by year: %w", err)
	}
	return out, nil
}

// countList adds n to the count of each label of a packed list (migration
// 0024); an empty list has none.
func countList(counts map[string]int, list string, n int) error {
	if list == "" {
		return nil
	}
	items, err := unpackLabels(list)
	if err != nil {
		return err
	}
	for _, it := range items {
		counts[it] += n
	}
	return nil
}

// mostFirst lists counts most first, then by label; nil when there are none.
func mostFirst(counts map[string]int) []entente.Count {
	var out []entente.Count // nil when none, as before
	for k, n := range counts {
		out = append(out, entente.Count{Key: k, Count: n})
	}
	slices.SortFunc(out, func(a, b entente.Count) int {
		if a.Count != b.Count {
			return cmp.Compare(b.Count, a.Count)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}
