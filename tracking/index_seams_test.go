package tracking_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexEverySeam: with a status of every kind set (each its own
// rank), pages that start one before, at and one after every place the
// order's key changes (a status's rank, a due date, a document) are the
// Go path's: the status order collects each rank's part of a page apart
// (index_query.go), and ties keep the default order.
func TestIndexEverySeam(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		ingestStatement(t, ctx, s, statement)
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit})
		if err != nil || all.Total < 2*len(entente.Statuses) {
			t.Fatalf("%v commitments (%v)", all, err)
		}
		// every third commitment a status, the kinds in turn (not rated
		// set too: a row that says so)
		for i := 0; i < len(all.Commitments); i += 3 {
			c := all.Commitments[i]
			st := entente.Statuses[(i/3)%len(entente.Statuses)]
			in := tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID, Status: st, Why: "test", Revision: -1}
			if st != entente.NotRated {
				in.EvidenceID = addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "").ID
			}
			if _, err := tr.SetStatus(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []entente.CommitmentFilter{{}, {Party: "CN"}} {
			for _, sort := range []string{"", "due", "status"} {
				g := f
				g.Sort, g.Limit = sort, tracking.MaxLimit
				want, err := ref.Commitments(ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				key := func(c *entente.TrackedCommitment) string {
					switch sort {
					case "due":
						return dueKeyOf(c)
					case "status":
						return fmt.Sprint(tracking.StatusRank(c))
					}
					return fmt.Sprint(c.SignedDate, c.DocumentID)
				}
				seams := 0
				for i := 1; i < len(want.Commitments); i++ {
					if key(&want.Commitments[i]) == key(&want.Commitments[i-1]) {
						continue
					}
					seams++
					for _, pg := range [][2]int{{1, i - 1}, {2, i - 1}, {1, i}, {3, i + 1}} {
						h := f
						h.Sort, h.Limit, h.Offset = sort, pg[0], pg[1]
						samePage(t, ctx, tr, ref, h, fmt.Sprintf("the %q order's seam at %d", sort, i))
					}
				}
				if sort == "status" && seams < len(entente.Statuses)-1 {
					t.Errorf("%+v by status: %d seams, want one between each two ranks", f, seams)
				}
			}
		}
	})
}

// dueKeyOf is a commitment's place in the due order: its date, those
// without one last.
func dueKeyOf(c *entente.TrackedCommitment) string {
	if c.Due == nil || c.Due.Date == "" {
		return "none"
	}
	return c.Due.Date
}
