package compare_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

func TestRecycledLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		ref := func(year, label string) string { return fmt.Sprintf("%d/%s", ids[year], label) }
		cases := []struct {
			ref     string
			first   string
			earlier []string // refs, oldest first
		}{
			// high-level exchanges: reworded in 2016, then the same words each time
			{ref("2024", "s6"), "2009-08-20", []string{ref("2009", "s3"), ref("2016", "s3"), ref("2019", "s3")}},
			{ref("2024", "s9"), "2016-06-17", []string{ref("2016", "s9"), ref("2019", "s6")}},
			// the committee: in 2016 and 2023, not in 2019
			{ref("2024", "s8"), "2016-06-17", []string{ref("2016", "s4"), ref("2023", "s3")}},
			{ref("2019", "s4"), "2016-06-17", []string{ref("2016", "s5")}},
			{ref("2016", "s8"), "2009-08-20", []string{ref("2009", "s5")}},
			// promised for the first time
			{ref("2019", "s7"), "", nil},
			{ref("2016", "s5"), "", nil},
			// another section of the same railway is another promise
			{ref("2024", "s7"), "", nil},
		}
		for _, c := range cases {
			got, err := svc.RecycledOf(ctx, c.ref)
			if err != nil {
				t.Fatalf("%s: %v", c.ref, err)
			}
			var refs []string
			for _, e := range got.Earlier {
				refs = append(refs, e.Ref)
			}
			if got.Commitment.Ref != c.ref || got.FirstPromised != c.first || got.Repeated != len(c.earlier) || !slices.Equal(refs, c.earlier) {
				t.Errorf("%s: first %q repeated %d %v, want first %q %v", c.ref, got.FirstPromised, got.Repeated, refs, c.first, c.earlier)
			}
		}
		all, err := svc.Recycled(ctx, "RS", "CN")
		if err != nil {
			t.Fatal(err)
		}
		most := compare.MostRecycled(all.Page(0, all.Len()), 3)
		if len(most) != 3 || most[0].Commitment.Ref != ref("2024", "s6") || most[0].Repeated != 3 ||
			most[1].Repeated != 2 || most[2].Repeated != 2 {
			t.Errorf("most recycled: %+v", most)
		}
		for _, bad := range []string{"x", fmt.Sprintf("%d/s1", ids["2024"]), fmt.Sprintf("%d/s99", ids["2024"])} {
			if _, err := svc.RecycledOf(ctx, bad); err == nil {
				t.Errorf("%s: no error", bad)
			}
		}
	})
}

func TestFollowupsLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		ref := func(year, label string) string { return fmt.Sprintf("%d/%s", ids[year], label) }
		type pair struct{ report, commitment string }
		railway, railway16, study := pair{ref("2024", "s3"), ref("2019", "s4")}, pair{ref("2024", "s3"), ref("2016", "s5")}, pair{ref("2024", "s3"), ref("2009", "s4")}
		// the free trade agreement explored, to be negotiated, signed; then
		// welcomed into force (never the investment treaty of 2016, whose
		// title shares the two governments' names with it)
		fta19, fta16, fta23 := pair{ref("2024", "s4"), ref("2019", "s5")}, pair{ref("2024", "s4"), ref("2016", "s6")}, pair{ref("2024", "s4"), ref("2023", "s2")}
		list := func(q compare.FollowupQuery) map[pair]entente.Followup {
			t.Helper()
			fs, err := svc.Followups(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			out := map[pair]entente.Followup{}
			for _, f := range fs {
				out[pair{f.Report.Ref, f.Commitment.Ref}] = f
			}
			return out
		}
		// the railway promised in 2016 and restated in 2019 is offered on
		// its restatement only: the 2016 form is superseded by it
		want := []pair{railway, study, fta19, fta16, fta23}
		for _, q := range []compare.FollowupQuery{{}, {Pair: []string{"CN", "RS"}}} {
			got := list(q)
			if len(got) != len(want) {
				t.Fatalf("%+v: %d follow-ups, want %d: %v", q, len(got), len(want), got)
			}
			for _, p := range want {
				f, ok := got[p]
				if !ok || f.SuggestedStatus != entente.Fulfilled || f.Decision != nil || f.Cue == "" {
					t.Errorf("%+v: %v offered %v (%+v)", q, p, ok, f)
				}
			}
			if _, ok := got[railway16]; ok {
				t.Errorf("%+v: %v offered, though restated in 2019", q, railway16)
			}
		}
		if got := list(compare.FollowupQuery{Ref: railway.commitment}); len(got) != 1 {
			t.Errorf("on %s: %v", railway.commitment, got)
		}
		if got := list(compare.FollowupQuery{Ref: railway.report}); len(got) != 2 {
			t.Errorf("from %s: %v", railway.report, got)
		}

		viewer, editor := as(ctx, "vera", entente.RoleViewer), as(ctx, "edith", entente.RoleEditor)
		if _, err := svc.Accept(viewer, railway.commitment, railway.report, "", "opened in 2022"); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("a viewer accepts: %v", err)
		}
		if _, err := svc.Accept(as(ctx, "ana", entente.RoleAnalyst), railway.commitment, railway.report, "", "opened"); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("an analyst accepts: %v", err)
		}
		if _, err := svc.Accept(editor, railway.commitment, railway.report, "", " "); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("no reason: %v", err)
		}
		if _, err := svc.Accept(editor, railway.commitment, fta19.report, "", "wrong report"); entente.ErrorCode(err) != entente.ENOTFOUND {
			t.Errorf("a report not offered on it: %v", err)
		}
		d, err := svc.Accept(editor, railway.commitment, railway.report, "", "the section opened in 2022")
		if err != nil {
			t.Fatal(err)
		}
		if d.Decision != entente.FollowupAccepted || d.Status != entente.Fulfilled || d.EvidenceID == 0 || d.Actor != "edith" {
			t.Errorf("accepted: %+v", d)
		}
		if _, err := svc.Accept(editor, railway.commitment, railway.report, "", "again"); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Errorf("accepted twice: %v", err)
		}
		// the commitment now has the report as evidence and is fulfilled for both parties
		tr := newTracker(t, s)
		doc, label := ids["2019"], "s4"
		detail, err := tr.Commitment(ctx, doc, label)
		if err != nil {
			t.Fatal(err)
		}
		if detail.StatusOf("CN") != entente.Fulfilled || detail.StatusOf("RS") != entente.Fulfilled {
			t.Errorf("statuses after accepting: %+v", detail.Statuses)
		}
		if len(detail.Evidence) != 1 || detail.Evidence[0].ID != d.EvidenceID || detail.Evidence[0].SentenceDocument != ids["2024"] {
			t.Errorf("evidence after accepting: %+v", detail.Evidence)
		}
		actions := map[string]int{}
		for _, e := range detail.History {
			actions[e.Entity+" "+e.Action]++
			if e.Actor != "edith" {
				t.Errorf("event %d by %q", e.Seq, e.Actor)
			}
		}
		if actions["evidence add"] != 1 || actions["status set"] != 1 || actions["followup accept"] != 1 {
			t.Errorf("events after accepting: %v", actions)
		}

		// dismissing: kept with its reason, no longer pending
		if _, err := svc.Dismiss(editor, study.commitment, study.report, ""); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("dismissed without a reason: %v", err)
		}
		d, err = svc.Dismiss(editor, study.commitment, study.report, "a feasibility study is not this section")
		if err != nil {
			t.Fatal(err)
		}
		if d.Decision != entente.FollowupDismissed || d.Why == "" || d.EvidenceID != 0 {
			t.Errorf("dismissed: %+v", d)
		}
		pending := list(compare.FollowupQuery{})
		if _, ok := pending[railway]; ok || len(pending) != len(want)-2 {
			t.Errorf("pending after one accepted and one dismissed: %v", pending)
		}
		all := list(compare.FollowupQuery{All: true})
		if len(all) != len(want) || all[railway].Decision == nil || all[study].Decision == nil || all[study].Decision.Decision != entente.FollowupDismissed {
			t.Errorf("all after decisions: %v", all)
		}
		// retracting the evidence reopens the follow-up
		if _, err := tr.RetractEvidence(editor, all[railway].Decision.EvidenceID, "wrong section"); err != nil {
			t.Fatal(err)
		}
		if _, ok := list(compare.FollowupQuery{})[railway]; !ok {
			t.Errorf("a follow-up whose evidence was retracted is not pending again")
		}
		// another status than the suggested one
		d, err = svc.Accept(editor, fta16.commitment, fta16.report, entente.PartiallyFulfilled, "signed, not yet ratified by both")
		if err != nil || d.Status != entente.PartiallyFulfilled {
			t.Errorf("accept with a status: %+v, %v", d, err)
		}
		if _, err := svc.Accept(editor, fta19.commitment, fta19.report, "done", "x"); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("a status not of the vocabulary: %v", err)
		}
	})
}

func TestPairLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		svc := newService(t, s)
		editor := as(ctx, "edith", entente.RoleEditor)
		if _, err := svc.Accept(editor, fmt.Sprintf("%d/s4", ids["2019"]), fmt.Sprintf("%d/s3", ids["2024"]), "", "opened"); err != nil {
			t.Fatal(err)
		}
		v, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		var docs []int64
		for _, d := range v.Documents {
			docs = append(docs, d.ID)
		}
		if !slices.Equal(docs, []int64{ids["2009"], ids["2013"], ids["2016"], ids["2019"], ids["2023"], ids["2024"]}) {
			t.Errorf("documents %v, want oldest first", docs)
		}
		if len(v.Timeline) != 5 || v.Timeline[4].Designation != "shared_future" {
			t.Errorf("timeline %+v", v.Timeline)
		}
		// every commitment of the library's Chinese statements is of China
		// and Serbia (2009 to 2024)
		if v.Commitments != 30 || v.Scorecard == nil || v.Scorecard.Commitments != 30 {
			t.Errorf("%d commitments, scorecard %+v", v.Commitments, v.Scorecard)
		}
		if v.ByArea["infrastructure"][entente.Fulfilled] != 2 || v.Scorecard.Counts[entente.Fulfilled] != 2 {
			t.Errorf("the accepted railway follow-up is not counted fulfilled for both parties: %v, %v", v.ByArea["infrastructure"], v.Scorecard.Counts)
		}
		if len(v.MostRecycled) == 0 || v.MostRecycled[0].Repeated != 3 {
			t.Errorf("most recycled %+v", v.MostRecycled)
		}
	})
}

// TestAcceptOneTransaction: accepting a follow-up writes the evidence, the
// status and the decision's event in one transaction; a failure at the
// status or at the event leaves none of them (no evidence, no status, no
// event), and a success all of them.
func TestAcceptOneTransaction(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		ids := ingestLibrary(t, ctx, s)
		tr := newTracker(t, s)
		editor := as(ctx, "edith", entente.RoleEditor)
		doc, label, report := ids["2019"], "s4", fmt.Sprintf("%d/s3", ids["2024"])
		ein := tracking.EvidenceInput{Document: doc, Sentence: label, Cites: report,
			Evidence: entente.Evidence{Official: true, Note: "follow-up"}}
		status := func(rev int) tracking.SetStatusInput {
			return tracking.SetStatusInput{Document: doc, Sentence: label, Status: entente.Fulfilled, Why: "opened", Revision: rev}
		}
		events := func() int {
			t.Helper()
			es, err := s.History(ctx, entente.EventFilter{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			return len(es)
		}
		before := events()
		for _, c := range []struct {
			name  string
			sin   tracking.SetStatusInput
			event func(int64) (*entente.Event, error)
		}{
			{"the status against a revision never reached", status(7), nil},
			{"the decision's event", status(-1), func(int64) (*entente.Event, error) { return nil, errors.New("the event could not be made") }},
		} {
			if _, _, err := tr.AddEvidenceWithStatus(editor, ein, c.sin, c.event); err == nil {
				t.Fatalf("%s: no error", c.name)
			}
			detail, err := tr.Commitment(ctx, doc, label)
			if err != nil {
				t.Fatal(err)
			}
			if len(detail.Evidence) != 0 || detail.StatusOf("CN") != entente.NotRated || detail.StatusOf("RS") != entente.NotRated {
				t.Errorf("%s: half-written: evidence %+v, statuses %+v", c.name, detail.Evidence, detail.Statuses)
			}
			if n := events(); n != before {
				t.Errorf("%s: %d events written", c.name, n-before)
			}
		}
		svc := newService(t, s)
		d, err := svc.Accept(editor, fmt.Sprintf("%d/%s", doc, label), report, "", "the section opened")
		if err != nil {
			t.Fatal(err)
		}
		detail, err := tr.Commitment(ctx, doc, label)
		if err != nil {
			t.Fatal(err)
		}
		if len(detail.Evidence) != 1 || detail.Evidence[0].ID != d.EvidenceID || detail.StatusOf("CN") != entente.Fulfilled {
			t.Errorf("after accepting: evidence %+v, statuses %+v", detail.Evidence, detail.Statuses)
		}
		if n := events(); n != before+3 {
			t.Errorf("accepting wrote %d events, want 3 (evidence, status, decision)", n-before)
		}
	})
}

// largeLibrary is a store that says it holds more documents than the
// library-wide follow-ups read, and counts the lists asked of it.
type largeLibrary struct {
	compare.Store
	lists int
}

func (l *largeLibrary) CountDocuments(context.Context, entente.DocumentFilter) (int, error) {
	return compare.MaxLibraryDocuments + 1, nil
}

func (l *largeLibrary) Documents(ctx context.Context, f entente.DocumentFilter) ([]entente.StoredDocument, error) {
	l.lists++
	return l.Store.Documents(ctx, f)
}

// TestFollowupsRefuseLargeLibraryBeforeListing: follow-ups over a library
// larger than they read are refused by its count, before any document is
// listed (listing 5,001 documents took seconds only to refuse them).
func TestFollowupsRefuseLargeLibraryBeforeListing(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		big := &largeLibrary{Store: s}
		svc, err := compare.New(big, newTracker(t, s))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Followups(ctx, compare.FollowupQuery{}); entente.ErrorCode(err) != entente.ETOOLARGE {
			t.Errorf("follow-ups over a library of %d: %v, want a refusal", compare.MaxLibraryDocuments+1, err)
		}
		if big.lists != 0 {
			t.Errorf("the refusal listed documents %d times first", big.lists)
		}
	})
}
