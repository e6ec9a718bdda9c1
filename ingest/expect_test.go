package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// expectingStore records what a batch told it, and how many inputs it had
// looked up by then.
type expectingStore struct {
	entente.Store
	expected []int
	then     int64
	lookups  atomic.Int64 // the batch's examinations look up at once
}

func (s *expectingStore) ExpectNearLookups(_ context.Context, n int) {
	s.expected = append(s.expected, n)
	s.then = s.lookups.Load()
}

func (s *expectingStore) SourceBySHA256(ctx context.Context, sha string) (*entente.Source, error) {
	s.lookups.Add(1)
	return s.Store.SourceBySHA256(ctx, sha)
}

// TestBatchExpectsItsLookups: a batch tells a store that prepares for
// near-duplicate look-ups (sqlstore reads its filter) how many inputs it
// holds, once and before it looks any up.
func TestBatchExpectsItsLookups(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := t.TempDir()
	var names []string
	for i, text := range []string{"双方同意加强合作。", "双方将推动铁路项目按期完工。", "双方愿扩大农产品贸易。"} {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, p)
	}
	es := &expectingStore{Store: st}
	sum := newIngester(t, es).Batch(context.Background(), names, nil, nil)
	if sum.Added != len(names) {
		t.Fatalf("%+v: want %d added", sum, len(names))
	}
	if len(es.expected) != 1 || es.expected[0] != len(names) {
		t.Fatalf("told %v, want %d once", es.expected, len(names))
	}
	if es.then != 0 || es.lookups.Load() == 0 {
		t.Errorf("told after %d of %d look-ups, want before any", es.then, es.lookups.Load())
	}
}
