package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/entente/entente/sqlstore"
)

// TestTextHeldByBlob: a plain-text upload's version holds only its text's
// length and reads its text from the blob of the same bytes, whether the
// store wrote that blob (deflated) or found it already there (as it came,
// as rows before migration 0016 hold it). On both stores the document,
// the original bytes, a re-extraction's page of versions and a restored
// dump read the text exactly; deleting one document removes its blob and
// leaves the other reading.
func TestTextHeldByBlob(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		a, b := corpusDoc(t, statement), corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		// b's bytes stored before, as they came
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO blobs (sha256, size, data, compression, created_at) VALUES ($1, $2, $3, '', $4)`,
			sha(b.Text), len(b.Text), []byte(b.Text), time.Now().UTC()); err != nil {
			t.Fatal(err)
		}
		ids := map[string]int64{}
		for name, d := range map[string]string{"a": a.Text, "b": b.Text} {
			nd := a
			if name == "b" {
				nd = b
			}
			id, err := s.CreateDocument(ctx, nd)
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = id
			var z int
			if err := s.DB().QueryRowContext(ctx, `SELECT length(text_z) FROM versions WHERE document_id = $1`, id).Scan(&z); err != nil || z > 11 {
				t.Errorf("%s: the version holds %d bytes of text_z (%v), want only the length and the mark", name, z, err)
			}
			got, err := s.Document(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Versions[0].Text != d {
				t.Errorf("%s: the version reads %d bytes, want %d", name, len(got.Versions[0].Text), len(d))
			}
			_, orig, err := s.Original(ctx, got.Sources[0].ID)
			if err != nil || string(orig) != d {
				t.Errorf("%s: the original reads %d bytes (%v), want %d", name, len(orig), err, len(d))
			}
			page, err := s.VersionsToReextract(ctx, id, 0, 10)
			if err != nil || len(page) != 1 || page[0].Text != d {
				t.Errorf("%s: a re-extraction's page reads %d versions (%v)", name, len(page), err)
			}
		}
		restoredThenDeleted(t, s, ids["a"], ids["b"], a.Text, b.Text, sha(a.Text))
	})
}

// restoredThenDeleted: a restored dump of s reads document a's text;
// deleting a removes its blob (sha256 blob) and leaves b reading.
func restoredThenDeleted(t *testing.T, s *sqlstore.Store, a, b int64, aText, bText, blob string) {
	t.Helper()
	ctx := context.Background()
	fresh := openSQLite(t)
	if s.Dialect().Name() == "postgres" {
		fresh = openPostgres(t)
	}
	restore(t, fresh, dump(t, s))
	if got, err := fresh.Document(ctx, a); err != nil || got.Versions[0].Text != aText {
		t.Errorf("the restored document reads otherwise (%v)", err)
	}
	if err := s.DeleteDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM blobs WHERE sha256 = $1`, blob).Scan(&left); err != nil || left != 0 {
		t.Errorf("the deleted document's blob: %d rows left (%v)", left, err)
	}
	if got, err := s.Document(ctx, b); err != nil || got.Versions[0].Text != bText {
		t.Errorf("the other document reads otherwise after a deletion (%v)", err)
	}
}
