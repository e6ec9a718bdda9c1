package tracking_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// partiesUnread is a statement whose title and text name no country: the
// extractor reads no parties, so "the two sides" stands for no one until an
// analyst says who the parties are.
const partiesUnread = `Joint Statement on the Official Visit

Paris, 6 May 2024

1. The two sides agreed to expand trade in farm products.
2. China will open a research centre in Lyon.
3. The two sides will hold the next round of the strategic dialogue in 2025.
`

// TestCorrectedPartiesReadAgain: an analyst's correction of a document's
// parties reads the document again at once, its joint subjects standing
// for the corrected parties, in what the reader, the commitments and their
// party filter show; undoing the correction reads it back; a correction
// waiting for review changes nothing until an editor approves it; every
// change is its maker's, each with its event; and the document's own
// correction is not flagged by the re-reading.
func TestCorrectedPartiesReadAgain(t *testing.T) {
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		tr.Extractor, tr.ExtractorName = reg, reg.ID()
		x := reg.Extract(partiesUnread)
		if len(x.Document.Parties) != 0 {
			t.Fatalf("the statement must name no parties, read %v", x.Document.Parties)
		}
		doc, err := s.CreateDocument(ctx, &entente.NewDocument{
			Extraction: x, Text: partiesUnread, Extractor: reg.ID(),
			Source:   entente.Source{Name: "visit.txt", Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
			Original: []byte(partiesUnread),
		})
		if err != nil {
			t.Fatal(err)
		}
		actors := func(when string, want ...[]string) {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range want {
				if got := d.Extraction.Sentences[i].Actors; !slices.Equal(got, w) {
					t.Errorf("%s: s%d's actors %v, want %v", when, i+1, got, w)
				}
			}
		}
		committedBy := func(party string) []string {
			t.Helper()
			p, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Party: party, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range p.Commitments {
				ids = append(ids, c.Sentence.ID)
			}
			return ids
		}
		actors("as read", []string{}, []string{"CN"}, []string{})

		c, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "parties", Value: []byte(`["CN","FR"]`), Why: "the ministry's page"})
		if err != nil {
			t.Fatal(err)
		}
		actors("parties corrected", []string{"CN", "FR"}, []string{"CN"}, []string{"CN", "FR"})
		if got := committedBy("FR"); !slices.Equal(got, []string{"s1", "s3"}) {
			t.Errorf("commitments of FR after the correction: %v, want s1 and s3", got)
		}
		d, err := s.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(d.Parties, []string{"CN", "FR"}) {
			t.Errorf("the document shows parties %v", d.Parties)
		}
		for _, k := range d.Corrections {
			if k.Flag != "" {
				t.Errorf("the re-reading flagged %s (%s)", k.Ref, k.Flag)
			}
		}
		events, err := tr.History(ctx, doc, "", 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		last := events[len(events)-1]
		if last.Action != "reextract" || last.Actor != "ana" {
			t.Errorf("the last event is %s by %s, want the analyst's reextract", last.Action, last.Actor)
		}

		if err := tr.Undo(ctx, events[len(events)-2].Seq); err != nil {
			t.Fatal(err)
		}
		actors("correction undone", []string{}, []string{"CN"}, []string{})
		if got := committedBy("FR"); len(got) != 0 {
			t.Errorf("commitments of FR after the undo: %v", got)
		}
		if c.Field != "parties" {
			t.Errorf("the correction is of %s", c.Field)
		}

		// with review required, an analyst's correction waits, and the
		// document is read again when an editor approves it
		ed := as(context.Background(), "ed", entente.RoleEditor)
		if err := tr.SetReviewRequired(ed, true); err != nil {
			t.Fatal(err)
		}
		c, err = tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "parties", Value: []byte(`["CN","FR"]`), Why: "again"})
		if err != nil {
			t.Fatal(err)
		}
		if c.State != entente.CorrectionProposed {
			t.Fatalf("the correction is %s, want proposed", c.State)
		}
		actors("correction proposed", []string{}, []string{"CN"}, []string{})
		if _, err := tr.Review(ed, c.Ref, entente.ActApprove, "checked"); err != nil {
			t.Fatal(err)
		}
		actors("correction approved", []string{"CN", "FR"}, []string{"CN"}, []string{"CN", "FR"})

		// a proposed correction rejected was never in force: nothing is read
		// again, and the last event is the rejection
		c, err = tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "parties", Value: []byte(`["CN","DE"]`), Why: "a guess"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Review(ed, c.Ref, entente.ActReject, "wrong"); err != nil {
			t.Fatal(err)
		}
		actors("a proposal rejected", []string{"CN", "FR"}, []string{"CN"}, []string{"CN", "FR"})
		events, err = tr.History(ctx, doc, "", 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		if last := events[len(events)-1]; last.Action != "reject" {
			t.Errorf("after a rejected proposal the last event is %s %s, want the rejection", last.Action, last.Entity)
		}
	})
}
