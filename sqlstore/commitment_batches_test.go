package sqlstore_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// A tracker's first read gets every document's commitments, a batch at a
// time in the order of the documents, though batches are read ahead on
// several connections; an error from the reader of the batches, or a
// context cancelled midway, stops the reading and is returned, and no
// batch is handed on after it.
func TestCommitmentBatchesInOrder(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		var docs []int64
		for _, d := range labelledDocs(23) {
			docs = append(docs, mustCreate(t, s, d))
		}
		sqlstore.SetCommitmentBatch(s, 2)
		var asked []int64
		commitments := 0
		_, all, err := s.CommitmentChanges(ctx, entente.CollectionState{}, func(b *entente.CommitmentBatch) error {
			asked = append(asked, b.Asked...)
			commitments += len(b.Commitments)
			for _, c := range b.Commitments {
				if !slices.Contains(b.Asked, c.DocumentID) {
					t.Errorf("a commitment of document %d in the batch of %v", c.DocumentID, b.Asked)
				}
			}
			return nil
		})
		if err != nil || !all {
			t.Fatalf("all %v, %v", all, err)
		}
		if !slices.Equal(asked, docs) {
			t.Errorf("documents in the order %v, want %v", asked, docs)
		}
		if commitments == 0 {
			t.Error("no commitment read")
		}

		stop := errors.New("enough")
		calls := 0
		_, _, err = s.CommitmentChanges(ctx, entente.CollectionState{}, func(b *entente.CommitmentBatch) error {
			calls++
			if calls == 3 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != 3 {
			t.Errorf("the reader stopped at its third batch: %d batches, %v", calls, err)
		}

		cctx, cancel := context.WithCancel(ctx)
		calls = 0
		_, _, err = s.CommitmentChanges(cctx, entente.CollectionState{}, func(b *entente.CommitmentBatch) error {
			calls++
			if calls == 2 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 2 {
			t.Errorf("cancelled at the second batch: %d batches handed on, %v", calls, err)
		}
	})
}
