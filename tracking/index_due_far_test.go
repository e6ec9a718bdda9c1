package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexDeadlineFarAway: a span of years counted from a date of
// signing late in the calendar (a document's date corrected to
// 9990-01-01, a slip for 1990, and a deadline of 未来五十年内) went past
// the year 9999 and gave a due date of five digits: the index read it as
// no date while the Go path compared it as text, before every date of
// four digits (first in the due order, due before any date, overdue).
// Such a date is open on both, as a named year past 9999 already was.
func TestIndexDeadlineFarAway(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: tracking.MaxLimit})
		if err != nil || all.Total < 3 {
			t.Fatalf("%v commitments (%v)", all, err)
		}
		c := all.Commitments[0]
		for _, k := range []tracking.CorrectInput{
			{Document: doc, Field: "date", Value: []byte(`"9990-01-01"`)},
			{Document: doc, Sentence: c.Sentence.ID, Field: "deadline", Value: []byte(`"未来五十年内"`)},
		} {
			k.Why = "test"
			if _, err := tr.Correct(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
		d, err := tr.Commitment(ctx, doc, c.Sentence.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Due == nil || d.Due.Date != "" || d.Due.Precision != entente.PrecisionOpen || d.Overdue {
			t.Errorf("50 years after 9990-01-01: due %+v overdue %v, want open", d.Due, d.Overdue)
		}
		for _, f := range []entente.CommitmentFilter{{Sort: "due"}, {Overdue: true}, {DueBefore: "2030-12-31"}} {
			f.Limit = tracking.MaxLimit
			samePage(t, ctx, tr, ref, f, "a due date past the year 9999")
			sameScorecard(t, ctx, tr, ref, f, "a due date past the year 9999")
		}
	})
}
