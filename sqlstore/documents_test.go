package sqlstore_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

const statement = "cn-rs-2024-joint-statement.zh.txt"

// TestCreateDocumentRoundTrip stores the extraction of a development
// statement and reads back exactly what was stored.
func TestCreateDocumentRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		nd := corpusDoc(t, statement)
		id := mustCreate(t, s, nd)

		got, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(nd.Extraction, got.Extraction); diff != "" {
			t.Errorf("extraction after a round trip (-stored +read):\n%s", diff)
		}
		if diff := cmp.Diff(nd.Extraction.Document, got.Document); diff != "" {
			t.Errorf("document metadata (-stored +read):\n%s", diff)
		}
		x := nd.Extraction
		commitments := 0
		for _, s := range x.Sentences {
			if s.Type == entente.Commitment {
				commitments++
			}
		}
		if got.ID != id || got.Sentences != len(x.Sentences) || got.Commitments != commitments || !got.CreatedAt.Equal(fixed) {
			t.Errorf("document %d: sentences %d, commitments %d, created %v; want %d, %d, %d, %v",
				got.ID, got.Sentences, got.Commitments, got.CreatedAt, id, len(x.Sentences), commitments, fixed)
		}
		wantVersion := []entente.Version{{
			ID: got.Versions[0].ID, DocumentID: id, Language: "zh", Authentic: true, TextSHA256: sha(nd.Text),
			Text: nd.Text, Extractor: "extract/zh", CreatedAt: fixed,
		}}
		if diff := cmp.Diff(wantVersion, got.Versions); diff != "" {
			t.Errorf("versions (-want +got):\n%s", diff)
		}
		src := nd.Source
		src.ID, src.VersionID, src.DocumentID, src.SHA256, src.Size, src.CreatedAt =
			got.Sources[0].ID, got.Versions[0].ID, id, sha(nd.Text), int64(len(nd.Original)), fixed
		if diff := cmp.Diff([]entente.Source{src}, got.Sources); diff != "" {
			t.Errorf("sources (-want +got):\n%s", diff)
		}

		if _, err := s.Document(ctx, id+1000); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("Document(unknown) = %v, want ErrNotFound", err)
		}
	})
}

// TestRoundTripOddLists stores lists that the extractor would not produce
// (a sentence naming a reference the document does not list, a reference
// citing a sentence twice) and reads them back as they were.
func TestRoundTripOddLists(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		nd := handDoc("en", "Odd lists", "2020-01-02", []string{"CN", "RS"},
			sentence{text: "First."}, sentence{text: "Second."}, sentence{text: "First."})
		x := nd.Extraction
		year := 2016
		x.References = []entente.Reference{{Title: "Treaty A", Kind: entente.RefAgreement, Year: &year, Sentences: []string{"s2", "s1", "s2"}}}
		x.Sentences[0].References = []string{"Treaty B", "Treaty A"}
		x.Sentences[1].References = []string{"Treaty A", "Treaty A"}
		x.Mechanisms = []entente.Entity{{Name: "Council", Sentences: []string{"s3"}}}
		x.Sentences[2].Projects = []string{"Railway"}
		dl := "2025"
		x.Sentences[1].Deadline = &dl
		x.Document.SignedPlace = nil
		id := mustCreate(t, s, nd)
		got, err := s.Document(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(x, got.Extraction); diff != "" {
			t.Errorf("extraction after a round trip (-stored +read):\n%s", diff)
		}
	})
}

func TestVersionByTextSHA256(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		nd := corpusDoc(t, statement)
		id := mustCreate(t, s, nd)
		v, err := s.VersionByTextSHA256(ctx, sha(nd.Text))
		if err != nil {
			t.Fatal(err)
		}
		if v.DocumentID != id || v.Text != nd.Text || v.Language != "zh" {
			t.Errorf("VersionByTextSHA256 = document %d, language %q; want %d, zh", v.DocumentID, v.Language, id)
		}
		if _, err := s.VersionByTextSHA256(ctx, sha("other text")); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("VersionByTextSHA256(unknown) = %v, want ErrNotFound", err)
		}
	})
}

// TestAddSource adds the same text in another encoding as a second source
// of the version, and reads both originals back byte for byte.
func TestAddSource(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		nd := corpusDoc(t, statement)
		id := mustCreate(t, s, nd)
		first, err := s.SourceBySHA256(ctx, sha(string(nd.Original)))
		if err != nil {
			t.Fatal(err)
		}
		if first.DocumentID != id || first.Name != statement {
			t.Errorf("SourceBySHA256 = document %d, name %q; want %d, %q", first.DocumentID, first.Name, id, statement)
		}

		gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(nd.Original)
		if err != nil {
			t.Fatal(err)
		}
		retrieved := time.Date(2024, 5, 9, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))
		src := entente.Source{Name: "gb18030.txt", Format: "text", Encoding: "gb18030", MediaType: "text/plain", RetrievedAt: retrieved}
		sid, err := s.AddSource(ctx, first.VersionID, src, gb)
		if err != nil {
			t.Fatal(err)
		}
		got, b, err := s.Original(ctx, sid)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, gb) {
			t.Errorf("Original returned %d bytes, not the %d stored", len(b), len(gb))
		}
		if got.VersionID != first.VersionID || got.DocumentID != id || got.Encoding != "gb18030" || !got.RetrievedAt.Equal(retrieved) {
			t.Errorf("Original source = %+v", got)
		}
		if _, b, err := s.Original(ctx, first.ID); err != nil || !bytes.Equal(b, nd.Original) {
			t.Errorf("first Original: %v, equal bytes %v", err, bytes.Equal(b, nd.Original))
		}
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sources) != 2 || d.Sources[1].ID != sid {
			t.Errorf("document has sources %+v, want the first and %d", d.Sources, sid)
		}

		if _, err := s.AddSource(ctx, first.VersionID, src, gb); err == nil {
			t.Error("AddSource accepted the same bytes twice")
		}
		if _, err := s.AddSource(ctx, 99999, src, []byte("x")); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("AddSource(unknown version) = %v, want ErrNotFound", err)
		}
		if _, _, err := s.Original(ctx, 99999); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("Original(unknown) = %v, want ErrNotFound", err)
		}
		if _, err := s.SourceBySHA256(ctx, sha("nothing")); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("SourceBySHA256(unknown) = %v, want ErrNotFound", err)
		}
		bad := src
		bad.SHA256 = sha("something else")
		if _, err := s.AddSource(ctx, first.VersionID, bad, []byte("bytes")); err == nil {
			t.Error("AddSource accepted a sha256 that does not match the bytes")
		}
	})
}

// TestOriginalBinary keeps bytes that are not text (every byte value, NULs)
// exactly.
func TestOriginalBinary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		nd := handDoc("en", "Binary", "2021-01-01", []string{"CN"}, sentence{text: "Binary source."})
		nd.Original = make([]byte, 512)
		for i := range nd.Original {
			nd.Original[i] = byte(i)
		}
		nd.Source.Format, nd.Source.MediaType = "pdf", "application/pdf"
		mustCreate(t, s, nd)
		src, err := s.SourceBySHA256(context.Background(), sha(string(nd.Original)))
		if err != nil {
			t.Fatal(err)
		}
		_, b, err := s.Original(context.Background(), src.ID)
		if err != nil || !bytes.Equal(b, nd.Original) {
			t.Errorf("Original: %v; bytes equal: %v", err, bytes.Equal(b, nd.Original))
		}
	})
}

// TestDeleteDocument removes every row that hangs on a document, keeps
// the other document's rows, and keeps a blob that something else uses.
func TestDeleteDocument(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		before := rowCounts(t, s)
		other := mustCreate(t, s, handDoc("en", "Other", "2019-04-25", []string{"AE", "CN"}, sentence{text: "Another statement."}))
		withOther := rowCounts(t, s)
		nd := corpusDoc(t, statement)
		id := mustCreate(t, s, nd)
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// An archived evidence page of the other document's commitment
		// shares the bytes of this document's source.
		shared := d.Sources[0].SHA256
		otherDoc, err := s.Document(ctx, other)
		if err != nil {
			t.Fatal(err)
		}
		addEvidence(t, s, otherDoc.Versions[0].ID, shared)

		if err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
		after := rowCounts(t, s)
		for table, n := range withOther {
			if table == "blobs" {
				continue
			}
			if after[table] != n {
				t.Errorf("%s: %d rows after the delete, want %d (the other document's)", table, after[table], n)
			}
		}
		if after["blobs"] != withOther["blobs"]+1 {
			t.Errorf("blobs: %d after the delete, want %d: the shared blob must stay", after["blobs"], withOther["blobs"]+1)
		}
		if _, err := s.Document(ctx, id); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("Document after delete = %v, want ErrNotFound", err)
		}
		if _, _, err := s.Original(ctx, d.Sources[0].ID); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("Original after delete = %v, want ErrNotFound", err)
		}
		if err := s.DeleteDocument(ctx, id); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("second DeleteDocument = %v, want ErrNotFound", err)
		}
		hits, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"})
		if err != nil || len(hits) != 0 {
			t.Errorf("search after delete: %d hits, %v", len(hits), err)
		}

		// The other document carries evidence: a delete is refused with a
		// conflict and changes nothing; a purge drops its evidence (after
		// logging it), and the blob that only the evidence still used.
		held := rowCounts(t, s)
		if err := s.DeleteDocument(ctx, other); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Fatalf("DeleteDocument of a document with evidence = %v, want a conflict", err)
		}
		if got := rowCounts(t, s); !maps.Equal(got, held) {
			t.Errorf("a refused delete changed rows: %v → %v", held, got)
		}
		if err := s.PurgeDocument(ctx, other, "test"); err != nil {
			t.Fatal(err)
		}
		evs, err := s.History(ctx, entente.EventFilter{Document: other})
		if err != nil || len(evs) == 0 || evs[len(evs)-1].Action != "purge" || !strings.Contains(evs[len(evs)-1].Before, "https://example.org") {
			t.Errorf("the purge's event does not keep the evidence it removed: %+v, %v", evs, err)
		}
		for table, n := range rowCounts(t, s) {
			if n != before[table] {
				t.Errorf("%s: %d rows after deleting everything, want %d", table, n, before[table])
			}
		}
		for _, table := range []string{"commitments", "evidence"} {
			if n := count(t, s, table); n != 0 {
				t.Errorf("%s: %d rows left", table, n)
			}
		}
	})
}

// addEvidence records a commitment of version vid with evidence whose
// archived page is the blob sha.
func addEvidence(t *testing.T, s *sqlstore.Store, vid int64, sha string) {
	t.Helper()
	var cid int64
	err := s.DB().QueryRow(`INSERT INTO commitments (version_id, section, text_sha256, occurrence, updated_at)
		VALUES ($1, '1', 'x', 0, $2) RETURNING id`, vid, fixed).Scan(&cid)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.DB().Exec(`INSERT INTO evidence (commitment_id, url, archive_sha256, added_at) VALUES ($1, 'https://example.org', $2, $3)`,
		cid, sha, fixed)
	if err != nil {
		t.Fatal(err)
	}
}

// TestCreateDocumentAtomic checks that a CreateDocument that fails half-way
// leaves no row behind.
func TestCreateDocumentAtomic(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		nd := corpusDoc(t, statement)
		mustCreate(t, s, nd)
		before := rowCounts(t, s)

		// The same bytes again, with another text: the source's sha256 is
		// unique, and it is written after the document and its version.
		dup := handDoc("en", "Duplicate source", "2024-05-08", []string{"CN"}, sentence{text: "Railway cooperation."})
		dup.Original = nd.Original
		if _, err := s.CreateDocument(ctx, dup); err == nil {
			t.Fatal("CreateDocument with a duplicate source succeeded")
		}
		// A reference that cites a sentence the document does not have
		// fails after the sentences are written.
		bad := handDoc("en", "Bad reference", "2024-05-08", []string{"CN"}, sentence{text: "Railway cooperation."})
		bad.Extraction.References = []entente.Reference{{Title: "Treaty", Kind: entente.RefAgreement, Sentences: []string{"s9"}}}
		if _, err := s.CreateDocument(ctx, bad); err == nil {
			t.Fatal("CreateDocument with a dangling reference succeeded")
		}
		// The same text again: versions.text_sha256 is unique.
		again := corpusDoc(t, statement)
		again.Original = append([]byte("\ufeff"), again.Original...)
		if _, err := s.CreateDocument(ctx, again); err == nil {
			t.Fatal("CreateDocument with a duplicate text succeeded")
		}
		if diff := cmp.Diff(before, rowCounts(t, s)); diff != "" {
			t.Errorf("failed creates left rows (-before +after):\n%s", diff)
		}
	})
}

// TestReopen opens a migrated database again: nothing is migrated twice,
// and a database from a newer binary is refused.
func TestReopen(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := t.TempDir() + "/entente.db"
		testReopen(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgDSN(t)
		testReopen(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) })
	})
}

func testReopen(t *testing.T, open func() (*sqlstore.Store, error)) {
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	id := mustCreate(t, s, handDoc("en", "Kept", "2020-01-01", []string{"CN"}, sentence{text: "Kept across opens."}))
	s.Close()
	s, err = open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(context.Background(), id); err != nil {
		t.Errorf("document after reopening: %v", err)
	}
	files, err := fs.Glob(s.Dialect().Migrations(), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "schema_migrations"); n != len(files) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(files))
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', CURRENT_TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := open(); !errors.Is(err, sqlstore.ErrSchemaTooNew) {
		if s != nil {
			s.Close()
		}
		t.Errorf("opening a newer schema: %v, want ErrSchemaTooNew", err)
	}
}
