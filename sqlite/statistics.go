package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// planStatistics refreshes the planner's statistics where they are missing
// or stale (a bounded ANALYZE, as SQLite advises at open: without them it
// may filter on an index and sort rather than read in order), then keeps
// only their averages per index (sqlite_stat1) and drops the samples of
// key values (sqlite_stat4) the same ANALYZE wrote.
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
// The writer reloads what is left (ANALYZE sqlite_schema); the reading
// pool's idle connections, which loaded the samples with the schema, are
// closed, so that each reads the statistics again when next opened.
func planStatistics(ctx context.Context, db, rdb *sql.DB, readers int) error {
	if _, err := db.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	var has bool
	if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4')`).Scan(&has); err != nil {
		return fmt.Errorf("statistics: %w", err)
	}
	if !has {
		return nil
	}
	r, err := db.ExecContext(ctx, `DELETE FROM sqlite_stat4`)
	if err != nil {
		return fmt.Errorf("statistics: drop the samples: %w", err)
	}
	if n, err := r.RowsAffected(); err != nil {
		return fmt.Errorf("statistics: drop the samples: %w", err)
	} else if n == 0 {
		return nil
	}
	if _, err := db.ExecContext(ctx, `ANALYZE sqlite_schema`); err != nil {
		return fmt.Errorf("statistics: reload: %w", err)
	}
	rdb.SetMaxIdleConns(0)
	rdb.SetMaxIdleConns(readers)
	return nil
}
