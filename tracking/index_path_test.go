package tracking_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// goOnly hides from the tracker that the store lists its commitments for
// an index, so that it reads every commitment of the set and filters,
// sorts and counts it in Go: the reference the index must match.
type goOnly struct{ tracking.Store }

// withReference returns a tracker over s and its reference: one over the
// same store that reads every commitment (goOnly).
func withReference(t *testing.T, s *sqlstore.Store) (tr, ref *tracking.Tracker) {
	t.Helper()
	tr, ref = newTracker(t, s), newTracker(t, s)
	ref.Store = goOnly{s}
	return tr, ref
}

// TestIndexMatchesGo builds a varied library (statuses for all parties
// and for one, a status left over by an actors correction, corrections of
// type, strength, actors, areas, deadlines and a document's date and
// parties, a withdrawn document, an undone change, a re-extraction) and
// holds every page and scorecard the index gives to what the Go path
// gives, after each step.
func TestIndexMatchesGo(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		docs := []int64{
			ingestStatement(t, ctx, s, statement),
			ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt"),
			ingestStatement(t, ctx, s, "us-ie-2021-joint-statement.en.txt"),
		}
		compare(t, ctx, tr, ref, docs, "after ingest")

		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit, Withdrawn: true})
		if err != nil {
			t.Fatal(err)
		}
		if all.Total < 20 {
			t.Fatalf("only %d commitments: too few to compare", all.Total)
		}
		statuses := []entente.Status{entente.Fulfilled, entente.InProgress, entente.Stalled, entente.NotStarted, entente.Reversed, entente.Superseded}
		var joint []entente.TrackedCommitment
		for i, c := range all.Commitments {
			if len(c.Statuses) >= 2 {
				joint = append(joint, c)
			}
			if i%3 != 0 {
				continue
			}
			e := addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "")
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
				Status: statuses[i%len(statuses)], EvidenceID: e.ID, Why: "seen", Revision: -1}); err != nil {
				t.Fatal(err)
			}
		}
		if len(joint) < 3 {
			t.Fatalf("only %d commitments of two parties", len(joint))
		}
		for i, c := range joint[:3] {
			e := addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "")
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
				Party: c.Statuses[i%2].Party, Status: entente.Fulfilled, EvidenceID: e.ID, Why: "one side kept it", Revision: -1}); err != nil {
				t.Fatal(err)
			}
		}
		compare(t, ctx, tr, ref, docs, "after statuses")

		correct := func(doc int64, label, field, value string) {
			t.Helper()
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: label, Field: field,
				Value: json.RawMessage(value), Why: "test"}); err != nil {
				t.Fatalf("correct %d/%s %s=%s: %v", doc, label, field, value, err)
			}
		}
		// the first joint commitment keeps a status for a party it no
		// longer names
		correct(joint[0].DocumentID, joint[0].Sentence.ID, "actors", fmt.Sprintf("[%q]", joint[0].Statuses[1].Party))
		cs := all.Commitments
		correct(cs[1].DocumentID, cs[1].Sentence.ID, "strength", `"soft"`)
		correct(cs[2].DocumentID, cs[2].Sentence.ID, "areas", `["trade","culture"]`)
		correct(cs[4].DocumentID, cs[4].Sentence.ID, "deadline", `"2025年底前"`)
		correct(cs[5].DocumentID, cs[5].Sentence.ID, "deadline", `"2027年底前"`)
		correct(cs[7].DocumentID, cs[7].Sentence.ID, "type", `"position"`)
		d, err := s.Document(ctx, docs[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range d.Extraction.Sentences {
			if st.Type == entente.Position {
				correct(docs[1], st.ID, "type", `"commitment"`)
				break
			}
		}
		correct(docs[1], "", "date", `"2027-01-15"`)
		correct(docs[0], "", "parties", `["CN","RS","HU"]`)
		compare(t, ctx, tr, ref, docs, "after corrections")

		hist, err := tr.History(ctx, cs[0].DocumentID, cs[0].Sentence.ID, 0, 0)
		if err != nil || len(hist) == 0 {
			t.Fatalf("history of %s: %v", cs[0].Ref(), err)
		}
		if err := tr.Undo(ctx, hist[len(hist)-1].Seq); err != nil {
			t.Fatal(err)
		}
		compare(t, ctx, tr, ref, docs, "after undo")

		if err := tr.Withdraw(ctx, docs[1], "duplicate"); err != nil {
			t.Fatal(err)
		}
		compare(t, ctx, tr, ref, docs, "after withdrawal")

		tr.Extractor, tr.ExtractorName = changedExtractor(t), "extract/zh (changed)"
		if _, err := tr.Reextract(ctx, docs[0]); err != nil {
			t.Fatal(err)
		}
		compare(t, ctx, tr, ref, docs, "after re-extraction")
	})
}

// compare holds the index's pages and scorecards to the Go path's over
// filters of every kind, sorts and pages.
func compare(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, docs []int64, when string) {
	t.Helper()
	// the updates kept the index what a reading in full gives
	sameAsFull(t, ctx, tr.Store.(*sqlstore.Store), tr, when)
	filters := []entente.CommitmentFilter{
		{}, {Withdrawn: true}, {Document: docs[0]}, {Document: docs[1], Withdrawn: true},
		{Party: "CN"}, {Party: "RS"}, {Party: "AE"}, {Party: "HU"}, {Pair: []string{"CN", "RS"}}, {Pair: []string{"CN", "AE"}, Withdrawn: true},
		{Area: "trade"}, {Area: "culture"}, {Strength: entente.Firm}, {Strength: entente.Soft}, {Strength: entente.Intent},
		{Status: entente.Fulfilled}, {Status: entente.Stalled, Party: "RS"}, {Status: entente.NotRated, Party: "CN"},
		{Overdue: true}, {Overdue: true, Party: "CN"}, {DueBefore: "2026-12-31"}, {DueAfter: "2026-01-01"},
		{DueAfter: "2025-01-01", DueBefore: "2027-12-31", Withdrawn: true},
		{From: "2020"}, {To: "2019"}, {From: "2019-01", To: "2024-12-31", Withdrawn: true},
		// combinations: two dimensions (one key of migration 0010), three
		// (a key and a check), with dates
		{Area: "trade", Status: entente.Fulfilled}, {Area: "trade", Status: entente.NotRated}, {Party: "CN", DueBefore: "2027-12-31"},
		{Party: "CN", Area: "trade"}, {Strength: entente.Firm, Status: entente.NotRated}, {Party: "RS", Strength: entente.Intent},
		{Area: "trade", Strength: entente.Firm, Overdue: true}, {Party: "RS", Status: entente.Fulfilled, Area: "trade"},
		{Party: "CN", Status: entente.Fulfilled, Strength: entente.Firm, DueAfter: "2020-01-01"},
		{Pair: []string{"CN", "RS"}, Area: "trade", Party: "CN"}, {Status: entente.NotRated, Strength: entente.Intent, From: "2020"},
		{Party: "ZZ"}, {Area: "trade", Party: "ZZ"},
		// migration 0039: a pair walks one value's keys and checks the
		// other on the entries; every pair of dimensions, the party's own
		// status with another value, overdue and due dates with a pair
		{Party: "CN", Strength: entente.Firm}, {Area: "culture", Strength: entente.Soft}, {Strength: entente.Firm, Status: entente.Fulfilled},
		{Area: "trade", Status: entente.Stalled}, {Party: "RS", Area: "culture"}, {Party: "HU", Area: "trade"},
		{Party: "CN", Status: entente.NotRated, Area: "trade"}, {Party: "RS", Status: entente.NotRated, Strength: entente.Firm},
		{Party: "CN", Status: entente.Fulfilled, Overdue: true}, {Party: "CN", Area: "trade", Overdue: true},
		{Area: "trade", Strength: entente.Firm, DueBefore: "2027-12-31"}, {Party: "CN", Status: entente.NotRated, DueAfter: "2020-01-01"},
		{Party: "CN", Area: "trade", Strength: entente.Firm, Status: entente.NotRated}, {Strength: entente.Firm, Status: entente.Reversed},
		{Area: "nowhere", Strength: entente.Firm}, {Party: "CN", Status: entente.Reversed, Area: "culture"},
		// not rated has no rows: '*' is walked, or another value's keys
		{Status: entente.NotRated}, {Status: entente.NotRated, Overdue: true}, {Status: entente.NotRated, Area: "culture"},
		{Party: "RS", Status: entente.NotRated}, {Party: "HU", Status: entente.NotRated, DueBefore: "2027-12-31"},
	}
	for _, f := range filters {
		compareBoundaries(t, ctx, tr, ref, f, when)
		for _, sort := range []string{"", "due", "status", "signed"} {
			// deep pages too: an offset past the first matches walks
			// further along the key's entries, and in the due and status
			// orders (migration 0039) past the entries of one index into
			// those of the next (due dates, then none; not rated, then
			// the other statuses)
			pages := [][2]int{{7, 7}, {tracking.MaxLimit, 0}, {3, 2}, {3, 5}, {3, 11}, {3, 20}, {4, 41}}
			if sort == "" {
				pages = append(pages, [2]int{7, 0}, [2]int{5, 1000})
			}
			for _, pg := range pages {
				f := f
				f.Sort, f.Limit, f.Offset = sort, pg[0], pg[1]
				samePage(t, ctx, tr, ref, f, when)
			}
		}
		sameScorecard(t, ctx, tr, ref, f, when)
		sameBreakdown(t, ctx, tr, ref, f, when)
	}
}

// sameRead fails unless what read by tr (the index) is what ref (the Go
// path) reads, as JSON; when says at which step. It returns tr's.
func sameRead[T any](t *testing.T, tr, ref *tracking.Tracker, what string, f entente.CommitmentFilter, when string,
	read func(*tracking.Tracker) (T, error)) T {
	t.Helper()
	got, err := read(tr)
	if err != nil {
		t.Fatalf("%s: %s %+v from the index: %v", when, what, f, err)
	}
	want, err := read(ref)
	if err != nil {
		t.Fatalf("%s: Go %s %+v: %v", when, what, f, err)
	}
	if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
		t.Errorf("%s: %s %+v:\n index %s\n    Go %s", when, what, f, g, w)
	}
	return got
}

// samePage fails unless the page of f read by tr is the one ref reads.
func samePage(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, f entente.CommitmentFilter, when string) {
	t.Helper()
	sameRead(t, tr, ref, "page", f, when, func(x *tracking.Tracker) (*tracking.Page, error) { return x.Commitments(ctx, f) })
}

// sameScorecard is samePage for the scorecard of f.
func sameScorecard(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, f entente.CommitmentFilter, when string) {
	t.Helper()
	sameRead(t, tr, ref, "scorecard", f, when, func(x *tracking.Tracker) (*entente.Scorecard, error) { return x.Scorecard(ctx, f) })
}

// sameBreakdown is samePage for the dashboard's counts of f's set, which
// also must not be empty where the set has commitments.
func sameBreakdown(t *testing.T, ctx context.Context, tr, ref *tracking.Tracker, f entente.CommitmentFilter, when string) {
	t.Helper()
	got := sameRead(t, tr, ref, "breakdown", f, when, func(x *tracking.Tracker) (*entente.Breakdown, error) { return x.Breakdown(ctx, f) })
	sc, err := ref.Scorecard(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Commitments > 0 && len(got.Party) == 0 {
		t.Errorf("%s: breakdown %+v: %d commitments and no party counted", when, f, sc.Commitments)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
