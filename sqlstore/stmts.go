package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// maxStatements bounds the statements a store keeps prepared. Search and
// the document reads build their SQL from a few shapes (which filters are
// set, how many terms), so a few hundred cover them; a statement past the
// bound runs unprepared.
const maxStatements = 512

// stmtCache keeps statements prepared by their SQL, so that a search or a
// document read does not parse and plan its SQL again on every call (a
// quarter of a document read's CPU on SQLite). A transaction uses them
// through Tx.StmtContext, which reuses what each connection already
// prepared.
//
// A statement is never prepared inside the transaction that first needs
// it: preparing on a pool takes a connection of its own, and readers
// inside their transactions already hold the read pool's connections (the
// writer holds SQLite's one writing connection), so with every one held
// they would each wait for ever for one more. The transaction runs its SQL
// unprepared and notes it; it is prepared once the transaction has ended
// (prepareWanted), for those after it.
type stmtCache struct {
	mu     sync.Mutex
	m      map[string]*sql.Stmt // nil for one that failed to prepare: it runs unprepared
	wanted map[string]bool      // to prepare once the transaction that asked has ended
}

// prepared returns the cached statement of query on the read pool, or nil
// when it is not prepared yet (it is then noted, and prepared when the
// read transaction ends) or the cache is full.
func (s *Store) prepared(_ context.Context, query string) *sql.Stmt {
	return s.stmts.get(query)
}

// get returns the cached statement of query, or nil when it is not
// prepared yet (then noted, for prepareWanted) or the cache is full.
func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok || len(c.m)+len(c.wanted) >= maxStatements {
		return st
	}
	if c.wanted == nil {
		c.wanted = map[string]bool{}
	}
	c.wanted[query] = true
	return nil
}

// closeStatements closes the cached statements.
func (s *Store) closeStatements() {
	for _, c := range []*stmtCache{&s.stmts, &s.inserts, &s.lookups} {
		c.mu.Lock()
		for _, st := range c.m {
			if st != nil {
				st.Close()
			}
		}
		c.m = nil
		c.mu.Unlock()
	}
}

// insertStatement returns the statement of query prepared on the writing
// pool, or nil when it is not prepared yet: it cannot be prepared now, as
// the transaction holds the writing connection (SQLite has one), so it is
// noted and prepared when the transaction has ended (prepareWanted).
// Only insertRows's few fixed shapes and queryOnWriter's look-ups (the
// near-duplicates, one shape per sketch length; the version candidates,
// one per padded length of a group's ids) come here, so the cache needs
// no bound.
func (s *Store) insertStatement(query string) *sql.Stmt {
	c := &s.inserts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st
	}
	if c.wanted == nil {
		c.wanted = map[string]bool{}
	}
	c.wanted[query] = true
	return nil
}

// prepareWanted prepares on db the statements c was asked for, outside
// any transaction. One that fails to prepare is not asked again (it runs
// unprepared, reporting its own error).
func prepareWanted(ctx context.Context, c *stmtCache, db *sql.DB) {
	c.mu.Lock()
	wanted := c.wanted
	c.wanted = nil
	c.mu.Unlock()
	for q := range wanted {
		st, err := db.PrepareContext(ctx, q)
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		if _, ok := c.m[q]; ok || err != nil {
			if st != nil {
				st.Close()
			}
			if err != nil {
				c.m[q] = nil // not asked again; a nil statement runs unprepared
			}
		} else {
			c.m[q] = st
		}
		c.mu.Unlock()
	}
}

// queryRows runs a read query of a read transaction (or of the read pool,
// for a nil tx: onPool) through the statement cache and calls scan for
// each row.
func (s *Store) queryRows(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	st := s.prepared(ctx, query)
	var (
		rows *sql.Rows
		err  error
	)
	if st == nil {
		rows, err = s.on(tx).QueryContext(ctx, query, a...)
	} else {
		rows, err = stmtOn(ctx, tx, st).QueryContext(ctx, a...)
	}
	return eachRow(rows, err, scan)
}

// queryRow runs a one-row read query of a read transaction (or of the
// read pool, for a nil tx) through the statement cache.
func (s *Store) queryRow(ctx context.Context, tx *sql.Tx, query string, a ...any) *sql.Row {
	st := s.prepared(ctx, query)
	if st == nil {
		return s.on(tx).QueryRowContext(ctx, query, a...)
	}
	return stmtOn(ctx, tx, st).QueryRowContext(ctx, a...)
}

// queryAlone runs one read query outside any transaction, through the
// statement cache of the look-up pool (UseLookupPool; the read pool
// unless a dialect gave one), and calls scan for each row: a single
// statement reads one snapshot by itself, and a read transaction around it
// costs PostgreSQL two more round trips (BEGIN, COMMIT), which a batch paid
// three times for every input it looked up. It is a queryFunc that takes
// no transaction (pass nil).
func (s *Store) queryAlone(ctx context.Context, _ *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	return queryOutside(ctx, &s.lookups, s.lookups.get(query), s.lookupDB(), query, a, scan)
}

// readLookups runs fn in a read-only transaction on the look-up pool
// (UseLookupPool), so that look-ups by key that take several statements
// read one snapshot there; its queries go through queryLookups.
func (s *Store) readLookups(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return readOn(ctx, &s.lookups, s.lookupDB(), fn)
}

// queryLookups runs a query of a readLookups transaction through the
// look-up pool's statement cache and calls scan for each row. It is a
// queryFunc.
func (s *Store) queryLookups(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	var (
		rows *sql.Rows
		err  error
	)
	if st := s.lookups.get(query); st != nil {
		rows, err = tx.StmtContext(ctx, st).QueryContext(ctx, a...)
	} else {
		rows, err = tx.QueryContext(ctx, query, a...)
	}
	return eachRow(rows, err, scan)
}

// queryOutside runs query outside any transaction on db: through st, the
// statement c holds prepared on db, or else unprepared, and then c
// prepares what it was asked for once the rows are read.
func queryOutside(ctx context.Context, c *stmtCache, st *sql.Stmt, db *sql.DB, query string, a []any, scan func(*sql.Rows) error) error {
	var (
		rows *sql.Rows
		err  error
	)
	if st != nil {
		rows, err = st.QueryContext(ctx, a...)
	} else {
		defer prepareWanted(context.WithoutCancel(ctx), c, db)
		rows, err = db.QueryContext(ctx, query, a...)
	}
	return eachRow(rows, err, scan)
}

// queryOnWriter runs one read query outside any transaction on the
// writing pool, through its statement cache, and calls scan for each row.
// On SQLite that is the one writing connection: a caller inside a write
// transaction would wait for itself, so only code that holds none (a
// batch's writer between its groups, the linking of documents just
// committed) comes here. It is a queryFunc that
// takes no transaction (pass nil).
func (s *Store) queryOnWriter(ctx context.Context, _ *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	return queryOutside(ctx, &s.inserts, s.insertStatement(query), s.db, query, a, scan)
}

// UseLookupPool runs the store's look-ups by key (queryAlone: an input's
// bytes, its text, its near-duplicate candidates and their texts;
// readLookups: the version matcher's headings) on db, which the store
// closes with itself. SQLite gives a pool that does not map the file
// (sqlite.Open). PostgreSQL gives a pool whose sessions keep a statement's
// generic plan
// (postgres.Open): the read pool plans every statement for its values, as
// search needs, and planning these three look-ups again for every input of
// a batch was an eighth of the server's CPU. Call it before the store is
// used.
func (s *Store) UseLookupPool(db *sql.DB) {
	c := &s.lookups
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		if st != nil {
			st.Close() // prepared on the pool before, while opening
		}
	}
	c.m, c.wanted = nil, nil
	s.ldb = db
}

// LookupDB returns the pool of the look-ups by key (UseLookupPool), for
// tests.
func (s *Store) LookupDB() *sql.DB {
	return s.lookupDB()
}

// ReadDB returns the readers' pool (the writer's on PostgreSQL), for
// tests.
func (s *Store) ReadDB() *sql.DB { return s.rdb }

func (s *Store) lookupDB() *sql.DB {
	if s.ldb != nil {
		return s.ldb
	}
	return s.rdb
}
