package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Triggers mark a document in tracked_dirty in the transaction of every
// change that can alter its corrected labels (its sentences deleted or
// updated, its corrections, parties or date), and every write transaction
// recomputes the documents it marked before it commits, so that search's
// view of corrections is what the reader shows. (The table's name is that
// of migration 0004, when the marks served the tracked tables too;
// migration 0041 dropped those.)
//
// Inserting sentences or parties marks nothing (migration 0042): the
// store inserts them for a new document's new version, which no
// correction can be keyed to yet (a correction names its version, and a
// document correction its document), and when it extracts a version
// again, where it marks the document itself (markDocument). A batch's
// rows then pay no trigger, and its write recomputes nothing.

// markDocument marks document doc for its corrected labels to be
// computed again before the transaction commits: its sentences or parties
// are being replaced, which no trigger marks on insert.
func markDocument(ctx context.Context, tx *sql.Tx, doc int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO tracked_dirty (document_id) VALUES ($1) ON CONFLICT DO NOTHING`, doc); err != nil {
		return fmt.Errorf("mark document %d: %w", doc, err)
	}
	return nil
}

// settleMarks recomputes, inside a write transaction, the corrected rows
// of the documents the transaction marked, and takes their marks off.
//
// On PostgreSQL two transactions that change one document meet at its
// mark: the second's trigger waits on the first's row until the first
// commits, so its recomputation reads the first's changes.
func (s *Store) settleMarks(ctx context.Context, tx *sql.Tx) error {
	docs, err := takeMarks(ctx, tx)
	if err != nil || len(docs) == 0 {
		return err
	}
	return s.recomputeCorrectedIn(ctx, tx, docs)
}

// takeMarks takes every mark off tracked_dirty and returns the documents.
func takeMarks(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	var docs []int64
	err := queryRows(ctx, tx, `DELETE FROM tracked_dirty RETURNING document_id`, nil, func(rs *sql.Rows) error {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return err
		}
		docs = append(docs, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("take the marks of changed documents: %w", err)
	}
	slices.Sort(docs)
	return docs, nil
}

// recomputeCorrectedIn recomputes the corrected rows of docs, in chunks.
func (s *Store) recomputeCorrectedIn(ctx context.Context, tx *sql.Tx, docs []int64) error {
	for chunk := range slices.Chunk(docs, recomputeChunk) {
		if err := s.recomputeCorrected(ctx, tx, chunk); err != nil {
			return fmt.Errorf("recompute corrected labels: %w", err)
		}
	}
	return nil
}

// recomputeChunk is how many documents one recomputation reads when a
// write marked many.
const recomputeChunk = 200
