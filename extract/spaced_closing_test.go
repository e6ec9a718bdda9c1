package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestSpacedClosingFormula: the closing formula of an English or Serbian
// statement records its signing, a narrative with no actors or areas,
// whatever its verb (is done in, sačinjena je), and never cites the
// document itself; an undertaking in the closing section stays one.
func TestSpacedClosingFormula(t *testing.T) {
	tests := []struct {
		lang, closing string
		typ           entente.SentenceType
	}{
		{"en", "This Joint Statement is done in Chinese, Kazakh and Russian, all texts being equally authentic.", entente.Narrative},
		{"en", "This Joint Statement was signed in Astana on 3 July 2024 in two copies, both texts being equally authentic.", entente.Narrative},
		{"en", "Done at Astana on 3 July 2024 in two originals, all texts being equally authentic.", entente.Narrative},
		{"sr", "Ova zajednička izjava sačinjena je u Beogradu 12. marta 2025. godine u dva originala, pri čemu su oba teksta podjednako verodostojna.", entente.Narrative},
		{"sr", "Ова заједничка изјава је сачињена у Београду 12. марта 2025. године у два оригинала.", entente.Narrative},
		{"en", "Done at Astana on 3 July 2024 in two originals. The Parties shall settle any dispute through consultations.", entente.Commitment},
	}
	for _, tc := range tests {
		t.Run(tc.closing, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			text := "Joint Statement between the Republic of Serbia and the Republic of Kazakhstan\n\n" +
				"1. The two sides will deepen their cooperation in trade.\n\n" + tc.closing + "\n"
			if tc.lang == "sr" {
				text = "Zajednička izjava Republike Srbije i Republike Kazahstan\n\n1. Strane će produbiti saradnju u oblasti trgovine.\n\n" + tc.closing + "\n"
			}
			got := x.Extract(text)
			last := got.Sentences[len(got.Sentences)-1]
			if last.Section != entente.SectionClosing {
				t.Fatalf("the formula in section %q: %+v", last.Section, got.Sections)
			}
			if last.Type != tc.typ {
				t.Errorf("type %s, want %s (%+v)", last.Type, tc.typ, last.Rationale.Type)
			}
			if tc.typ == entente.Narrative && (len(last.Actors) > 0 || len(last.Areas) > 0 || last.Rationale.Type == nil && last.Type != entente.Narrative) {
				t.Errorf("a narrative with actors %v, areas %v", last.Actors, last.Areas)
			}
			if len(got.References) > 0 {
				t.Errorf("references %+v: the document cites itself", got.References)
			}
		})
	}
}

// TestSpacedSignedPlace: a statement with a dateline (the city it was issued
// in) and a closing formula of signing on the same date was signed where the
// formula says, as written there; a dateline alone gives its city.
func TestSpacedSignedPlace(t *testing.T) {
	tests := []struct{ text, place string }{
		{"Заједничка изјава Републике Србије и Републике Италије\n\nРим, 11. новембар 2024. године\n\nСтране ће продубити сарадњу.\n\n" +
			"Сачињено у Риму 11. новембра 2024. године, у два оригинална примерка.\n", "Риму"},
		{"Zajednička izjava Republike Srbije i Republike Italije\n\nRim, 11. novembar 2024. godine\n\nStrane će produbiti saradnju.\n", "Rim"},
	}
	x := newTestSpaced(t, "sr")
	for _, tc := range tests {
		got := x.Extract(tc.text).Document.SignedPlace
		if got == nil || *got != tc.place {
			t.Errorf("place %q, want %q: %s", deref(got), tc.place, tc.text)
		}
	}
}

// TestSpacedAuthenticNeighbourLanguages: a neighbour's language with no
// two-letter code (Montenegrin, ISO 639-2 cnr) is named by its three
// letters in the authentic-languages clause, as Bosnian is by its two.
func TestSpacedAuthenticNeighbourLanguages(t *testing.T) {
	r := newTestRegistry(t)
	for _, tt := range []struct {
		closing string
		want    []string
	}{
		{"Sačinjeno u Beogradu 14. novembra 2025. godine, u dva originalna primerka, svaki na srpskom i crnogorskom jeziku, pri čemu su oba teksta podjednako verodostojna.", []string{"cnr", "sr"}},
		{"Сачињено у Сарајеву 3. марта 2025. године, у два оригинална примерка, на српском и босанском језику, при чему су оба текста подједнако веродостојна.", []string{"bs", "sr"}},
	} {
		t.Run(tt.closing, func(t *testing.T) {
			x, err := r.ExtractAs("Zajednička deklaracija\n\nStrane će unaprediti saradnju.\n\n"+tt.closing+"\n", "sr-Latn")
			if err != nil {
				t.Fatal(err)
			}
			if got := x.Document.AuthenticLanguages; !slices.Equal(got, tt.want) {
				t.Errorf("authentic %v, want %v", got, tt.want)
			}
		})
	}
}
