package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexOffsetsPastTheEnd: pages that end at the last match, start on
// it, start just past it and far past it are, in every order, what the
// Go path gives: the matches there are and none, with the total.
func TestIndexOffsetsPastTheEnd(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		ingestStatement(t, ctx, s, statement)
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		for _, f := range []entente.CommitmentFilter{{}, {Party: "AE"}, {DueBefore: "2030-12-31"}, {Area: "nowhere"}} {
			p, err := ref.Commitments(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			n := p.Total
			for _, sort := range []string{"", "due", "status"} {
				for _, pg := range [][2]int{{2, max(n-2, 0)}, {3, max(n-1, 0)}, {1, n}, {5, n + 1}, {tracking.MaxLimit, 10*n + 7}} {
					g := f
					g.Sort, g.Limit, g.Offset = sort, pg[0], pg[1]
					samePage(t, ctx, tr, ref, g, "past the end")
				}
			}
		}
	})
}
