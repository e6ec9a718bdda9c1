package web

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestTimeAxisLabels: dates on a pair's time axis never overlap on one row
// (two labels of a row are at least axisLabelGap apart); dates far apart
// are all written on the first row; of many close dates some are written
// on the second row and the rest left to their marks' titles.
func TestTimeAxisLabels(t *testing.T) {
	days := func(start string, gaps ...int) []entente.DocumentBrief {
		d, _ := time.Parse(time.DateOnly, start)
		out := []entente.DocumentBrief{{ID: 1, SignedDate: d.Format(time.DateOnly)}}
		for i, g := range gaps {
			d = d.AddDate(0, 0, g)
			out = append(out, entente.DocumentBrief{ID: int64(i + 2), SignedDate: d.Format(time.DateOnly)})
		}
		return out
	}
	many := make([]int, 249)
	for i := range many {
		many[i] = 30
	}
	cases := []struct {
		name                 string
		docs                 []entente.DocumentBrief
		labelled, secondRows int // -1: any
	}{
		{"far apart", days("2009-08-20", 1500, 1100, 1200, 900), 5, 0},
		{"two close", days("2009-08-20", 3000, 5, 2000), 4, 1},
		{"three close", days("2009-08-20", 3000, 5, 5), 3, 1},
		{"one", days("2024-05-08"), 1, 0},
		{"250 monthly", days("2000-01-01", many...), -1, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pts := timeAxis(c.docs)
			if len(pts) != len(c.docs) {
				t.Fatalf("%d points for %d documents", len(pts), len(c.docs))
			}
			last := map[int]float64{0: -100, 1: -100}
			labelled, second := 0, 0
			for _, p := range pts { // already left to right: dates ascend
				if !p.Label {
					continue
				}
				if p.Left-last[p.Row] < axisLabelGap {
					t.Errorf("%s at %.1f%% overlaps the date at %.1f%% on row %d", p.Doc.SignedDate, p.Left, last[p.Row], p.Row)
				}
				last[p.Row] = p.Left
				labelled++
				if p.Row == 1 {
					second++
				}
			}
			if c.labelled >= 0 && (labelled != c.labelled || second != c.secondRows) {
				t.Errorf("%d dates written (%d on the second row), want %d (%d)", labelled, second, c.labelled, c.secondRows)
			}
			if labelled == 0 || float64(labelled) > 2*100/axisLabelGap+2 {
				t.Errorf("%d dates written", labelled)
			}
		})
	}
}
