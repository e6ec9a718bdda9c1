package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexUndoEachKind: every kind of change undo reverses (a status, a
// status for one party, evidence, a sentence's and a document's
// correction and their reinstatement, a withdrawal, a version link) is
// reversed in the index as in the Go path, by an update that reads the
// document again; each change and its undo are checked.
func TestIndexUndoEachKind(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		a := ingestStatement(t, ctx, s, statement)
		b := ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Document: a, Limit: tracking.MaxLimit})
		if err != nil || all.Total < 3 {
			t.Fatalf("%v commitments (%v)", all, err)
		}
		var joint *entente.TrackedCommitment // of two parties
		for i := range all.Commitments {
			if len(all.Commitments[i].Statuses) >= 2 {
				joint = &all.Commitments[i]
				break
			}
		}
		if joint == nil {
			t.Fatal("no commitment of two parties")
		}
		c := all.Commitments[0]
		last := func() int64 {
			t.Helper()
			seq, err := s.LastEventSeq(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return seq
		}
		correct := func(doc int64, label, field, value string) func() {
			return func() {
				if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: label, Field: field,
					Value: []byte(value), Why: "test"}); err != nil {
					t.Fatalf("correct %d/%s %s: %v", doc, label, field, err)
				}
			}
		}
		steps := []struct {
			name string
			do   func()
		}{
			{"a status", func() {
				e := addEvidence(t, ctx, tr, a, c.Sentence.ID, "")
				if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: a, Sentence: c.Sentence.ID, Status: entente.Stalled,
					EvidenceID: e.ID, Why: "test", Revision: -1}); err != nil {
					t.Fatal(err)
				}
			}},
			{"one party's status", func() {
				e := addEvidence(t, ctx, tr, a, joint.Sentence.ID, "")
				if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: a, Sentence: joint.Sentence.ID, Party: joint.Statuses[1].Party,
					Status: entente.Fulfilled, EvidenceID: e.ID, Why: "test", Revision: -1}); err != nil {
					t.Fatal(err)
				}
			}},
			{"evidence", func() { addEvidence(t, ctx, tr, a, all.Commitments[1].Sentence.ID, "") }},
			// an area no commitment had: the filter on it matched nothing
			// before, matches one after, and none after the undo
			{"a sentence's areas", correct(a, c.Sentence.ID, "areas", `["trade","never-seen"]`)},
			// the party left out keeps its status (fulfilled): counted by
			// the scorecard, not by the areas' table, which counts the
			// parties bound
			{"a sentence's actors, leaving out a party with a status", func() {
				e := addEvidence(t, ctx, tr, a, joint.Sentence.ID, "")
				if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: a, Sentence: joint.Sentence.ID, Party: joint.Statuses[1].Party,
					Status: entente.Fulfilled, EvidenceID: e.ID, Why: "test", Revision: -1}); err != nil {
					t.Fatal(err)
				}
				correct(a, joint.Sentence.ID, "actors", `["`+joint.Statuses[0].Party+`"]`)()
			}},
			{"a sentence's type", correct(a, c.Sentence.ID, "type", `"position"`)},
			{"a document's date", correct(a, "", "date", `"2015-02-01"`)},
			{"a document's parties", correct(b, "", "parties", `["CN","AE","HU"]`)},
			{"a withdrawal", func() {
				if err := tr.Withdraw(ctx, b, "test"); err != nil {
					t.Fatal(err)
				}
			}},
			{"a version link", func() {
				if err := tr.Link(ctx, a, b, "test"); err != nil {
					t.Fatal(err)
				}
			}},
		}
		holdsToGo(t, ctx, s, tr, ref, "after ingest")
		never := func(when string, want int) {
			t.Helper()
			p, err := tr.Commitments(ctx, entente.CommitmentFilter{Area: "never-seen", Withdrawn: true})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != want {
				t.Errorf("%s: %d commitments in the area never-seen, want %d", when, p.Total, want)
			}
		}
		never("before its correction", 0)
		for _, st := range steps {
			st.do()
			seq := last()
			holdsToGo(t, ctx, s, tr, ref, "after "+st.name)
			if st.name == "a sentence's areas" {
				never("after its correction", 1)
			}
			if err := tr.Undo(ctx, seq); err != nil {
				t.Fatalf("undo %s (event %d): %v", st.name, seq, err)
			}
			undo := last()
			holdsToGo(t, ctx, s, tr, ref, "after the undo of "+st.name)
			if st.name == "a sentence's areas" {
				never("after the undo of its correction", 0)
				// and the undo of the undo: the correction reinstated
				if err := tr.Undo(ctx, undo); err != nil {
					t.Fatal(err)
				}
				holdsToGo(t, ctx, s, tr, ref, "after a correction reinstated")
				never("after its reinstatement", 1)
			}
		}
	})
}
