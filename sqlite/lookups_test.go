package sqlite_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"path/filepath"
	"testing"
)

// TestLookupPoolUnmapped: the look-ups by key run on a pool of their own
// whose connections do not map the file (nor does the writer; the readers
// do), and each sees what the writer committed just before it, as the
// batch's examinations need.
func TestLookupPoolUnmapped(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "entente.db"))
	mmap := func(name string, q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) int64 {
		t.Helper()
		var n int64
		if err := q.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&n); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return n
	}
	if s.LookupDB() == s.DB() {
		t.Fatal("the look-ups run on the writer's pool")
	}
	if n := mmap("look-up pool", s.LookupDB()); n != 0 {
		t.Errorf("the look-up pool maps %d bytes, want none", n)
	}
	if n := mmap("writer", s.DB()); n != 0 {
		t.Errorf("the writer maps %d bytes, want none", n)
	}
	if n := mmap("readers", s.ReadDB()); n == 0 {
		t.Error("the readers map nothing")
	}
	for i := range 3 {
		d := statement(t, i)
		id, err := s.CreateDocument(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(d.Original)
		src, err := s.SourceBySHA256(ctx, hex.EncodeToString(sum[:]))
		if err != nil || src.DocumentID != id {
			t.Fatalf("statement %d: looked up right after its commit: %+v, %v; want document %d", i, src, err, id)
		}
	}
}
