package sqlstore_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestAnchorBinaryCarryData: migration 0025 stores a sentence's anchor
// hash as 32 bytes where the row held lowercase hex (every anchor the store
// wrote) and keeps any other as the text it was. On both stores, after
// it, each sentence's anchor reads as it was written, and corrections
// keyed to those anchors reach their sentences through every join that
// compares anchors: the document, search's filter by corrected type (the
// derived tables) and the hits' labels as corrected; a statement stored
// now writes the 32 bytes and reads its anchors as hex.
func TestAnchorBinaryCarryData(t *testing.T) {
	sents := []struct{ label, text, sha string }{
		{"s1", "双方将加强铁路合作。", sha("双方将加强铁路合作。")},
		{"s2", "双方将扩大贸易。", "AB12"},  // upper case: kept as text
		{"s3", "双方将深化投资合作。", "abc"}, // odd length: kept as text
	}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0025")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver int64
			doc = oldDocument(t, db, now)
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', 'abc', 'x', 'old', $2, 3) RETURNING id`, doc, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			for i, s := range sents {
				if _, err := db.ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph,
					text, text_sha256, occurrence, type, strength, evidence, actors) VALUES ($1, $2, $3, $4, 'preamble', 0, $5, $6, 0,
					'commitment', 'firm', '{}', 'CN')`, ver, doc, i, s.label, s.text, s.sha); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			s := st.open(t)
			for _, c := range sents {
				var text string
				var bin []byte
				if err := s.DB().QueryRowContext(ctx, `SELECT text_sha256, anchor_sha256 FROM sentences WHERE document_id = $1 AND label = $2`,
					doc, c.label).Scan(&text, &bin); err != nil {
					t.Fatal(err)
				}
				if converted := c.label == "s1"; converted != (len(bin) == 32 && text == "") || !converted && (bin != nil || text != c.sha) {
					t.Errorf("sentence %s stored as %q and %x", c.label, text, bin)
				}
				ref, err := s.FindSentence(ctx, doc, c.label)
				if err != nil {
					t.Fatal(err)
				}
				if ref.Anchor.TextSHA256 != c.sha {
					t.Errorf("sentence %s: anchor %q, want %q", c.label, ref.Anchor.TextSHA256, c.sha)
				}
				if _, err := s.AddCorrection(ctx, entente.NewCorrection{DocumentID: doc, Anchor: &ref.Anchor, Sentence: c.label,
					Field: "type", Extracted: json.RawMessage(`"commitment"`), Value: json.RawMessage(`"narrative"`),
					State: entente.CorrectionApproved}); err != nil {
					t.Fatal(err)
				}
			}
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range d.Extraction.Sentences {
				if got.Type != entente.Narrative {
					t.Errorf("sentence %s reads %s, corrected to narrative", got.ID, got.Type)
				}
			}
			hits, err := s.Search(ctx, entente.SearchQuery{Type: entente.Narrative, Party: "CN"})
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, h := range hits {
				if h.DocumentID == doc && h.Sentence.Type == entente.Narrative {
					labels = append(labels, h.Sentence.ID)
				}
			}
			slices.Sort(labels)
			if !slices.Equal(labels, []string{"s1", "s2", "s3"}) {
				t.Errorf("search by the corrected type finds %v as narrative, want s1 s2 s3", labels)
			}
			nd := corpusDoc(t, statement)
			id, err := s.CreateDocument(ctx, nd)
			if err != nil {
				t.Fatal(err)
			}
			var texts, bins int
			if err := s.DB().QueryRowContext(ctx, `SELECT sum(length(text_sha256)), count(anchor_sha256) FROM sentences WHERE document_id = $1`,
				id).Scan(&texts, &bins); err != nil || texts != 0 || bins != len(nd.Extraction.Sentences) {
				t.Errorf("a new statement's anchors: %d characters of text, %d of %d as bytes (%v)", texts, bins, len(nd.Extraction.Sentences), err)
			}
			first := nd.Extraction.Sentences[0]
			ref, err := s.FindSentence(ctx, id, first.ID)
			if err != nil {
				t.Fatal(err)
			}
			if want := sha(strings.Join(strings.Fields(first.Text), " ")); ref.Anchor.TextSHA256 != want {
				t.Errorf("a new sentence's anchor %q, want %q", ref.Anchor.TextSHA256, want)
			}
		})
	}
}
