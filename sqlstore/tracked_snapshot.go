package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// TrackingSnapshot returns the kept snapshot of a tracker's index of the
// commitments (migration 0044): the state it is of, the fingerprint of the
// due rules it was read with, and its bytes; found is false when there is
// none.
func (s *Store) TrackingSnapshot(ctx context.Context) (state entente.CollectionState, rules string, data []byte, found bool, err error) {
	err = s.rdb.QueryRowContext(ctx, `SELECT events, versions, rules, data FROM tracked_snapshot WHERE id = 1`).
		Scan(&state.Events, &state.Versions, &rules, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return state, "", nil, false, nil
	}
	if err != nil {
		return state, "", nil, false, fmt.Errorf("read the tracking snapshot: %w", err)
	}
	return state, rules, data, true, nil
}

// SaveTrackingSnapshot keeps data as the snapshot of state, in place of
// the one kept (of two servers saving at once, the last one's stays: an
// older snapshot only means more documents to read again). It is a cache
// the store can always do without, so it writes no event.
func (s *Store) SaveTrackingSnapshot(ctx context.Context, state entente.CollectionState, rules string, data []byte) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO tracked_snapshot (id, events, versions, rules, data, saved_at)
		VALUES (1, $1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET events = excluded.events, versions = excluded.versions, rules = excluded.rules,
			data = excluded.data, saved_at = excluded.saved_at`,
		state.Events, state.Versions, rules, data, s.now())
	if err != nil {
		return fmt.Errorf("save the tracking snapshot: %w", err)
	}
	return nil
}
