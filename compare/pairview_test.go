package compare_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestPairViewKept: a pair's view is computed once and read back while its
// documents stay the same, in either order of the parties, by the pair
// page, the timeline and the follow-ups; tracking (a follow-up accepted:
// evidence, a status) leaves it current; a withdrawal or a correction of
// one of the pair's statements makes it stale, and the next read or a
// refresh computes it again, with what changed.
func TestPairViewKept(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		if svc.Views == nil {
			t.Fatal("the store keeps no views")
		}
		computed := func(want int64, when string) {
			t.Helper()
			if got := svc.ViewsComputed(); got != want {
				t.Errorf("%s: %d views computed, want %d", when, got, want)
			}
		}
		first, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		computed(1, "the first read")
		fresh, err := compare.New(s, newTracker(t, s)) // another process, or the same after a restart
		if err != nil {
			t.Fatal(err)
		}
		steps, err := fresh.Timeline(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		fs, err := fresh.Followups(ctx, compare.FollowupQuery{Pair: []string{"RS", "CN"}})
		if err != nil {
			t.Fatal(err)
		}
		again, err := svc.Pair(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		computed(1, "reads of an unchanged pair")
		if fresh.ViewsComputed() != 0 {
			t.Errorf("a second service computed %d views of an unchanged pair", fresh.ViewsComputed())
		}
		if js(first.Timeline) != js(steps) || js(first.Documents) != js(again.Documents) || js(first.MostRecycled) != js(again.MostRecycled) {
			t.Errorf("the kept view reads back otherwise:\n%s\n%s", js(first), js(again))
		}
		if len(fs) < 2 {
			t.Fatalf("%d follow-ups from the kept view, want the library's railway and agreement", len(fs))
		}

		// a follow-up accepted: evidence, a status, a decision; the view stays
		editor := as(ctx, "edith", entente.RoleEditor)
		if _, err := svc.Accept(editor, fs[0].Commitment.Ref, fs[0].Report.Ref, "", "reported done"); err != nil {
			t.Fatal(err)
		}
		if stale, err := s.StalePairViews(ctx, compare.ViewVersion); err != nil || len(stale) != 0 {
			t.Errorf("tracking made views stale: %v, %v", stale, err)
		}
		after, err := svc.Followups(ctx, compare.FollowupQuery{Pair: []string{"CN", "RS"}})
		if err != nil || len(after) != len(fs)-1 {
			t.Errorf("after an acceptance %d pending follow-ups, want %d (%v)", len(after), len(fs)-1, err)
		}
		computed(1, "reads after tracking")

		// a withdrawal: the next read computes the view again without it
		if err := s.WithdrawDocument(ctx, ids["2024"], "test"); err != nil {
			t.Fatal(err)
		}
		v, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		computed(2, "a read after a withdrawal")
		if len(v.Documents) != len(first.Documents)-1 || len(v.Timeline) != len(first.Timeline)-1 {
			t.Errorf("after a withdrawal: %d documents, %d steps; before %d, %d", len(v.Documents), len(v.Timeline), len(first.Documents), len(first.Timeline))
		}

		// a restoration and a correction: a refresh computes the view
		// once, and reads compute nothing
		if err := s.RestoreDocument(ctx, ids["2024"], "test"); err != nil {
			t.Fatal(err)
		}
		tr, err := tracking.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: ids["2019"], Sentence: "s2", Field: "type",
			Value: []byte(`"narrative"`), Why: "test"}); err != nil {
			t.Fatal(err)
		}
		if stale, err := s.StalePairViews(ctx, compare.ViewVersion); err != nil || len(stale) != 1 || stale[0] != [2]string{"CN", "RS"} {
			t.Errorf("after a restoration and a correction, stale %v (%v), want CN–RS", stale, err)
		}
		if n, err := svc.Refresh(ctx); err != nil || n != 1 {
			t.Errorf("refresh: %d views, %v; want 1", n, err)
		}
		if n, err := svc.Refresh(ctx); err != nil || n != 0 {
			t.Errorf("a second refresh: %d views, %v; want 0", n, err)
		}
		v, err = svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		computed(3, "a refresh and a read")
		if js(v.Documents) != js(first.Documents) || js(v.Timeline) != js(first.Timeline) {
			t.Errorf("after the restoration the view differs from the first:\n%s\n%s", js(v), js(first))
		}
	})
}

func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(err)
	}
	return string(b)
}

// noIndex hides from a tracker that the store lists its commitments for
// an index.
type noIndex struct{ tracking.Store }

// TestPairByAreaTracked: a pair's table by area and status counted over
// the tracker's index of the commitments is the one counted commitment by
// commitment from the pages of a tracker that reads every commitment.
func TestPairByAreaTracked(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		tr := newTracker(t, s)
		svc, err := compare.New(s, tr)
		if err != nil {
			t.Fatal(err)
		}
		editor := as(ctx, "edith", entente.RoleEditor)
		if _, err := svc.Accept(editor, fmt.Sprintf("%d/s4", ids["2019"]), fmt.Sprintf("%d/s3", ids["2024"]), "", "opened"); err != nil {
			t.Fatal(err)
		}
		counted, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		// a tracker over a store that lists no commitments for an index:
		// the view counts page by page
		other := newTracker(t, s)
		other.Store = noIndex{s}
		paged, err := compare.New(s, other)
		if err != nil {
			t.Fatal(err)
		}
		want, err := paged.Pair(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		if js(counted.ByArea) != js(want.ByArea) || counted.Commitments != want.Commitments {
			t.Errorf("by area in one query %s (%d commitments), page by page %s (%d)", js(counted.ByArea), counted.Commitments,
				js(want.ByArea), want.Commitments)
		}
		if counted.ByArea["infrastructure"][entente.Fulfilled] != 2 || len(counted.ByArea) < 3 {
			t.Errorf("by area %s: the accepted railway is not counted for both parties", js(counted.ByArea))
		}
	})
}

// TestRecycledKept: a pair's whole list of recycled promises, which the
// API reads a page at a time, is computed once while the pair's documents
// stay the same (in either order of the parties) and computed again, with
// what changed, once one of them is withdrawn.
func TestRecycledKept(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		first, err := svc.Recycled(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if first.Len() == 0 {
			t.Fatal("the library recycles promises, the list is empty")
		}
		again, err := svc.Recycled(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		if again != first {
			t.Errorf("the second read of an unchanged pair computed the list again")
		}
		if err := newTracker(t, s).Withdraw(as(ctx, "edith", entente.RoleEditor), ids["2009"], "a test"); err != nil {
			t.Fatal(err)
		}
		after, err := svc.Recycled(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if js(after.Page(0, after.Len())) == js(first.Page(0, first.Len())) {
			t.Errorf("withdrawing the 2009 statement left the pair's recycled promises as they were")
		}
	})
}

// TestTimelineBeforeItsView: a pair's timeline asked before its view is
// kept is read from the documents alone, the view computed in the
// background for the reads after it; it is the view's own timeline.
func TestTimelineBeforeItsView(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		steps, err := svc.Timeline(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		if len(steps) == 0 {
			t.Fatal("no steps: the library's statements name their relationship")
		}
		svc.Wait()
		if n := svc.ViewsComputed(); n != 1 {
			t.Errorf("%d views computed in the background, want the pair's one", n)
		}
		v, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		again, err := svc.Timeline(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if js(steps) != js(v.Timeline) || js(again) != js(v.Timeline) {
			t.Errorf("timelines differ:\nalone %s\nview  %s\nkept  %s", js(steps), js(v.Timeline), js(again))
		}
		if n := svc.ViewsComputed(); n != 1 {
			t.Errorf("%d views computed, want the background's one", n)
		}
	})
}

// staleCounting counts the looks for stale views.
type staleCounting struct {
	compare.ViewStore
	looks int
}

func (c *staleCounting) StalePairViews(ctx context.Context, version string) ([][2]string, error) {
	c.looks++
	return c.ViewStore.StalePairViews(ctx, version)
}

// TestRefreshIfChanged: a server's watch looks for stale views once after
// every change to the library, whoever made it, and computes a view made
// stale by a write it did not see (another process's) before a reader
// asks; with no change since, it looks for nothing.
func TestRefreshIfChanged(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		views := &staleCounting{ViewStore: svc.Views}
		svc.Views = views
		if _, err := svc.Pair(ctx, "CN", "RS"); err != nil {
			t.Fatal(err)
		}
		watch := func() {
			svc.RefreshIfChanged(ctx, nil)
			svc.Wait()
		}
		watch() // a new server's first look
		watch()
		if views.looks != 1 || svc.ViewsComputed() != 1 {
			t.Errorf("a library unchanged since: %d looks for stale views, %d views computed; want 1, 1", views.looks, svc.ViewsComputed())
		}
		// another process withdraws one of the pair's statements
		if err := s.WithdrawDocument(ctx, ids["2024"], "test"); err != nil {
			t.Fatal(err)
		}
		watch()
		if views.looks != 2 || svc.ViewsComputed() != 2 {
			t.Errorf("after a withdrawal: %d looks, %d views computed; want 2, 2", views.looks, svc.ViewsComputed())
		}
		if _, err := svc.Pair(ctx, "RS", "CN"); err != nil {
			t.Fatal(err)
		}
		watch()
		if views.looks != 2 || svc.ViewsComputed() != 2 {
			t.Errorf("a read after the refresh: %d looks, %d views computed; want 2, 2", views.looks, svc.ViewsComputed())
		}
	})
}

// TestPairLater: a read of a pair larger than its reader waits for starts
// the view's computation in the background and is told to ask again; once
// it is kept, the pair is ready at once. A pair within the wait is
// computed while the reader waits.
func TestPairLater(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		if err := svc.PairReady(ctx, "RS", "CN", 1, nil); entente.ErrorCode(err) != entente.ECOMPUTING {
			t.Fatalf("a pair of more statements than the wait: %v; want it computing", err)
		}
		for range 3 { // asked again while it runs (or once it is kept): computed once
			if err := svc.PairReady(ctx, "RS", "CN", 1, nil); err != nil && entente.ErrorCode(err) != entente.ECOMPUTING {
				t.Fatalf("asked again: %v; want it computing or ready", err)
			}
		}
		svc.Wait()
		if n := svc.ViewsComputed(); n != 1 {
			t.Errorf("%d views computed in the background, want 1", n)
		}
		if err := svc.PairReady(ctx, "CN", "RS", 1, nil); err != nil {
			t.Fatalf("the kept view: %v", err)
		}
		v, fs, err := svc.PairWithFollowups(ctx, "CN", "RS")
		if err != nil || v == nil || len(v.Documents) < 2 || len(fs) == 0 {
			t.Fatalf("the kept view: %v, %d follow-ups, %v", v, len(fs), err)
		}
		if n := svc.ViewsComputed(); n != 1 {
			t.Errorf("%d views computed, want the background's one", n)
		}
		fresh := newService(t, s)
		if err := s.SavePairView(ctx, "CN", "RS", "stale", []byte("{}")); err != nil {
			t.Fatal(err)
		}
		if err := fresh.PairReady(ctx, "CN", "RS", 100, nil); err != nil || fresh.ViewsComputed() != 0 {
			t.Errorf("a stale pair within the wait: %v, %d computed; want it ready, to compute as it is read", err, fresh.ViewsComputed())
		}
		if err := svc.PairReady(ctx, "CN", "CN", 1, nil); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("one party twice: %v", err)
		}
		// a pair past the bound: refused at once, every time, nothing
		// computed in the background
		bounded := newService(t, s)
		bounded.MaxDocuments = 1
		for range 2 {
			if err := bounded.PairReady(ctx, "CN", "RS", 1, nil); entente.ErrorCode(err) != entente.ETOOLARGE {
				t.Fatalf("a pair past the bound: %v; want its refusal", err)
			}
		}
		bounded.Wait()
		if n := bounded.ViewsComputed(); n != 0 {
			t.Errorf("%d views computed for a pair past the bound", n)
		}
		// a background computation that fails is told to the next read,
		// once; the read after it computes again
		failing := newService(t, s)
		failing.Store = unreadable{s}
		if err := failing.PairReady(ctx, "CN", "RS", 1, nil); entente.ErrorCode(err) != entente.ECOMPUTING {
			t.Fatalf("first read: %v; want it computing", err)
		}
		failing.Wait()
		if err := failing.PairReady(ctx, "CN", "RS", 1, nil); !errors.Is(err, errUnreadable) {
			t.Errorf("the read after a failed computation: %v; want its error", err)
		}
		if err := failing.PairReady(ctx, "CN", "RS", 1, nil); entente.ErrorCode(err) != entente.ECOMPUTING {
			t.Errorf("the read after that: %v; want it computing again", err)
		}
		failing.Wait()
	})
}

// TestRecycledLater: a pair's recycled promises, too large to wait for,
// are computed in the background once and then ready; readers racing for
// them compute them once.
func TestRecycledLater(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		if err := svc.RecycledReady(ctx, "CN", "RS", 1, nil); entente.ErrorCode(err) != entente.ECOMPUTING {
			t.Fatalf("a pair of more statements than the wait: %v; want it computing", err)
		}
		if err := svc.RecycledReady(ctx, "RS", "CN", 1, nil); err != nil && entente.ErrorCode(err) != entente.ECOMPUTING {
			t.Fatalf("asked again while it runs (or once it is kept): %v; want it computing or ready", err)
		}
		svc.Wait()
		if err := svc.RecycledReady(ctx, "CN", "RS", 1, nil); err != nil {
			t.Fatalf("computed: %v", err)
		}
		kept, err := svc.Recycled(ctx, "RS", "CN")
		if err != nil || kept.Len() == 0 {
			t.Fatalf("the kept list: %d, %v", kept.Len(), err)
		}
		if err := svc.RecycledReady(ctx, "CN", "RS", 100, nil); err != nil {
			t.Errorf("a pair within the wait: %v", err)
		}
		// racing readers of a list not kept: each gets the whole list
		racing := newService(t, s)
		var wg sync.WaitGroup
		lists := make([]*compare.Recurrences, 4)
		for i := range lists {
			wg.Go(func() {
				var err error
				if lists[i], err = racing.Recycled(ctx, "CN", "RS"); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		for i, l := range lists {
			if l.Len() != kept.Len() || l != lists[0] {
				t.Errorf("reader %d: %d recurrences, not the one list computed (%d)", i, l.Len(), kept.Len())
			}
		}
	})
}

// TestPairDocumentsWithoutTheView: a pair's documents read before its view
// is kept are the view's documents, in its order, and reading them
// computes no view.
func TestPairDocumentsWithoutTheView(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		listed, err := svc.PairDocuments(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		if n := svc.ViewsComputed(); n != 0 {
			t.Errorf("%d views computed to list the documents", n)
		}
		v, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if len(listed) < 2 || js(listed) != js(v.Documents) {
			t.Errorf("listed without the view:\n%s\nthe view's:\n%s", js(listed), js(v.Documents))
		}
		kept, err := svc.PairDocuments(ctx, "CN", "RS")
		if err != nil || js(kept) != js(v.Documents) {
			t.Errorf("listed from the kept view: %v\n%s", err, js(kept))
		}
		if _, err := svc.PairDocuments(ctx, "CN", "CN"); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("one party twice: %v", err)
		}
	})
}

var errUnreadable = errors.New("unreadable")

// unreadable is a store whose documents cannot be read whole.
type unreadable struct{ *sqlstore.Store }

func (unreadable) Document(context.Context, int64) (*entente.StoredDocument, error) {
	return nil, errUnreadable
}

// A kept view's relationship steps are named as the relations table names
// them now, in every language, without computing the view again: a
// label's wording changes, or a language's labels come, long after
// thousands of views were kept.
func TestKeptStepsRelabelled(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		kept, err := svc.Timeline(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Pair(ctx, "CN", "RS"); err != nil { // computes and keeps the view
			t.Fatal(err)
		}
		b, err := lexicon.Data("relations.cues")
		if err != nil {
			t.Fatal(err)
		}
		renamed := strings.Replace(string(b), "strategic_partnership=strateško partnerstvo,", "strategic_partnership=strateško partnerstvo (preimenovano),", 1)
		table, err := lexicon.Parse("relations.cues", strings.NewReader(renamed))
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := compare.New(s, newTracker(t, s)) // a new binary's process
		if err != nil {
			t.Fatal(err)
		}
		if fresh.Words, err = compare.NewWords(table); err != nil {
			t.Fatal(err)
		}
		steps, err := fresh.Timeline(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if fresh.ViewsComputed() != 0 {
			t.Errorf("the view was computed again (%d)", fresh.ViewsComputed())
		}
		if len(steps) != len(kept) {
			t.Fatalf("%d steps kept, %d read", len(kept), len(steps))
		}
		renamedSteps := 0
		for i, st := range steps {
			if st.Label.SR == "" || st.Label.EN != kept[i].Label.EN || st.Label.ZH != kept[i].Label.ZH {
				t.Errorf("step %d: %+v, kept as %+v", i, st.Label, kept[i].Label)
			}
			if st.Designation == "strategic_partnership" {
				renamedSteps++
				if st.Label.SR != "strateško partnerstvo (preimenovano)" {
					t.Errorf("step %d reads %q, not the table's name now", i, st.Label.SR)
				}
			}
			if st.FromLabel != nil && st.From == "strategic_partnership" && st.FromLabel.SR != "strateško partnerstvo (preimenovano)" {
				t.Errorf("step %d came from %q, not the table's name now", i, st.FromLabel.SR)
			}
		}
		if renamedSteps == 0 {
			t.Error("no step of the library is a strategic partnership: the test tests nothing")
		}
	})
}
