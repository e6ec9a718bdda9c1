package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// planStatistics refreshes the planner's statistics where they are missing
// or stale (PRAGMA optimize, as SQLite advises at open and every few hours
// in a long-running process: without them it may filter on an index and
// sort rather than read in order; optimizeMask), then keeps
// only their averages per index (sqlite_stat1) and drops the samples of
// key values (sqlite_stat4) the same ANALYZE wrote, and raises the row
// counts of tables analyzed while they held a few rows (fewestRows).
//
// Why drop the samples: the driver's SQLite is built with STAT4, and where
// an index has samples SQLite plans a statement for the values bound to
// it. A prepared statement is then marked expired each time another value
// is bound to such a parameter, and is parsed and planned again before its
// next step. Every statement here binds its keys (a sha256, a document's
// id, a hash of a sketch), and is prepared once and kept for that, so
// on any store opened twice (the first ANALYZE is at the second open)
// each look-up was compiled anew: a tenth of a batch's CPU into a store
// of 10,000 statements (docs/decisions.md, "The planner's statistics
// without samples"). The samples choose a plan per value only where values
// are skewed; the keys here are hashes and ids, and the filters' few
// values (a status, an area) are read by their own statements.
//
// When anything changed, the writer reloads what is left (ANALYZE
// sqlite_schema) and its connection is closed, to be opened anew at the
// next write: statements it prepared while opening the store (FTS5
// prepares its own once and keeps them for the connection's life) are
// then planned with the statistics as they are now. The reading pools'
// idle connections (readers), which loaded the statistics with the schema,
// are closed too, so that each reads them again when next opened; one in
// use is kept until it is next idle.
func planStatistics(ctx context.Context, db *sql.DB, readers ...*sql.DB) error {
	if _, err := db.ExecContext(ctx, "PRAGMA optimize="+optimizeMask); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	changed := false
	has, err := hasTable(ctx, db, "sqlite_stat4")
	if err != nil {
		return fmt.Errorf("statistics: %w", err)
	}
	if has {
		r, err := db.ExecContext(ctx, `DELETE FROM sqlite_stat4`)
		if err != nil {
			return fmt.Errorf("statistics: drop the samples: %w", err)
		}
		n, err := r.RowsAffected()
		if err != nil {
			return fmt.Errorf("statistics: drop the samples: %w", err)
		}
		changed = n > 0
	}
	raised, err := raiseRowCounts(ctx, db)
	if err != nil {
		return fmt.Errorf("statistics: %w", err)
	}
	if !changed && !raised {
		return nil
	}
	if _, err := db.ExecContext(ctx, `ANALYZE sqlite_schema`); err != nil {
		return fmt.Errorf("statistics: reload: %w", err)
	}
	db.SetMaxIdleConns(0)
	db.SetMaxIdleConns(1)
	for _, r := range readers {
		// each pool keeps as many idle as it may open (Open)
		r.SetMaxIdleConns(0)
		r.SetMaxIdleConns(r.Stats().MaxOpenConnections)
	}
	return nil
}

// optimizeMask is what PRAGMA optimize does: check every table, not only
// those the connection used (0x10000), and analyze those whose size moved
// far from their statistics (0x2), in full. SQLite's default mask also
// bounds each ANALYZE (0x10, a temporary analysis_limit), which made an
// open of the library of 100,000 statements with statistics fifty times
// stale take 0.53–0.62 s instead of 2.3–2.6 s, but its averages were
// estimates far off for an index of few distinct values (1,640 rows a key
// for versions' language against 25,000, for events' anchor against
// 100,000, which is one value): a planner that believes an index 15 to 60
// times more selective than it is may read it instead of the table. A
// table is analyzed again only once it has grown or shrunk some tenfold
// (docs/decisions.md, "Statistics kept fitted while a server runs").
const optimizeMask = "0x10002"

// RefreshStatistics refreshes the planner's statistics as the store's open
// does (planStatistics), for a process that runs long while its library
// grows: the write connection's kept statements are planned again (ANALYZE
// expires them) and the pools' connections read the statistics anew.
func (Dialect) RefreshStatistics(ctx context.Context, write *sql.DB, read ...*sql.DB) error {
	if err := planStatistics(ctx, write, read...); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

// fewestRows is the fewest rows sqlite_stat1 may say a table holds.
//
// Why: a statement is planned once, with the statistics of the moment,
// and kept: the store's own for the life of its pool's connection, FTS5's
// for the life of the connection (it prepares them persistent). A plan
// made for a table of a few rows can be one that reads the whole table,
// which costs nothing while the table is small and is kept while it grows.
// The case measured: FTS5 removes the pages a merge has consumed, and
// whole segments, with "DELETE FROM sentence_fts_data WHERE id>=? AND
// id<=?". A new store's data table holds two rows (FTS5's structure and
// averages), which is what PRAGMA optimize writes for it at the first
// open; planned for two rows the DELETE scans the table (for three to
// five it seeks the lower bound and reads on to the end). A writer that
// opened a new store, a server's or the load harness's build, kept that
// plan while the table grew to a gigabyte: each merge step of a library of
// 100,000 statements then read the whole table and held the write lock
// for 2.5–5 s (docs/decisions.md, "Statistics of a few rows kept while the
// tables grow"). From ten rows up SQLite seeks both bounds. A thousand
// leaves a wide margin and still claims less than SQLite assumes of a
// table it has no statistics for (about a million rows); the averages per
// key are kept as they are, so an index's selectivity is unchanged. PRAGMA
// optimize analyzes a table of fewer than 40 rows again at each open (its
// size is then more than 25 times off the claim): an ANALYZE of a few
// rows, raised again here.
const fewestRows = 1000

// raiseRowCounts raises every row count in sqlite_stat1 below fewestRows
// to it, keeping the averages that follow it, and says whether it raised
// any.
func raiseRowCounts(ctx context.Context, db *sql.DB) (bool, error) {
	if has, err := hasTable(ctx, db, "sqlite_stat1"); err != nil || !has {
		return false, err
	}
	// stat is "rows" for a table, "rows avg1 avg2…" for an index
	r, err := db.ExecContext(ctx, `UPDATE sqlite_stat1 SET stat = ?1 || substr(stat, instr(stat || ' ', ' '))
		WHERE CAST(stat AS INTEGER) < ?1`, fewestRows)
	if err != nil {
		return false, fmt.Errorf("raise the row counts: %w", err)
	}
	n, err := r.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("raise the row counts: %w", err)
	}
	return n > 0, nil
}

// hasTable says whether the database holds a table named name (SQLite
// creates its statistics' tables at the first ANALYZE that needs them).
func hasTable(ctx context.Context, db *sql.DB, name string) (bool, error) {
	var has bool
	err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = ?)`, name).Scan(&has)
	return has, err
}
