package compare

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/testlibrary"
)

// walkCorpus is the test library's Chinese statements of China and Serbia
// read again and again over the years: every promise of it recycled many
// times, reports that match commitments in many earlier documents, two
// documents on each day (what is signed the same day is not earlier) and
// two undated (before nothing and after nothing).
func walkCorpus(t *testing.T) *corpus {
	t.Helper()
	ex, err := extract.New("zh")
	if err != nil {
		t.Fatal(err)
	}
	w, err := LoadWords()
	if err != nil {
		t.Fatal(err)
	}
	var extractions []*entente.Extraction
	for _, name := range testlibrary.Chinese() {
		b, err := testlibrary.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		extractions = append(extractions, ex.Extract(string(b)))
	}
	var docs []*entente.StoredDocument
	for i := range 30 {
		x := extractions[(i*5)%len(extractions)]
		d := &entente.StoredDocument{ID: int64(i + 1), Extraction: x}
		d.Title, d.Parties = x.Document.Title, []string{"CN", "RS"}
		if i < 28 {
			date := fmt.Sprintf("%d-05-08", 1990+i/2)
			d.SignedDate = &date
		}
		docs = append(docs, d)
	}
	sortByDate(docs)
	return w.newCorpus(docs)
}

// The walk back through the postings finds what comparing each commitment
// with every earlier one finds, among those that share a rare term, a name
// or the whole text: the recycled links and the follow-ups alike.
func TestWalkBackFindsWhatAScanFinds(t *testing.T) {
	c := walkCorpus(t)
	linked := 0
	for _, its := range c.commitments {
		for _, it := range its {
			want, wantScore := scanLink(c, it)
			l := c.linkOf(it)
			if l.prev != want || (want != nil && l.score != wantScore) {
				t.Fatalf("%d/%s: linked to %v (%.3f), a scan links it to %v (%.3f)", it.doc, it.s.ID, refOfItem(l.prev), l.score, refOfItem(want), wantScore)
			}
			if want != nil {
				linked++
			}
		}
	}
	if linked < c.count/4 {
		t.Fatalf("only %d of %d commitments linked: the corpus tests little", linked, c.count)
	}
	if n := len(scanSuggest(c, 1000)); n < 15 {
		t.Fatalf("only %d follow-ups: the corpus tests little", n)
	}
	for _, max := range []int{1, 2, MaxOffers, 1000} {
		got, want := c.suggest(max), scanSuggest(c, max)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("at most %d offers a report: %d follow-ups, a scan finds %d (or the same number, not the same)", max, len(got), len(want))
		}
	}
	if len(scanSuggest(c, 1)) == len(scanSuggest(c, 1000)) {
		t.Fatal("no report is offered on two commitments: the bound is not tested")
	}
}

func refOfItem(it *item) string {
	if it == nil {
		return "none"
	}
	return fmt.Sprintf("%d/%s", it.doc, it.s.ID)
}

// candidate is what walkBack reads: a commitment that shares a rare term,
// a name or the whole text with it.
func candidate(it, e *item) bool {
	if it.same != "" && it.same == e.same || sharesEntity(it.entities, e.entities) {
		return true
	}
	for k, id := range it.ids {
		if _, held := slices.BinarySearch(e.ids, id); it.rareID[k] && held {
			return true
		}
	}
	return false
}

// scanLink compares it with every candidate of every earlier document,
// newest first, to the first document with a match.
func scanLink(c *corpus, it *item) (*item, float64) {
	for j := it.pos - 1; j >= 0; j-- {
		if !c.earlier(j, it.pos) {
			continue
		}
		var best *item
		bestScore := 0.0
		for _, e := range c.commitments[j] {
			if sc := similarity(it, e); candidate(it, e) && sc >= RecycledThreshold && sc > bestScore {
				best, bestScore = e, sc
			}
		}
		if best != nil {
			return best, bestScore
		}
	}
	return nil, 0
}

// scanSuggest compares each report with every commitment of every earlier
// document not restated before it, and keeps the max best of each
// document's best.
func scanSuggest(c *corpus, max int) []entente.Followup {
	restated := map[*item]string{} // the date of its first restatement
	for _, its := range c.commitments {
		for _, it := range its {
			if prev := c.linkOf(it).prev; prev != nil && (restated[prev] == "" || it.date < restated[prev]) {
				restated[prev] = it.date
			}
		}
	}
	type offer struct {
		e     *item
		score float64
	}
	var out []entente.Followup
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, r := range c.reports[k] {
			var offers []offer // newest document first
			for j := k - 1; j >= 0; j-- {
				if !c.earlier(j, k) {
					continue
				}
				var best *item
				bestScore := 0.0
				for _, e := range c.commitments[j] {
					if d := restated[e]; d != "" && d < r.it.date {
						continue
					}
					f := measure(r.it, e)
					if sc := f.score(r.it, e); sc >= FollowupThreshold && sc > bestScore && f.named(r.it) {
						best, bestScore = e, sc
					}
				}
				if best != nil {
					offers = append(offers, offer{best, bestScore})
				}
			}
			kept := slices.Clone(offers)
			slices.SortStableFunc(kept, func(x, y offer) int { return cmp.Compare(y.score, x.score) })
			kept = kept[:min(max, len(kept))]
			for _, o := range offers {
				if !slices.Contains(kept, o) {
					continue
				}
				out = append(out, entente.Followup{
					Commitment: commitmentBrief(o.e, 0), Report: commitmentBrief(r.it, 0), ReportTitle: c.docs[k].Title,
					SuggestedStatus: r.status, Cue: r.cue, Score: round(o.score), Why: explain(r.it, o.e),
				})
			}
		}
	}
	return out
}

// A promise repeated word for word is linked to its last time even where
// every one of its terms is common to the set (none of them rare, no
// name): the whole text is a candidate of its own.
func TestWalkBackFindsTheSameTextInCommonTerms(t *testing.T) {
	w, err := LoadWords()
	if err != nil {
		t.Fatal(err)
	}
	const promise = "双方同意加强合作。"
	var docs []*entente.StoredDocument
	for i := range 8 {
		date := fmt.Sprintf("%d-01-01", 2010+i)
		x := &entente.Extraction{Sentences: []entente.Sentence{
			{ID: "s1", Text: promise, Type: entente.Commitment},
			// its terms in every other commitment too: none is rare
			{ID: "s2", Text: fmt.Sprintf("双方同意加强合作，推进第%d号项目。", i), Type: entente.Commitment},
			{ID: "s3", Text: fmt.Sprintf("双方加强合作，同意开展第%d次对话。", i), Type: entente.Commitment},
		}}
		d := &entente.StoredDocument{ID: int64(i + 1), Extraction: x}
		d.SignedDate = &date
		docs = append(docs, d)
	}
	c := w.newCorpus(docs)
	last := c.commitments[len(docs)-1][0]
	if slices.Contains(last.rareID, true) || len(last.entities) > 0 {
		t.Fatalf("%q has rare terms or names: the case is not made", promise)
	}
	r := c.recurrence(last)
	if r.Repeated != len(docs)-1 {
		t.Fatalf("%q repeated %d times before its last, want %d", promise, r.Repeated, len(docs)-1)
	}
}

// A view waits for its turn when maxComputing are being computed, and
// gives up when its request does.
func TestComputePartsWaitsItsTurn(t *testing.T) {
	s := &Service{}
	s.views.computing = make(chan struct{}, maxComputing)
	for range maxComputing {
		s.views.computing <- struct{}{}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := s.computeParts(ctx, "CN", "RS"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("with %d views being computed: %v, want to wait until the request ends", maxComputing, err)
	}
}

// A promise restated twice in the newest statement is one promise among
// the most recycled, listed once: the two chains join further back.
func TestMostRecycledListsAPromiseOnce(t *testing.T) {
	w, err := LoadWords()
	if err != nil {
		t.Fatal(err)
	}
	const railway, trade = "双方同意推进匈塞铁路贝尔格莱德至诺维萨德段建设。", "双方同意扩大塞尔维亚优质农产品对华出口。"
	var docs []*entente.StoredDocument
	for i := range 5 {
		date := fmt.Sprintf("%d-01-01", 2010+i)
		rail := []string{"匈塞铁路"} // as the extractor names it
		ss := []entente.Sentence{{ID: "s1", Text: railway, Type: entente.Commitment, Projects: rail}, {ID: "s2", Text: trade, Type: entente.Commitment}}
		if i == 4 { // the railway restated twice, reworded
			ss = []entente.Sentence{
				{ID: "s1", Text: "双方同意加快推进匈塞铁路贝尔格莱德至诺维萨德段建设。", Type: entente.Commitment, Projects: rail},
				{ID: "s2", Text: "双方同意继续推进匈塞铁路贝尔格莱德至诺维萨德段建设。", Type: entente.Commitment, Projects: rail},
				{ID: "s3", Text: trade, Type: entente.Commitment},
			}
		}
		d := &entente.StoredDocument{ID: int64(i + 1), Extraction: &entente.Extraction{Sentences: ss}}
		d.SignedDate = &date
		docs = append(docs, d)
	}
	c := w.newCorpus(docs)
	for _, label := range []string{"s1", "s2"} {
		it := c.commitments[4][slices.IndexFunc(c.commitments[4], func(it *item) bool { return it.s.ID == label })]
		if l := c.linkOf(it); l.prev == nil || l.prev.pos != 3 {
			t.Fatalf("5/%s is not linked to the railway of 2013: the case is not made", label)
		}
	}
	most := c.mostRecycled(MostRecycledShown)
	var texts []string
	for _, r := range most {
		texts = append(texts, r.Commitment.Text)
	}
	if len(most) != 2 || most[0].Repeated != 4 || most[1].Repeated != 4 || most[1].Commitment.Text != trade && most[0].Commitment.Text != trade {
		t.Fatalf("most recycled %q, want the railway once and the trade, each repeated 4 times", texts)
	}
}
