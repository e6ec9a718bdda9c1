package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatisticsWithoutSamples: an analyzed store, opened again, keeps the
// planner's averages per index (sqlite_stat1) and none of the samples of
// key values (sqlite_stat4), with which SQLite compiles a kept statement
// anew for each value bound to a key; and a look-up by key still reads
// its index.
func TestStatisticsWithoutSamples(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	s := mustOpen(t, path)
	for i := range 3 {
		if _, err := s.CreateDocument(ctx, statement(t, i)); err != nil {
			t.Fatal(err)
		}
	}
	// what PRAGMA optimize does at the next open, in full: with STAT4 built
	// in, ANALYZE writes samples
	if _, err := s.DB().ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	count := func(table string) int {
		t.Helper()
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if count("sqlite_stat4") == 0 {
		t.Fatal("ANALYZE wrote no samples: the driver's SQLite has no STAT4, and this test checks nothing")
	}
	s.Close()

	s = mustOpen(t, path)
	if n := count("sqlite_stat4"); n != 0 {
		t.Errorf("sqlite_stat4 holds %d samples after open, want none", n)
	}
	if count("sqlite_stat1") == 0 {
		t.Error("sqlite_stat1 is empty after open: the planner lost its averages")
	}
	// a source by its bytes, as the look-ups find it (through its blob,
	// migration 0057): two searches by key, no scan
	p := queryPlan(t, s.DB(), `SELECT s.id FROM sources s
		WHERE s.id = (SELECT b.source_id FROM blobs b WHERE b.sha256 = ?1) AND s.sha256 = ?1`, "00")
	if !strings.Contains(p, "SEARCH b USING INDEX") || !strings.Contains(p, "SEARCH s USING INTEGER PRIMARY KEY") || strings.Contains(p, "SCAN") {
		t.Errorf("a source by its sha256: plan %q, want the blobs' index and the sources' key", p)
	}
}
