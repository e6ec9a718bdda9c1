package tracking_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestCommitmentFiltersSeeCorrectedDocuments: the commitments table's
// pair and date filters read a document's parties and date as corrected,
// as the library's filters and the reader do, through the index and
// through the store alike: a statement whose parties an analyst corrected
// is among its corrected pair's commitments and no longer among its old
// pair's, and one whose date was corrected is filtered by the new date.
func TestCommitmentFiltersSeeCorrectedDocuments(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr, ref := withReference(t, s)
		docs := []int64{
			ingestStatement(t, ctx, s, statement),
			ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt"),
		}
		for doc, c := range map[int64][2]string{docs[0]: {"parties", `["CN","KZ"]`}, docs[1]: {"date", `"2031-03-01"`}} {
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: c[0], Value: json.RawMessage(c[1]), Why: "test"}); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			f    entente.CommitmentFilter
			want []int64 // the documents whose commitments it lists
		}{
			{entente.CommitmentFilter{Pair: []string{"CN", "KZ"}}, docs[:1]},
			{entente.CommitmentFilter{Pair: []string{"CN", "RS"}}, nil},
			{entente.CommitmentFilter{Pair: []string{"CN", "AE"}}, docs[1:]},
			{entente.CommitmentFilter{From: "2031"}, docs[1:]},
			{entente.CommitmentFilter{To: "2024-12-31"}, docs[:1]},
			{entente.CommitmentFilter{Pair: []string{"AE", "CN"}, From: "2031-03", To: "2031-03-01"}, docs[1:]},
		}
		for _, tc := range tests {
			for name, r := range map[string]*tracking.Tracker{"index": tr, "store": ref} {
				tc.f.Limit = tracking.MaxLimit
				page, err := r.Commitments(ctx, tc.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, c := range page.Commitments {
					if !slices.Contains(got, c.DocumentID) {
						got = append(got, c.DocumentID)
					}
				}
				slices.Sort(got)
				if !slices.Equal(got, tc.want) || (len(tc.want) > 0 && page.Total == 0) {
					t.Errorf("%s, %+v: the commitments of %v (%d), want those of %v", name, tc.f, got, page.Total, tc.want)
				}
			}
		}
	})
}
