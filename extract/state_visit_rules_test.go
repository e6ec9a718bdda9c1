package extract

import (
	"strings"
	"testing"
)

const stateVisitHead = "India–UAE Joint Statement on the State Visit of the President of the United Arab Emirates to India\n\nNew Delhi, 9 September 2026\n\n1. The two leaders held talks at Hyderabad House.\n\n"

// TestListedTitleEndsParagraph: the documents exchanged during a visit are
// listed at the end of a statement as bare titles, one a paragraph and with
// no final stop. A title that ends its paragraph (and so the sentence's
// words) is still cited, and the reader looks for its year past the last
// word without running off it.
func TestListedTitleEndsParagraph(t *testing.T) {
	x := newTestSpaced(t, "en")
	doc := stateVisitHead + "Annex: List of documents exchanged during the visit\n\n" +
		"(i) Memorandum of Understanding between the Reserve Bank of India and the Central Bank of the United Arab Emirates on Expanding the Local Currency Settlement System\n\n" +
		"(ii) Agreement between the Government of the Republic of India and the Government of the United Arab Emirates on Cooperation in the Peaceful Uses of Nuclear Energy\n"
	r := x.Extract(doc)
	for _, want := range []string{"Memorandum of Understanding between the Reserve Bank of India", "Agreement between the Government of the Republic of India"} {
		found := false
		for _, ref := range r.References {
			if strings.HasPrefix(ref.Title, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no reference opening %q among %+v", want, r.References)
		}
	}
}

// TestStateVisitAreaWords: the fields a Gulf–Asian state visit's statement
// names in words of its own: a food corridor and food parks are farming and
// its food (no transport corridor), staple grains are farming, the blue
// economy is the ocean's sustainable use, a minilateral grouping (I2U2, as
// the Quad) is a regional framework, a payments interface or platform is
// digital finance, and a university's campus is education.
func TestStateVisitAreaWords(t *testing.T) {
	x := newTestSpaced(t, "en")
	pp := []string{"AE", "IN"}
	tests := []struct{ text, want string }{
		{"The leaders welcomed the progress of the India–UAE Food Corridor.", "development"},
		{"They agreed to operationalise the first food park by the end of 2027.", "development"},
		{"India will ensure a stable supply of rice and wheat to the UAE.", "development"},
		{"The two sides will implement joint projects in the blue economy.", "green"},
		{"They expressed support for the work of the I2U2 grouping.", "international_order"},
		{"The two sides will extend the Unified Payments Interface to merchants across the UAE.", "digital,finance"},
		{"They welcomed the first graduating class of the new campus.", "people"},
		// a country's community, workers or nationals abroad, named by its demonym, are
		// its people abroad (consular matters, welfare); the international community is not
		{"The leaders appreciated the contribution of the Indian community in the UAE.", "people"},
		{"The UAE side will continue to ensure the welfare of Indian workers in the UAE.", "people"},
		{"The international community should support the peace efforts.", "international_order"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), pp, pp)
			if got := strings.Join(s.Areas, ","); got != tc.want {
				t.Errorf("areas %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNotedEffect: "noted that" an instrument or a measure has given or
// provided more of something, or has boosted it, evaluates what was done
// (an appraisal), as "has strengthened" does; a bare fact noted stays a view.
func TestNotedEffect(t *testing.T) {
	x := newTestSpaced(t, "en")
	pp := []string{"AE", "IN"}
	tests := []struct{ text, want string }{
		{"The leaders noted that the Bilateral Investment Treaty signed in February 2024 has given greater certainty to investors on both sides.", "appraisal"},
		{"The leaders noted that the agreement has boosted trade in services.", "appraisal"},
		{"The leaders noted that the new arrangement has provided greater access for exporters.", "appraisal"},
		{"The leaders noted that the region faces many challenges.", "position"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), pp, pp)
			if string(s.Type) != tc.want {
				t.Errorf("type %q, want %q", s.Type, tc.want)
			}
		})
	}
}
