package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// registryInputLogic names how the store reads the registry's input
// (readRegistryInput, applyNameCorrections, RegistryInputAfter's mark):
// saved with each snapshot of the input, and to be changed with that
// code, so that a new binary reads the library anew rather than build
// from what its code would not read.
const registryInputLogic = "registry-input-2"

// RegistryInputSnapshot returns the snapshot of the registry's input kept
// (migration 0064), unless it was written from another schema or by
// another reading of the library; found is false when there is none.
func (s *Store) RegistryInputSnapshot(ctx context.Context) (data []byte, found bool, err error) {
	err = s.rdb.QueryRowContext(ctx, `SELECT data FROM registry_input_snapshot
		WHERE id = 1 AND logic = $1 AND schema_version = (SELECT max(version) FROM schema_migrations)`,
		registryInputLogic).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read the registry input's snapshot: %w", err)
	}
	return data, true, nil
}

// SaveRegistryInputSnapshot keeps data as the snapshot of the registry's
// input, in place of the one kept (of two processes saving at once, the
// last one's stays: a snapshot says how far it read, and an older one only
// means more to read after it). It is a cache the store can always do
// without, so it writes no event.
func (s *Store) SaveRegistryInputSnapshot(ctx context.Context, data []byte) error {
	// WHERE true: SQLite reads an ON after a bare SELECT's FROM as a join's
	_, err := s.db.ExecContext(ctx, `INSERT INTO registry_input_snapshot (id, schema_version, logic, data, saved_at)
		SELECT 1, max(version), $1, $2, $3 FROM schema_migrations WHERE true
		ON CONFLICT (id) DO UPDATE SET schema_version = excluded.schema_version, logic = excluded.logic,
			data = excluded.data, saved_at = excluded.saved_at`,
		registryInputLogic, data, s.now())
	if err != nil {
		return fmt.Errorf("save the registry input's snapshot: %w", err)
	}
	return nil
}
