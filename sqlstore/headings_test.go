package sqlstore_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDocumentHeadings: the headings of documents are their documents as
// a full read gives them, with the approved corrections of their own
// fields applied in order and the others not (one proposed; of two approved
// ones the later stands); they are read on the look-up
// pool by statements kept prepared, of a few shapes, so that asking again
// for another number of documents prepares nothing new.
func TestDocumentHeadings(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		var ids []int64
		for _, name := range []string{"cn-rs-2024-joint-statement.zh.txt", "cn-ae-2019-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"} {
			ids = append(ids, mustCreate(t, s, corpusDoc(t, name)))
		}
		corrections := []entente.NewCorrection{
			{DocumentID: ids[0], Field: "title", Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"First title"`), State: entente.CorrectionApproved},
			{DocumentID: ids[0], Field: "title", Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"Second title"`), State: entente.CorrectionApproved},
			{DocumentID: ids[1], Field: "title", Extracted: json.RawMessage(`"x"`), Value: json.RawMessage(`"Proposed title"`), State: entente.CorrectionProposed},
			{DocumentID: ids[2], Field: "parties", Extracted: json.RawMessage(`[]`), Value: json.RawMessage(`["IE","US","GB"]`), State: entente.CorrectionApproved},
		}
		for _, c := range corrections {
			if _, err := s.AddCorrection(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		check := func(ask []int64) {
			t.Helper()
			heads, err := s.DocumentHeadings(ctx, ask)
			if err != nil || len(heads) != len(ask) {
				t.Fatalf("headings of %v: %d (%v)", ask, len(heads), err)
			}
			for _, id := range ask {
				d, err := s.Document(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(heads[id], d.Document) {
					t.Errorf("document %d: heading %+v, read whole %+v", id, heads[id], d.Document)
				}
			}
		}
		check(ids)
		heads, err := s.DocumentHeadings(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if got := heads[ids[0]].Title; got != "Second title" {
			t.Errorf("title %q, want the last approved correction's", got)
		}
		if got := heads[ids[1]].Title; got == "Proposed title" {
			t.Errorf("a proposed correction applied: %q", got)
		}
		if got := heads[ids[2]].Parties; !reflect.DeepEqual(got, []string{"IE", "US", "GB"}) {
			t.Errorf("parties %v, want the corrected ones", got)
		}
		kept := sqlstore.LookupStatements(s)
		if kept < 4 {
			t.Errorf("%d statements kept on the look-up pool after reading headings, want the four of them at least", kept)
		}
		check(ids[:1])
		check(ids[1:])
		if heads, err := s.DocumentHeadings(ctx, append(ids, 1_000_000)); err != nil || len(heads) != len(ids) {
			t.Errorf("with a document that is not there: %d headings (%v), want %d", len(heads), err, len(ids))
		}
		if n := sqlstore.LookupStatements(s); n != kept {
			t.Errorf("%d statements kept after asking for other numbers of documents, %d before", n, kept)
		}
	})
}
