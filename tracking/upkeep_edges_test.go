package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestUpkeepEdges: the index's updates keep it equal to one read in full,
// and the pages to the Go path's, where an update could slip: a status that is the
// only one of its kind set and then set back to not rated, a
// deadline added by a correction to a commitment that had none (whose
// text the upkeep's listing skips), a correction of the document's date
// under a corrected deadline (the due date moves), a withdrawal and a
// restoration, and a document deleted then ingested again.
func TestUpkeepEdges(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		docs := []int64{ingestStatement(t, ctx, s, statement), ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")}
		pages := func(when string) {
			t.Helper()
			sameAsFull(t, ctx, s, tr, when)
			for _, f := range []entente.CommitmentFilter{{}, {Status: entente.Reversed}, {Status: entente.NotRated}, {Overdue: true},
				{DueBefore: "2030-12-31"}, {Withdrawn: true}, {Party: "CN", Status: entente.NotRated}, {Party: "CN", Status: entente.Reversed}} {
				for _, sort := range []string{"", "due", "status"} {
					f.Sort, f.Limit = sort, tracking.MaxLimit
					samePage(t, ctx, tr, ref, f, when)
				}
				sameScorecard(t, ctx, tr, ref, f, when)
			}
		}
		pages("after ingest")

		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit, Document: docs[0]})
		if err != nil {
			t.Fatal(err)
		}
		var bare *entente.TrackedCommitment // a commitment without a deadline
		for i := range all.Commitments {
			if all.Commitments[i].Sentence.Deadline == nil {
				bare = &all.Commitments[i]
				break
			}
		}
		if bare == nil {
			t.Fatal("every commitment has a deadline")
		}
		c := all.Commitments[0]
		setStatus := func(st entente.Status) {
			t.Helper()
			in := tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID, Status: st, Why: "test", Revision: -1}
			if st != entente.NotRated {
				in.EvidenceID = addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "").ID
			}
			if _, err := tr.SetStatus(ctx, in); err != nil {
				t.Fatalf("set %s: %v", st, err)
			}
		}
		// the only reversed commitment, then not rated again: the
		// reversed totals fall to zero
		setStatus(entente.Reversed)
		pages("after the only reversed status")
		setStatus(entente.NotRated)
		pages("after not rated again")

		correct := func(doc int64, label, field, value string) {
			t.Helper()
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: label, Field: field,
				Value: []byte(value), Why: "test"}); err != nil {
				t.Fatalf("correct %d/%s %s=%s: %v", doc, label, field, value, err)
			}
		}
		correct(bare.DocumentID, bare.Sentence.ID, "deadline", `"2025年底前"`)
		pages("after a deadline added by a correction")
		d, err := tr.Commitment(ctx, bare.DocumentID, bare.Sentence.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Due == nil || d.Due.Date != "2025-12-31" {
			t.Errorf("the corrected deadline's due date: %+v, want 2025-12-31", d.Due)
		}
		correct(bare.DocumentID, bare.Sentence.ID, "deadline", `"三年内"`)
		correct(bare.DocumentID, "", "date", `"2031-05-01"`)
		pages("after the document's date corrected under a corrected deadline")

		if err := tr.Withdraw(ctx, docs[1], "duplicate"); err != nil {
			t.Fatal(err)
		}
		pages("after withdrawal")
		if err := tr.Restore(ctx, docs[1], "not a duplicate"); err != nil {
			t.Fatal(err)
		}
		pages("after restoration")

		if err := s.DeleteDocument(ctx, docs[1]); err != nil {
			t.Fatal(err)
		}
		pages("after a deletion")
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		pages("after the deleted document ingested again")
	})
}
