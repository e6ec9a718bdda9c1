package ingest

import (
	"context"
	"time"
)

// A batch's writer commits groups without syncing the store's log, where
// the store lets it (syncDeferrer), and syncs with every SyncGroups-th
// group's commit, with the last, and once SyncInterval has passed since
// the first commit left unsynced: the outcomes of those groups are
// reported once a sync makes them durable, so a batch reports in bursts
// of a few groups (some hundred statements) at least once a second. A
// sync costs a few milliseconds, against a group's some 50.
const (
	SyncGroups   = 3
	SyncInterval = time.Second
)

// syncDeferrer is a store whose commits can leave the sync of their log
// to a later commit or to SyncLog (sqlstore's DeferSync): on SQLite each
// commit syncs the log otherwise, a few milliseconds per group of a
// batch; syncing every third group took 4% off a batch into a library of
// 100,000 (docs/decisions.md, "A batch syncs its log every third group").
type syncDeferrer interface {
	DeferSync(ctx context.Context) (context.Context, bool)
	SyncLog(ctx context.Context) error
}

// writeContext returns the context of the group's writes: under it they
// leave their sync, unless this is the batch's last group, the
// SyncGroups-th since a sync, or the writer has gone SyncInterval without
// one; then the commit syncs, and with it every commit before.
func (w *writer) writeContext(ctx context.Context) (context.Context, bool) {
	sd, ok := w.in.Store.(syncDeferrer)
	if !ok || w.last || w.unsynced+1 >= SyncGroups ||
		(w.unsynced > 0 && time.Since(w.unsyncedSince) >= SyncInterval) {
		return ctx, false
	}
	return sd.DeferSync(ctx)
}

// wrote records a group's commit: one that synced makes every earlier one
// durable, and the outcomes held for it may be reported.
func (w *writer) wrote(deferred bool) {
	switch {
	case !deferred:
		w.unsynced = 0
	case w.unsynced == 0:
		w.unsynced, w.unsyncedSince = 1, time.Now()
	default:
		w.unsynced++
	}
}

// finish writes the last group, syncing, and syncs the log if a group
// before it left its sync (the last input was not a new document, or the
// group had just been written), then reports every outcome held.
func (w *writer) finish(ctx context.Context) {
	w.last = true
	w.flush(ctx)
	w.syncLog(ctx)
	w.drain()
}

// await waits for the next examined input. Where outcomes wait for a sync
// and the input keeps the writer idle for SyncInterval (a slow address, a
// long document), it syncs and reports them first.
func (w *writer) await(ctx context.Context, result <-chan *examined) *examined {
	if w.unsynced == 0 {
		return <-result
	}
	if e := waitFor(result, SyncInterval); e != nil {
		return e
	}
	w.syncLog(context.WithoutCancel(ctx))
	w.drain()
	return <-result
}

// syncLog syncs the store's log if a commit left its sync.
func (w *writer) syncLog(ctx context.Context) {
	if w.unsynced == 0 {
		return
	}
	if err := w.in.Store.(syncDeferrer).SyncLog(ctx); err != nil {
		// The documents are stored and readable; only a power loss
		// before the system writes the log out could lose them.
		w.in.logger().Error("a batch's commits not synced", "err", err)
	}
	w.unsynced = 0
}

// hold keeps a settled outcome until the commits before it are durable,
// without what it needs no more (the extraction, which linked it).
func (w *writer) hold(o Outcome) {
	o.extraction = nil
	w.held = append(w.held, o)
}

// reportHeld reports the outcomes held, once no commit is waiting for a
// sync.
func (w *writer) reportHeld() {
	if w.unsynced > 0 {
		return
	}
	for _, o := range w.held {
		w.sum.Add(o)
		if w.report != nil {
			w.report(o)
		}
	}
	clear(w.held)
	w.held = w.held[:0]
}
