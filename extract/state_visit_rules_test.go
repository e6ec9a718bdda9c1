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
