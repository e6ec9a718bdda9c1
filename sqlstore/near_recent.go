package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
)

// On SQLite a version's near-duplicate sketch is first written to
// near_recent, a table that stays small, and merged into near_sketches
// many versions at a time (migration 0049). near_sketches is keyed by
// hash, so a version's hashes land on pages spread over the whole table:
// at 10,000 statements a batch's group of 32 rewrote four fifths of its
// leaves at every commit, a quarter of the batch's CPU, and more as the
// library grows. A merge in hash order rewrites each leaf once for
// hundreds of versions. Look-ups read every table (nearCandidatesSQL).
//
// A merge moves the staged rows into near_middle (migration 0055), which
// holds up to middleMerges merges' rows and is merged into near_sketches
// when full: each merge rewrote most leaves of near_sketches (28 MB at
// 100,000 statements, every thousand statements), and now rewrites those of
// a table of a few MB, near_sketches' leaves once every sixteen merges.
//
// The merge runs when the indexer catches up (DrainIndex: after `entente
// ingest`, and on a server's background tick) once the table holds
// mergeStagedRows rows, whoever staged them (mergeStagedSketches), and,
// within a write, once this process has staged mergeStagedRows rows since
// its last merge, so that one long batch does not grow the table past a
// few pages of look-ups. PostgreSQL keeps one array per version under a
// GIN index, whose pending list stages new entries already: it writes
// near_sketches directly.

// mergeStagedRows is how many staged rows wait before a merge: some
// thousand statements' sketches.
const mergeStagedRows = 16384

// middleMerges is how many merges' rows near_middle holds before it is
// merged into near_sketches.
const middleMerges = 16

// mergeSketchesIfMany merges the staged sketches within tx when this
// process has staged mergeStagedRows or more since its last merge.
func (s *Store) mergeSketchesIfMany(ctx context.Context, tx *sql.Tx) error {
	if s.sketchArrays() || s.staged.Load() < s.mergeAt() {
		return nil
	}
	return s.mergeSketches(ctx, tx)
}

// mergeAt is mergeStagedRows, or what a test set.
func (s *Store) mergeAt() int64 {
	if s.mergeRows > 0 {
		return s.mergeRows
	}
	return mergeStagedRows
}

// mergeSketches moves every staged sketch row into near_sketches, in hash
// order, within tx: in parts of about mergePartRows rows, each a range of
// hashes (sketchRanges). Each INSERT of a transaction keeps a statement
// journal, a copy of every page it changes that existed when it began (its
// foreign key makes it one that may fail alone), and a merge changes
// leaves spread over the whole table: at 100,000 statements one INSERT of
// a batch's sketches copied some 20 MB, memory that SQLite's allocator
// took from the kernel and gave back at the statement's end, a fifth of
// the catch-up's CPU. A part copies a few hundred pages, and the next
// part reuses that memory.
func (s *Store) mergeSketches(ctx context.Context, tx *sql.Tx) error {
	if s.sketchArrays() {
		return nil
	}
	// the staged keys, for the filter of near_sketches' keys (near_filter.go)
	var keys []int64
	rows, err := tx.QueryContext(ctx, `SELECT hash FROM near_recent`)
	if err := eachKey(rows, err, func(k int64) { keys = append(keys, k) }); err != nil {
		return fmt.Errorf("merge near-duplicate sketches: %w", err)
	}
	if err := moveSketchRows(ctx, tx, "near_recent", "near_middle", int64(len(keys))); err != nil {
		return err
	}
	// the filter holds near_middle's keys and near_sketches': the rows
	// moved into near_sketches below change neither
	if err := s.addNearFilterKeys(ctx, tx, keys); err != nil {
		return fmt.Errorf("merge near-duplicate sketches: %w", err)
	}
	s.staged.Store(0)
	var middle int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM near_middle`).Scan(&middle); err != nil {
		return fmt.Errorf("merge near-duplicate sketches: %w", err)
	}
	if middle < s.middleAt() {
		return nil
	}
	return moveSketchRows(ctx, tx, "near_middle", "near_sketches", middle)
}

// moveSketchRows moves every row of the level from into the level to, in
// hash order, in parts of about mergePartRows of its rows rows.
func moveSketchRows(ctx context.Context, tx *sql.Tx, from, to string, rows int64) error {
	for _, r := range sketchRanges(rows) {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO `+to+` (hash, version_id)
			SELECT hash, version_id FROM `+from+` WHERE hash >= $1 AND hash <= $2 ORDER BY hash, version_id
			ON CONFLICT DO NOTHING`, r[0], r[1])
		if err != nil {
			return fmt.Errorf("merge near-duplicate sketches into %s: %w", to, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+from); err != nil {
		return fmt.Errorf("merge near-duplicate sketches into %s: %w", to, err)
	}
	return nil
}

// middleAt is how many rows near_middle holds before it is merged into
// near_sketches: middleMerges merges' worth, or what a test set.
func (s *Store) middleAt() int64 {
	if s.middleRows > 0 {
		return s.middleRows
	}
	return middleMerges * mergeStagedRows
}

// mergePartRows is about how many staged rows one INSERT of a merge moves.
const mergePartRows = 256

// sketchRanges cuts the hashes into inclusive ranges, together every int64,
// that hold about mergePartRows of staged rows each: sketch keys are spread
// evenly over the non-negative int64s (entente.NearSketch), so the ranges
// cut that half evenly, and the first also takes every negative value.
func sketchRanges(staged int64) [][2]int64 {
	parts := max(1, (staged+mergePartRows-1)/mergePartRows)
	out := make([][2]int64, 0, parts)
	lo := int64(math.MinInt64)
	for i := int64(1); i <= parts; i++ {
		hi := int64(math.MaxInt64)
		if i < parts {
			hi = int64(uint64(math.MaxInt64)/uint64(parts)*uint64(i)) - 1
		}
		out = append(out, [2]int64{lo, hi})
		lo = hi + 1
	}
	return out
}

// MergeSketches merges every staged near-duplicate sketch into the
// main table, in a transaction of its own, when any waits.
func (s *Store) MergeSketches(ctx context.Context) error {
	return s.mergeSketchesFrom(ctx, 1)
}

// mergeStagedSketches is MergeSketches once the table holds mergeAt() rows
// or more, whoever staged them: what the indexer's catch-up does, after
// every `entente ingest` and on a server's tick. A merge rewrites the
// leaves of near_sketches that its rows fall on, and a batch's rows fall
// on most of them: at 100,000 statements the merge of a batch of 300 was
// two thirds of its catch-up, and a merge of 1,000 statements' rows costs
// about what one of 300 does. Look-ups read near_recent by its key, so
// the staged rows cost them little, and the count read from the table
// keeps it bounded whichever processes staged them.
func (s *Store) mergeStagedSketches(ctx context.Context) error {
	return s.mergeSketchesFrom(ctx, s.mergeAt())
}

// mergeSketchesFrom merges the staged sketches when the table holds at
// least rows of them.
func (s *Store) mergeSketchesFrom(ctx context.Context, rows int64) error {
	if s.sketchArrays() {
		return nil
	}
	var staged int64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM near_recent`).Scan(&staged); err != nil {
		return fmt.Errorf("staged near-duplicate sketches: %w", err)
	}
	if staged < rows {
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error { return s.mergeSketches(ctx, tx) })
}
