package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// TestInFlightWaits holds the reader of inputs while the bytes held are
// over the bound, lets it go when some are let go of, and lets a stopped
// batch return.
func TestInFlightWaits(t *testing.T) {
	f := newInFlight()
	f.add(10)
	done := make(chan bool)
	go func() { done <- f.waitBelow(10, nil) }()
	select {
	case <-done:
		t.Fatal("went on with 10 bytes held under a bound of 10")
	case <-time.After(50 * time.Millisecond):
	}
	f.release(1)
	if ok := <-done; !ok {
		t.Fatal("waitBelow returned false without a stop")
	}
	stop := make(chan struct{})
	go func() { done <- f.waitBelow(5, stop) }()
	close(stop)
	if ok := <-done; ok {
		t.Fatal("waitBelow went on past its bound after a stop")
	}
}

// groupsStore records the size of each group a batch writes.
type groupsStore struct {
	*sqlstore.Store
	mu     sync.Mutex
	groups []int
}

func (s *groupsStore) CreateDocuments(ctx context.Context, docs []*entente.NewDocument) ([]int64, error) {
	s.mu.Lock()
	s.groups = append(s.groups, len(docs))
	s.mu.Unlock()
	return s.Store.CreateDocuments(ctx, docs)
}

// TestBatchHeldBounds bounds a batch by bytes rather than by count: a
// group is written once it holds its bound, and with a bound on all that
// is held below one input, inputs are read one at a time, each written
// before the next is read. Every input is stored either way.
func TestBatchHeldBounds(t *testing.T) {
	dir := t.TempDir()
	paths := writeStatements(t, dir, 9)
	raw, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	one := heldBy(&examined{input: Input{Data: raw}, text: string(raw)})
	for _, c := range []struct {
		name     string
		bounds   heldBounds
		maxGroup int
	}{
		{"group of three", heldBounds{group: 5 * one / 2, all: 1 << 40}, 3},
		{"one at a time", heldBounds{group: 1 << 40, all: 1}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			gs := &groupsStore{Store: st}
			in := newIngester(t, st)
			in.Store, in.held = gs, c.bounds
			sum := in.Batch(context.Background(), paths, nil, nil)
			if sum.Added != len(paths) {
				t.Fatalf("summary %+v, want %d added", sum, len(paths))
			}
			n := 0
			for _, g := range gs.groups {
				if g > c.maxGroup {
					t.Errorf("a group of %d, want at most %d (groups %v)", g, c.maxGroup, gs.groups)
				}
				n += g
			}
			if n != len(paths) {
				t.Errorf("groups %v write %d documents, want %d", gs.groups, n, len(paths))
			}
		})
	}
}
