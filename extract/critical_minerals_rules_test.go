package extract

import (
	"slices"
	"testing"
)

// TestSectionHeadings: memoranda of cooperation in Japan's style head their
// parts "Section 1" over a title line and number the paragraphs under them
// "1.", "2.": the Section is the part, its paragraphs' numbers are list
// markers inside it, as under "Article 1".
func TestSectionHeadings(t *testing.T) {
	x := newTestSpaced(t, "en")
	doc := "Memorandum of Cooperation between the Ministry of Economy, Trade and Industry of Japan and the Ministry of Mining of the Republic of Chile on Critical Minerals\n\n" +
		"The Participants,\n\nDesiring to strengthen their cooperation,\n\nHave reached the following understanding:\n\n" +
		"Section 1\nPurpose\n\nThe purpose of this Memorandum is to strengthen cooperation between the Participants.\n\n" +
		"Section 2\nExchange of Information\n\n1. The Participants will exchange information on critical minerals.\n\n2. They will share assessments of supply and demand.\n\n" +
		"SECTION 3\nJoint Working Group\n\n1. The Participants will establish a working group.\n\n2. The working group will meet once a year.\n"
	r := x.Extract(doc)
	var ids []string
	for _, s := range r.Sections {
		ids = append(ids, s.ID)
	}
	if want := []string{"preamble", "1", "2", "3"}; !slices.Equal(ids, want) {
		t.Errorf("sections %v, want %v", ids, want)
	}
	var secs []string
	for _, s := range r.Sentences {
		secs = append(secs, s.Section)
	}
	if want := []string{"preamble", "1", "2", "2", "3", "3"}; !slices.Equal(secs, want) {
		t.Errorf("sentence sections %v, want %v", secs, want)
	}
}
