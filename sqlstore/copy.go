package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// rowCopier is a dialect with a bulk path for rows that return nothing:
// PostgreSQL's COPY, which the server reads without parsing, planning and
// binding a statement of thousands of parameters. It needs the connection
// that holds the transaction (conn).
type rowCopier interface {
	CopyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, n int, row func(i int) []any) error
}

// idReserver is a dialect that hands out the ids of n new rows of table
// before they are written, in increasing order, so that a table's rows
// need not return their ids (SQLite's RETURNING builds a temporary table
// of the rows and the driver converts each back; PostgreSQL's COPY returns
// nothing).
type idReserver interface {
	ReserveIDs(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error)
}

// copyConn returns the connection that holds tx when rows may be copied
// on it.
func (s *Store) copyConn(tx *sql.Tx) (rowCopier, *sql.Conn) {
	c, ok := s.dialect.(rowCopier)
	if !ok {
		return nil, nil
	}
	v, ok := s.conns.Load(tx)
	if !ok {
		return nil, nil
	}
	return c, v.(*sql.Conn)
}

// directConn returns the connection that holds tx when the writer binds
// its INSERTs' values directly (direct.go).
func (s *Store) directConn(tx *sql.Tx) *sql.Conn {
	if !s.bindsDirectly() {
		return nil
	}
	v, ok := s.conns.Load(tx)
	if !ok {
		return nil
	}
	return v.(*sql.Conn)
}

// reserveIDs returns n ids for new rows of table, in increasing order.
func (s *Store) reserveIDs(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error) {
	r, ok := s.dialect.(idReserver)
	if !ok {
		return nil, fmt.Errorf("reserve ids of %s: %s cannot", table, s.dialect.Name())
	}
	ids, err := r.ReserveIDs(ctx, tx, table, n)
	if err != nil {
		return nil, fmt.Errorf("reserve ids of %s: %w", table, err)
	}
	if len(ids) != n {
		return nil, fmt.Errorf("reserve ids of %s: %d ids for %d rows", table, len(ids), n)
	}
	slices.Sort(ids)
	return ids, nil
}

// indexCopier is a dialect that copies full-text index rows (copy.go's
// rowCopier for its own index table).
type indexCopier interface {
	CopyIndex(ctx context.Context, conn *sql.Conn, rows []IndexRow) error
}

// insertIndex writes the full-text index rows of sentences, copied where
// the dialect can.
func (s *Store) insertIndex(ctx context.Context, tx *sql.Tx, rows []IndexRow) error {
	if len(rows) == 0 {
		return nil
	}
	if c, ok := s.dialect.(indexCopier); ok {
		if _, conn := s.copyConn(tx); conn != nil {
			return c.CopyIndex(ctx, conn, rows)
		}
	}
	return s.dialect.InsertIndex(ctx, tx, rows)
}

// writePlanner is a dialect that sets how a transaction writing new
// documents plans its statements. PostgreSQL's sessions plan every
// statement for its values (postgres.Open: a search term's frequency
// matters), which includes the foreign-key checks the server runs for each
// row written: planned again for every row, they were a fifth of the
// server's CPU for a batch.
type writePlanner interface {
	PlanWrites(ctx context.Context, tx *sql.Tx) error
}

// planWrites lets tx keep plans of its statements where the dialect can.
func (s *Store) planWrites(ctx context.Context, tx *sql.Tx) error {
	if p, ok := s.dialect.(writePlanner); ok {
		if err := p.PlanWrites(ctx, tx); err != nil {
			return fmt.Errorf("plan writes: %w", err)
		}
	}
	return nil
}
