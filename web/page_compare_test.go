package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
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

// A pair's page lists its newest pending follow-ups, each with its form, up
// to maxPairFollowups, and says how many there are in all and where to read
// them: a pair of thousands of statements has thousands pending.
func TestPairPageFollowupsBounded(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarness(t, st, false)
	var all []entente.Followup
	for i := range maxPairFollowups + 3 {
		ref := entente.CommitmentBrief{Ref: fmt.Sprintf("%d/s1", i+1), DocumentID: int64(i + 1), Sentence: "s1"}
		all = append(all, entente.Followup{Commitment: ref, Report: ref, SuggestedStatus: entente.Fulfilled})
	}
	for _, n := range []int{3, maxPairFollowups + 3} {
		rec := httptest.NewRecorder()
		f := &frame{T: textsFor(rec, httptest.NewRequest("GET", "/pairs/CN/RS?lang=en", nil)), User: h.users[entente.RoleEditor]}
		v := &pairView{compareView: compareView{frame: f, W: compareWordsEN, Codes: []string{"CN", "RS"}}, V: &entente.PairView{},
			Followups: all[:n], CanDecide: true}
		v.showFollowups()
		h.srv.render(rec, "pair", v)
		page := rec.Body.String()
		forms := strings.Count(page, `class="track-form followup-form"`)
		more := regexp.MustCompile(`id="followups-more">The newest (\d+) of (\d+) pending are shown; all of them: <a href="/api/v1/followups\?pair=CN,RS">`).FindStringSubmatch(page)
		switch {
		case n <= maxPairFollowups && (forms != n || more != nil):
			t.Errorf("%d pending: %d forms, the rest named %v", n, forms, more)
		case n > maxPairFollowups && (forms != maxPairFollowups || more == nil || more[1] != fmt.Sprint(maxPairFollowups) || more[2] != fmt.Sprint(n)):
			t.Errorf("%d pending: %d forms, the rest named %v", n, forms, more)
		}
	}
}
