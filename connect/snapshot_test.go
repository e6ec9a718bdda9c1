package connect_test

import (
	"bytes"
	"context"
	"log/slog"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// snapshotCounter counts a store's writes of the input's snapshot.
type snapshotCounter struct {
	*countingStore
	saves int
}

func (c *snapshotCounter) SaveRegistryInputSnapshot(ctx context.Context, data []byte) error {
	c.saves++
	return c.Store.SaveRegistryInputSnapshot(ctx, data)
}

// TestANewProcessBuildsFromTheSnapshot: a build that read the whole
// library leaves a snapshot of what it read, and a connector that holds
// nothing (a new process: a command, a server that starts) reads that
// and what was added since, not the whole library; a new snapshot is
// written only once enough was read since. A version link to a new
// document, as the matcher at ingest writes, is an addition; after an
// editor's version link or a deletion the documents changed are read
// again. A snapshot that does not read back is passed over with a
// warning. A whole rebuild reads neither. Each time
// the registry is the one a whole read makes.
func TestANewProcessBuildsFromTheSnapshot(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2016.zh.txt")
		var log bytes.Buffer
		process := func(what string, after, reads, snapshots, added, saves int) *snapshotCounter {
			t.Helper()
			c, err := connect.New(s)
			if err != nil {
				t.Fatal(err)
			}
			rs := &snapshotCounter{countingStore: &countingStore{Store: s}}
			c.Store, c.SnapshotAfter = rs, after
			c.Log = slog.New(slog.NewTextHandler(&log, nil))
			if _, err := c.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			if rs.reads != reads || rs.snapshots != snapshots || rs.added != added || rs.saves != saves {
				t.Errorf("%s: read the library whole %d times, the snapshot %d, what was added %d, and wrote a snapshot %d times; want %d, %d, %d, %d",
					what, rs.reads, rs.snapshots, rs.added, rs.saves, reads, snapshots, added, saves)
			}
			sameAsFreshBuild(t, ctx, s, what)
			return rs
		}
		process("the first build", 0, 1, 0, 0, 1)
		process("a new process, the library unchanged", 0, 0, 1, 0, 0)
		// statements that cite those stored and each other's
		more := ingestLibrary(t, ctx, s, "cn-rs-2019.zh.txt", "cn-rs-2023.zh.txt")
		process("a new process after two statements", 0, 0, 1, 1, 0)
		v2024 := ingestLibrary(t, ctx, s, "cn-rs-2024.zh.txt", "cn-rs-2024.en.txt")
		// linked as versions of one statement as the matcher at ingest
		// links a new document: an addition, like its names
		if _, err := s.SetVersionLink(ctx, v2024["cn-rs-2024.zh.txt"], v2024["cn-rs-2024.en.txt"], true, entente.LinkAuto, "matched at ingest"); err != nil {
			t.Fatal(err)
		}
		// four documents read since the snapshot, as many as it waits for
		process("a new process after two more", 4, 0, 1, 1, 1)
		// the two versions of the 2024 statement, found and aligned by
		// the build that wrote the snapshot, are not read again
		if rs := process("the next, from that snapshot", 4, 0, 1, 0, 0); len(rs.whole) != 0 {
			t.Errorf("the next, from that snapshot: read documents %v whole, want none", rs.whole)
		}
		// an editor links two documents read before: both read again
		if _, err := s.SetVersionLink(ctx, ids["cn-rs-2016.zh.txt"], more["cn-rs-2023.zh.txt"], true, entente.LinkManual, "checking"); err != nil {
			t.Fatal(err)
		}
		process("after an editor's version link", 0, 0, 1, 1, 0)
		if err := s.DeleteDocument(ctx, more["cn-rs-2019.zh.txt"]); err != nil {
			t.Fatal(err)
		}
		process("after a deletion", 0, 0, 1, 1, 0)
		// a deleted row's id given again by SQLite to the next insert
		if err := s.DeleteDocument(ctx, ids["cn-rs-2013.zh.txt"]); err != nil {
			t.Fatal(err)
		}
		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt")
		process("after a deletion and an ingest", 0, 0, 1, 1, 0)
		if log.Len() != 0 {
			t.Errorf("warned: %s", log.String())
		}
		if err := s.SaveRegistryInputSnapshot(ctx, []byte("not a snapshot")); err != nil {
			t.Fatal(err)
		}
		process("a snapshot that does not read back", 0, 1, 1, 0, 1)
		if !bytes.Contains(log.Bytes(), []byte("not used")) {
			t.Errorf("no warning of the snapshot not read: %q", log.String())
		}
		// entente registry rebuild reads the library itself, whatever
		// was kept, and writes the snapshot anew
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		rs := &snapshotCounter{countingStore: &countingStore{Store: s}}
		c.Store = rs
		for range 2 {
			if _, err := c.RebuildWhole(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if rs.reads != 2 || rs.snapshots != 0 || rs.saves != 2 {
			t.Errorf("two whole rebuilds read the library whole %d times and the snapshot %d, and wrote it %d times; want 2, 0, 2",
				rs.reads, rs.snapshots, rs.saves)
		}
		sameAsFreshBuild(t, ctx, s, "a whole rebuild")
	})
}
