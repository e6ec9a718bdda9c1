package ingest

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// syncWatch is a store that numbers the batch's group commits and knows
// how many of them are durable: all of them after a commit that synced or
// after SyncLog.
type syncWatch struct {
	*sqlstore.Store
	mu                 sync.Mutex
	commits, durable   int
	commitOf           map[int64]int // a new document's group commit
	deferred, syncLogs int
}

type watchDeferred struct{}

func (w *syncWatch) DeferSync(ctx context.Context) (context.Context, bool) {
	ctx, ok := w.Store.DeferSync(ctx)
	if ok {
		ctx = context.WithValue(ctx, watchDeferred{}, true)
	}
	return ctx, ok
}

func (w *syncWatch) CreateDocuments(ctx context.Context, docs []*entente.NewDocument) ([]int64, error) {
	ids, err := w.Store.CreateDocuments(ctx, docs)
	if err != nil {
		return ids, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.commits++
	for _, id := range ids {
		w.commitOf[id] = w.commits
	}
	if ctx.Value(watchDeferred{}) != nil {
		w.deferred++
	} else {
		w.durable = w.commits
	}
	return ids, nil
}

func (w *syncWatch) SyncLog(ctx context.Context) error {
	err := w.Store.SyncLog(ctx)
	if err == nil {
		w.mu.Lock()
		w.durable = w.commits
		w.syncLogs++
		w.mu.Unlock()
	}
	return err
}

// TestBatchReportsDurable: on SQLite a batch commits its groups without
// syncing the log but every SyncGroups-th and the last, and reports no
// document added before a sync has made its commit durable.
func TestBatchReportsDurable(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := &syncWatch{Store: st, commitOf: map[int64]int{}}
	in := newIngester(t, w)
	in.GroupSize = 2
	paths := writeStatements(t, t.TempDir(), 12)
	var (
		early   []string
		firstAt int // the commits made when the first outcome was reported
	)
	sum := in.Batch(ctx, paths, nil, func(o Outcome) {
		if o.Status != Added {
			return
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		if firstAt == 0 {
			firstAt = w.commits
		}
		if w.commitOf[o.DocumentID] > w.durable {
			early = append(early, o.Name)
		}
	})
	if sum.Added != len(paths) {
		t.Fatalf("summary %+v, want %d added", sum, len(paths))
	}
	if len(early) > 0 {
		t.Errorf("reported added before their commit was synced: %v", early)
	}
	if w.deferred == 0 || w.deferred >= w.commits {
		t.Errorf("%d of %d group commits left their sync; want all but the last few", w.deferred, w.commits)
	}
	if firstAt == w.commits {
		t.Errorf("nothing reported before the last of %d commits; want reports after every %d groups at most", w.commits, SyncGroups)
	}
	if w.durable != w.commits {
		t.Errorf("the batch returned with %d of %d commits synced", w.durable, w.commits)
	}
	var n int
	if err := st.DB().QueryRowContext(ctx, "PRAGMA synchronous").Scan(&n); err != nil || n != 2 {
		t.Errorf("after the batch the writer has synchronous=%d (%v), want 2 (FULL)", n, err)
	}
}
