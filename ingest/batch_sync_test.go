package ingest

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
// syncing the log, syncs it after every SyncGroups-th and the last, and
// reports no document added before a sync has made its commit durable.
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
	if w.deferred != w.commits {
		t.Errorf("%d of %d group commits left their sync; want all", w.deferred, w.commits)
	}
	if w.syncLogs == 0 || w.syncLogs >= w.commits {
		t.Errorf("%d syncs of the log for %d group commits; want fewer, and at least the last", w.syncLogs, w.commits)
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

// lendWatch is a syncWatch that counts the inputs looked up, which an
// examination does as it begins, and whose syncs of the log, while inputs
// remain to look up, wait for one more look-up.
type lendWatch struct {
	*syncWatch
	inputs            int64 // the batch's
	looked            atomic.Int64
	midSyncs, starved int
}

func (w *lendWatch) FindInput(ctx context.Context, bytesSHA, textSHA string, sketch []int64) (*entente.Source, *entente.Version, []entente.Version, error) {
	w.looked.Add(1)
	return w.syncWatch.Store.FindInput(ctx, bytesSHA, textSHA, sketch)
}

func (w *lendWatch) FindInputs(ctx context.Context, bytesSHA, textSHA []string, sketches [][]int64) ([]*entente.Source, []*entente.Version, [][]entente.Version, error) {
	w.looked.Add(int64(len(bytesSHA)))
	return w.syncWatch.Store.FindInputs(ctx, bytesSHA, textSHA, sketches)
}

func (w *lendWatch) SyncLog(ctx context.Context) error {
	if before := w.looked.Load(); before < w.inputs {
		w.midSyncs++
		for end := time.Now().Add(2 * time.Second); w.looked.Load() == before && time.Now().Before(end); {
			time.Sleep(time.Millisecond)
		}
		if w.looked.Load() == before {
			w.starved++
		}
	}
	return w.syncWatch.SyncLog(ctx)
}

// TestBatchLendsItsCoreWhileSyncing: the writer gives its core to the
// examinations while the log syncs, a wait for the disk. On one core
// (GOMAXPROCS 1: one worker, one core for it and the writer) an
// examination can begin during a sync only if the writer lent its core;
// each sync made while inputs remained to examine sees one begin.
func TestBatchLendsItsCoreWhileSyncing(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	paths := writeStatements(t, t.TempDir(), 16)
	w := &lendWatch{syncWatch: &syncWatch{Store: st, commitOf: map[int64]int{}}, inputs: int64(len(paths))}
	in := newIngester(t, w)
	in.GroupSize = 2
	if sum := in.Batch(ctx, paths, nil, nil); sum.Added != len(paths) {
		t.Fatalf("summary %+v, want %d added", sum, len(paths))
	}
	if w.midSyncs == 0 {
		t.Fatalf("no sync of the log while inputs remained (%d syncs): the test shows nothing", w.syncLogs)
	}
	if w.starved > 0 {
		t.Errorf("%d of %d syncs made while inputs remained saw no examination begin within 2 s: the writer kept its core", w.starved, w.midSyncs)
	}
}
