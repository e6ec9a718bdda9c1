package web

import (
	"context"
	"log/slog"
	"time"

	"github.com/entente/entente/compare"
)

// pairViewsWatchEvery is how often the server looks for writes it did not
// answer itself (another process's ingest, an upload its queue stored)
// that may have made pairs' kept views stale: a view of a pair of
// thousands of statements takes seconds to compute again, and is better
// computed before its reader asks than while the reader waits.
const pairViewsWatchEvery = 5 * time.Second

// watchPairViews refreshes the stale views in the background whenever the
// library logged an event since the last refresh, until ctx ends. It holds
// the compare stage and the log, not the server.
func watchPairViews(ctx context.Context, svc *compare.Service, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		svc.RefreshIfChanged(ctx, log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
