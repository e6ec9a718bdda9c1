package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// findSections reads the sections of version vid: from its row, or from
// the sections table for a version not yet carried over (migration 0033).
func findSections(ctx context.Context, tx *sql.Tx, vid int64) ([]entente.Section, error) {
	return findSectionsWith(ctx, queryRows, tx, vid)
}

// findSectionsWith is findSections running its queries with query.
func findSectionsWith(ctx context.Context, query queryFunc, tx *sql.Tx, vid int64) ([]entente.Section, error) {
	var (
		packed sql.NullString
		found  bool
	)
	err := query(ctx, tx, `SELECT sections FROM versions WHERE id = $1`, []any{vid}, func(rows *sql.Rows) error {
		found = true
		return rows.Scan(&packed)
	})
	switch {
	case err != nil:
		return nil, fmt.Errorf("read sections: %w", err)
	case !found:
		return []entente.Section{}, nil
	}
	if packed.Valid {
		cs, err := unpackSections(packed.String)
		if err != nil {
			return nil, fmt.Errorf("read sections of version %d: %w", vid, err)
		}
		return cs, nil
	}
	cs := []entente.Section{}
	err = query(ctx, tx, `SELECT section, heading, title FROM sections WHERE version_id = $1 ORDER BY position`, []any{vid},
		func(rows *sql.Rows) error {
			var c entente.Section
			err := rows.Scan(&c.ID, &c.Heading, &c.Title)
			cs = append(cs, c)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("read sections: %w", err)
	}
	return cs, nil
}

// sectionsSetting records in store_settings that every version's
// sections are on its row.
const sectionsSetting = "sections.packed"

// carryChunk is how many versions one transaction of the carry-over
// packs: some twenty section rows each.
const carryChunk = 1000

// ensurePackedSections moves the sections of the versions written before
// migration 0033 onto their rows, carryChunk versions per transaction (a
// writer waits a moment at most, and a carry stopped halfway keeps what it
// did and resumes at the next opening), then records that it is done.
func (s *Store) ensurePackedSections(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = $1`, sectionsSetting).Scan(&v)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read sections settings: %w", err)
	}
	carried := false
	for after := int64(0); after >= 0; {
		err := s.write(ctx, func(tx *sql.Tx) error {
			// one server at a time, chunk by chunk: each reads what the
			// others carried before it
			if err := s.dialect.LockMigrations(ctx, tx); err != nil {
				return err
			}
			var err error
			after, err = s.packSectionsAfter(ctx, tx, after)
			return err
		})
		if err != nil {
			return fmt.Errorf("sections onto their versions: %w", err)
		}
		carried = carried || after >= 0
	}
	if carried {
		// the table's rows are gone, its key's pages are not
		if err := s.compactTable(ctx, "sections"); err != nil {
			return fmt.Errorf("sections onto their versions: %w", err)
		}
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ($1, '1')
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, sectionsSetting)
	if err != nil {
		return fmt.Errorf("sections onto their versions: %w", err)
	}
	return nil
}

// packSectionsAfter carries the sections of up to carryChunk versions
// with ids after after and none on their row, and returns the last id it
// looked at, or -1 when there were none.
func (s *Store) packSectionsAfter(ctx context.Context, tx *sql.Tx, after int64) (int64, error) {
	var vids []int64
	err := queryRows(ctx, tx, `SELECT id FROM versions WHERE id > $1 AND sections IS NULL ORDER BY id LIMIT $2`, []any{after, carryChunk},
		func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			vids = append(vids, id)
			return err
		})
	if err != nil || len(vids) == 0 {
		return -1, err
	}
	byVersion := make(map[int64][]entente.Section, len(vids))
	var a args
	err = queryRows(ctx, tx, `SELECT version_id, section, heading, title FROM sections WHERE version_id IN (`+list(&a, vids)+`)
		ORDER BY version_id, position`, a, func(rows *sql.Rows) error {
		var (
			vid int64
			c   entente.Section
		)
		if err := rows.Scan(&vid, &c.ID, &c.Heading, &c.Title); err != nil {
			return err
		}
		byVersion[vid] = append(byVersion[vid], c)
		return nil
	})
	if err != nil {
		return -1, fmt.Errorf("read sections: %w", err)
	}
	packed := make([]string, len(vids))
	for i, vid := range vids {
		packed[i] = packSections(byVersion[vid])
	}
	if s.arrays() {
		// one statement for the chunk
		_, err = tx.ExecContext(ctx, `UPDATE versions SET sections = u.sections
			FROM unnest(CAST($1 AS bigint[]), CAST($2 AS text[])) u (id, sections)
			WHERE versions.id = u.id AND versions.sections IS NULL`, vids, packed)
	} else {
		var st *sql.Stmt
		if st, err = tx.PrepareContext(ctx, `UPDATE versions SET sections = $1 WHERE id = $2 AND sections IS NULL`); err == nil {
			for i, vid := range vids {
				if _, err = st.ExecContext(ctx, packed[i], vid); err != nil {
					break
				}
			}
			st.Close()
		}
	}
	if err != nil {
		return -1, fmt.Errorf("write sections: %w", err)
	}
	a = nil
	if _, err := tx.ExecContext(ctx, `DELETE FROM sections WHERE version_id IN (`+list(&a, vids)+`)`, a...); err != nil {
		return -1, fmt.Errorf("delete section rows: %w", err)
	}
	return vids[len(vids)-1], nil
}
