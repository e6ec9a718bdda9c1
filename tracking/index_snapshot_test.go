package tracking_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSnapshotServesTheNextTracker: a tracker that read many documents
// saves a snapshot of its index; the next tracker (the next command, a
// server that starts) reads it and only the documents changed since, and
// holds the index a full reading gives. A snapshot of other due rules,
// or one that does not read back, is passed over for a full reading.
func TestSnapshotServesTheNextTracker(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		first := newTracker(t, s)
		tracking.SnapshotEvery(first, 1)
		ingestStatement(t, ctx, s, statement)
		page, err := first.Commitments(ctx, entente.CommitmentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, `SELECT count(*) FROM tracked_snapshot`); n != 1 {
			t.Fatalf("after a full reading: %d snapshots, want 1", n)
		}

		// changes after the snapshot, through the first tracker
		c := page.Commitments[0]
		e := addEvidence(t, ctx, first, c.DocumentID, c.Sentence.ID, "")
		if _, err := first.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
			Status: entente.InProgress, EvidenceID: e.ID, Why: "seen", Revision: -1}); err != nil {
			t.Fatal(err)
		}
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")

		next := newTracker(t, s)
		sameAsFull(t, ctx, s, next, "read from the snapshot and the changes since")
		if b, u := tracking.IndexBuilds(next); b != 0 || u != 0 || tracking.IndexLoads(next) != 1 {
			t.Errorf("the next tracker: %d full readings, %d updates, %d from the snapshot; want 0, 0, 1", b, u, tracking.IndexLoads(next))
		}
		got, err := next.Commitments(ctx, entente.CommitmentFilter{Status: entente.InProgress})
		if err != nil || got.Total != 1 {
			t.Fatalf("the status set after the snapshot: %v (%v)", got, err)
		}

		other := newTracker(t, s)
		other.Rules = nil
		var heard bytes.Buffer
		other.Log = slog.New(slog.NewTextHandler(&heard, nil))
		if _, err := other.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		if b, _ := tracking.IndexBuilds(other); b != 1 || tracking.IndexLoads(other) != 0 {
			t.Errorf("a tracker of other due rules read the snapshot")
		}
		// the operator is told why the commitments are read whole
		if !strings.Contains(heard.String(), "other due rules") {
			t.Errorf("a snapshot of other due rules passed over without a word: %q", heard.String())
		}

		if _, err := s.DB().ExecContext(ctx, `UPDATE tracked_snapshot SET data = $1`, []byte("not a snapshot")); err != nil {
			t.Fatal(err)
		}
		broken := newTracker(t, s)
		sameAsFull(t, ctx, s, broken, "with a snapshot that does not read back")
		if b, _ := tracking.IndexBuilds(broken); b != 1 {
			t.Errorf("with a broken snapshot: %d full readings, want 1", b)
		}
	})
}

func count(t *testing.T, s *sqlstore.Store, q string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// slowSnapshots is a store whose writer is busy for a while before a
// snapshot is saved (the search index's snapshot, a merge): what a server
// meets as it starts.
type slowSnapshots struct {
	*sqlstore.Store
	busy time.Duration
}

func (s slowSnapshots) SaveTrackingSnapshot(ctx context.Context, state entente.CollectionState, rules string, data []byte) error {
	select {
	case <-time.After(s.busy):
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.Store.SaveTrackingSnapshot(ctx, state, rules, data)
}

// TestWarmSavesItsSnapshotBehindABusyWriter: a server's read at its start
// (Warm), which nobody waits for, saves its snapshot even when the writer
// is busy for longer than a reader would wait; a reader's read gives up
// on the save, and says so in the tracker's log.
func TestWarmSavesItsSnapshotBehindABusyWriter(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		ingestStatement(t, ctx, s, statement)
		slow := slowSnapshots{Store: s, busy: 2500 * time.Millisecond}

		var logged bytes.Buffer
		reader, err := tracking.New(slow)
		if err != nil {
			t.Fatal(err)
		}
		reader.Log = slog.New(slog.NewTextHandler(&logged, nil))
		tracking.SnapshotEvery(reader, 1)
		if _, err := reader.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, `SELECT count(*) FROM tracked_snapshot`); n != 0 {
			t.Errorf("a reader waited %d snapshots' save behind a busy writer, want it to give up", n)
		}
		if !strings.Contains(logged.String(), "tracking snapshot not saved") {
			t.Errorf("the snapshot not saved was not logged: %q", logged.String())
		}

		server, err := tracking.New(slow)
		if err != nil {
			t.Fatal(err)
		}
		tracking.SnapshotEvery(server, 1)
		if err := server.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count(t, s, `SELECT count(*) FROM tracked_snapshot`); n != 1 {
			t.Errorf("after a server's read at its start: %d snapshots, want 1", n)
		}
	})
}
