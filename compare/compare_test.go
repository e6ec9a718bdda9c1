package compare_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestTimelineLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		want := []struct {
			year, sentence, designation, from string
			action                            entente.RelationshipAction
		}{
			{"2009", "s2", "strategic_partnership", "", entente.Established},
			{"2013", "s1", "strategic_partnership", "", entente.Reaffirmed}, // deepened, not upgraded
			{"2016", "s2", "comprehensive_strategic_partnership", "strategic_partnership", entente.Upgraded},
			{"2019", "s2", "comprehensive_strategic_partnership", "", entente.Reaffirmed},
			{"2024", "s2", "shared_future", "comprehensive_strategic_partnership", entente.Upgraded},
		}
		for _, pair := range [][2]string{{"CN", "RS"}, {"RS", "CN"}} {
			got, err := svc.Timeline(ctx, pair[0], pair[1])
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%v: %d steps, want %d: %+v", pair, len(got), len(want), got)
			}
			for i, w := range want {
				g := got[i]
				if g.DocumentID != ids[w.year] || g.Sentence != w.sentence || g.Designation != w.designation ||
					g.From != w.from || g.Action != w.action || g.Inferred {
					t.Errorf("%v step %d = doc %d %s %s from %q %s (inferred %v), want %s %s %s from %q %s",
						pair, i, g.DocumentID, g.Sentence, g.Designation, g.From, g.Action, g.Inferred,
						w.year, w.sentence, w.designation, w.from, w.action)
				}
				if g.Label.ZH == "" || g.Label.EN == "" || g.Rank == 0 || g.Text == "" {
					t.Errorf("step %d lacks its label, rank or text: %+v", i, g)
				}
			}
		}
		if got, err := svc.Timeline(ctx, "CN", "AE"); err != nil || len(got) != 0 {
			t.Errorf("a pair with no documents: %v, %v", got, err)
		}
		if _, err := svc.Timeline(ctx, "CN", "CN"); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("a pair of one party: %v, want invalid", err)
		}
	})
}

func TestCompareLibrary(t *testing.T) {
	type row struct {
		mark entente.Mark
		a, b string // sN of each side, "" for none
	}
	cases := []struct {
		from, to string
		rows     []row
		summary  map[entente.Mark]int
		area     map[string]map[entente.Mark]int
	}{
		{"2016", "2019", []row{
			{entente.Weakened, "s2", "s2"}, // an upgrade decided, then a relationship reaffirmed
			{entente.Repeated, "s3", "s3"},
			{entente.Dropped, "s4", ""},    // the committee, not named in 2019
			{entente.Repeated, "s5", "s4"}, // 继续 added: still the same words
			{entente.Strengthened, "s6", "s5"},
			{entente.Dropped, "s7", ""},
			{entente.Dropped, "s8", ""},
			{entente.Repeated, "s9", "s6"},
			{entente.Added, "", "s7"},
		}, map[entente.Mark]int{entente.Repeated: 3, entente.Strengthened: 1, entente.Weakened: 1, entente.Added: 1, entente.Dropped: 3},
			map[string]map[entente.Mark]int{"trade": {entente.Strengthened: 1, entente.Dropped: 1}, "energy": {entente.Dropped: 1}, "investment": {entente.Dropped: 1}, "ai": {entente.Added: 1}}},
		{"2009", "2016", []row{
			{entente.Reworded, "s2", "s2"},
			{entente.Reworded, "s3", "s3"},
			{entente.Added, "", "s4"},
			{entente.Reworded, "s4", "s5"},
			{entente.Added, "", "s6"},
			{entente.Added, "", "s7"},
			{entente.Repeated, "s5", "s8"},
			{entente.Added, "", "s9"},
		}, map[entente.Mark]int{entente.Reworded: 3, entente.Repeated: 1, entente.Added: 4},
			map[string]map[entente.Mark]int{"infrastructure": {entente.Reworded: 1}, "trade": {entente.Added: 2}, "investment": {entente.Added: 1}}},
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		for _, c := range cases {
			got, err := svc.Compare(ctx, ids[c.from], ids[c.to])
			if err != nil {
				t.Fatal(err)
			}
			if got.A.ID != ids[c.from] || got.B.ID != ids[c.to] {
				t.Errorf("%s→%s: sides %d, %d", c.from, c.to, got.A.ID, got.B.ID)
			}
			if len(got.Rows) != len(c.rows) {
				t.Fatalf("%s→%s: %d rows, want %d: %+v", c.from, c.to, len(got.Rows), len(c.rows), got.Rows)
			}
			for i, w := range c.rows {
				g := got.Rows[i]
				ga, gb := "", ""
				if g.A != nil {
					ga = g.A.Sentence
				}
				if g.B != nil {
					gb = g.B.Sentence
				}
				if g.Mark != w.mark || ga != w.a || gb != w.b {
					t.Errorf("%s→%s row %d = %s %q %q, want %s %q %q", c.from, c.to, i, g.Mark, ga, gb, w.mark, w.a, w.b)
				}
				if g.A != nil && g.B != nil && (g.Score < 0.4 || len(g.Why) == 0) {
					t.Errorf("%s→%s row %d: a pair with score %.2f, why %v", c.from, c.to, i, g.Score, g.Why)
				}
			}
			for m, n := range c.summary {
				if got.Summary[m] != n {
					t.Errorf("%s→%s: %d %s, want %d (%v)", c.from, c.to, got.Summary[m], m, n, got.Summary)
				}
			}
			for area, marks := range c.area {
				for m, n := range marks {
					if got.ByArea[area][m] != n {
						t.Errorf("%s→%s: %s has %d %s, want %d (%v)", c.from, c.to, area, got.ByArea[area][m], m, n, got.ByArea)
					}
				}
			}
		}
		if _, err := svc.Compare(ctx, ids["2016"], ids["2016"]); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("a document with itself: %v, want invalid", err)
		}
		if _, err := svc.Compare(ctx, ids["2016"], 99999); entente.ErrorCode(err) != entente.ENOTFOUND {
			t.Errorf("a missing document: %v, want not found", err)
		}
	})
}
