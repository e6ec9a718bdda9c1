package tracking_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// compareBoundaries holds the pages of f in the due and status orders to
// the Go path's at the seam of the two parts the index reads them in
// (index_query.go): the commitments with a due date, sorted, then those
// without in the default order; those not rated, then the others. Offsets one before, at and one past
// the first part's size, with limits that end inside the first part, at
// the seam and across it, and the last page; the fixed pages of compare
// meet the seam only by chance.
func compareBoundaries(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, f entente.CommitmentFilter, when string) {
	t.Helper()
	for _, sort := range []string{"due", "status"} {
		all := f
		all.Sort, all.Limit, all.Offset = sort, tracking.MaxLimit, 0
		want, err := ref.Commitments(ctx, all)
		if err != nil {
			t.Fatalf("%s: Go %+v: %v", when, all, err)
		}
		// the first part's size: where the order passes from one part to
		// the other
		first := 0
		for i := range want.Commitments {
			c := &want.Commitments[i]
			in := c.Due != nil && c.Due.Date != ""
			if sort == "status" {
				in = tracking.StatusRank(c) == 0
			}
			if !in {
				break
			}
			first++
		}
		var pages [][2]int
		for _, off := range []int{first - 1, first, first + 1} {
			if off >= 0 {
				pages = append(pages, [2]int{1, off}, [2]int{2, off})
			}
		}
		pages = append(pages, [2]int{3, max(want.Total-1, 0)})
		for _, pg := range pages {
			g := f
			g.Sort, g.Limit, g.Offset = sort, pg[0], pg[1]
			samePage(t, ctx, tr, ref, g, fmt.Sprintf("%s, at the seam (first part %d)", when, first))
		}
	}
}
