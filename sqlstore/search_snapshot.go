package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// searchIndexLogic names what the search index's build computes from the
// rows it reads (numbering, labels as corrected, facet sets): saved with
// each snapshot, and to be changed with that code, so that a new binary
// builds its index anew rather than keep what its code would not give.
const searchIndexLogic = "search-index-1"

// defaultSearchSnapshotAfter is how many documents the kept index must
// have read (built, or read again or anew by updates) since the snapshot
// on record for a search to write a new one: reading that many again
// costs a command more than writing one costs the search that writes it.
const defaultSearchSnapshotAfter = 2000

// searchSnapshotTime bounds the writing of a snapshot: one not written
// costs only the next command's time, so a write that would wait long
// behind a batch's is given up.
const searchSnapshotTime = 10 * time.Second

func (s *Store) searchSnapshotAfter() int {
	if s.SearchSnapshotAfter > 0 {
		return s.SearchSnapshotAfter
	}
	return defaultSearchSnapshotAfter
}

// loadSearchSnapshot returns the index the kept snapshot holds, read
// through tx, or nil when there is none, or it was written from another
// schema or by other logic, or it does not read back whole: a snapshot
// only saves time, so any doubt builds the index from the rows.
func (s *Store) loadSearchSnapshot(ctx context.Context, tx *sql.Tx) *labelIndex {
	// read in place (RawBytes): a copy of some 30 MB at 100,000 statements
	// costs this machine a page fault each 4 KB
	rows, err := tx.QueryContext(ctx, `SELECT logic, schema_version = (SELECT max(version) FROM schema_migrations), data
		FROM search_snapshot WHERE id = 1`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var (
		logic string
		same  bool
		data  sql.RawBytes
	)
	if !rows.Next() || rows.Scan(&logic, &same, &data) != nil || !same || logic != searchIndexLogic {
		return nil
	}
	x, err := readSearchSnapshot(data)
	if err != nil {
		return nil
	}
	return x
}

// saveSearchSnapshot keeps x as the snapshot, in place of the one kept
// unless that one is of a later state (of two servers saving at once, the
// newer stays). It is a cache the store can always do without, so it
// writes no event.
func (s *Store) saveSearchSnapshot(ctx context.Context, x *labelIndex) error {
	data, err := x.snapshot()
	if err != nil {
		return fmt.Errorf("write the search snapshot: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save the search snapshot: %w", err)
	}
	defer tx.Rollback()
	// WHERE true: SQLite reads an ON after a bare SELECT's FROM as a join's
	res, err := tx.ExecContext(ctx, `INSERT INTO search_snapshot (id, events, schema_version, logic, data, saved_at)
		SELECT 1, $1, max(version), $2, $3, $4 FROM schema_migrations WHERE true
		ON CONFLICT (id) DO UPDATE SET events = excluded.events, schema_version = excluded.schema_version,
			logic = excluded.logic, data = excluded.data, saved_at = excluded.saved_at
		WHERE search_snapshot.events <= excluded.events`,
		x.key.events, searchIndexLogic, data, s.now())
	if err != nil {
		return fmt.Errorf("save the search snapshot: %w", err)
	}
	saved, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("save the search snapshot: %w", err)
	}
	var written []*matchEntry
	if saved > 0 { // else a newer one stays, with its pinned matches
		if written, err = s.savePins(ctx, tx, x); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save the search snapshot: %w", err)
	}
	if saved > 0 {
		markPinsSaved(x, written)
	}
	return nil
}

// WaitBackground waits for what the store is writing in the background
// (a search index's snapshot), as Close does, for a caller that times
// what comes next.
func (s *Store) WaitBackground() { s.background.Wait() }

// keepSnapshot writes the kept index down, in the background, when it
// has read enough documents since the snapshot on record, or pinned
// matches (search_pins.go): one write at a
// time, which Close waits for (a command that searched once and exits
// leaves its snapshot for the next). A failed write is left for a later
// search to try.
func (s *Store) keepSnapshot(ctx context.Context) {
	h := &s.index
	h.mu.Lock()
	x, unsaved, pins := h.index, h.unsaved, h.unsavedPins
	if x == nil || unsaved < s.searchSnapshotAfter() && pins == 0 {
		h.mu.Unlock()
		return
	}
	if h.saving {
		h.saveAgain = true // the writer looks again when done
		h.mu.Unlock()
		return
	}
	h.saving, h.saveAgain = true, false
	h.mu.Unlock()
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		// matches pinned while a snapshot was written (a server's
		// PinCommon, a command's searches) are written by the next, so
		// that a command exits with all it pinned written down
		for i := 0; ; i++ {
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), searchSnapshotTime)
			err := s.saveSearchSnapshot(ctx, x)
			cancel()
			h.mu.Lock()
			if err == nil {
				h.unsaved = max(0, h.unsaved-unsaved) // an index updated meanwhile read the rest since
				h.unsavedPins = max(0, h.unsavedPins-pins)
				h.snapshots++
			}
			x, unsaved, pins = h.index, h.unsaved, h.unsavedPins
			if err != nil || i+1 == maxSnapshotsInARow || !h.saveAgain && unsaved < s.searchSnapshotAfter() && pins == 0 {
				h.saving = false
				h.mu.Unlock()
				return
			}
			h.saveAgain = false
			h.mu.Unlock()
		}
	}()
}

// maxSnapshotsInARow bounds the snapshots one background write makes
// while searches keep pinning matches.
const maxSnapshotsInARow = 4
