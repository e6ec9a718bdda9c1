package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSnapshotThenChanges: a tracker that starts from the store's snapshot
// of the index holds what the Go path reads after changes of every kind
// made since it was saved (a status, a document's date and parties
// corrected, a split, a re-extraction that drops commitments, a
// withdrawal, a purge), and after a replay since a snapshot that held
// damage done by hand: the replay's event names no document, so the
// snapshot is read and then everything again.
func TestSnapshotThenChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		saver := newTracker(t, s)
		tracking.SnapshotEvery(saver, 1)
		ref := newTracker(t, s)
		ref.Store = goOnly{s}
		docs := []int64{ingestStatement(t, ctx, s, statement), ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")}
		near, err := s.CreateDocument(ctx, zhDoc(t, statement, "\n双方承诺于2027年底前完成铁路建设。\n"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, near)
		if _, err := saver.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		// a new tracker's first read: from the snapshot and the documents
		// changed since (wantBuilt: everything read again)
		fromSnapshot := func(when string, wantBuilt bool) *tracking.Tracker {
			t.Helper()
			tr := newTracker(t, s)
			if _, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
				t.Fatal(err)
			}
			b, _ := tracking.IndexBuilds(tr)
			if l := tracking.IndexLoads(tr); (b == 1) != wantBuilt || l+b != 1 {
				t.Fatalf("%s: %d readings from the snapshot, %d in full", when, l, b)
			}
			holdsToGo(t, ctx, s, tr, ref, when)
			return tr
		}
		fromSnapshot("with nothing changed", false)

		trackSome(t, ctx, saver, docs[:1])
		for _, k := range []tracking.CorrectInput{
			{Document: docs[1], Field: "date", Value: []byte(`"2031-01-01"`)},
			{Document: docs[1], Field: "parties", Value: []byte(`["CN","AE","HU"]`)},
		} {
			k.Why = "test"
			if _, err := saver.Correct(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
		p, err := ref.Commitments(ctx, entente.CommitmentFilter{Document: docs[1], Limit: 1})
		if err != nil || len(p.Commitments) == 0 {
			t.Fatalf("%v (%v)", p, err)
		}
		if _, err := saver.Split(ctx, tracking.SplitInput{Document: docs[1], Sentence: p.Commitments[0].Sentence.ID, At: []int{4},
			Why: "two"}); err != nil {
			t.Fatal(err)
		}
		saver.Extractor, saver.ExtractorName = changedExtractor(t), "extract/zh (changed)"
		if _, err := saver.Reextract(ctx, docs[0]); err != nil {
			t.Fatal(err)
		}
		if err := saver.Withdraw(ctx, docs[1], "test"); err != nil {
			t.Fatal(err)
		}
		if err := saver.Purge(as(ctx, "ad", entente.RoleAdmin), docs[2], "test"); err != nil {
			t.Fatal(err)
		}
		fromSnapshot("after changes of every kind since the snapshot", false)

		// damage by hand, read by the saver (holdsToGo's check event has
		// it read everything) and saved with the snapshot; then a replay
		if _, err := s.DB().ExecContext(ctx, `UPDATE commitment_statuses SET status = 'superseded'`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AppendEvent(ctx, entente.NewEvent(ctx, "check", "test", 0)); err != nil {
			t.Fatal(err)
		}
		if sc, err := saver.Scorecard(ctx, entente.CommitmentFilter{}); err != nil || sc.Counts[entente.Superseded] == 0 {
			t.Fatalf("the saver did not read the damage: %v (%v)", sc, err)
		}
		if _, err := s.Replay(ctx); err != nil {
			t.Fatal(err)
		}
		tr := fromSnapshot("after a replay since the snapshot", true)
		if sc, err := tr.Scorecard(ctx, entente.CommitmentFilter{}); err != nil || sc.Counts[entente.Superseded] != 0 {
			t.Errorf("after the replay: %v (%v); the snapshot's damage stays", sc, err)
		}
	})
}
