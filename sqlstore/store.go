// Package sqlstore implements entente.Store once, over database/sql, for
// both SQLite and PostgreSQL. The SQL is written once with $1..$n
// placeholders (both drivers accept them); what differs between the two
// lives in each database's migrations and in a small Dialect: the
// full-text index, backups and integrity checks. Packages sqlite and
// postgres open a database and hand it here.
//
// Search ranks in Go, not in the database, so that both return the same
// hits in the same order: the database finds the candidates with its
// full-text index and applies the filters; the ranking (BM25 over the
// tokens of package search) and the marks are computed here.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// Dialect is what differs between the databases beyond their migrations.
type Dialect interface {
	// Name names the database in errors ("sqlite", "postgres").
	Name() string
	// Migrations holds the numbered schema files (0001_init.sql…) at its
	// root.
	Migrations() fs.FS
	// LockEvents runs in a write transaction just before it writes its
	// events and commits, so that events are numbered in commit order
	// across processes (PostgreSQL: an advisory lock until the transaction
	// ends; SQLite's single writer already orders them).
	LockEvents(ctx context.Context, tx *sql.Tx) error
	// LockMigrations runs first in every migration transaction, so that two
	// processes opening a new database do not both migrate it.
	LockMigrations(ctx context.Context, tx *sql.Tx) error
	// SkipLocked ends a SELECT that picks a row to claim, so that
	// concurrent claimers pass over rows another holds instead of waiting
	// for them (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite's single writer
	// needs nothing).
	SkipLocked() string
	// LockNamed holds, on a connection of db of its own until unlock is
	// called, a lock named name that every process on the database shares,
	// so that work one process does is not done again by another at once
	// (PostgreSQL: a session's advisory lock, released too if the process
	// dies; SQLite: nothing, the processes on one file are few).
	LockNamed(ctx context.Context, db *sql.DB, name string) (unlock func(), err error)
	// ReadersForgetCommits says a reading connection drops its page cache
	// whenever another connection commits (SQLite in WAL mode), so that
	// what a writer just wrote is cheaper to look up through the writing
	// connection (NearVersionsWritten). PostgreSQL's backends share one
	// buffer cache.
	ReadersForgetCommits() bool
	// Placeholder returns the placeholder of the nth argument (from 1) of a
	// multi-row INSERT, whose arguments are always bound in order.
	// PostgreSQL needs $n; SQLite looks each $n up by name in a list, which
	// makes a statement of a thousand of them cost a million steps, so it
	// takes the anonymous ?.
	Placeholder(n int) string

	// InsertIndex writes the full-text index rows of sentences.
	InsertIndex(ctx context.Context, tx *sql.Tx, rows []IndexRow) error
	// ClearIndex removes every row of the full-text index.
	ClearIndex(ctx context.Context, tx *sql.Tx) error
	// MatchQuery renders analysed query terms as the argument of the
	// full-text condition: every token of every term, a term marked Prefix
	// as a prefix.
	MatchQuery(q search.Terms) string
	// PhraseQuery renders the terms as MatchQuery does, each term with a
	// Phrase asked for as its tokens at consecutive positions, and says
	// whether the index can answer that: its matches are then exactly the
	// sentences that hold the terms, and no candidate's text is checked.
	PhraseQuery(q search.Terms) (string, bool)
	// MatchIDs returns a query of one row and column: the ids of at most
	// limit sentences matching the full-text query bound to match, the
	// smallest greater than the id bound to after, as decimals joined by
	// commas in any order (NULL for none). One text for many ids: read a
	// row each, a common character's million matches cost SQLite's driver
	// six times what the index took to find them.
	MatchIDs(match, after string, limit int) string
	// CountMatches returns a query that counts the sentences matching the
	// full-text query bound to param.
	CountMatches(param string) string

	// Backup writes a consistent copy of the database to path, or says how
	// to make one.
	Backup(ctx context.Context, db *sql.DB, path string) error
	// IntegrityCheck checks the database file and its foreign keys.
	IntegrityCheck(ctx context.Context, db *sql.DB) error
}

// IndexRow is one sentence's full-text index row.
type IndexRow struct {
	SentenceID int64
	Tokens     []string
}

// DefaultMaxCandidates is how many hits a search ranks together; see
// Store.MaxCandidates. A page reads and analyses the text of a block (or
// two): 1,000 keeps that some 5 times cheaper than the 5,000 of before
// (docs/decisions.md, "Search from bitmaps").
const DefaultMaxCandidates = 1000

// Store is an entente.Store on a SQL database.
type Store struct {
	db      *sql.DB // for writes
	rdb     *sql.DB // for reads; the same as db on PostgreSQL
	ldb     *sql.DB // for look-ups by key outside transactions, when not rdb (UseLookupPool)
	dialect Dialect
	df      dfCache
	index   indexHolder // search's labels in memory
	// matchChunk, when not 0, replaces matchIDsChunk (tests)
	matchChunk int
	// matchChecks, when not 0, replaces maxMatchChecks (tests)
	matchChecks int
	// ignoreSnapshot builds the search index from the rows, as if no
	// snapshot were kept (tests)
	ignoreSnapshot bool
	// listedWords counts the matches of queries without a phrase read
	// from the full-text index (tests)
	listedWords atomic.Int64
	// pinsRead counts the rows of search_pins read (tests)
	pinsRead atomic.Int64
	// runCandidates counts the candidates whose text checkRuns has read
	// (tests: an index with positions reads none)
	runCandidates atomic.Int64
	// commitmentBatchSize, when not 0, replaces commitmentBatch (tests)
	commitmentBatchSize int
	stmts               stmtCache
	lookups             stmtCache // queryAlone's, prepared on the look-up pool
	// inserts keeps the multi-row INSERTs of fixed shapes prepared on the
	// writing pool (insertRows)
	inserts  stmtCache
	shapes   shapeSQL                   // the SQL of those INSERTs, built once per shape
	colTypes columnTypes                // the column types of the tables inserted from arrays (insert_arrays.go)
	deflate  deflaters                  // for original bytes and version texts
	texts    versionTexts               // version texts search cut its hits' texts from (sentence_text.go)
	pending  sync.Map                   // *sql.Tx → *[]*entente.Event: the events a write transaction writes at its commit
	conns    sync.Map                   // *sql.Tx → *sql.Conn holding it, where the dialect copies rows (copy.go) or binds directly (direct.go)
	direct   directStmts                // the writer's INSERTs on its driver connection, where the dialect binds directly
	parts    atomic.Pointer[partHolder] // what reads a split's parts again (UsePartReader)
	saved    savedHolder                // what this store last saved of the registry (registry_saved.go)
	// background holds the work a store does for later readers after
	// answering (a search index's snapshot): Close waits for it
	background sync.WaitGroup

	// Now gives the time recorded in created_at columns; tests fix it.
	Now func() time.Time
	// MaxCandidates is the block of hits a search ranks at once: the
	// newest hits first, then the next block as pages go past it. A query
	// that matches more (合作 in every statement) has its first page ranked
	// among the newest block, which keeps its latency bounded whatever the
	// size of the collection, and can still be paged to its last hit.
	// Both databases form the same blocks.
	MaxCandidates int
	// JobHistory is how many of the newest jobs are kept settled in the
	// queue of uploads (see pruneJobs); 0 means DefaultJobHistory.
	JobHistory int

	// NoResultCache makes every search count, facet and rank its hits
	// anew, as the first search of a query in a state of the collection
	// does; the full-text index's matches are still kept. For benchmarks.
	NoResultCache bool

	// PinMatches, when not 0, is how many matches pin a query's in the
	// search index (search_pins.go; tests and the load harness).
	PinMatches int
	// StatisticsEvery is how often RunIndexer refreshes the planner's
	// statistics (RefreshStatistics); 0 means DefaultStatisticsEvery.
	StatisticsEvery time.Duration
	// SearchSnapshotAfter is how many documents the search index must
	// have read since its snapshot on record for a search to write a new
	// one (search_snapshot.go); 0 means the default.
	SearchSnapshotAfter int

	// purgeMin, when set, replaces the default purgeMin (tests).
	purgeMin int
	// staged counts the near-duplicate sketch rows this process staged
	// since its last merge (near_recent.go); mergeRows, when set, replaces
	// mergeStagedRows (tests).
	staged    atomic.Int64
	mergeRows int64
	// middleRows, when set, replaces middleAt's bound (tests)
	middleRows int64
	// nearFilt is the filter of near_sketches' keys as this process read
	// it (near_filter.go), nil until read; nearFilterReading says a
	// goroutine is reading it; nearUnfiltered counts the look-ups made
	// without it, nearReadAfter how many are made before it is read, plus
	// one (0: not yet known). nearFilterMin and
	// nearFilterAfter, when set, replace minNearFilterKeys and that count
	// (tests, -1 for never), and nearFiltered counts the keys look-ups
	// left out.
	nearFilt          atomic.Pointer[nearFilter]
	nearFilterReading atomic.Bool
	nearUnfiltered    atomic.Int64
	nearReadAfter     atomic.Int64
	nearFilterMin     int64
	nearFilterAfter   int64
	nearFiltered      atomic.Int64
}

var _ entente.Store = (*Store)(nil)

// New returns a Store on db, migrating its schema to the newest the dialect
// knows. SQLite passes a separate pool for reads (rdb) so that readers never
// queue behind the single writer connection; rdb may be nil, for db.
// New fails with ErrSchemaTooNew on a database a newer binary migrated.
func New(ctx context.Context, db, rdb *sql.DB, d Dialect) (*Store, error) {
	if rdb == nil {
		rdb = db
	}
	s := &Store{db: db, rdb: rdb, dialect: d, Now: time.Now, MaxCandidates: DefaultMaxCandidates}
	if err := migrate(ctx, db, d); err != nil {
		return nil, err
	}
	if err := s.ensureIndex(ctx); err != nil {
		return nil, err
	}
	if err := s.ensureSketches(ctx); err != nil {
		return nil, err
	}
	if err := s.ensureNearFilter(ctx); err != nil {
		return nil, err
	}
	if err := s.ensureNearRunes(ctx); err != nil {
		return nil, err
	}
	if err := s.ensureSentenceTexts(ctx); err != nil {
		return nil, err
	}
	if err := s.ensurePackedSections(ctx); err != nil {
		return nil, err
	}
	// the upgrade to postings (migration 0032), and what a server stopped
	// before folding left
	if _, err := s.foldIndex(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Close waits for what the store writes in the background (a search
// index's snapshot), then closes the database.
func (s *Store) Close() error {
	s.background.Wait()
	s.closeStatements()
	s.direct.close(context.Background(), s.db)
	err := s.db.Close()
	if s.rdb != s.db {
		err = errors.Join(err, s.rdb.Close())
	}
	if s.ldb != nil {
		err = errors.Join(err, s.ldb.Close())
	}
	return err
}

// DB returns the database the store writes to, for packages that add their
// own tables' queries and for tests.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect returns the store's dialect.
func (s *Store) Dialect() Dialect { return s.dialect }

// Backup writes a consistent copy of the store to path (see the dialect).
// It reads through the read pool, so that writes go on meanwhile.
func (s *Store) Backup(ctx context.Context, path string) error {
	return s.dialect.Backup(ctx, s.rdb, path)
}

// IntegrityCheck checks the database's structure and foreign keys, and
// that the filter of near-duplicate keys holds every key (near_filter.go);
// it returns an error wrapping entente.ErrUnsupported where the database
// has no such check.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if err := s.dialect.IntegrityCheck(ctx, s.db); err != nil {
		return err
	}
	return s.checkNearFilter(ctx)
}

// now returns the current time as the store records it: UTC, to the
// microsecond, which both databases keep exactly.
func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Microsecond) }

// write runs fn in a write transaction and commits it if fn succeeds,
// after bringing the tracked tables of what fn changed up to date in the
// same transaction.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	// statements of new shapes that the last transaction asked for are
	// prepared now, while the writing connection is free
	defer prepareWanted(context.WithoutCancel(ctx), &s.inserts, s.db)
	var (
		tx  *sql.Tx
		err error
	)
	if _, ok := s.dialect.(rowCopier); ok || s.bindsDirectly() {
		// the transaction on a connection of its own, which rows are
		// copied on (copy.go) or INSERTs run on with their values bound
		// directly (direct.go); closed (given back) after the transaction
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		// after the transaction ends, before conn goes back
		restore, err := s.relaxSync(ctx, conn)
		if err != nil {
			return err
		}
		defer restore()
		if tx, err = conn.BeginTx(ctx, nil); err != nil {
			return err
		}
		s.conns.Store(tx, conn)
		defer s.conns.Delete(tx)
	} else if tx, err = s.db.BeginTx(ctx, nil); err != nil {
		return err
	}
	defer tx.Rollback()
	var events []*entente.Event
	s.pending.Store(tx, &events)
	defer s.pending.Delete(tx)
	if err := fn(tx); err != nil {
		return err
	}
	if err := s.settleMarks(ctx, tx); err != nil {
		return err
	}
	if len(events) > 0 {
		if err := s.flushEvents(ctx, tx, events); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// read runs fn in a read-only transaction, so that what it reads in several
// queries is one snapshot.
func (s *Store) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return readOn(ctx, &s.stmts, s.rdb, fn)
}

// readOn runs fn in a read-only transaction on db, whose statement cache
// is c.
func readOn(ctx context.Context, c *stmtCache, db *sql.DB, fn func(tx *sql.Tx) error) error {
	// statements of new shapes that this transaction asked for are
	// prepared once it has given its connection back
	defer prepareWanted(context.WithoutCancel(ctx), c, db)
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// notFound is a not-found domain error naming what was missing; it
// matches entente.ErrNotFound.
func notFound(what string, id any) error {
	return entente.Errorf(entente.ENOTFOUND, "no %s %v", what, id)
}
