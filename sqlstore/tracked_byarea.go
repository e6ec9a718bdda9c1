package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// TrackedByArea counts, over the commitments f selects, the (commitment,
// party) pairs per area and status: each party a commitment binds, once
// under each of its areas ("none" for a commitment with none), as a pair
// of parties' page shows them; and how many commitments f selects. One
// aggregate over the tracked tables, which must be current
// (TrackedCurrent).
func (s *Store) TrackedByArea(ctx context.Context, f entente.CommitmentFilter, today string) (map[string]map[entente.Status]int, int, error) {
	out := map[string]map[entente.Status]int{}
	var total int
	err := s.read(ctx, func(tx *sql.Tx) error {
		var a args
		where := whereClause(trackedWhere(&f, today, &a, "", true))
		if err := tx.QueryRowContext(ctx, `SELECT count(*)`+trackedFrom(&f)+where, a...).Scan(&total); err != nil {
			return err
		}
		return queryRows(ctx, tx, `SELECT coalesce(x.area, 'none'), p.status, count(*)`+trackedFrom(&f)+
			`JOIN tracked_parties p ON p.sentence_id = t.sentence_id AND p.bound
			LEFT JOIN tracked_areas x ON x.sentence_id = t.sentence_id `+where+` GROUP BY coalesce(x.area, 'none'), p.status`, a,
			func(rows *sql.Rows) error {
				var area, status string
				var n int
				if err := rows.Scan(&area, &status, &n); err != nil {
					return err
				}
				if out[area] == nil {
					out[area] = map[entente.Status]int{}
				}
				out[area][entente.Status(status)] += n
				return nil
			})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("count commitments by area: %w", err)
	}
	return out, total, nil
}
