package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestDirectInsertsAfterFailure: the writer's INSERTs run on statements
// prepared on its driver connection (sqlstore's direct.go). A group whose
// INSERT fails (a text already stored) leaves nothing behind, the same
// statements then write the next group, and the store closes and opens
// again with every row it committed.
func TestDirectInsertsAfterFailure(t *testing.T) {
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "test", Via: "cli"})
	path := filepath.Join(t.TempDir(), "entente.db")
	s := mustOpen(t, path)
	rows := func() (docs, sentences int) {
		t.Helper()
		if err := s.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences)`).Scan(&docs, &sentences); err != nil {
			t.Fatal(err)
		}
		return docs, sentences
	}
	first, err := s.CreateDocuments(ctx, []*entente.NewDocument{statement(t, 1), statement(t, 2)})
	if err != nil {
		t.Fatal(err)
	}
	docs, sentences := rows()
	if docs != 2 || sentences == 0 {
		t.Fatalf("after the first group: %d documents, %d sentences", docs, sentences)
	}
	// a sentence row refused (by a trigger of the test's): the group's
	// INSERT into sentences fails, after its versions and sources went in
	refuse := `CREATE TRIGGER test_refuse BEFORE INSERT ON sentences BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`
	if _, err := s.DB().ExecContext(ctx, refuse); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateDocuments(ctx, []*entente.NewDocument{statement(t, 3), statement(t, 4)})
	if err == nil || !strings.Contains(err.Error(), "insert into sentences") || !strings.Contains(err.Error(), "refused by the test") {
		t.Fatalf("a group whose sentence rows are refused: %v", err)
	}
	if d, n := rows(); d != docs || n != sentences {
		t.Fatalf("after the failed group: %d documents, %d sentences, want %d and %d", d, n, docs, sentences)
	}
	if _, err := s.DB().ExecContext(ctx, `DROP TRIGGER test_refuse`); err != nil {
		t.Fatal(err)
	}
	second, err := s.CreateDocuments(ctx, []*entente.NewDocument{statement(t, 3), statement(t, 4)})
	if err != nil {
		t.Fatalf("the group after a failed one: %v", err)
	}
	if d, n := rows(); d != 4 || n != 2*sentences {
		t.Fatalf("after the second group: %d documents, %d sentences, want 4 and %d", d, n, 2*sentences)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, path)
	for _, id := range append(first, second...) {
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Sentences != sentences/2 || len(d.Extraction.Sentences) != sentences/2 {
			t.Errorf("document %d read again with %d sentences (%d in its extraction), want %d", id, d.Sentences, len(d.Extraction.Sentences), sentences/2)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
