package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestReadsNeverWrite holds the tracked tables' contract: every write
// brings them up to date in its own transaction, so that a read finds
// them current and writes nothing; a store that was given no due rules
// leaves its marks, and a read then answers from the whole set (the same
// answer) without computing anything; UseDueRules, at startup, does.
func TestReadsNeverWrite(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, err := tracking.New(s) // no UseDueRules yet: a writer without rules
		if err != nil {
			t.Fatal(err)
		}
		fp := tr.Rules.Fingerprint()
		state := func() (dirty, rows int, current bool) {
			t.Helper()
			for _, q := range []struct {
				sql string
				n   *int
			}{{`SELECT count(*) FROM tracked_dirty`, &dirty}, {`SELECT count(*) FROM tracked_commitments`, &rows}} {
				if err := s.DB().QueryRowContext(ctx, q.sql).Scan(q.n); err != nil {
					t.Fatal(err)
				}
			}
			current, err := s.TrackedCurrent(ctx, fp)
			if err != nil {
				t.Fatal(err)
			}
			return dirty, rows, current
		}
		doc := ingestStatement(t, ctx, s, statement)
		dirty, rows, current := state()
		if dirty == 0 || rows != 0 || current {
			t.Fatalf("a write without rules: %d marks, %d rows, current %v; want marks, no rows, not current", dirty, rows, current)
		}
		want, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Scorecard(ctx, entente.CommitmentFilter{}); err != nil {
			t.Fatal(err)
		}
		if d, r, _ := state(); d != dirty || r != rows {
			t.Fatalf("reads wrote: %d marks and %d rows before, %d and %d after", dirty, rows, d, r)
		}
		if want.Total == 0 {
			t.Fatal("no commitments read")
		}

		if err := s.UseDueRules(ctx, tr.Rules); err != nil {
			t.Fatal(err)
		}
		if d, r, cur := state(); d != 0 || r != want.Total || !cur {
			t.Fatalf("after UseDueRules: %d marks, %d rows (want %d), current %v", d, r, want.Total, cur)
		}
		c := want.Commitments[0]
		writes := []struct {
			name string
			do   func() error
		}{
			{"evidence and status", func() error {
				e := addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "")
				_, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
					Status: entente.Fulfilled, EvidenceID: e.ID, Why: "done", Revision: -1})
				return err
			}},
			{"correction", func() error {
				_, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: c.Sentence.ID, Field: "type",
					Value: []byte(`"position"`), Why: "reads as a position"})
				return err
			}},
			{"withdrawal", func() error { return tr.Withdraw(ctx, doc, "duplicate") }},
			{"restore", func() error { return tr.Restore(ctx, doc, "not a duplicate") }},
			{"another document", func() error {
				ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
				return nil
			}},
		}
		for _, w := range writes {
			if err := w.do(); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			d, r, cur := state()
			if d != 0 || !cur {
				t.Fatalf("after %s: %d marks left, current %v", w.name, d, cur)
			}
			all, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit, Withdrawn: true})
			if err != nil {
				t.Fatal(err)
			}
			if r != all.Total {
				t.Errorf("after %s: %d tracked rows, %d commitments", w.name, r, all.Total)
			}
			if d2, r2, _ := state(); d2 != d || r2 != r {
				t.Fatalf("after %s: a read wrote", w.name)
			}
		}
	})
}
