package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// textSetting is the store_settings key that records that the sentences
// written before migration 0026 were given offsets where they could.
const textSetting = "sentences.text"

// textOffsets is its value once they were.
const textOffsets = "offsets"

// compactVersions is how many versions' sentences one transaction of
// ensureSentenceTexts converts: a few thousand rows, so that a writer
// waits for one of them at most some tens of milliseconds, and an upgrade
// stopped half-way keeps what it did.
const compactVersions = 100

// compactRows is how many rows one UPDATE of ensureSentenceTexts sets on
// PostgreSQL.
const compactRows = 500

// ensureSentenceTexts gives the sentences written before migration 0026
// (their text on their row) the offsets of their text in their version's
// text and empties their text, as a statement stored now is written, a
// few versions per transaction. It runs once after the upgrade; on a store
// that has run it, it reads one row. The migration itself only adds the
// columns: SQL cannot read a version's deflated text. Each row is written
// once and no index changes (none is on the text); the tracking triggers
// let the UPDATE pass (migration 0026), since no sentence reads
// differently. SQLite keeps the pages this frees inside the file, for the
// rows written next (VACUUM, or `entente backup`, which writes a compact
// copy, gives them back); PostgreSQL's updated rows leave dead rows that
// VACUUM makes reusable (VACUUM FULL gives the space back).
func (s *Store) ensureSentenceTexts(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = $1`, textSetting).Scan(&v)
	if err == nil && v == textOffsets {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read sentence text settings: %w", err)
	}
	for after := int64(0); after >= 0; {
		err := s.write(ctx, func(tx *sql.Tx) error {
			var err error
			after, err = s.compactSentenceTexts(ctx, tx, after, compactVersions)
			return err
		})
		if err != nil {
			return fmt.Errorf("sentence texts as offsets: %w", err)
		}
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, textSetting, textOffsets)
	if err != nil {
		return fmt.Errorf("sentence texts as offsets: %w", err)
	}
	return nil
}

// compactSentenceTexts converts the sentences of at most n versions with
// ids after after, and returns the last id it looked at, or -1 when there
// were none.
func (s *Store) compactSentenceTexts(ctx context.Context, tx *sql.Tx, after int64, n int) (int64, error) {
	var vids []int64
	err := queryRows(ctx, tx, `SELECT id FROM versions WHERE id > $1 ORDER BY id LIMIT $2`, []any{after, n}, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		vids = append(vids, id)
		return err
	})
	if err != nil || len(vids) == 0 {
		return -1, err
	}
	last := vids[len(vids)-1]
	type row struct {
		id, version int64
		text        string
		start       int
	}
	var rows []row
	var a args
	err = queryRows(ctx, tx, `SELECT id, version_id, text FROM sentences
		WHERE version_id IN (`+list(&a, vids)+`) AND text_start IS NULL AND text <> ''
		ORDER BY version_id, position`, a, func(rs *sql.Rows) error {
		var r row
		err := rs.Scan(&r.id, &r.version, &r.text)
		rows = append(rows, r)
		return err
	})
	if err != nil || len(rows) == 0 {
		return last, err
	}
	var have []int64
	for _, r := range rows {
		if len(have) == 0 || have[len(have)-1] != r.version {
			have = append(have, r.version)
		}
	}
	texts := map[int64]string{}
	if err := readVersionTexts(ctx, queryRows, tx, nil, have, texts); err != nil {
		return 0, err
	}
	// each version's rows, in order, located in its text
	for lo := 0; lo < len(rows); {
		hi := lo
		for hi < len(rows) && rows[hi].version == rows[lo].version {
			hi++
		}
		part := rows[lo:hi]
		locate(texts[rows[lo].version], len(part), func(i int) string { return part[i].text },
			func(i, start int) { part[i].start = start })
		lo = hi
	}
	rows = slices.DeleteFunc(rows, func(r row) bool { return r.start < 0 })
	if len(rows) == 0 {
		return last, nil
	}
	if s.arrays() {
		// PostgreSQL: a statement per chunk, its rows as three arrays
		for chunk := range slices.Chunk(rows, compactRows) {
			ids, starts, ends := make([]int64, len(chunk)), make([]int64, len(chunk)), make([]int64, len(chunk))
			for i, r := range chunk {
				ids[i], starts[i], ends[i] = r.id, int64(r.start), int64(r.start+len(r.text))
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sentences SET text = '', text_start = v.s, text_end = v.e
				FROM unnest(CAST($1 AS BIGINT[]), CAST($2 AS BIGINT[]), CAST($3 AS BIGINT[])) AS v (id, s, e)
				WHERE sentences.id = v.id`, ids, starts, ends); err != nil {
				return 0, fmt.Errorf("set offsets: %w", err)
			}
		}
		return last, nil
	}
	// SQLite: a statement prepared once, run for each row (an UPDATE …
	// FROM a list of values scans the table's rowids for each list)
	st, err := tx.PrepareContext(ctx, `UPDATE sentences SET text = '', text_start = $1, text_end = $2 WHERE id = $3`)
	if err != nil {
		return 0, fmt.Errorf("set offsets: %w", err)
	}
	defer st.Close()
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, int64(r.start), int64(r.start+len(r.text)), r.id); err != nil {
			return 0, fmt.Errorf("set offsets: %w", err)
		}
	}
	return last, nil
}
