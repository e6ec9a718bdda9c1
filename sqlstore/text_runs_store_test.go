package sqlstore_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestTextCutFromBlob: a plain-text upload whose text is its bytes less a
// few (carriage returns, the final newline) keeps only the runs of its
// blob in text_z and names the blob; on both stores the document, its
// original, its sentences' texts, a re-extraction's page and a restored
// dump read exactly, and deleting it removes its blob and leaves another
// document reading.
func TestTextCutFromBlob(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		a := corpusDoc(t, statement)
		a.Original = []byte(strings.ReplaceAll(a.Text, "\n", "\r\n") + "\r\n")
		a.Source.Name = "crlf.txt"
		b := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		ids := map[string]int64{}
		for name, d := range map[string]*entente.NewDocument{"a": a, "b": b} {
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = id
		}
		var (
			z    int
			from sql.NullString
		)
		if err := s.DB().QueryRowContext(ctx, `SELECT length(text_z), text_blob FROM versions WHERE document_id = $1`, ids["a"]).Scan(&z, &from); err != nil {
			t.Fatal(err)
		}
		if from.String != sha(string(a.Original)) || z > len(a.Text)/16 {
			t.Errorf("the version names blob %q and holds %d bytes of text_z, want the original's blob and its runs (a pair a line)", from.String, z)
		}
		got, err := s.Document(ctx, ids["a"])
		if err != nil {
			t.Fatal(err)
		}
		if got.Versions[0].Text != a.Text {
			t.Errorf("the version reads %d bytes, want %d", len(got.Versions[0].Text), len(a.Text))
		}
		if got.Extraction == nil || len(got.Extraction.Sentences) != len(a.Extraction.Sentences) {
			t.Fatalf("the document reads without its %d sentences", len(a.Extraction.Sentences))
		}
		for i, st := range got.Extraction.Sentences {
			if want := a.Extraction.Sentences[i].Text; st.Text != want {
				t.Fatalf("sentence %d reads %q, want %q", i, st.Text, want)
			}
		}
		if _, orig, err := s.Original(ctx, got.Sources[0].ID); err != nil || string(orig) != string(a.Original) {
			t.Errorf("the original reads %d bytes (%v), want %d", len(orig), err, len(a.Original))
		}
		if page, err := s.VersionsToReextract(ctx, ids["a"], 0, 10); err != nil || len(page) != 1 || page[0].Text != a.Text {
			t.Errorf("a re-extraction's page reads %d versions (%v)", len(page), err)
		}
		restoredThenDeleted(t, s, ids["a"], ids["b"], a.Text, b.Text, from.String)
	})
}
