package sqlite_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
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

// TestFewRowsPlannedAsMany: a statement is planned once and kept while
// its tables grow. FTS5 removes a merge's consumed pages with a range
// DELETE it prepares once per connection; a new store's data table holds
// two rows, and planned for two rows that DELETE reads the whole table, a
// plan a server's writer would keep while the table grows to gigabytes.
// At the first open and at the next, no table is said to hold fewer than
// a thousand rows, an index keeps its averages, and the DELETE seeks both
// bounds of its range.
func TestFewRowsPlannedAsMany(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	const del = `DELETE FROM sentence_fts_data WHERE id >= ?1 AND id <= ?2`
	for open := range 2 {
		s := mustOpen(t, path)
		rows, err := s.DB().QueryContext(ctx, `SELECT tbl, coalesce(idx, ''), stat FROM sqlite_stat1`)
		if err != nil {
			t.Fatal(err)
		}
		stats := map[string]string{}
		for rows.Next() {
			var tbl, idx, stat string
			if err := rows.Scan(&tbl, &idx, &stat); err != nil {
				t.Fatal(err)
			}
			stats[tbl+" "+idx] = stat
			first, _, _ := strings.Cut(stat, " ")
			if n, err := strconv.Atoi(first); err != nil || n < 1000 {
				t.Errorf("open %d: sqlite_stat1 says %s %s holds %q rows, want a thousand or more", open, tbl, idx, first)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		// store_settings' key is unique: one row a key, as ANALYZE found
		if got := stats["store_settings sqlite_autoindex_store_settings_1"]; got != "1000 1" {
			t.Errorf("open %d: the settings' key index: stat %q, want %q", open, got, "1000 1")
		}
		if p := queryPlan(t, s.DB(), del, 1, 2); !strings.Contains(p, "rowid>? AND rowid<?") || strings.Contains(p, "SCAN") {
			t.Errorf("open %d (sqlite_stat1 says %s rows): the range delete's plan is %q, want a search of both bounds",
				open, stats["sentence_fts_data "], p)
		}
		if open == 0 {
			if _, err := s.CreateDocument(ctx, statement(t, 0)); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
	}
}

// TestStatisticsRefreshedWhileRunning: a server runs for months while its
// library grows, and its statistics were taken at its open. Its indexer
// refreshes them every StatisticsEvery: a table grown far past what they
// say is analyzed again, and the store writes on afterwards (its kept
// statements planned again).
func TestStatisticsRefreshedWhileRunning(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	s := mustOpen(t, path)
	if _, err := s.CreateDocument(ctx, statement(t, 0)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, path) // analyzed at this open, with a row or two
	rows := func() int {
		t.Helper()
		var stat string
		err := s.DB().QueryRowContext(ctx, `SELECT coalesce(max(CAST(stat AS INTEGER)), 0) FROM sqlite_stat1 WHERE tbl = 'store_settings'`).Scan(&stat)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(stat)
		return n
	}
	// the library grows while the server runs: 40,000 rows in a table
	// whose statistics said a thousand at most
	if _, err := s.DB().ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
		INSERT INTO store_settings (key, value) SELECT 'test.grown.' || i, 'x' FROM n`); err != nil {
		t.Fatal(err)
	}
	if n := rows(); n > 1000 {
		t.Fatalf("store_settings: the statistics say %d rows before any refresh, want those of its open", n)
	}
	s.StatisticsEvery = time.Millisecond
	run, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); s.RunIndexer(run, slog.New(slog.DiscardHandler), 5*time.Millisecond) }()
	deadline := time.Now().Add(10 * time.Second)
	for rows() < 10000 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	<-done
	if n := rows(); n < 10000 {
		t.Errorf("store_settings: the statistics say %d rows after the indexer ran, want about 40,000", n)
	}
	if _, err := s.CreateDocument(ctx, statement(t, 1)); err != nil {
		t.Fatalf("a write after the refresh: %v", err)
	}
}
