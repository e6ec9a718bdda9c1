package tracking_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestLibraryPagesByCorrectedDate stores statements of several dates (two
// the same, one undated), corrects some dates (to the earliest, the
// latest, a date others have, and onto an undated one), and reads the
// library's list in pages of every size at every offset, with and without
// a filter: each page is its slice of the whole list, which is every
// document by its date as corrected, newest first, the undated last.
func TestLibraryPagesByCorrectedDate(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		dates := []string{"2019年5月8日", "2021年3月1日", "2021年3月1日", "2016年6月18日", "", "2023年10月17日", "2012年1月2日", "2024年5月8日", "2018年9月9日", "2010年7月7日"}
		var docs []int64
		for i, d := range dates {
			text := fmt.Sprintf("中华人民共和国和塞尔维亚共和国联合声明\n\n双方将在第%d个领域加强合作。\n", i+1)
			if d != "" {
				text += "\n" + d + "于北京\n"
			}
			x := zhExtractor(t).Extract(text)
			id, err := s.CreateDocument(ctx, &entente.NewDocument{Extraction: x, Text: text, Extractor: "extract/zh",
				Source: entente.Source{Name: fmt.Sprintf("d%d.txt", i), Format: "text", Encoding: "utf-8", MediaType: "text/plain"}, Original: []byte(text)})
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, id)
		}
		for i, date := range map[int]string{1: "2009-01-01", 3: "2030-12-31", 6: "2021-03-01", 4: "2020-02-02", 9: "2024-05-08"} {
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: docs[i], Field: "date", Value: json.RawMessage(fmt.Sprintf("%q", date)), Why: "test"}); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []entente.DocumentFilter{{}, {Party: "RS"}, {From: "2015"}, {Party: "US"}} {
			// the whole list, as the reader dates each document
			var want []*entente.StoredDocument
			for _, id := range docs {
				d, err := s.Document(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if keepsDocument(d, f) {
					want = append(want, d)
				}
			}
			slices.SortFunc(want, func(x, y *entente.StoredDocument) int {
				dx, dy := deref(x.SignedDate), deref(y.SignedDate)
				if (dx == "") != (dy == "") {
					return map[bool]int{true: 1, false: -1}[dx == ""]
				}
				return cmp.Or(cmp.Compare(dy, dx), cmp.Compare(y.ID, x.ID))
			})
			var wantIDs []int64
			for _, d := range want {
				wantIDs = append(wantIDs, d.ID)
			}
			for limit := 0; limit <= len(docs)+1; limit++ {
				for offset := 0; offset <= len(docs)+1; offset++ {
					g := f
					g.Limit, g.Offset = limit, offset
					page, err := s.Documents(ctx, g)
					if err != nil {
						t.Fatal(err)
					}
					var got []int64
					for _, d := range page {
						got = append(got, d.ID)
					}
					from := min(offset, len(wantIDs))
					to := len(wantIDs)
					if limit > 0 {
						to = min(from+limit, len(wantIDs))
					}
					if !slices.Equal(got, wantIDs[from:to]) {
						t.Errorf("%+v: %v, want %v", g, got, wantIDs[from:to])
					}
				}
			}
		}
	})
}
