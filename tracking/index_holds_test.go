package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// holdsToGo is the check the review's tests make after each change: the
// index kept by updates is the one read anew, and its pages (every sort,
// at the seams of the due and status orders), scorecards and a pair's
// counts by area are what the Go path gives, over filters of every kind.
func holdsToGo(t *testing.T, ctx context.Context, s *sqlstore.Store, tr, ref *tracking.Tracker, when string) {
	t.Helper()
	sameAsFull(t, ctx, s, tr, when)
	for _, f := range []entente.CommitmentFilter{
		{}, {Withdrawn: true}, {Party: "CN"}, {Party: "RS"}, {Party: "HU"}, {Pair: []string{"CN", "RS"}},
		{Area: "trade"}, {Strength: entente.Intent}, {Status: entente.Stalled}, {Status: entente.NotRated, Party: "RS"},
		{Overdue: true}, {DueBefore: "2030-12-31"}, {From: "2024"}, {To: "2020", Withdrawn: true},
	} {
		compareBoundaries(t, ctx, tr, ref, f, when)
		for _, sort := range []string{"", "due", "status"} {
			for _, pg := range [][2]int{{tracking.MaxLimit, 0}, {4, 3}} {
				g := f
				g.Sort, g.Limit, g.Offset = sort, pg[0], pg[1]
				samePage(t, ctx, tr, ref, g, when)
			}
		}
		sameScorecard(t, ctx, tr, ref, f, when)
		sameByArea(t, ctx, tr, ref, f, when)
	}
}

// sameByArea holds the counts by area and status the index gives (a
// pair's page) to those counted over the Go path's pages, as
// compare.Service counts them when the store keeps no index.
func sameByArea(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, f entente.CommitmentFilter, when string) {
	t.Helper()
	got, n, ok, err := tr.ByArea(ctx, f)
	if err != nil || !ok {
		t.Fatalf("%s: by area %+v: %v (index %v)", when, f, err, ok)
	}
	want := map[string]map[entente.Status]int{}
	total := 0
	for off := 0; ; {
		g := f
		g.Limit, g.Offset = tracking.MaxLimit, off
		p, err := ref.Commitments(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range p.Commitments {
			areas := c.Sentence.Areas
			if len(areas) == 0 {
				areas = []string{"none"}
			}
			for _, ar := range areas {
				if want[ar] == nil {
					want[ar] = map[entente.Status]int{}
				}
				for _, party := range sqlstore.CommitmentParties(&c) {
					want[ar][c.StatusOf(party)]++
				}
			}
		}
		total, off = p.Total, off+len(p.Commitments)
		if len(p.Commitments) == 0 || off >= p.Total {
			break
		}
	}
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w || n != total {
		t.Errorf("%s: by area %+v: index %s (%d commitments), Go %s (%d)", when, f, g, n, w, total)
	}
}
