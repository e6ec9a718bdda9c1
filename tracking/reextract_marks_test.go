package tracking_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestReextractionMarksItsDocument: inserting sentences marks no document
// for its corrected labels (migration 0042), so a re-extraction marks its
// document itself. The version read again here is a document's second
// (a re-extraction of the first also rewrites the document's date, which
// marks it), and an empty reading before left it no sentences to delete,
// so deleting marks nothing either; its correction, kept through the
// empty reading, matches again and changes no flag. Without the store's
// own mark the corrected labels would stay as the empty reading left them.
func TestReextractionMarksItsDocument(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		docs, err := s.CreateDocuments(ctx, []*entente.NewDocument{zhDoc(t, statement, "")})
		if err != nil {
			t.Fatal(err)
		}
		// a second version of the document, as a version in another language
		// is (ingest makes none: a test's row)
		nd := zhDoc(t, statement, "\n双方将继续深化合作。\n")
		sum := sha256.Sum256([]byte(nd.Text))
		var vid int64
		if err := s.DB().QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
			VALUES ($1, 'en', $2, $3, 'test', $4) RETURNING id`, docs[0], hex.EncodeToString(sum[:]), nd.Text,
			time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)).Scan(&vid); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReplaceExtraction(ctx, vid, nd.Extraction, "extract/zh"); err != nil {
			t.Fatal(err)
		}
		var label string
		a := entente.Anchor{VersionID: vid}
		if err := s.DB().QueryRowContext(ctx, `SELECT label, section, text_sha256 || coalesce(lower(hex(anchor_sha256)), ''), occurrence
			FROM sentences WHERE version_id = $1 AND type = 'commitment' ORDER BY position LIMIT 1`, vid).Scan(
			&label, &a.Section, &a.TextSHA256, &a.Occurrence); err != nil {
			t.Fatal(err)
		}
		var extracted []byte
		for i := range nd.Extraction.Sentences {
			if st := &nd.Extraction.Sentences[i]; st.ID == label {
				if extracted, err = entente.SentenceField(st, "areas"); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := s.AddCorrection(ctx, entente.NewCorrection{DocumentID: docs[0], Anchor: &a, Sentence: label, Field: "areas",
			Extracted: extracted, Value: []byte(`["trade","culture"]`), State: entente.CorrectionApproved, Why: "test"}); err != nil {
			t.Fatal(err)
		}
		corrected := func(when string, want int) {
			t.Helper()
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM corrected_sentences`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("%s: %d corrected sentences, want %d", when, n, want)
			}
			sameAsFull(t, ctx, s, tr, when)
		}
		corrected("after the correction", 1)
		if _, err := s.ReplaceExtraction(ctx, vid, &entente.Extraction{Document: nd.Extraction.Document}, "empty"); err != nil {
			t.Fatal(err)
		}
		corrected("after an empty reading", 0)
		if _, err := s.ReplaceExtraction(ctx, vid, nd.Extraction, "extract/zh"); err != nil {
			t.Fatal(err)
		}
		corrected("after reading the sentences again", 1)
	})
}
