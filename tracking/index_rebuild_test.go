package tracking_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/storetest"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// trackSome sets statuses and makes corrections in the statements docs:
// what a replay and a dump carry.
func trackSome(t *testing.T, ctx context.Context, tr *tracking.Tracker, docs []int64) {
	t.Helper()
	for i, doc := range docs {
		p, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: 6})
		if err != nil || len(p.Commitments) < 6 {
			t.Fatalf("document %d: %v (%v)", doc, p, err)
		}
		for j, c := range p.Commitments[:4] {
			e := addEvidence(t, ctx, tr, doc, c.Sentence.ID, "")
			st := []entente.Status{entente.Stalled, entente.Fulfilled, entente.InProgress, entente.Reversed}[(i+j)%4]
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID, Status: st,
				EvidenceID: e.ID, Why: "test", Revision: -1}); err != nil {
				t.Fatal(err)
			}
		}
		for _, k := range []tracking.CorrectInput{
			{Document: doc, Sentence: p.Commitments[4].Sentence.ID, Field: "areas", Value: []byte(`["trade","culture"]`)},
			{Document: doc, Sentence: p.Commitments[5].Sentence.ID, Field: "deadline", Value: []byte(`"2025年底前"`)},
			{Document: doc, Field: "date", Value: []byte(fmt.Sprintf(`"2016-03-%02d"`, i+1))},
		} {
			k.Why = "test"
			if _, err := tr.Correct(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestIndexAfterReplay: a replay puts back every status, evidence item
// and correction from the log in one change whose event names no
// document; the index reads everything again. The tracking tables are
// damaged by hand first, and the index reads the damage; the replay
// repairs both.
func TestIndexAfterReplay(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		docs := []int64{ingestStatement(t, ctx, s, statement), ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")}
		trackSome(t, ctx, tr, docs)
		holdsToGo(t, ctx, s, tr, ref, "before the replay")
		if _, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`UPDATE commitment_statuses SET status = 'superseded'`,
			`UPDATE document_corrections SET withdrawn_at = created_at`} {
			if _, err := s.DB().ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		// an event that names nothing, as a server's other work would
		// write: the index reads everything, the damage with it
		if _, err := s.AppendEvent(ctx, entente.NewEvent(ctx, "check", "test", 0)); err != nil {
			t.Fatal(err)
		}
		damaged, err := tr.Scorecard(ctx, entente.CommitmentFilter{})
		if err != nil || damaged.Counts[entente.Superseded] == 0 {
			t.Fatalf("the index did not read the damage: %v (%v)", damaged, err)
		}
		b0, _ := tracking.IndexBuilds(tr)
		n, err := s.Replay(ctx)
		if err != nil || n == 0 {
			t.Fatalf("replay: %d events (%v)", n, err)
		}
		if _, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		if b, _ := tracking.IndexBuilds(tr); b != b0+1 {
			t.Errorf("after a replay: %d builds, had %d; want the index read anew", b, b0)
		}
		holdsToGo(t, ctx, s, tr, ref, "after the replay")
		sc, err := tr.Scorecard(ctx, entente.CommitmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if sc.Counts[entente.Superseded] != 0 || sc.Counts[entente.Stalled] == 0 {
			t.Errorf("after the replay: %v; the damage stays", sc.Counts)
		}
	})
}

// TestIndexAfterRestore: a dump restored into an empty store, whose
// tracker read its index while it was empty (the zero state), holds what
// the dump's store held: the restore writes no event, and the index
// reads everything again because it held the zero state; and so after
// the import's own event, which names no document.
func TestIndexAfterRestore(t *testing.T) {
	for _, open := range []struct {
		name string
		open func(testing.TB) *sqlstore.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		t.Run(open.name, func(t *testing.T) {
			t.Parallel()
			ctx := as(context.Background(), "ed", entente.RoleEditor)
			from := open.open(t)
			docs := []int64{ingestStatement(t, ctx, from, statement), ingestStatement(t, ctx, from, "cn-ae-2019-joint-statement.zh.txt")}
			trackSome(t, ctx, newTracker(t, from), docs)
			var dump bytes.Buffer
			if _, err := from.Dump(ctx, &dump); err != nil {
				t.Fatal(err)
			}

			s := open.open(t)
			tr, ref := withReference(t, s)
			if p, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil || p.Total != 0 {
				t.Fatalf("the empty store: %v (%v)", p, err)
			}
			if _, err := s.Restore(ctx, bytes.NewReader(dump.Bytes()), int64(dump.Len())); err != nil {
				t.Fatal(err)
			}
			p, err := tr.Commitments(ctx, entente.CommitmentFilter{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := ref.Commitments(ctx, entente.CommitmentFilter{})
			if err != nil || want.Total < 20 || p.Total != want.Total {
				t.Fatalf("after the restore: %d commitments, the Go path %v (%v)", p.Total, want.Total, err)
			}
			holdsToGo(t, ctx, s, tr, ref, "after a restore")
			if _, err := s.AppendEvent(ctx, entente.NewEvent(ctx, "import", "store", 0)); err != nil {
				t.Fatal(err)
			}
			holdsToGo(t, ctx, s, tr, ref, "after the import's event")
		})
	}
}
