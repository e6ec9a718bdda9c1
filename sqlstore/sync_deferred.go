package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// A batch ingest commits a group of new documents every few dozen
// statements, and on SQLite each commit syncs the log (synchronous=FULL),
// some 5 ms of a batch's 50 statements' 50 ms. Those syncs buy nothing the
// batch promises: it reports a document as added only once the batch has
// synced, and a sync of the log makes durable every commit written to it
// before. So a batch commits its groups without the sync and syncs the log
// once, with its last group's commit (or SyncLog) and at least once a
// second (ingest's writer), reporting its outcomes up to there. A crash of
// the process loses nothing (the commits are in the log, in the operating
// system's hands); a power loss may lose the commits since the last sync,
// whole transactions and never a part of one, none of them reported.
// Every other write syncs at its commit, and so also syncs what a batch
// committed before it.

// syncRelaxer is a dialect whose commits on a connection can leave the
// sync of the log to a later commit or to SyncLog.
type syncRelaxer interface {
	// RelaxSync makes the commits on conn leave their sync, until restore
	// runs; restore fails if it could not make them sync again.
	RelaxSync(ctx context.Context, conn *sql.Conn) (restore func(context.Context) error, err error)
	// SyncLog makes every commit so far durable.
	SyncLog(ctx context.Context) error
}

// deferSyncKey marks a context whose writes leave their sync to a later
// commit or to SyncLog.
type deferSyncKey struct{}

// DeferSync returns a context under which the store's writes commit
// without syncing the log, and whether the store can; the caller must not
// report them durable before a later write that syncs, or SyncLog.
func (s *Store) DeferSync(ctx context.Context) (context.Context, bool) {
	if _, ok := s.dialect.(syncRelaxer); !ok {
		return ctx, false
	}
	return context.WithValue(ctx, deferSyncKey{}, true), true
}

func syncDeferred(ctx context.Context) bool {
	v, _ := ctx.Value(deferSyncKey{}).(bool)
	return v
}

// SyncLog makes every commit so far durable: those made under DeferSync
// included.
func (s *Store) SyncLog(ctx context.Context) error {
	r, ok := s.dialect.(syncRelaxer)
	if !ok {
		return nil // every commit synced
	}
	if err := r.SyncLog(ctx); err != nil {
		return fmt.Errorf("sync the log: %w", err)
	}
	return nil
}

// relaxSync makes conn's commits leave their sync where ctx asks for it
// and the dialect can, and returns what makes them sync again: run before
// conn goes back to the pool. If that fails, conn is discarded rather than
// handed to a write that expects its commit synced.
func (s *Store) relaxSync(ctx context.Context, conn *sql.Conn) (func(), error) {
	r, ok := s.dialect.(syncRelaxer)
	if !ok || !syncDeferred(ctx) || conn == nil {
		return func() {}, nil
	}
	restore, err := r.RelaxSync(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("defer the log's sync: %w", err)
	}
	return func() {
		if restore(context.WithoutCancel(ctx)) != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}, nil
}
