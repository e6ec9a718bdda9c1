package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestDocuments checks the list's order, each filter and pagination.
func TestDocuments(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		zh := corpusDoc(t, statement)
		undated := handDoc("en", "Undated", "", []string{"CN", "KZ"}, sentence{text: "No date."})
		undated.Extraction.Document.SignedDate = nil
		agreement := handDoc("en", "Agreement", "2024-05-08", []string{"CN", "HU"}, sentence{text: "An agreement."})
		agreement.Extraction.Document.Kind = entente.KindAgreement
		ids := map[string]int64{}
		for name, d := range map[string]*entente.NewDocument{
			"zh": zh, "en": english, "cyrl": cyrillic, "latn": latin, "undated": undated, "agreement": agreement,
		} {
			ids[name] = mustCreate(t, s, d)
		}
		// The agreement and the statement share a date: the later id first.
		sameDay := []string{"agreement", "zh"}
		if ids["zh"] > ids["agreement"] {
			sameDay = []string{"zh", "agreement"}
		}
		all := append(append([]string{"latn", "cyrl"}, sameDay...), "en", "undated")
		tests := []struct {
			name string
			f    entente.DocumentFilter
			want []string
		}{
			{"all, newest signed first, undated last", entente.DocumentFilter{}, all},
			{"party", entente.DocumentFilter{Party: "RS"}, []string{"latn", "cyrl", "zh", "en"}},
			{"party of one", entente.DocumentFilter{Party: "KZ"}, []string{"undated"}},
			{"every party of a pair", entente.DocumentFilter{Parties: []string{"CN", "KZ"}}, []string{"undated"}},
			{"every party of a pair, the other way", entente.DocumentFilter{Parties: []string{"KZ", "CN"}}, []string{"undated"}},
			{"a party and another", entente.DocumentFilter{Party: "CN", Parties: []string{"HU"}}, []string{"agreement"}},
			{"a pair that signed nothing together", entente.DocumentFilter{Parties: []string{"HU", "KZ"}}, []string{}},
			{"kind", entente.DocumentFilter{Kind: entente.KindAgreement}, []string{"agreement"}},
			{"language", entente.DocumentFilter{Language: "sr-Latn"}, []string{"latn"}},
			{"from a month", entente.DocumentFilter{From: "2024-06"}, []string{"latn", "cyrl"}},
			{"to a month, inclusive", entente.DocumentFilter{To: "2024-05"}, append(append([]string{}, sameDay...), "en")},
			{"a year", entente.DocumentFilter{From: "2024", To: "2024"}, append([]string{"latn", "cyrl"}, sameDay...)},
			{"to a day, inclusive", entente.DocumentFilter{To: "2023-06-01"}, []string{"en"}},
			{"filters together", entente.DocumentFilter{Party: "CN", From: "2024-01-01", Kind: entente.KindJointStatement}, []string{"cyrl", "zh"}},
			{"a page", entente.DocumentFilter{Limit: 2, Offset: 1}, all[1:3]},
			{"the last page", entente.DocumentFilter{Limit: 4, Offset: 4}, all[4:]},
			{"past the end", entente.DocumentFilter{Offset: 10}, []string{}},
			{"no match", entente.DocumentFilter{Party: "FR"}, []string{}},
		}
		names := map[int64]string{}
		for n, id := range ids {
			names[id] = n
		}
		for _, tc := range tests {
			ds, err := s.Documents(ctx, tc.f)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			got := []string{}
			for _, d := range ds {
				got = append(got, names[d.ID])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
			}
		}

		ds, err := s.Documents(ctx, entente.DocumentFilter{Language: "zh"})
		if err != nil || len(ds) != 1 {
			t.Fatalf("%d documents, %v", len(ds), err)
		}
		d := ds[0]
		commitments := 0
		for _, x := range zh.Extraction.Sentences {
			if x.Type == entente.Commitment {
				commitments++
			}
		}
		if d.Sentences != len(zh.Extraction.Sentences) || d.Commitments != commitments {
			t.Errorf("counts %d sentences, %d commitments; want %d, %d", d.Sentences, d.Commitments, len(zh.Extraction.Sentences), commitments)
		}
		if diff := cmp.Diff(zh.Extraction.Document, d.Document); diff != "" {
			t.Errorf("listed metadata (-stored +listed):\n%s", diff)
		}
		if len(d.Versions) != 1 || d.Versions[0].Text != "" || d.Versions[0].Language != "zh" || len(d.Sources) != 1 || d.Extraction != nil {
			t.Errorf("a listed document has versions %+v (text left out), sources %d, extraction %v", d.Versions, len(d.Sources), d.Extraction != nil)
		}
	})
}
