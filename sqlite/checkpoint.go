package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	driver "modernc.org/sqlite"
)

// checkpointFrames is how many pages the writer appends to the log before
// the background checkpointer copies the log into the database file:
// SQLite's own default for its automatic checkpoint.
const checkpointFrames = 1000

// backstopFrames is the log's length at which the writer checkpoints in
// its own commit after all (wal_autocheckpoint), as SQLite does by
// default at checkpointFrames: reached only when the background
// checkpointer falls behind, or when the writer wrote outside the
// store's write transactions (which alone tell the checkpointer).
const backstopFrames = 4 * checkpointFrames

// checkpointer copies the log (WAL) into the database file on a
// connection of its own, in the background, instead of in the commit that
// crosses SQLite's threshold. A checkpoint writes every page the log holds
// into the file and syncs the file: in a batch ingest, a tenth of the
// writer's time, spent while the examinations of the next statements wait
// for the writer to take them (docs/decisions.md, "Checkpoints off the
// writer"). A passive checkpoint never waits for a reader or the writer;
// what it cannot copy yet, the next one copies.
//
// The writer counts the pages each commit wrote to the log (SQLite's
// DBSTATUS_CACHE_WRITE of its connection) and wakes the checkpointer once
// checkpointFrames have been written since the last checkpoint.
type checkpointer struct {
	db      *sql.DB // one connection, unmapped
	every   int64   // pages written to the log between checkpoints
	written atomic.Int64
	wake    chan struct{} // buffered: a wake-up pending at most
	done    chan struct{}
	wg      sync.WaitGroup
	runs    atomic.Int64 // checkpoints run, for tests
	mu      sync.Mutex
	err     error // the first failed checkpoint, returned by Close
	closed  sync.Once
}

// newCheckpointer starts a checkpointer of the database at dsn.
func newCheckpointer(dsn string, every int64) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	c := &checkpointer{db: db, every: every, wake: make(chan struct{}, 1), done: make(chan struct{})}
	c.wg.Add(1)
	go c.run()
	return c, nil
}

// Committed counts the pages the commit just made on conn wrote to the
// log, and wakes the checkpointer when enough have been written since the
// last checkpoint. It runs on the writer, after each write transaction.
func (c *checkpointer) Committed(ctx context.Context, conn *sql.Conn) {
	var pages int
	err := conn.Raw(func(dc any) error {
		st, ok := dc.(driver.DBStatus)
		if !ok {
			return errors.New("the driver has no connection status")
		}
		n, _, err := st.Status(driver.DBStatusCacheWrite, true)
		pages = n
		return err
	})
	if err != nil {
		// not counted: the writer's own checkpoint (backstopFrames) is
		// the bound then
		c.fail(fmt.Errorf("count the log's pages: %w", err))
		return
	}
	if c.written.Add(int64(pages)) < c.every {
		return
	}
	select {
	case c.wake <- struct{}{}:
	default: // one is pending already
	}
}

func (c *checkpointer) run() {
	defer c.wg.Done()
	for {
		select {
		case <-c.done:
			return
		case <-c.wake:
		}
		// what was written until now is what this checkpoint copies
		c.written.Store(0)
		if _, err := c.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
			c.fail(fmt.Errorf("checkpoint: %w", err))
		}
		c.runs.Add(1)
	}
}

func (c *checkpointer) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err == nil {
		c.err = err
	}
}

// Close stops the checkpointer, after the checkpoint it is running if any,
// and returns the first error a checkpoint met. The log left is
// checkpointed when the store's last connection closes. Closing again
// does nothing (a store may be closed twice).
func (c *checkpointer) Close() error {
	var err error
	c.closed.Do(func() {
		close(c.done)
		c.wg.Wait()
		c.mu.Lock()
		defer c.mu.Unlock()
		err = errors.Join(c.err, c.db.Close())
	})
	return err
}
