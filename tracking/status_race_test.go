package tracking_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestUncheckedStatusesRace: status changes that ask for no revision
// check (-1: the CLI without --revision, undo, replay) made at once on
// one commitment all go through, one after another, each moving the
// revision once: on PostgreSQL two of them read the same revision, and
// the second was refused as a conflict it had not asked to be checked
// for (TestUpkeepMatchesFull's racing writers met it in CI).
func TestUncheckedStatusesRace(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		c := jointCommitment(t, ctx, tr, doc)
		const writers = 6
		evidence := make([]*entente.Evidence, writers)
		for i := range evidence {
			evidence[i] = addEvidence(t, ctx, tr, doc, c.Sentence.ID, fmt.Sprintf("https://example.org/%d", i))
		}
		before, err := tr.Commitment(ctx, doc, c.Sentence.ID)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, writers)
		for i := range writers {
			wg.Go(func() {
				_, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID,
					Status: entente.InProgress, EvidenceID: evidence[i].ID, Why: fmt.Sprintf("writer %d", i), Revision: -1})
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("an unchecked status change refused: %v", err)
			}
		}
		after, err := tr.Commitment(ctx, doc, c.Sentence.ID)
		if err != nil {
			t.Fatal(err)
		}
		if after.Revision != before.Revision+writers {
			t.Errorf("revision %d after %d changes from %d, want %d", after.Revision, writers, before.Revision, before.Revision+writers)
		}
	})
}
