package sqlstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSourceFoundThroughItsBlob: a source is found by its bytes through
// the blob that names it (migration 0057), on both databases, through
// every turn of the blob's life: a second source of the same bytes is
// refused; a document deleted while its bytes stay stored (archived as
// evidence of another) is no longer found by them; the same bytes
// uploaded again are found as the new document's, with a source id never
// given before; and the blob goes with the last row that refers to it.
func TestSourceFoundThroughItsBlob(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		first := corpusDoc(t, statement)
		sha := sha256Hex(first.Original)
		docA, err := s.CreateDocument(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		found := func(step string, want int64) *entente.Source {
			t.Helper()
			src, err := s.SourceBySHA256(ctx, sha)
			if want == 0 {
				if !errors.Is(err, entente.ErrNotFound) {
					t.Fatalf("%s: SourceBySHA256 = %+v, %v; want not found", step, src, err)
				}
			} else if err != nil || src.DocumentID != want {
				t.Fatalf("%s: SourceBySHA256 = %+v, %v; want document %d's", step, src, err, want)
			}
			known, _, _, err := s.FindInput(ctx, sha, "no such text", nil)
			if err != nil || (known != nil) != (want != 0) || (known != nil && known.DocumentID != want) {
				t.Fatalf("%s: FindInput's source = %+v, %v; want document %d's", step, known, err, want)
			}
			return src
		}
		srcA := found("stored", docA)

		other := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		docB, err := s.CreateDocument(ctx, other)
		if err != nil {
			t.Fatal(err)
		}
		od, err := s.Document(ctx, docB)
		if err != nil {
			t.Fatal(err)
		}
		vB := od.Versions[0].ID
		if _, err := s.AddSource(ctx, vB, entente.Source{Name: "again.txt", Format: "text"}, first.Original); !errors.Is(err, entente.ErrConflict) {
			t.Errorf("AddSource with another source's bytes = %v, want a conflict", err)
		}
		found("after the refused source", docA)

		// document A's bytes archived as the evidence of a commitment of B
		ref := commitmentOf(t, s, docB)
		_, err = s.AddEvidence(ctx, entente.NewEvidence{Anchor: ref.Anchor, DocumentID: docB,
			Evidence: entente.Evidence{Title: "the page", URL: "https://example.org/page"},
			Archive:  &entente.Archive{Data: first.Original, MediaType: "text/plain"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDocument(ctx, docA); err != nil {
			t.Fatal(err)
		}
		if n := rowCount(t, s, `SELECT count(*) FROM blobs WHERE sha256 = $1`, sha); n != 1 {
			t.Fatalf("the archived bytes: %d blobs after the document's deletion, want 1", n)
		}
		found("its document deleted, its bytes kept", 0)

		docA2, err := s.CreateDocument(ctx, first)
		if err != nil {
			t.Fatalf("the same bytes again: %v", err)
		}
		srcA2 := found("uploaded again", docA2)
		if srcA2.ID <= srcA.ID {
			t.Errorf("the new source has id %d, not past the deleted one's %d", srcA2.ID, srcA.ID)
		}
		if _, got, err := s.Original(ctx, srcA2.ID); err != nil || !bytes.Equal(got, first.Original) {
			t.Errorf("the new source's original: %d bytes, %v", len(got), err)
		}

		// B carries evidence: purged (an administrator's act)
		if err := s.PurgeDocument(ctx, docB, "test"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDocument(ctx, docA2); err != nil {
			t.Fatal(err)
		}
		if n := rowCount(t, s, `SELECT count(*) FROM blobs`); n != 0 {
			t.Errorf("%d blobs left after every document's deletion", n)
		}
	})
}

// commitmentOf is the first commitment of a stored document.
func commitmentOf(t *testing.T, s *sqlstore.Store, doc int64) *entente.SentenceRef {
	t.Helper()
	ctx := context.Background()
	var label string
	if err := s.DB().QueryRowContext(ctx, `SELECT s.label FROM sentences s JOIN versions v ON v.id = s.version_id
		WHERE v.document_id = $1 AND s.type = 'commitment' ORDER BY s.position LIMIT 1`, doc).Scan(&label); err != nil {
		t.Fatal(err)
	}
	ref, err := s.FindSentence(ctx, doc, label)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestSourceBlobsCarried: a store migrated from before migration 0057
// finds its sources by their bytes, and so does one restored from a dump
// written before it (whose blobs do not name their sources).
func TestSourceBlobsCarried(t *testing.T) {
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0057")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			doc := oldDocument(t, db, now)
			original := []byte(strings.Repeat("双方同意深化务实合作。", 20))
			sha := sha256Hex(original)
			var ver, src int64
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
				VALUES ($1, 'zh', 'abc', $2, 'old', $3) RETURNING id`, doc, string(original), now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data, created_at) VALUES ($1, $2, $3, $4)`,
				sha, len(original), original, now); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRowContext(ctx, `INSERT INTO sources (version_id, sha256, size, format, created_at)
				VALUES ($1, $2, $3, 'text', $4) RETURNING id`, ver, sha, len(original), now).Scan(&src); err != nil {
				t.Fatal(err)
			}
			db.Close()

			s := st.open(t)
			check := func(step string, s *sqlstore.Store) {
				t.Helper()
				got, err := s.SourceBySHA256(ctx, sha)
				if err != nil || got.ID != src || got.DocumentID != doc {
					t.Fatalf("%s: SourceBySHA256 = %+v, %v; want source %d of document %d", step, got, err, src, doc)
				}
				if _, data, err := s.Original(ctx, src); err != nil || !bytes.Equal(data, original) {
					t.Errorf("%s: the original reads %d bytes, %v", step, len(data), err)
				}
			}
			check("migrated", s)

			files := dumpFiles(t, dump(t, s))
			m, _, at := olderDumpTable(t, files, 56, "blobs", "source_id")
			blobsFile := dumpTableFile(m, "blobs")
			var out []byte
			for _, line := range strings.Split(strings.TrimSpace(files[blobsFile]), "\n") {
				var row []json.RawMessage
				if err := json.Unmarshal([]byte(line), &row); err != nil {
					t.Fatal(err)
				}
				k := at["source_id"]
				b, _ := json.Marshal(append(row[:k:k], row[k+1:]...))
				out = append(append(out, b...), '\n')
			}
			files[blobsFile] = string(out)
			manifest, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			files["manifest.json"] = string(manifest)
			fresh := openSQLite(t)
			if st.name == "postgres" {
				fresh = openPostgres(t)
			}
			restore(t, fresh, zipFiles(t, files))
			check("restored from a dump before the migration", fresh)
		})
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
