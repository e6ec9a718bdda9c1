package sqlstore_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDocumentReadsPrepared: a document's read (whole or a page, with its
// corrections applied) runs its dozen statements prepared once, not
// parsed again at every read: a pair's view reads thousands of documents,
// and parsing their SQL was a fifth of it. The first read prepares what it
// ran; a second read of another document prepares nothing more.
func TestDocumentReadsPrepared(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		var ids []int64
		b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", statement))
		if err != nil {
			t.Fatal(err)
		}
		for _, more := range []string{"", "\n（完）\n"} { // another text, another document
			ids = append(ids, mustCreate(t, s, extractDoc(t, statement, append(slices.Clip(b), more...))))
		}
		for _, id := range ids {
			ref, err := s.FindSentence(ctx, id, "s3")
			if err != nil {
				t.Fatal(err)
			}
			c := entente.NewCorrection{DocumentID: id, Anchor: &ref.Anchor, Sentence: "s3", Field: "type",
				Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"narrative"`), State: entente.CorrectionApproved}
			if _, err := s.AddCorrection(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		read := func(id int64) {
			t.Helper()
			d, err := s.Document(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if d.Extraction == nil || d.Extraction.Sentences[2].Type != entente.Narrative {
				t.Fatalf("document %d read without its correction", id)
			}
			if _, _, err := s.DocumentPage(ctx, id, 0, 5); err != nil {
				t.Fatal(err)
			}
		}
		before := sqlstore.PreparedStatements(s)
		read(ids[0])
		first := sqlstore.PreparedStatements(s)
		if first-before < 10 {
			t.Fatalf("a document's first read prepared %d statements (%d before); want its dozen", first-before, before)
		}
		read(ids[1])
		if again := sqlstore.PreparedStatements(s); again != first {
			t.Errorf("a second document's read prepared %d more statements; want none", again-first)
		}
	})
}
