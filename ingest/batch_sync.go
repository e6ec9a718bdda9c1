package ingest

import (
	"context"
	"time"
)

// A batch's writer commits groups without syncing the store's log, where
// the store lets it (syncDeferrer), and syncs the log after every
// SyncGroups-th group's commit, after the last, and once SyncInterval has
// passed since the first commit left unsynced: the outcomes of those
// groups are reported once a sync makes them durable, so a batch reports
// in bursts of a few groups (some hundred statements) at least once a
// second. A sync costs a few milliseconds, against a group's some 50, and
// is a wait for the disk (on the machines measured 1.3 ms a MB of log),
// not work: the writer lends its core to the examinations meanwhile
// (writer.lend), where a sync inside the commit kept it.
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
// leave their sync where the store lets them, for syncDue; in another
// store each commit syncs itself.
func (w *writer) writeContext(ctx context.Context) (context.Context, bool) {
	sd, ok := w.in.Store.(syncDeferrer)
	if !ok {
		return ctx, false
	}
	return sd.DeferSync(ctx)
}

// syncDue syncs the log, with the writer's core lent, if the group just
// committed is the batch's last, the SyncGroups-th since a sync, or the
// writer has gone SyncInterval without one.
func (w *writer) syncDue(ctx context.Context) {
	if w.unsynced == 0 || !w.last && w.unsynced < SyncGroups && time.Since(w.unsyncedSince) < SyncInterval {
		return
	}
	w.lend(func() { w.syncLog(ctx) })
}

// lend runs f, which waits rather than computes, with the writer's core
// given to the examinations for its while (batch's cores), where the
// batch set one; the writer takes a core back after it.
func (w *writer) lend(f func()) {
	if w.lendCore == nil {
		f()
		return
	}
	w.lendCore(f)
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
