package tracking_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSearchFiltersSeeCorrections holds search's filters and facets to
// the labels as corrected: after corrections of a sentence's type,
// strength, areas and actors and of the document's date and parties,
// every filter finds exactly the sentences the corrected document (as the
// reader shows it) says it should, and the facets count them as
// corrected; withdrawing a correction (undo) puts the extractor's labels
// back.
func TestSearchFiltersSeeCorrections(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		d, err := s.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		// one commitment per correction, each with labels the correction
		// changes
		var firm, withActors, notCulture, typed []entente.Sentence
		for _, st := range d.Extraction.Sentences {
			if st.Type != entente.Commitment {
				continue
			}
			switch {
			case st.Strength == entente.Firm && len(firm) == 0:
				firm = append(firm, st)
			case len(st.Actors) > 0 && len(withActors) == 0:
				withActors = append(withActors, st)
			case !slices.Contains(st.Areas, "culture") && len(notCulture) == 0:
				notCulture = append(notCulture, st)
			case len(typed) == 0:
				typed = append(typed, st)
			}
		}
		if len(firm)+len(withActors)+len(notCulture)+len(typed) != 4 {
			t.Fatal("the statement lacks the commitments this test corrects")
		}
		correct := func(label, field, value string) *entente.Correction {
			t.Helper()
			c, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: label, Field: field, Value: json.RawMessage(value), Why: "test"})
			if err != nil {
				t.Fatalf("correct %s %s: %v", label, field, err)
			}
			return c
		}
		correct(typed[0].ID, "type", `"position"`)
		correct(firm[0].ID, "strength", `"soft"`)
		areas := correct(notCulture[0].ID, "areas", `["culture"]`)
		correct(withActors[0].ID, "actors", `["HU"]`)
		correct("", "date", `"2030-05-01"`)
		correct("", "parties", `["CN","KZ"]`)

		filters := []entente.SearchQuery{
			{}, {Type: entente.Position}, {Type: entente.Commitment}, {Strength: entente.Soft}, {Strength: entente.Firm},
			{Area: "culture"}, {Area: "trade"}, {Party: "HU"}, {Party: "RS"}, {Party: "KZ"}, {Party: "CN"},
			{From: "2030"}, {To: "2024-12-31"}, {From: "2030-05-01", To: "2030-05"},
			{Type: entente.Commitment, Area: "culture"}, {Party: "HU", Strength: entente.Intent}, {Type: entente.Position, From: "2029"},
		}
		check := func(when string) {
			t.Helper()
			d, err := s.Document(ctx, doc) // as the reader shows it: corrected
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range filters {
				want := matching(d, q)
				q.Limit = 1000
				res, err := s.SearchPage(ctx, q)
				if err != nil {
					t.Fatalf("%s: %+v: %v", when, q, err)
				}
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Sentence.ID)
				}
				slices.Sort(got)
				if !slices.Equal(got, sentenceIDs(want)) || res.Total != len(want) {
					t.Errorf("%s: %+v: %d hits %v, want %d %v", when, q, res.Total, got, len(want), sentenceIDs(want))
				}
				if g, w := facetString(res.Facets), facetString(expectedFacets(d, want)); g != w {
					t.Errorf("%s: %+v: facets\n got %s\nwant %s", when, q, g, w)
				}
			}
			// a text search applies the filters as browsing does
			q := entente.SearchQuery{Text: string([]rune(typed[0].Text)[:4]), Type: entente.Position, Limit: 1000}
			res, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			found := slices.ContainsFunc(res.Hits, func(h entente.SearchHit) bool { return h.Sentence.ID == typed[0].ID })
			if wantFound := labelOf(d, typed[0].ID).Type == entente.Position; found != wantFound {
				t.Errorf("%s: text search for %q as a position finds %s: %v, want %v", when, q.Text, typed[0].ID, found, wantFound)
			}
		}
		check("after corrections")

		// undo the areas correction: the extractor's areas count again
		hist, err := tr.History(ctx, doc, notCulture[0].ID, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range hist {
			if e.Entity == "correction" && e.EntityID == areas.ID && e.Action == "create" {
				if err := tr.Undo(ctx, e.Seq); err != nil {
					t.Fatal(err)
				}
			}
		}
		if slices.Contains(labelOfDoc(t, ctx, s, doc, notCulture[0].ID).Areas, "culture") {
			t.Fatal("the undone areas correction still applies")
		}
		check("after undo")
	})
}

func labelOfDoc(t *testing.T, ctx context.Context, s *sqlstore.Store, doc int64, id string) entente.Sentence {
	t.Helper()
	d, err := s.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	return labelOf(d, id)
}

func labelOf(d *entente.StoredDocument, id string) entente.Sentence {
	for _, st := range d.Extraction.Sentences {
		if st.ID == id {
			return st
		}
	}
	return entente.Sentence{}
}

// matching lists the sentences of the corrected document d that q's
// filters keep.
func matching(d *entente.StoredDocument, q entente.SearchQuery) []entente.Sentence {
	date := ""
	if d.SignedDate != nil {
		date = *d.SignedDate
	}
	var out []entente.Sentence
	for _, st := range d.Extraction.Sentences {
		switch {
		case q.Type != "" && st.Type != q.Type,
			q.Strength != "" && st.Strength != q.Strength,
			q.Area != "" && !slices.Contains(st.Areas, q.Area),
			q.Party != "" && !slices.Contains(st.Actors, q.Party) && !slices.Contains(d.Parties, q.Party),
			q.From != "" && date < q.From,
			q.To != "" && (date == "" || date[:min(len(q.To), len(date))] > q.To):
			continue
		}
		out = append(out, st)
	}
	return out
}

func sentenceIDs(ss []entente.Sentence) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.ID)
	}
	slices.Sort(out)
	return out
}

// expectedFacets counts ss as the facets do.
func expectedFacets(d *entente.StoredDocument, ss []entente.Sentence) map[string]map[string]int {
	m := map[string]map[string]int{"type": {}, "strength": {}, "party": {}, "area": {}, "year": {}}
	for _, st := range ss {
		m["type"][string(st.Type)]++
		if st.Strength != "" {
			m["strength"][string(st.Strength)]++
		}
		for _, p := range uniqueOf(st.Actors) {
			m["party"][p]++
		}
		for _, a := range uniqueOf(st.Areas) {
			m["area"][a]++
		}
		if d.SignedDate != nil {
			m["year"][(*d.SignedDate)[:4]]++
		}
	}
	return m
}

func uniqueOf(l []string) []string {
	var out []string
	for _, v := range l {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// facetString renders facets (entente.Facets or expectedFacets' map) the
// same way, sorted, for comparison.
func facetString(v any) string {
	m := map[string]map[string]int{}
	if f, ok := v.(entente.Facets); ok {
		for name, cs := range map[string][]entente.Count{"type": f.Type, "strength": f.Strength, "party": f.Party, "area": f.Area, "year": f.Year} {
			m[name] = map[string]int{}
			for _, c := range cs {
				m[name][c.Key] = c.Count
			}
		}
	} else {
		m = v.(map[string]map[string]int)
	}
	var b strings.Builder
	for _, name := range []string{"type", "strength", "party", "area", "year"} {
		var keys []string
		for k := range m[name] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		fmt.Fprintf(&b, "%s:", name)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%d", k, m[name][k])
		}
		b.WriteString("; ")
	}
	return b.String()
}
