package sqlstore

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// maxStatements bounds the statements a store keeps prepared. Search and
// the document reads build their SQL from a few shapes (which filters are
// set, how many terms), so a few hundred cover them; a statement past the
// bound runs unprepared.
const maxStatements = 512

// stmtCache keeps statements prepared on the read pool by their SQL, so
// that a search or a document read does not parse and plan its SQL again
// on every call (a quarter of a document read's CPU on SQLite). A
// transaction uses them through Tx.StmtContext, which reuses what each
// connection already prepared.
//
// A statement is prepared in the background, never by the reader that
// first needs it: preparing on the pool takes a connection of its own,
// and readers inside their transactions already hold the pool's
// connections, so with every one held (a burst of searches) they would
// each wait for ever for one more. The first reader runs its SQL
// unprepared; those after it find the statement ready.
type stmtCache struct {
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool
	closed  bool
	bg      sync.WaitGroup
}

// prepareTimeout bounds a background preparation's wait for a connection.
const prepareTimeout = 10 * time.Second

// prepared returns the cached statement of query on the read pool, or nil
// when it is not prepared yet (it then starts preparing it) or the cache
// is full.
func (s *Store) prepared(_ context.Context, query string) *sql.Stmt {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok || c.closed || len(c.m)+len(c.pending) >= maxStatements || c.pending[query] {
		return st
	}
	if c.pending == nil {
		c.pending = map[string]bool{}
	}
	c.pending[query] = true
	c.bg.Add(1)
	go s.prepareInBackground(query)
	return nil
}

func (s *Store) prepareInBackground(query string) {
	c := &s.stmts
	defer c.bg.Done()
	ctx, cancel := context.WithTimeout(context.Background(), prepareTimeout)
	defer cancel()
	st, err := s.rdb.PrepareContext(ctx, query)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, query)
	if err != nil {
		return // tried again by the next reader; the query reports its own error
	}
	if c.closed {
		st.Close()
		return
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
}

// closeStatements waits for the preparations under way and closes the
// cached statements.
func (s *Store) closeStatements() {
	s.stmts.mu.Lock()
	s.stmts.closed = true
	s.stmts.mu.Unlock()
	s.stmts.bg.Wait()
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	for _, st := range s.stmts.m {
		st.Close()
	}
	s.stmts.m = nil
}

// queryRows runs a read query of a read transaction through the statement
// cache and calls scan for each row.
func (s *Store) queryRows(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	st := s.prepared(ctx, query)
	if st == nil {
		return queryRows(ctx, tx, query, a, scan)
	}
	rows, err := tx.StmtContext(ctx, st).QueryContext(ctx, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryRow runs a one-row read query of a read transaction through the
// statement cache.
func (s *Store) queryRow(ctx context.Context, tx *sql.Tx, query string, a ...any) *sql.Row {
	st := s.prepared(ctx, query)
	if st == nil {
		return tx.QueryRowContext(ctx, query, a...)
	}
	return tx.StmtContext(ctx, st).QueryRowContext(ctx, a...)
}
