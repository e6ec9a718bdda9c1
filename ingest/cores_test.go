package ingest

import (
	"context"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// computing counts the batch's goroutines at work (an extraction, a
// group's write) and the most seen at once.
type computing struct {
	mu       sync.Mutex
	now, max int
}

func (c *computing) during(d time.Duration, f func()) {
	c.mu.Lock()
	c.now++
	c.max = max(c.max, c.now)
	c.mu.Unlock()
	f()
	time.Sleep(d) // long enough for the others to overlap it if they may
	c.mu.Lock()
	c.now--
	c.mu.Unlock()
}

type countedExtractor struct {
	Extractor
	c *computing
}

func (x countedExtractor) Extract(text string) *entente.Extraction {
	var out *entente.Extraction
	x.c.during(time.Millisecond, func() { out = x.Extractor.Extract(text) })
	return out
}

type countedStore struct {
	entente.Store
	c *computing
}

func (s countedStore) CreateDocuments(ctx context.Context, ds []*entente.NewDocument) ([]int64, error) {
	var (
		ids []int64
		err error
	)
	s.c.during(5*time.Millisecond, func() { ids, err = s.Store.CreateDocuments(ctx, ds) })
	return ids, err
}

// TestBatchSharesCores checks that a batch computes on no more goroutines
// at once than it has cores: while the writer writes a group, one worker
// fewer extracts; while it waits for inputs, every worker does.
func TestBatchSharesCores(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := &computing{}
	in := newIngester(t, countedStore{st, c})
	in.Extractor = countedExtractor{in.Extractor, c}
	in.GroupSize = 3
	paths := writeStatements(t, t.TempDir(), 24)
	sum := in.Batch(context.Background(), paths, nil, func(Outcome) {})
	if sum.Added != len(paths) {
		t.Fatalf("summary %+v, want %d added", sum, len(paths))
	}
	if c.max != 2 {
		t.Errorf("at most %d at work at once on 2 cores, want 2: every core, no more", c.max)
	}
}
