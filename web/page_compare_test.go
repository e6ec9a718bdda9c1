package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
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

// A pair's page stays a page when the pair shares thousands of documents:
// it lists the newest maxPairDocuments (all with ?docs=all, each year's
// first anchored for the axis), marks years rather than documents on the
// axis beyond maxAxisMarks, and lists at most maxPairSteps relationship
// steps, those that changed the relationship before reaffirmations.
func TestPairPageBounded(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarness(t, st, false)
	pair := func(docs, steps int) *entente.PairView {
		v := &entente.PairView{}
		day, _ := time.Parse(time.DateOnly, "1995-01-02")
		for i := range docs {
			date := day.AddDate(0, 0, 9*i).Format(time.DateOnly)
			v.Documents = append(v.Documents, entente.DocumentBrief{ID: int64(i + 1), SignedDate: date, Title: fmt.Sprintf("statement %d", i+1)})
		}
		for i := range steps {
			action := entente.Reaffirmed
			if i == 0 {
				action = entente.Established
			} else if i%50 == 0 {
				action = entente.Upgraded
			}
			v.Timeline = append(v.Timeline, entente.RelationshipStep{DocumentID: int64(i + 1), Sentence: "s1", Action: action,
				SignedDate: v.Documents[i].SignedDate})
		}
		return v
	}
	render := func(v *entente.PairView, all bool) string {
		rec := httptest.NewRecorder()
		f := &frame{T: textsFor(rec, httptest.NewRequest("GET", "/pairs/CN/RS?lang=en", nil)), User: h.users[entente.RoleViewer]}
		pv := &pairView{compareView: compareView{frame: f, W: compareWordsEN, Codes: []string{"CN", "RS"}}, V: v}
		pv.bound(all)
		h.srv.render(rec, "pair", pv)
		return rec.Body.String()
	}
	listed := regexp.MustCompile(`(?s)<ul class="pair-docs" id="pair-docs">(.*?)</ul>`)
	docsOf := func(page string) []string {
		m := listed.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no list of documents")
		}
		return regexp.MustCompile(`statement \d+`).FindAllString(m[1], -1)
	}
	steps := regexp.MustCompile(`<li class="rel-step rel-(\w+)[ "]`)

	small := render(pair(12, 5), false)
	if got := docsOf(small); len(got) != 12 || got[0] != "statement 12" || got[11] != "statement 1" {
		t.Errorf("12 documents listed as %v, want all, newest first", got)
	}
	if strings.Contains(small, "pair-docs-more") || strings.Contains(small, "pair-steps-more") || strings.Contains(small, "axis-year") {
		t.Error("a small pair's page says it leaves something out, or marks years")
	}
	if n := strings.Count(small, `class="axis-doc"`); n != 12 {
		t.Errorf("%d documents on a small pair's axis, want 12", n)
	}

	const docs = 2000 // some 49 years at one statement every nine days
	big := render(pair(docs, 400), false)
	if got := docsOf(big); len(got) != maxPairDocuments || got[0] != fmt.Sprint("statement ", docs) {
		t.Errorf("%d documents listed (first %v), want the newest %d", len(got), got[:min(1, len(got))], maxPairDocuments)
	}
	if !strings.Contains(big, fmt.Sprintf(`id="pair-docs-more">The newest %d of %d are shown; all of them: <a href="?docs=all#h-docs">`, maxPairDocuments, docs)) {
		t.Error("the page does not say how many documents it leaves out and where they are")
	}
	if n := strings.Count(big, `class="axis-doc"`); n != 0 {
		t.Errorf("%d documents marked on the axis of %d", n, docs)
	}
	years := regexp.MustCompile(`<li class="axis-year" style="left:[\d.]+%"><a href="\?docs=all#y(\d{4})" title="(\d{4}) · (\d+) documents">`).FindAllStringSubmatch(big, -1)
	counted := 0
	for _, y := range years {
		n, _ := strconv.Atoi(y[3])
		counted += n
		if y[1] != y[2] {
			t.Errorf("the mark of %s is titled %s", y[1], y[2])
		}
	}
	if len(years) < 40 || len(years) > maxAxisMarks || counted != docs {
		t.Errorf("%d year marks counting %d documents, want one a year counting all %d", len(years), counted, docs)
	}
	rel := big[strings.Index(big, `id="h-rel"`):strings.Index(big, `id="h-score"`)]
	listedSteps := regexp.MustCompile(`<a href="/documents/\d+#s1">`).FindAllString(rel, -1)
	changed := 0
	for _, s := range steps.FindAllStringSubmatch(rel, -1) {
		if s[1] == string(entente.Established) || s[1] == string(entente.Upgraded) {
			changed++
		}
	}
	// the establishment and seven upgrades of 400 steps, the newest 22
	// reaffirmations between them folded where four or more are in a row
	if len(listedSteps) != maxPairSteps || changed != 8 || !strings.Contains(rel, "rel-run") {
		t.Errorf("%d steps listed, %d of them changes, want %d with all 8 changes and reaffirmations folded", len(listedSteps), changed, maxPairSteps)
	}
	if !strings.Contains(big, fmt.Sprintf(`id="pair-steps-more">%d of 400 steps are shown`, maxPairSteps)) {
		t.Error("the page does not say how many relationship steps it leaves out")
	}

	all := render(pair(docs, 400), true)
	if got := docsOf(all); len(got) != docs {
		t.Errorf("?docs=all lists %d of %d documents", len(got), docs)
	}
	for _, y := range years {
		if strings.Count(all, `id="y`+y[1]+`"`) != 1 {
			t.Errorf("the full list has no single anchor for %s, the target of its mark", y[1])
		}
	}
	if strings.Contains(all, "pair-docs-more") {
		t.Error("the full list says it leaves documents out")
	}
}

// pairSteps keeps the steps that changed a relationship before
// reaffirmations, the newest of each, in the timeline's order.
func TestPairSteps(t *testing.T) {
	step := func(id int64, a entente.RelationshipAction) entente.RelationshipStep {
		return entente.RelationshipStep{DocumentID: id, Action: a}
	}
	E, U, R := entente.Established, entente.Upgraded, entente.Reaffirmed
	timeline := []entente.RelationshipStep{step(1, E), step(2, R), step(3, R), step(4, U), step(5, R), step(6, R), step(7, U), step(8, R)}
	ids := func(steps []entente.RelationshipStep) []int64 {
		var out []int64
		for _, s := range steps {
			out = append(out, s.DocumentID)
		}
		return out
	}
	for _, c := range []struct {
		max  int
		want []int64
	}{
		{8, []int64{1, 2, 3, 4, 5, 6, 7, 8}},
		{20, []int64{1, 2, 3, 4, 5, 6, 7, 8}},
		{5, []int64{1, 4, 6, 7, 8}},
		{3, []int64{1, 4, 7}},
		{2, []int64{4, 7}},
	} {
		if got := ids(pairSteps(timeline, c.max)); !slices.Equal(got, c.want) {
			t.Errorf("at most %d: %v, want %v", c.max, got, c.want)
		}
	}
}

// A timeline folds four or more reaffirmations of one designation in a
// row under one line that opens on them; every other step, and a shorter
// run, is listed as it is, and every step stays on the page.
func TestTimelineFoldsReaffirmations(t *testing.T) {
	E, U, R := entente.Established, entente.Upgraded, entente.Reaffirmed
	var steps []entente.RelationshipStep
	add := func(a entente.RelationshipAction, designation string, n int) {
		for range n {
			steps = append(steps, entente.RelationshipStep{DocumentID: int64(len(steps) + 1), Sentence: "s1", Action: a,
				Designation: designation, Label: entente.Label{EN: designation}, SignedDate: fmt.Sprintf("20%02d-01-01", len(steps))})
		}
	}
	add(E, "strategic_partnership", 1)
	add(R, "strategic_partnership", 3) // short: as it is
	add(U, "comprehensive_strategic_partnership", 1)
	add(R, "comprehensive_strategic_partnership", 6) // folded
	add(R, "strategic_partnership", 4)               // another designation: folded apart
	add(U, "shared_future", 1)
	runs := foldSteps(steps)
	var lens []int
	for _, r := range runs {
		lens = append(lens, len(r.Steps))
	}
	if want := []int{1, 1, 1, 1, 1, 6, 4, 1}; !slices.Equal(lens, want) {
		t.Fatalf("runs of %v, want %v", lens, want)
	}

	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarness(t, st, false)
	rec := httptest.NewRecorder()
	f := &frame{T: textsFor(rec, httptest.NewRequest("GET", "/timeline?lang=en", nil)), User: h.users[entente.RoleViewer]}
	v := &relationView{compareView: compareView{frame: f, W: compareWordsEN, Codes: []string{"CN", "RS"}}, Steps: steps, Runs: runs}
	h.srv.render(rec, "timeline", v)
	page := rec.Body.String()
	folded := regexp.MustCompile(`(?s)<li class="rel-step rel-run rel-reaffirmed"[^>]*><details>\s*<summary><span class="rel-date">(\S+) – (\S+)</span>\s*<span class="rel-action">reaffirmed ×(\d+)</span>`).FindAllStringSubmatch(page, -1)
	if len(folded) != 2 || folded[0][3] != "6" || folded[0][1] != "2005-01-01" || folded[0][2] != "2010-01-01" || folded[1][3] != "4" {
		t.Errorf("folded runs: %v", folded)
	}
	if n := strings.Count(page, `<a href="/documents/`); n < 2*len(steps) {
		t.Errorf("%d links for %d steps: a folded step is missing", n, len(steps))
	}
	if n := regexp.MustCompile(`<ol class="rel-timeline" id="timeline">`).FindAllStringIndex(page, -1); len(n) != 1 {
		t.Error("no timeline")
	}
}
