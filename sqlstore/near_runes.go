package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// nearRunesSetting is the store_settings key that says every version's
// near_runes is counted (migration 0051).
const nearRunesSetting = "near.runes"

// nearRunesChunk is how many versions one transaction of the count
// reads: each is a text read and inflated, so that a large store's
// upgrade holds the write lock for a moment at a time.
const nearRunesChunk = 500

// ensureNearRunes counts the letters and digits of every version whose
// near_runes is NULL (versions stored before migration 0051, or restored
// from a dump made before it), nearRunesChunk versions per transaction, and
// then records that it is done, so that a store opened afterwards reads
// one row. A count left NULL only means the look-up compares that version
// as before (entente.Version.NearRunes 0).
func (s *Store) ensureNearRunes(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = $1`, nearRunesSetting).Scan(&v)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read near-duplicate settings: %w", err)
	}
	for after := int64(0); after >= 0; {
		err := s.write(ctx, func(tx *sql.Tx) error {
			// one server at a time, chunk by chunk
			if err := s.dialect.LockMigrations(ctx, tx); err != nil {
				return err
			}
			var err error
			after, err = s.countNearRunesAfter(ctx, tx, after)
			return err
		})
		if err != nil {
			return fmt.Errorf("count the versions' letters for near-duplicates: %w", err)
		}
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ($1, '1')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, nearRunesSetting)
	if err != nil {
		return fmt.Errorf("count the versions' letters for near-duplicates: %w", err)
	}
	return nil
}

// countNearRunesAfter counts the letters of up to nearRunesChunk versions
// with ids after after and no count, and returns the last id it looked
// at, or -1 when there were none.
func (s *Store) countNearRunesAfter(ctx context.Context, tx *sql.Tx, after int64) (int64, error) {
	type counted struct {
		id    int64
		runes int
	}
	var cs []counted
	var f inflater
	err := queryRows(ctx, tx, `SELECT id, text, text_z, `+versionBlobSQL("versions")+` FROM versions
		WHERE id > $1 AND near_runes IS NULL ORDER BY id LIMIT $2`, []any{after, nearRunesChunk},
		func(rows *sql.Rows) error {
			id, text, err := f.scanVersionText(rows)
			if err != nil {
				return err
			}
			cs = append(cs, counted{id, entente.NewNearText(text).Runes()})
			return nil
		})
	if err != nil || len(cs) == 0 {
		return -1, err
	}
	for _, c := range cs {
		// a text without a letter keeps 0: counted, and never a candidate
		if _, err := tx.ExecContext(ctx, `UPDATE versions SET near_runes = $1 WHERE id = $2`, c.runes, c.id); err != nil {
			return -1, fmt.Errorf("version %d: %w", c.id, err)
		}
	}
	return cs[len(cs)-1].id, nil
}
