package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// purgeMin is the number of deleted sentences noted in search_gone from
// which a fold also purges them from the postings: below it, readers
// subtracting them costs less than rewriting their blocks.
const purgeMin = 2048

// purgeGone takes the sentences deleted since they were folded out of the
// postings that list them, a block of sentence ids per transaction (its
// rows rewritten without them, a row left empty deleted), and forgets
// them, once there are purgeMin of them. It runs after a fold, under the
// same lock, so no fold appends to a block while it is rewritten.
func (s *Store) purgeGone(ctx context.Context) error {
	least := purgeMin
	if s.purgeMin > 0 {
		least = s.purgeMin
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM search_gone LIMIT $1) g`, least).Scan(&n); err != nil || n < least {
		return err
	}
	var blocks []int32
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT sentence_id >> `+fmt.Sprint(postingBlockBits)+` FROM search_gone ORDER BY 1`)
	err = eachRow(rows, err, func(rows *sql.Rows) error {
		var b int32
		err := rows.Scan(&b)
		blocks = append(blocks, b)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge deleted sentences: %w", err)
	}
	for _, b := range blocks {
		err := s.write(ctx, func(tx *sql.Tx) error {
			var got bool
			if err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock(hashtext('entente fold ' || current_schema()))`).Scan(&got); err != nil || !got {
				return err
			}
			return purgeBlock(ctx, tx, b)
		})
		if err != nil {
			return fmt.Errorf("purge deleted sentences: %w", err)
		}
	}
	return nil
}

// purgeBlock rewrites the postings of block b without its deleted
// sentences.
func purgeBlock(ctx context.Context, tx *sql.Tx, b int32) error {
	base := int64(b) << postingBlockBits
	end := base + 1<<postingBlockBits
	gone := roaring.New()
	err := queryRows(ctx, tx, `SELECT sentence_id FROM search_gone WHERE sentence_id >= $1 AND sentence_id < $2`, []any{base, end},
		func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			gone.Add(uint32(id))
			return err
		})
	if err != nil || gone.IsEmpty() {
		return err
	}
	var (
		tokens []string
		data   [][]byte
		empty  []string
	)
	err = queryRows(ctx, tx, `SELECT token, ids FROM search_postings WHERE block = $1`, []any{b}, func(rows *sql.Rows) error {
		var (
			token string
			ids   []byte
		)
		if err := rows.Scan(&token, &ids); err != nil {
			return err
		}
		kept := roaring.New()
		if err := decodePostings(ids, base, kept.Add); err != nil {
			return fmt.Errorf("postings of %q: %w", token, err)
		}
		if !kept.Intersects(gone) {
			return nil
		}
		kept.AndNot(gone)
		if kept.IsEmpty() {
			empty = append(empty, token)
			return nil
		}
		run := make([]int64, 0, kept.GetCardinality())
		kept.Iterate(func(id uint32) bool {
			run = append(run, int64(id))
			return true
		})
		tokens, data = append(tokens, token), append(data, appendRun(nil, base, run))
		return nil
	})
	if err != nil {
		return err
	}
	if len(tokens) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE search_postings p SET ids = u.ids
			FROM unnest(CAST($1 AS text[]), CAST($2 AS bytea[])) u (token, ids) WHERE p.token = u.token COLLATE "C" AND p.block = $3`,
			tokens, data, b); err != nil {
			return fmt.Errorf("rewrite postings: %w", err)
		}
	}
	if len(empty) > 0 {
		slices.Sort(empty)
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_postings WHERE token = ANY($1) AND block = $2`, empty, b); err != nil {
			return fmt.Errorf("delete empty postings: %w", err)
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM search_gone WHERE sentence_id >= $1 AND sentence_id < $2`, base, end)
	return err
}
