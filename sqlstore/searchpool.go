package sqlstore

import (
	"context"
	"database/sql"
)

// readCommittedDialect is a Dialect whose read transactions give their
// statements no common view of the data: each statement sees what was
// committed when it began (PostgreSQL's default, READ COMMITTED). A search
// there gains nothing from a transaction but its BEGIN and COMMIT, two
// round trips to a server that shares the cores with its clients, and a
// third to read the collection's state again inside it. It runs its
// statements on the read pool instead, against the index of the state
// freshLabels read, as its statements saw later states inside a
// transaction too. SQLite's read transaction is a snapshot (WAL), which
// the index and the rows it numbers must share, so it keeps it.
type readCommittedDialect interface {
	ReadCommitted() bool
}

// readCommitted says whether the store's read transactions share no
// snapshot.
func (s *Store) readCommitted() bool {
	d, ok := s.dialect.(readCommittedDialect)
	return ok && d.ReadCommitted()
}

// onPool runs fn, whose statements go to the read pool (a nil *sql.Tx for
// queryRows and queryRow), then prepares the statements of new shapes it
// asked for, as a read transaction does when it ends.
func (s *Store) onPool(ctx context.Context, fn func() error) error {
	defer prepareWanted(context.WithoutCancel(ctx), &s.stmts, s.rdb)
	return fn()
}

// querier is a read transaction, or the read pool when there is none.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// on returns tx, or the read pool when tx is nil (onPool).
func (s *Store) on(tx *sql.Tx) querier {
	if tx == nil {
		return s.rdb
	}
	return tx
}

// stmtOn returns st for tx, or st itself on the pool when tx is nil.
func stmtOn(ctx context.Context, tx *sql.Tx, st *sql.Stmt) *sql.Stmt {
	if tx == nil {
		return st
	}
	return tx.StmtContext(ctx, st)
}
