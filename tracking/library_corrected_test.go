package tracking_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestLibraryFiltersSeeCorrections holds the library's own filters (the
// documents list: party, area, signing dates) and what the list shows
// (title, parties, date, its order and pages) to the documents as the
// reader shows them, corrected: after corrections of a document's
// parties and date, of a commitment's areas, and of a commitment's type,
// on both databases, and again after the corrections are undone.
func TestLibraryFiltersSeeCorrections(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		docs := []int64{
			ingestStatement(t, ctx, s, statement),
			ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt"),
		}
		correct := func(doc int64, label, field, value string) {
			t.Helper()
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: label, Field: field,
				Value: json.RawMessage(value), Why: "test"}); err != nil {
				t.Fatalf("correct %d/%s %s: %v", doc, label, field, err)
			}
		}
		first, err := s.Document(ctx, docs[0])
		if err != nil {
			t.Fatal(err)
		}
		// every commitment of the first statement in an area it did not
		// have; the areas of one commitment of the second replaced; a
		// commitment of the second made a position
		var second []entente.Sentence
		if d, err := s.Document(ctx, docs[1]); err != nil {
			t.Fatal(err)
		} else {
			for _, st := range d.Extraction.Sentences {
				if st.Type == entente.Commitment {
					second = append(second, st)
				}
			}
		}
		if len(second) < 2 {
			t.Fatal("the second statement has too few commitments for this test")
		}
		var corrected int
		for _, st := range first.Extraction.Sentences {
			if st.Type == entente.Commitment && !slices.Contains(st.Areas, "ai") && corrected < 2 {
				correct(docs[0], st.ID, "areas", `["ai"]`)
				corrected++
			}
		}
		if corrected != 2 {
			t.Fatal("the first statement has too few commitments outside the area ai")
		}
		correct(docs[1], second[0].ID, "areas", `["disaster"]`)
		correct(docs[1], second[1].ID, "type", `"position"`)
		correct(docs[0], "", "parties", `["CN","KZ"]`)
		correct(docs[1], "", "date", `"2031-03-01"`)
		correct(docs[1], "", "title", `"中阿联合声明（更正）"`)

		filters := []entente.DocumentFilter{
			{}, {Party: "KZ"}, {Party: "RS"}, {Party: "CN"}, {Party: "AE"},
			{Area: "ai"}, {Area: "disaster"}, {Area: "trade"}, {Area: "culture"}, {Area: "infrastructure"},
			{From: "2030"}, {To: "2024-12-31"}, {From: "2031-03", To: "2031-03-01"},
			{Party: "KZ", Area: "ai"}, {Party: "AE", From: "2031"},
		}
		check := func(when string) {
			t.Helper()
			var corrected []*entente.StoredDocument
			for _, id := range docs {
				d, err := s.Document(ctx, id) // as the reader shows it
				if err != nil {
					t.Fatal(err)
				}
				corrected = append(corrected, d)
			}
			for _, f := range filters {
				var want []int64
				for _, d := range corrected {
					if keepsDocument(d, f) {
						want = append(want, d.ID)
					}
				}
				list, err := s.Documents(ctx, f)
				if err != nil {
					t.Fatalf("%s: %+v: %v", when, f, err)
				}
				var got []int64
				for i, d := range list {
					got = append(got, d.ID)
					// shown as the reader shows it, newest corrected date first
					shown := corrected[slices.IndexFunc(corrected, func(c *entente.StoredDocument) bool { return c.ID == d.ID })]
					if d.Title != shown.Title || !slices.Equal(d.Parties, shown.Parties) || deref(d.SignedDate) != deref(shown.SignedDate) {
						t.Errorf("%s: %+v: listed as %q %v %q, the reader shows %q %v %q", when, f, d.Title, d.Parties,
							deref(d.SignedDate), shown.Title, shown.Parties, deref(shown.SignedDate))
					}
					if i > 0 && deref(list[i-1].SignedDate) < deref(d.SignedDate) {
						t.Errorf("%s: %+v: %d (%s) listed after %d (%s)", when, f, d.ID, deref(d.SignedDate), list[i-1].ID, deref(list[i-1].SignedDate))
					}
					// a page of one holds the document at its place
					f := f
					f.Limit, f.Offset = 1, i
					if page, err := s.Documents(ctx, f); err != nil || len(page) != 1 || page[0].ID != d.ID {
						t.Errorf("%s: %+v: the page holds %v (%v), want %d", when, f, page, err, d.ID)
					}
				}
				slices.Sort(got)
				n, err := s.CountDocuments(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, want) || n != len(want) {
					t.Errorf("%s: documents %+v: %v (count %d), want %v", when, f, got, n, want)
				}
			}
		}
		check("after corrections")

		// undo every correction: the extractor's labels count again
		for _, doc := range docs {
			hist, err := tr.History(ctx, doc, "", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range hist {
				if (e.Entity == "correction" || e.Entity == "document_correction") && e.Action == "create" {
					if err := tr.Undo(ctx, e.Seq); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		if d, err := s.Document(ctx, docs[0]); err != nil || slices.Contains(d.Parties, "KZ") {
			t.Fatalf("the undone parties correction still applies (%v)", err)
		}
		check("after undo")
	})
}

// keepsDocument says whether the library's filter f keeps the corrected
// document d: one of its parties, a commitment in the area, signed in the
// range.
func keepsDocument(d *entente.StoredDocument, f entente.DocumentFilter) bool {
	date := ""
	if d.SignedDate != nil {
		date = *d.SignedDate
	}
	switch {
	case f.Party != "" && !slices.Contains(d.Parties, f.Party),
		f.Area != "" && !slices.ContainsFunc(d.Extraction.Sentences, func(st entente.Sentence) bool {
			return st.Type == entente.Commitment && slices.Contains(st.Areas, f.Area)
		}),
		f.From != "" && date < f.From,
		f.To != "" && (date == "" || date[:min(len(f.To), len(date))] > f.To):
		return false
	}
	return true
}

// deref is *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
