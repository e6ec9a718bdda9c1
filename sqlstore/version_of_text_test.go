package sqlstore_test

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestVersionFoundByItsText: a version is found by its text whether the
// text is its source's blob (a plain-text upload: found through the blob
// on SQLite since migration 0058) or is stored with the version (an upload
// whose bytes are not its text, a text too short to deflate); a second
// version of the same text is refused, whichever form each has; and once
// its document is deleted the text is not found, and may be stored again.
func TestVersionFoundByItsText(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		sqlite := s.Dialect().Name() == "sqlite"
		plain := corpusDoc(t, statement)
		other := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		wrapped := extractDoc(t, "other.html", other.Original)
		wrapped.Original = []byte("<html><body><p>" + other.Text + "</p></body></html>")
		wrapped.Source.Format, wrapped.Source.MediaType = "html", "text/html; charset=utf-8"
		short := extractDoc(t, "short.txt", []byte("双方同意深化务实合作。"))

		for _, c := range []struct {
			name    string
			d       *entente.NewDocument
			inBlob  bool
			another func(*entente.NewDocument) *entente.NewDocument
		}{
			{"a plain-text upload", plain, true, func(d *entente.NewDocument) *entente.NewDocument {
				again := *d
				again.Original = append(bytes.Clone(d.Original), "\r\n"...)
				return &again
			}},
			{"an HTML upload", wrapped, false, func(d *entente.NewDocument) *entente.NewDocument {
				again := *d
				again.Original = []byte(d.Text)
				again.Source.Format, again.Source.MediaType = "text", "text/plain; charset=utf-8"
				return &again
			}},
			{"a short text", short, false, func(d *entente.NewDocument) *entente.NewDocument {
				again := *d
				again.Original = append(bytes.Clone(d.Original), '\n')
				return &again
			}},
		} {
			sha := sha256Hex([]byte(c.d.Text))
			found := func(step string, want int64) {
				t.Helper()
				v, err := s.VersionByTextSHA256(ctx, sha)
				if want == 0 {
					if !errors.Is(err, entente.ErrNotFound) {
						t.Fatalf("%s, %s: VersionByTextSHA256 = %+v, %v; want not found", c.name, step, v, err)
					}
				} else if err != nil || v.DocumentID != want || v.Text != c.d.Text {
					t.Fatalf("%s, %s: VersionByTextSHA256 = %v; want document %d's version with its text", c.name, step, err, want)
				}
				_, exact, _, err := s.FindInput(ctx, sha256Hex([]byte("bytes never stored")), sha, nil)
				if err != nil || (exact != nil) != (want != 0) || (exact != nil && exact.DocumentID != want) {
					t.Fatalf("%s, %s: FindInput's version = %+v, %v; want document %d's", c.name, step, exact, err, want)
				}
				exact, _, err = s.FindText(ctx, sha, nil)
				if err != nil || (exact != nil) != (want != 0) || (exact != nil && exact.DocumentID != want) {
					t.Fatalf("%s, %s: FindText = %+v, %v; want document %d's", c.name, step, exact, err, want)
				}
			}
			doc, err := s.CreateDocument(ctx, c.d)
			if err != nil {
				t.Fatal(err)
			}
			if sqlite {
				// what the case is about: the text in its blob, or not
				held := rowCount(t, s, `SELECT count(*) FROM versions
					WHERE document_id = $1 AND text_blob IS NULL AND length(text_z) <= 11`, doc) == 1
				if held != c.inBlob {
					t.Fatalf("%s: the version's text held by its blob: %v, want %v", c.name, held, c.inBlob)
				}
			}
			found("stored", doc)

			before := rowCount(t, s, `SELECT count(*) FROM versions`)
			if _, err := s.CreateDocument(ctx, c.another(c.d)); err == nil || !strings.Contains(err.Error(), "text_sha256") {
				t.Errorf("%s: the same text from other bytes stored again: %v, want the text's uniqueness refusing it", c.name, err)
			}
			if n := rowCount(t, s, `SELECT count(*) FROM versions`); n != before {
				t.Errorf("%s: %d versions after the refused document, want %d", c.name, n, before)
			}
			found("after the refused document", doc)

			if err := s.DeleteDocument(ctx, doc); err != nil {
				t.Fatal(err)
			}
			found("deleted", 0)
			again, err := s.CreateDocument(ctx, c.another(c.d))
			if err != nil {
				t.Fatalf("%s: the text stored again after its document's deletion: %v", c.name, err)
			}
			found("stored again in another form", again)
		}
	})
}

// TestVersionOfTextPlan: on SQLite a version is found by its text with
// searches by key only: blobs' key, the source's and the version's ids,
// and the partial index of the texts not held by a blob.
func TestVersionOfTextPlan(t *testing.T) {
	s := openSQLite(t)
	p := queryPlanOf(t, s, `SELECT v.id FROM versions v WHERE `+sqlstore.VersionOfText("v", "$1"), "00")
	for _, want := range []string{"USING INDEX sqlite_autoindex_blobs_1", "USING INDEX versions_text", "SEARCH v USING INTEGER PRIMARY KEY"} {
		if !strings.Contains(p, want) {
			t.Errorf("plan %q: no %q", p, want)
		}
	}
	if strings.Contains(p, "SCAN") {
		t.Errorf("plan %q scans a table", p)
	}
}

// TestVersionTextsCarried: migration 0058 keeps every version findable by
// its text and readable, a text held by its blob and one stored with its
// version alike, and a text that deflated as short as the blob's mark (a
// run of one character: written by no store since) among the indexed;
// and no id of a deleted version is given again.
func TestVersionTextsCarried(t *testing.T) {
	st := carryStores(t)[0] // the migration rebuilds SQLite's table only
	ctx := context.Background()
	db := st.old(t, "0058")
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	doc := oldDocument(t, db, now)
	deflate := func(b []byte) []byte {
		var out bytes.Buffer
		w, err := flate.NewWriter(&out, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
		w.Close()
		return out.Bytes()
	}
	withLength := func(n int, rest []byte) []byte {
		return append(binary.AppendUvarint(nil, uint64(n)), rest...)
	}
	insert := func(lang, text string, z []byte) int64 {
		var id int64
		if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, text_z, extractor, created_at)
			VALUES ($1, $2, $3, $4, $5, 'old', $6) RETURNING id`, doc, lang, sha256Hex([]byte(text)), "", z, now).Scan(&id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	inBlob := strings.Repeat("双方同意深化务实合作。", 30)
	run := strings.Repeat("a", 256)
	stored := strings.Repeat("Both sides agreed to deepen cooperation. ", 20)
	held := insert("zh", inBlob, withLength(len(inBlob), []byte{0xFF}))
	sha := sha256Hex([]byte(inBlob))
	if _, err := db.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data, compression, created_at, source_id) VALUES ($1, $2, $3, 'deflate', $4, 1)`,
		sha, len(inBlob), deflate([]byte(inBlob)), now); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO sources (id, version_id, sha256, size, format, created_at) VALUES (1, $1, $2, $3, 'text', $4)`,
		held, sha, len(inBlob), now); err != nil {
		t.Fatal(err)
	}
	tiny := withLength(len(run), deflate([]byte(run)))
	if len(tiny) > 11 {
		t.Fatalf("a run of one character deflates to %d bytes: the case is not made", len(tiny))
	}
	insert("en", run, tiny)
	insert("sr", stored, withLength(len(stored), deflate([]byte(stored))))
	gone := insert("fr", "deleted", nil)
	if _, err := db.ExecContext(ctx, `DELETE FROM versions WHERE id = $1`, gone); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := st.open(t)
	for _, text := range []string{inBlob, run, stored} {
		v, err := s.VersionByTextSHA256(ctx, sha256Hex([]byte(text)))
		if err != nil {
			t.Errorf("%.20q…: VersionByTextSHA256: %v", text, err)
		} else if v.Text != text {
			t.Errorf("%.20q…: the text read %.20q…", text, v.Text)
		}
	}
	id, err := s.CreateDocument(ctx, corpusDoc(t, statement))
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Versions[0].ID <= gone {
		t.Errorf("a new version has id %d, a deleted version's was %d: ids given again", d.Versions[0].ID, gone)
	}
}
