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

// preparedStore records, for each document a batch writes, whether the
// store had prepared it ahead (in the examinations) or has to prepare it
// in the writer's transaction.
type preparedStore struct {
	*sqlstore.Store
	mu              sync.Mutex
	ahead, inWriter int
}

func (s *preparedStore) CreateDocuments(ctx context.Context, docs []*entente.NewDocument) ([]int64, error) {
	s.mu.Lock()
	for _, d := range docs {
		if d.Prepared != nil && d.Prepared.PreparedFrom() == d {
			s.ahead++
		} else {
			s.inWriter++
		}
	}
	s.mu.Unlock()
	return s.Store.CreateDocuments(ctx, docs)
}

// TestBatchPreparesInExaminations has a batch's examinations prepare each
// new document for the store, on every core, so that the one writer finds
// every document of a group prepared: none is prepared while the writer
// holds the transaction, and every one is stored.
func TestBatchPreparesInExaminations(t *testing.T) {
	paths := writeStatements(t, t.TempDir(), 12)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps := &preparedStore{Store: st}
	in := newIngester(t, st)
	in.Store, in.GroupSize = ps, 4
	sum := in.Batch(sqlstore.DeferIndex(context.Background()), paths, nil, nil)
	if sum.Added != len(paths) {
		t.Fatalf("summary %+v, want %d added", sum, len(paths))
	}
	if ps.ahead != len(paths) || ps.inWriter != 0 {
		t.Errorf("%d documents prepared in the examinations and %d left to the writer, want all %d prepared ahead",
			ps.ahead, ps.inWriter, len(paths))
	}
}
