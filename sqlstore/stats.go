package sqlstore

import (
	"context"
	"fmt"

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
		{&out.ByArea, `SELECT a.area, count(*) FROM sentence_areas a JOIN sentences s ON s.id = a.sentence_id
			WHERE s.type = 'commitment' GROUP BY a.area ORDER BY count(*) DESC, a.area`},
		{&out.ByParty, `SELECT a.party, count(*) FROM sentence_actors a JOIN sentences s ON s.id = a.sentence_id
			WHERE s.type = 'commitment' GROUP BY a.party ORDER BY count(*) DESC, a.party`},
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
	return out, nil
}
