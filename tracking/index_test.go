package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexFollowsOtherWriters: two trackers over one store, as two
// servers on one PostgreSQL: what one records, and a statement another
// writer ingests, is in the other's next page and scorecard, which it
// gets by updating its index (reading the documents the new events name)
// rather than reading the collection again; a read with nothing new
// reads nothing more.
func TestIndexFollowsOtherWriters(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		one, other := newTracker(t, s), newTracker(t, s)
		ingestStatement(t, ctx, s, statement)

		before, err := one.Commitments(ctx, entente.CommitmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if before.Total == 0 {
			t.Fatal("no commitments")
		}
		if _, err := one.Commitments(ctx, entente.CommitmentFilter{Party: "CN"}); err != nil {
			t.Fatal(err)
		}
		if b, u := tracking.IndexBuilds(one); b != 1 || u != 0 {
			t.Fatalf("two reads of one state: %d builds, %d updates; want 1 and 0", b, u)
		}

		c := before.Commitments[0]
		e := addEvidence(t, ctx, other, c.DocumentID, c.Sentence.ID, "")
		if _, err := other.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
			Status: entente.Stalled, EvidenceID: e.ID, Why: "seen elsewhere", Revision: -1}); err != nil {
			t.Fatal(err)
		}
		stalled, err := one.Commitments(ctx, entente.CommitmentFilter{Status: entente.Stalled})
		if err != nil {
			t.Fatal(err)
		}
		if stalled.Total != 1 || stalled.Commitments[0].Anchor != c.Anchor {
			t.Fatalf("after a status set through another tracker: %d stalled, want %s", stalled.Total, c.Ref())
		}
		sc, err := one.Scorecard(ctx, entente.CommitmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if sc.Counts[entente.Stalled] == 0 {
			t.Errorf("scorecard after the status: %v stalled", sc.Counts)
		}

		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		after, err := one.Commitments(ctx, entente.CommitmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if after.Total <= before.Total {
			t.Fatalf("after another statement: %d commitments, had %d", after.Total, before.Total)
		}
		ae, err := one.Commitments(ctx, entente.CommitmentFilter{Party: "AE"})
		if err != nil || ae.Total == 0 {
			t.Fatalf("the new statement's party: %v commitments (%v)", ae, err)
		}
		if b, u := tracking.IndexBuilds(one); b != 1 || u != 2 {
			t.Errorf("after a status and a statement: %d builds, %d updates; want 1 and 2", b, u)
		}
	})
}

// TestIndexWithdrawnAndGone: a withdrawn statement's commitments leave the
// default table and stay with Withdrawn; a deleted one's leave both.
func TestIndexWithdrawnAndGone(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		a := ingestStatement(t, ctx, s, statement)
		b := ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		count := func(f entente.CommitmentFilter) int {
			t.Helper()
			p, err := tr.Commitments(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return p.Total
		}
		na, nb := count(entente.CommitmentFilter{Document: a}), count(entente.CommitmentFilter{Document: b})
		if na == 0 || nb == 0 || count(entente.CommitmentFilter{}) != na+nb {
			t.Fatalf("%d and %d commitments, %d in all", na, nb, count(entente.CommitmentFilter{}))
		}
		if err := tr.Withdraw(ctx, a, "duplicate"); err != nil {
			t.Fatal(err)
		}
		if n := count(entente.CommitmentFilter{}); n != nb {
			t.Errorf("after a withdrawal: %d commitments, want %d", n, nb)
		}
		if n := count(entente.CommitmentFilter{Withdrawn: true}); n != na+nb {
			t.Errorf("with the withdrawn: %d commitments, want %d", n, na+nb)
		}
		if err := s.DeleteDocument(ctx, b); err != nil {
			t.Fatal(err)
		}
		if n := count(entente.CommitmentFilter{Withdrawn: true}); n != na {
			t.Errorf("after a deletion: %d commitments, want %d", n, na)
		}
	})
}

// TestWarm: a server warms its tracker at start; the first page then
// reads the index warmed, and reads nothing more.
func TestWarm(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		ingestStatement(t, ctx, s, statement)
		tr := newTracker(t, s)
		if err := tr.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		if b, u := tracking.IndexBuilds(tr); b != 1 || u != 0 {
			t.Fatalf("warmed: %d builds, %d updates", b, u)
		}
		p, err := tr.Commitments(ctx, entente.CommitmentFilter{})
		if err != nil || p.Total == 0 {
			t.Fatalf("page after warming: %v (%v)", p, err)
		}
		if b, u := tracking.IndexBuilds(tr); b != 1 || u != 0 {
			t.Errorf("the page read again: %d builds, %d updates", b, u)
		}
	})
}
