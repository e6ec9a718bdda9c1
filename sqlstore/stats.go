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
// dashboard. The same SQL runs on both databases.
func (s *Store) CommitmentStats(ctx context.Context) (*entente.CommitmentStats, error) {
	out := &entente.CommitmentStats{}
	queries := []struct {
		into  *[]entente.Count
		query string
	}{
		{&out.ByStrength, `SELECT strength, count(*) FROM sentences WHERE type = 'commitment'
			GROUP BY strength ORDER BY strength`},
		{&out.ByYear, `SELECT substr(d.signed_date, 1, 4), count(*) FROM sentences s JOIN documents d ON d.id = s.document_id
			WHERE s.type = 'commitment' AND d.signed_date IS NOT NULL GROUP BY substr(d.signed_date, 1, 4) ORDER BY 1`},
	}
	for _, q := range queries {
		rows, err := s.rdb.QueryContext(ctx, q.query)
		if err != nil {
			return nil, fmt.Errorf("commitment stats: %w", err)
		}
		for rows.Next() {
			var c entente.Count
			if err := rows.Scan(&c.Key, &c.Count); err != nil {
				rows.Close()
				return nil, fmt.Errorf("commitment stats: %w", err)
			}
			*q.into = append(*q.into, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("commitment stats: %w", err)
		}
	}
	for _, c := range out.ByStrength {
		out.Total += c.Count
	}
	var err error
	if out.ByArea, err = s.countLabels(ctx, "areas"); err != nil {
		return nil, err
	}
	if out.ByParty, err = s.countLabels(ctx, "actors"); err != nil {
		return nil, err
	}
	return out, nil
}

// countLabels counts the commitments by each label of a packed list column
// of sentences (migration 0024), most first, then by label: the database
// counts each distinct list (few: most sentences share theirs), and each
// list's count goes to each of its labels.
func (s *Store) countLabels(ctx context.Context, column string) ([]entente.Count, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+column+`, count(*) FROM sentences
		WHERE type = 'commitment' AND `+column+` <> '' GROUP BY `+column)
	if err != nil {
		return nil, fmt.Errorf("commitment stats by %s: %w", column, err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var (
			list string
			n    int
		)
		if err := rows.Scan(&list, &n); err != nil {
			return nil, fmt.Errorf("commitment stats by %s: %w", column, err)
		}
		items, err := unpackLabels(list)
		if err != nil {
			return nil, fmt.Errorf("commitment stats by %s: %w", column, err)
		}
		for _, it := range items {
			counts[it] += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("commitment stats by %s: %w", column, err)
	}
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
	return out, nil
}
