package sqlstore_test

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
)

// Cross-script and cross-form search: Simplified and Traditional Chinese
// find each other, a Serbian word finds its forms in both scripts, and an
// English word is not taken for a Serbian one.
var (
	hans = handDoc("zh", "简体", "2025-01-10", []string{"CN", "HU", "RS"},
		sentence{text: "双方将加快匈塞铁路建设。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}},
		sentence{text: "双方欢迎签证便利化。", typ: entente.Appraisal},
	)
	hant = handDoc("zh-Hant", "繁體", "2025-01-11", []string{"CN", "HU", "RS"},
		sentence{text: "雙方將加快匈塞鐵路建設。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}},
		sentence{text: "雙方歡迎簽證便利化。", typ: entente.Appraisal},
	)
	formsCyr = handDoc("sr-Cyrl", "Изјава", "2025-02-01", []string{"CN", "RS"},
		sentence{text: "Две стране ће заједно изградити пругу Београд–Будимпешта.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}},
		sentence{text: "Стране су задовољне радом на прузи и пругом до Новог Сада.", typ: entente.Appraisal},
	)
	formsLat = handDoc("sr-Latn", "Izjava", "2025-02-02", []string{"CN", "RS"},
		sentence{text: "Obe strane pozdravljaju završetak pruge i planiraju nove pruge.", typ: entente.Appraisal},
		sentence{text: "Strane će razviti mrežu pruga između dve zemlje.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}},
	)
	// forms that a sound change spells otherwise (pruga → pruzi, naučnik →
	// naučnici), alone in their sentences
	formsChanged = handDoc("sr-Latn", "Radovi", "2025-02-04", []string{"CN", "RS"},
		sentence{text: "Radovi na pruzi napreduju brzo.", typ: entente.Narrative},
		sentence{text: "Naučnici dve zemlje sarađuju u svemiru.", typ: entente.Narrative},
	)
	formsEn = handDoc("en", "Statement", "2025-02-03", []string{"CN", "RS"},
		sentence{text: "The sides will modernise the railway between the two capitals.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}},
		sentence{text: "They welcomed the data on the agenda.", typ: entente.Appraisal},
	)
)

func TestSearchAcrossForms(t *testing.T) {
	text := func(d *entente.NewDocument, i int) string { return d.Extraction.Sentences[i].Text }
	pruga := []string{text(formsCyr, 0), text(formsCyr, 1), text(formsLat, 0), text(formsLat, 1), text(formsChanged, 0)}
	cases := []struct {
		name, query string
		want        []string
	}{
		{"Simplified finds Traditional", "铁路", []string{text(hans, 0), text(hant, 0)}},
		{"Traditional finds Simplified", "鐵路", []string{text(hans, 0), text(hant, 0)}},
		{"Traditional phrase", "簽證便利化", []string{text(hans, 1), text(hant, 1)}},
		{"one Traditional character", "鐵", []string{text(hans, 0), text(hant, 0)}},
		{"Latin base form finds every form in both scripts", "pruga", pruga},
		{"Cyrillic inflected form finds the others", "пругом", pruga},
		{"Latin genitive", "pruge", pruga},
		{"Cyrillic sound change finds every form", "прузи", pruga},
		{"Latin sound change finds every form", "pruzi", pruga},
		{"Cyrillic base form finds the sound change", "пруга", pruga},
		{"singular finds a plural by sibilarization", "naučnik", []string{text(formsChanged, 1)}},
		{"Cyrillic singular too", "научник", []string{text(formsChanged, 1)}},
		{"English word keeps to English forms", "railways", []string{text(formsEn, 0)}},
		{"English data is not a date", "date", nil},
	}
	results := map[string][][]entente.SearchHit{}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			s := st.open(t)
			for _, d := range []*entente.NewDocument{hans, hant, formsCyr, formsLat, formsChanged, formsEn} {
				mustCreate(t, s, d)
			}
			for _, c := range cases {
				hits, err := s.Search(t.Context(), entente.SearchQuery{Text: c.query})
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				results[st.name] = append(results[st.name], hits)
				var got []string
				for _, h := range hits {
					got = append(got, h.Sentence.Text)
				}
				slices.Sort(got)
				want := slices.Clone(c.want)
				slices.Sort(want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: Search(%q) (-want +got):\n%s", c.name, c.query, diff)
				}
				checkHits(t, c.query, hits)
			}
		})
	}
	if len(results) == 2 {
		if diff := cmp.Diff(results["sqlite"], results["postgres"]); diff != "" {
			t.Errorf("SQLite and PostgreSQL differ (-sqlite +postgres):\n%s", diff)
		}
	}
}
