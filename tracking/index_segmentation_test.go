package tracking_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexSplitAndJoin: a split of a commitment in two and a join of two
// sentences give the document new sentence rows (the index pages by
// them) and move its later sentences' numbers; the index, updated, holds
// the new ones, as the Go path reads them, after each and after their
// undo.
func TestIndexSplitAndJoin(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt")
		d, err := s.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		ss := d.Extraction.Sentences
		split, join := -1, -1 // a long commitment; two commitments of one section after it
		for i := 0; i+1 < len(ss); i++ {
			if split < 0 && ss[i].Type == entente.Commitment && len([]rune(ss[i].Text)) > 12 {
				split = i
			} else if split >= 0 && i > split+1 && ss[i].Section == ss[i+1].Section &&
				ss[i].Type == entente.Commitment && ss[i+1].Type == entente.Commitment {
				join = i
				break
			}
		}
		if split < 0 || join < 0 {
			t.Fatal("no commitments to split and join")
		}
		holdsToGo(t, ctx, s, tr, ref, "after ingest")
		last := func() int64 {
			seq, err := s.LastEventSeq(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return seq
		}
		for _, c := range []struct {
			name string
			do   func() error
		}{
			{"a split", func() error {
				_, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: ss[split].ID, At: []int{6}, Why: "two promises"})
				return err
			}},
			{"a join", func() error {
				_, err := tr.Join(ctx, tracking.JoinInput{Document: doc, Sentence: ss[join].ID, Why: "one promise"})
				return err
			}},
		} {
			if err := c.do(); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			seq := last()
			holdsToGo(t, ctx, s, tr, ref, "after "+c.name)
			if err := tr.Undo(ctx, seq); err != nil {
				t.Fatalf("undo %s: %v", c.name, err)
			}
			holdsToGo(t, ctx, s, tr, ref, "after the undo of "+c.name)
		}
	})
}
