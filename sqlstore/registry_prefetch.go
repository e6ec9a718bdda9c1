package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
)

// A process that did not save the registry itself (a command, a server
// that starts) has no copy of it to compare its first save with: the save
// read every entry and the link of every citation and entity back, inside
// its write transaction, after the build (0.8 s of `entente ingest`'s
// rebuild at 100,000 statements, on one core while the other was idle).
// PrefetchSavedRegistry reads the same thing while the build runs, in a
// read transaction of its own, with the generation and the count of
// changes it was read at: the save then takes it as it takes a copy of its
// own, under the same check (SaveRegistry), and reads the rows again
// inside its transaction when another process saved or anything but
// additions changed meanwhile.

// PrefetchSavedRegistry starts reading the stored registry for the next
// save, unless this store keeps a copy already or is reading one. It
// returns at once; the save waits for the read. A read that fails is
// logged and leaves nothing: the save reads the rows itself. The read
// stops with ctx (a command interrupted does not wait for it to close).
func (s *Store) PrefetchSavedRegistry(ctx context.Context) {
	done, ok := s.saved.startPrefetch()
	if !ok {
		return
	}
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		saved, err := s.readSavedRegistry(ctx)
		if err != nil && ctx.Err() == nil {
			slog.Default().Warn("registry: the stored registry was not read ahead of the save", "err", err)
		}
		done(saved)
	}()
}

// readSavedRegistry reads the stored registry as a save keeps it, in one
// snapshot: its generation, the count of changes, every entry with its
// names, and the entry of every citation and entity.
func (s *Store) readSavedRegistry(ctx context.Context) (*savedRegistry, error) {
	var out *savedRegistry
	err := s.read(ctx, func(tx *sql.Tx) error {
		saved := &savedRegistry{}
		err := tx.QueryRowContext(ctx, `SELECT generation FROM registry_state WHERE id = 1`).Scan(&saved.generation)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // nothing saved yet: the first save writes every row
		}
		if err == nil {
			err = tx.QueryRowContext(ctx, `SELECT coalesce(sum(registry_changes), 0) FROM collection_stats`).Scan(&saved.changes)
		}
		if err != nil {
			return fmt.Errorf("registry generation: %w", err)
		}
		if saved.entries, err = readStoredEntries(ctx, tx); err != nil {
			return fmt.Errorf("read registry: %w", err)
		}
		at := make(map[int64]int, len(saved.entries))
		for id := range saved.entries {
			at[id] = len(saved.ids)
			saved.ids = append(saved.ids, id)
		}
		for t, table := range []string{"citations", "entities"} {
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM `+table).Scan(&saved.last[t]); err != nil {
				return fmt.Errorf("read %s' links: %w", table, err)
			}
			links := newRowIndex(int(saved.last[t]) / 4)
			err := queryRows(ctx, tx, `SELECT id, registry_id FROM `+table+` WHERE registry_id IS NOT NULL`, nil, func(rows *sql.Rows) error {
				var row, entry int64
				if err := rows.Scan(&row, &entry); err != nil {
					return err
				}
				i, ok := at[entry]
				if !ok {
					return fmt.Errorf("row %d linked to entry %d, which the registry does not hold", row, entry)
				}
				links.set(row, i)
				return nil
			})
			if err != nil {
				return fmt.Errorf("read %s' links: %w", table, err)
			}
			saved.links[t] = links
		}
		out = saved
		return nil
	})
	return out, err
}
