package tracking_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// jointCommitment finds a commitment of doc with at least two parties.
func jointCommitment(t *testing.T, ctx context.Context, tr *tracking.Tracker, doc int64) entente.TrackedCommitment {
	t.Helper()
	p, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: tracking.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Commitments {
		if len(c.Statuses) >= 2 {
			return c
		}
	}
	t.Fatalf("no commitment of two parties among %d", p.Total)
	return entente.TrackedCommitment{}
}

func addEvidence(t *testing.T, ctx context.Context, tr *tracking.Tracker, doc int64, label, url string) *entente.Evidence {
	t.Helper()
	e, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: doc, Sentence: label,
		Evidence: entente.Evidence{URL: url, Title: "Line opened", Publisher: "Ministry", EventDate: "2025-03-01", Official: true}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestStatusesAndEvidence(t *testing.T) {
	page := []byte("<html><body><p>The railway opened.</p></body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	t.Cleanup(srv.Close) // the subtests run in parallel, after this function returns

	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		tr.Fetcher = ingest.NewFetcher()
		doc := ingestStatement(t, ctx, s, statement)
		c := jointCommitment(t, ctx, tr, doc)
		label := c.Sentence.ID
		for _, st := range c.Statuses {
			if st.Status != entente.NotRated {
				t.Fatalf("a new commitment is %s for %s, want not_rated", st.Status, st.Party)
			}
		}

		// A status needs evidence, a reason and an analyst.
		set := tracking.SetStatusInput{Document: doc, Sentence: label, Status: entente.InProgress, Why: "works began", Revision: 0}
		if _, err := tr.SetStatus(ctx, set); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("status without evidence: %v, want invalid", err)
		}
		viewer := as(context.Background(), "vic", entente.RoleViewer)
		if _, err := tr.AddEvidence(viewer, tracking.EvidenceInput{Document: doc, Sentence: label,
			Evidence: entente.Evidence{URL: srv.URL + "/news", Title: "x"}}); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("a viewer added evidence: %v", err)
		}

		// Evidence whose page answers is kept byte for byte; a dead link
		// is recorded with why there is no copy.
		ev := addEvidence(t, ctx, tr, doc, label, srv.URL+"/news")
		if ev.ArchiveSHA256 == "" || ev.AddedBy != "ana" || ev.Accessed != "2026-06-01" {
			t.Errorf("evidence %+v: want a kept copy, added by ana, accessed today", ev)
		}
		if got, err := s.Archived(ctx, ev.ArchiveSHA256); err != nil || string(got) != string(page) {
			t.Errorf("archived page = %q, %v", got, err)
		}
		dead := addEvidence(t, ctx, tr, doc, label, srv.URL+"/gone")
		if dead.ArchiveSHA256 != "" || !strings.Contains(dead.ArchiveProblem, "404") {
			t.Errorf("dead link: %+v", dead)
		}

		set.EvidenceID = ev.ID
		rev, err := tr.SetStatus(ctx, set)
		if err != nil || rev != 1 {
			t.Fatalf("SetStatus = %d, %v", rev, err)
		}
		d, err := tr.Commitment(ctx, doc, label)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range d.Statuses {
			if st.Status != entente.InProgress || st.EvidenceID != ev.ID || st.Actor != "ana" {
				t.Errorf("after setting all parties: %+v", st)
			}
		}
		if len(d.Evidence) != 2 || len(d.History) < 3 {
			t.Errorf("detail has %d evidence items and %d events", len(d.Evidence), len(d.History))
		}

		// One party only, against the current revision.
		one := d.Statuses[0].Party
		rev, err = tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: label, Party: one, Status: entente.Fulfilled,
			EvidenceID: ev.ID, Why: "line opened", Revision: 1})
		if err != nil || rev != 2 {
			t.Fatalf("SetStatus for %s = %d, %v", one, rev, err)
		}
		d, _ = tr.Commitment(ctx, doc, label)
		if d.StatusOf(one) != entente.Fulfilled || d.StatusOf(d.Statuses[1].Party) != entente.InProgress {
			t.Errorf("statuses %+v", d.Statuses)
		}
		if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: label, Party: "ZZ", Status: entente.Fulfilled,
			EvidenceID: ev.ID, Why: "x", Revision: 2}); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("a party that is not the commitment's: %v", err)
		}

		// Back to not_rated needs no evidence.
		if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: label, Party: one, Status: entente.NotRated,
			Why: "rated too early", Revision: 2}); err != nil {
			t.Errorf("back to not_rated: %v", err)
		}

		// Evidence is retracted with a reason, never deleted.
		if _, err := tr.RetractEvidence(ctx, dead.ID, ""); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("retraction without a reason: %v", err)
		}
		r, err := tr.RetractEvidence(ctx, dead.ID, "the page is gone")
		if err != nil || !r.Retracted || r.RetractedBy != "ana" {
			t.Fatalf("retract: %+v, %v", r, err)
		}
		d, _ = tr.Commitment(ctx, doc, label)
		if len(d.Evidence) != 2 || !d.Evidence[1].Retracted || d.Evidence[1].RetractReason != "the page is gone" {
			t.Errorf("evidence after retraction: %+v", d.Evidence)
		}

		// A sentence of another statement as evidence.
		other := ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		cited, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: doc, Sentence: label, Cites: entente.CorrectionRef(false, 0)[:0] + itoa(other) + "/s3"})
		if err != nil || cited.SentenceDocument != other || cited.Quote == "" || cited.SentenceAnchor == "" {
			t.Errorf("cited sentence as evidence: %+v, %v", cited, err)
		}

		// A document with evidence refuses deletion; an editor withdraws
		// it, hidden and kept; only an admin purges it.
		if err := s.DeleteDocument(ctx, doc); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Errorf("DeleteDocument with evidence: %v, want conflict", err)
		}
		if err := s.DeleteDocument(ctx, other); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Errorf("DeleteDocument of a document cited as evidence: %v, want conflict", err)
		}
		editor := as(context.Background(), "ed", entente.RoleEditor)
		if err := tr.Withdraw(ctx, doc, "duplicate"); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("an analyst withdrew: %v", err)
		}
		if err := tr.Withdraw(editor, doc, "duplicate"); err != nil {
			t.Fatal(err)
		}
		docs, _ := s.Documents(ctx, entente.DocumentFilter{})
		if slices.ContainsFunc(docs, func(d entente.StoredDocument) bool { return d.ID == doc }) {
			t.Error("a withdrawn document is still listed")
		}
		if got, err := s.Document(ctx, doc); err != nil || !got.Withdrawn {
			t.Errorf("a withdrawn document is not kept: %v", err)
		}
		if err := tr.Restore(editor, doc, "not a duplicate"); err != nil {
			t.Fatal(err)
		}
		if err := tr.Purge(editor, doc, "test"); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("an editor purged: %v", err)
		}
	})
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestConcurrentEdits: two analysts change one commitment from the same
// revision at once; one change is stored, the other is refused with a
// conflict that names the first, and neither is lost silently.
func TestConcurrentEdits(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		c := jointCommitment(t, ctx, tr, doc)
		ev := addEvidence(t, ctx, tr, doc, c.Sentence.ID, "")
		_ = ev
		var wg sync.WaitGroup
		errs := make([]error, 2)
		who := []string{"alice", "bob"}
		status := []entente.Status{entente.Fulfilled, entente.Stalled}
		for i := range 2 {
			wg.Go(func() {
				_, errs[i] = tr.SetStatus(as(context.Background(), who[i], entente.RoleAnalyst), tracking.SetStatusInput{
					Document: doc, Sentence: c.Sentence.ID, Status: status[i], EvidenceID: ev.ID, Why: who[i] + "'s reading", Revision: 0})
			})
		}
		wg.Wait()
		won, lost := -1, -1
		for i, err := range errs {
			switch {
			case err == nil:
				won = i
			case entente.ErrorCode(err) == entente.ECONFLICT:
				lost = i
			default:
				t.Fatalf("%s: %v", who[i], err)
			}
		}
		if won < 0 || lost < 0 {
			t.Fatalf("want one change stored and one conflict: %v", errs)
		}
		msg := entente.ErrorMessage(errs[lost])
		if !strings.Contains(msg, who[won]) || !strings.Contains(msg, string(status[won])) {
			t.Errorf("the conflict does not show the other change: %q", msg)
		}
		d, _ := tr.Commitment(ctx, doc, c.Sentence.ID)
		if d.Revision != 1 || d.Statuses[0].Status != status[won] {
			t.Errorf("after the race: revision %d, %+v", d.Revision, d.Statuses)
		}
		// The loser retries against the revision it now sees.
		if _, err := tr.SetStatus(as(context.Background(), who[lost], entente.RoleAnalyst), tracking.SetStatusInput{
			Document: doc, Sentence: c.Sentence.ID, Status: status[lost], EvidenceID: ev.ID, Why: "retry", Revision: d.Revision}); err != nil {
			t.Errorf("retry: %v", err)
		}
		hist, _ := tr.History(ctx, doc, c.Sentence.ID, 0, 0)
		var actors []string
		for _, e := range hist {
			if e.Entity == "status" {
				actors = append(actors, e.Actor)
			}
		}
		if !reflect.DeepEqual(actors, []string{who[won], who[lost]}) {
			t.Errorf("status events by %v, want %v then %v", actors, who[won], who[lost])
		}
	})
}

// changedAndSame finds a commitment whose strength the changed cue table
// reads differently, and one whose strength and areas it reads the same.
func changedAndSame(t *testing.T, d *entente.StoredDocument, text string) (changed, same string) {
	t.Helper()
	x := changedExtractor(t).Extract(text)
	for i, st := range d.Extraction.Sentences {
		if st.Type != entente.Commitment || i >= len(x.Sentences) {
			continue
		}
		nx := x.Sentences[i]
		if changed == "" && st.Strength != nx.Strength && nx.Type == entente.Commitment {
			changed = st.ID
		} else if same == "" && slices.Equal(st.Areas, nx.Areas) && st.Strength == nx.Strength && !slices.Contains(st.Areas, "trade") {
			same = st.ID
		}
	}
	if changed == "" || same == "" {
		t.Fatalf("no sentence to test with: changed %q, same %q", changed, same)
	}
	return changed, same
}

// TestCorrectionsSurviveReextract: corrections are applied on top of the
// output; a re-extraction under a changed cue table keeps them all, flags
// the one whose field the extractor now reads differently and the one
// whose sentence is gone, and drops none.
func TestCorrectionsSurviveReextract(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		d, err := s.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		changed, same := changedAndSame(t, d, d.Versions[0].Text)

		strength, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: changed, Field: "strength",
			Value: json.RawMessage(`"soft"`), Why: "no modal"})
		if err != nil {
			t.Fatal(err)
		}
		areas, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: same, Field: "areas",
			Value: json.RawMessage(`["trade","infrastructure"]`), Why: "it is about freight too"})
		if err != nil {
			t.Fatal(err)
		}
		title, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "title", Value: json.RawMessage(`"Joint Statement (corrected)"`)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: changed, Field: "strength", Value: json.RawMessage(`"soft"`)}); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("correcting to the value shown: %v", err)
		}
		for _, bad := range []struct{ field, value string }{{"strength", `"very"`}, {"type", `"promise"`}, {"colour", `"red"`}, {"actors", `"CN"`}} {
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: same, Field: bad.field, Value: json.RawMessage(bad.value)}); entente.ErrorCode(err) != entente.EINVALID {
				t.Errorf("correction %s=%s: %v, want invalid", bad.field, bad.value, err)
			}
		}
		// A correction whose sentence will be gone: its anchor names a
		// text the version does not hold.
		ghost, err := s.AddCorrection(ctx, entente.NewCorrection{DocumentID: doc,
			Anchor:   &entente.Anchor{VersionID: d.Versions[0].ID, Section: "1", TextSHA256: strings.Repeat("0", 64)},
			Sentence: "s999", Field: "type", Extracted: json.RawMessage(`"position"`), Value: json.RawMessage(`"commitment"`), State: entente.CorrectionApproved})
		if err != nil {
			t.Fatal(err)
		}

		check := func(when string) {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != "Joint Statement (corrected)" {
				t.Errorf("%s: title %q", when, d.Title)
			}
			for _, st := range d.Extraction.Sentences {
				if st.ID == same && !slices.Equal(st.Areas, []string{"trade", "infrastructure"}) {
					t.Errorf("%s: %s areas %v, want the correction", when, st.ID, st.Areas)
				}
				if st.ID == changed && st.Strength != entente.Soft {
					t.Errorf("%s: %s strength %q, want the correction", when, st.ID, st.Strength)
				}
			}
			p, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Strength: entente.Soft, Limit: tracking.MaxLimit})
			if err != nil || !slices.ContainsFunc(p.Commitments, func(c entente.TrackedCommitment) bool { return c.Sentence.ID == changed }) {
				t.Errorf("%s: the commitments table does not filter on the corrected strength", when)
			}
		}
		check("before re-extraction")

		tr.Extractor, tr.ExtractorName = changedExtractor(t), "extract/zh (changed)"
		editor := as(context.Background(), "ed", entente.RoleEditor)
		res, err := tr.Reextract(editor, doc)
		if err != nil {
			t.Fatal(err)
		}
		// three of sentences and the title's, which the re-extraction reads
		// as before
		if len(res) != 1 || res[0].Kept != 4 {
			t.Fatalf("reextract: %+v, want 3 sentence corrections and 1 of the metadata kept", res)
		}
		flags := map[string]string{}
		for _, c := range res[0].Flagged {
			flags[c.Ref] = c.Flag
		}
		want := map[string]string{strength.Ref: entente.FlagChanged, ghost.Ref: entente.FlagAnchorGone}
		if !reflect.DeepEqual(flags, want) {
			t.Errorf("flagged %v, want %v", flags, want)
		}
		check("after re-extraction")
		all, err := s.Corrections(ctx, doc, nil, false)
		if err != nil || len(all) != 4 {
			t.Errorf("%d corrections after re-extraction, want all 4: %v", len(all), err)
		}
		queue, err := tr.ReviewQueue(editor)
		if err != nil || len(queue) != 2 {
			t.Errorf("review queue: %d, %v", len(queue), err)
		}
		_, _ = areas, title

		// Approving the flagged one accepts it against the new output: the
		// next re-extraction (same extractor) flags nothing new.
		if _, err := tr.Review(ctx, strength.Ref, entente.ActApprove, "checked"); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("an analyst approved: %v", err)
		}
		if _, err := tr.Review(editor, strength.Ref, entente.ActApprove, "checked"); err != nil {
			t.Fatal(err)
		}
		res, err = tr.Reextract(editor, doc)
		if err != nil || len(res[0].Flagged) != 1 || res[0].Flagged[0].Ref != ghost.Ref {
			t.Errorf("second re-extraction flagged %+v, %v", res, err)
		}
	})
}

// TestReviewRequired: when an editor requires review, an analyst's
// correction waits and does not apply until approved.
func TestReviewRequired(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ana := as(context.Background(), "ana", entente.RoleAnalyst)
		ed := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ana, s, statement)
		c := jointCommitment(t, ana, tr, doc)
		if err := tr.SetReviewRequired(ana, true); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("an analyst required review: %v", err)
		}
		if err := tr.SetReviewRequired(ed, true); err != nil {
			t.Fatal(err)
		}
		k, err := tr.Correct(ana, tracking.CorrectInput{Document: doc, Sentence: c.Sentence.ID, Field: "actors", Value: json.RawMessage(`["CN"]`)})
		if err != nil || k.State != entente.CorrectionProposed {
			t.Fatalf("analyst's correction under review: %+v, %v", k, err)
		}
		d, _ := tr.Commitment(ana, doc, c.Sentence.ID)
		if len(d.Sentence.Actors) < 2 {
			t.Errorf("a proposed correction applied: %v", d.Sentence.Actors)
		}
		if _, err := tr.Review(ed, k.Ref, entente.ActApprove, "right"); err != nil {
			t.Fatal(err)
		}
		d, _ = tr.Commitment(ana, doc, c.Sentence.ID)
		if !slices.Equal(d.Sentence.Actors, []string{"CN"}) || len(d.Statuses) != 1 {
			t.Errorf("after approval: actors %v, statuses %+v", d.Sentence.Actors, d.Statuses)
		}
	})
}

// snapshot is everything tracking holds about a document.
type snapshot struct {
	Statuses    map[string][]entente.PartyStatus
	Revisions   map[string]int
	Evidence    map[string][]entente.Evidence
	Corrections []entente.Correction
}

func takeSnapshot(t *testing.T, ctx context.Context, tr *tracking.Tracker, s *sqlstore.Store, doc int64) snapshot {
	t.Helper()
	p, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: tracking.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	sn := snapshot{Statuses: map[string][]entente.PartyStatus{}, Revisions: map[string]int{}, Evidence: map[string][]entente.Evidence{}}
	for _, c := range p.Commitments {
		for i := range c.Statuses {
			c.Statuses[i].UpdatedAt = c.Statuses[i].UpdatedAt.Truncate(0)
		}
		sn.Statuses[c.Sentence.ID], sn.Revisions[c.Sentence.ID] = c.Statuses, c.Revision
		ev, err := s.Evidence(ctx, c.Anchor)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ev {
			ev[i].RetractedAt = ev[i].RetractedAt.Truncate(0)
			ev[i].AddedAt = ev[i].AddedAt.Truncate(0)
		}
		sn.Evidence[c.Sentence.ID] = ev
	}
	if sn.Corrections, err = s.Corrections(ctx, doc, nil, false); err != nil {
		t.Fatal(err)
	}
	for i := range sn.Corrections {
		sn.Corrections[i].ReviewedAt = sn.Corrections[i].ReviewedAt.Truncate(0)
	}
	return sn
}

// TestReplayAndUndo: undo reverses a change with a new event; replaying
// the event log into emptied tracking tables rebuilds every status,
// evidence item and correction exactly.
func TestReplayAndUndo(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		p, _ := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: 3})
		if len(p.Commitments) < 3 {
			t.Fatal("too few commitments")
		}
		var events []int64
		for i, c := range p.Commitments {
			ev := addEvidence(t, ctx, tr, doc, c.Sentence.ID, "")
			st := []entente.Status{entente.Fulfilled, entente.Stalled, entente.PartiallyFulfilled}[i]
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID, Status: st,
				EvidenceID: ev.ID, Why: "seen", Revision: 0}); err != nil {
				t.Fatal(err)
			}
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: c.Sentence.ID, Field: "deadline",
				Value: json.RawMessage(`"2027年底前"`), Why: "from the annex"}); err != nil {
				t.Fatal(err)
			}
			hist, _ := tr.History(ctx, doc, c.Sentence.ID, 0, 0)
			events = append(events, hist[len(hist)-2].Seq) // the status change
		}
		if _, err := tr.RetractEvidence(ctx, 1, "wrong page"); err != nil {
			t.Fatal(err)
		}

		// Undo the second commitment's status change: back to not_rated.
		if err := tr.Undo(ctx, events[1]); err != nil {
			t.Fatal(err)
		}
		d, _ := tr.Commitment(ctx, doc, p.Commitments[1].Sentence.ID)
		for _, st := range d.Statuses {
			if st.Status != entente.NotRated {
				t.Errorf("after undo: %+v", st)
			}
		}
		last := d.History[len(d.History)-1]
		if last.Action != "set" || !strings.Contains(last.Why, "undo of event") || last.Actor != "ana" {
			t.Errorf("the undo's event: %+v", last)
		}
		// Undo a correction: withdrawn, no longer applied.
		hist, _ := tr.History(ctx, doc, p.Commitments[2].Sentence.ID, 0, 0)
		if err := tr.Undo(ctx, hist[len(hist)-1].Seq); err != nil {
			t.Fatal(err)
		}
		d, _ = tr.Commitment(ctx, doc, p.Commitments[2].Sentence.ID)
		if d.Sentence.Deadline != nil && *d.Sentence.Deadline == "2027年底前" {
			t.Error("an undone correction still applies")
		}
		if err := tr.Undo(ctx, 1); err == nil {
			t.Error("undoing a document's creation: no error")
		}

		before := takeSnapshot(t, ctx, tr, s, doc)
		n, err := s.Replay(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatal("replay applied no event")
		}
		after := takeSnapshot(t, ctx, tr, s, doc)
		if !reflect.DeepEqual(before, after) {
			b, _ := json.MarshalIndent(before, "", " ")
			a, _ := json.MarshalIndent(after, "", " ")
			t.Errorf("replay did not rebuild the same state:\nbefore %s\nafter %s", b, a)
		}
		// and the tracking goes on after a replay
		if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: p.Commitments[0].Sentence.ID,
			Status: entente.NotRated, Why: "again", Revision: after.Revisions[p.Commitments[0].Sentence.ID]}); err != nil {
			t.Errorf("a change after replay: %v", err)
		}
	})
}

// TestScorecard: counts per status over (commitment, party) pairs, the
// compliance mean over rated pairs only, overdue commitments, a party's
// own scorecard and the change over time.
func TestScorecard(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		empty, err := tr.Scorecard(ctx, entente.CommitmentFilter{Document: doc})
		if err != nil {
			t.Fatal(err)
		}
		if empty.Rated != 0 || empty.Compliance != nil || empty.Counts[entente.NotRated] != empty.Pairs || empty.Commitments == 0 {
			t.Errorf("unrated scorecard: %+v", empty)
		}
		c := jointCommitment(t, ctx, tr, doc)
		ev := addEvidence(t, ctx, tr, doc, c.Sentence.ID, "")
		a, b := c.Statuses[0].Party, c.Statuses[1].Party
		for i, set := range []struct {
			party  string
			status entente.Status
		}{{a, entente.Fulfilled}, {b, entente.Stalled}} {
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID, Party: set.party,
				Status: set.status, EvidenceID: ev.ID, Why: "seen", Revision: i}); err != nil {
				t.Fatal(err)
			}
		}
		sc, err := tr.Scorecard(ctx, entente.CommitmentFilter{Document: doc})
		if err != nil {
			t.Fatal(err)
		}
		if sc.Rated != 2 || sc.Compliance == nil || *sc.Compliance != 0 || sc.Counts[entente.Fulfilled] != 1 ||
			sc.Counts[entente.Stalled] != 1 || sc.Counts[entente.NotRated] != empty.Pairs-2 || sc.Pairs != empty.Pairs {
			t.Errorf("scorecard %+v (compliance %v)", sc, sc.Compliance)
		}
		mine, err := tr.Scorecard(ctx, entente.CommitmentFilter{Document: doc, Party: a})
		if err != nil || mine.Rated != 1 || *mine.Compliance != 1 {
			t.Errorf("%s's scorecard: %+v, %v", a, mine, err)
		}
		if len(sc.Timeline) != 1 || sc.Timeline[0].Rated != 2 {
			t.Errorf("timeline %+v", sc.Timeline)
		}
		// Overdue: dated deadlines before today (2026-06-01) not fulfilled.
		over, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: doc, Overdue: true, Limit: tracking.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range over.Commitments {
			if c.Due == nil || c.Due.Date >= "2026-06-01" {
				t.Errorf("overdue %s with due %+v", c.Sentence.ID, c.Due)
			}
		}
		if sc.Overdue != over.Total {
			t.Errorf("scorecard overdue %d, list %d", sc.Overdue, over.Total)
		}
		if _, err := tr.Commitments(ctx, entente.CommitmentFilter{Status: "done"}); !errors.Is(err, entente.ErrInvalid) {
			t.Errorf("unknown status filter: %v", err)
		}
	})
}

// TestSearchShowsCorrections: a search hit carries its sentence's labels
// as corrected, as the reader does.
func TestSearchShowsCorrections(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		c := jointCommitment(t, ctx, tr, doc)
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: c.Sentence.ID, Field: "areas",
			Value: json.RawMessage(`["culture"]`)}); err != nil {
			t.Fatal(err)
		}
		hits, err := s.Search(ctx, entente.SearchQuery{Text: string([]rune(c.Sentence.Text)[:6]), Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range hits {
			if h.Sentence.ID == c.Sentence.ID && h.DocumentID == doc {
				found = true
				if !slices.Equal(h.Sentence.Areas, []string{"culture"}) {
					t.Errorf("hit areas %v, want the correction", h.Sentence.Areas)
				}
			}
		}
		if !found {
			t.Fatalf("no hit for %s among %d", c.Sentence.ID, len(hits))
		}
	})
}
