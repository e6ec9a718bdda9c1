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

// TestAreToUndertakes: "are to" + a verb (The Participants are to conduct…,
// X and Y are to prepare…) is how Japan's memoranda of cooperation say what
// their participants will do: a firm undertaking, with its deadline. The
// aims a text "are to" pursue stay its purpose.
func TestAreToUndertakes(t *testing.T) {
	x := newTestSpaced(t, "en")
	checkLabels(t, x, []string{"CL", "JP"}, []labelCase{
		{"The Participants are to conduct a joint feasibility study on a refining hub, to be completed no later than 30 June 2027.", "commitment", "firm", []string{"CL", "JP"}, "are to", "no later than 30 June 2027"},
		{"The two sides are to hold the next meeting of the committee in Tokyo.", "commitment", "firm", []string{"CL", "JP"}, "are to", ""},
	})
}

// TestMineralsFields: the words of a critical minerals memorandum name its
// fields: the metals mined (copper, cobalt, nickel…) and metallurgy are
// resources, recycling is green, offtake (a mine's output sold forward) is
// trade, and mine safety is work safety (disaster) in mining.
func TestMineralsFields(t *testing.T) {
	x := newTestSpaced(t, "en")
	checkSentenceAreas(t, x, []string{"CL", "JP"}, []docAreaCase{
		{"The Participants will develop a methodology for the carbon footprint of copper concentrates.", []string{"green", "resources"}},
		{"The Participants will cooperate on the supply of cobalt and nickel.", []string{"resources"}},
		{"The Participants will promote the recycling of electronic waste.", []string{"green"}},
		{"The Participants intend to facilitate long-term offtake arrangements for copper.", []string{"resources", "trade"}},
		{"The Participants will exchange experience in mine safety.", []string{"disaster", "resources"}},
		{"The Participants will exchange experts in metallurgy.", []string{"resources"}},
	})
}

// TestSpanAfterSigning: a review or a step set for a span after the
// signature (review the implementation three years after the date of its
// signature) is a deadline, as "within" such a span is.
func TestSpanAfterSigning(t *testing.T) {
	x := newTestSpaced(t, "en")
	checkDeadlines(t, x, []struct{ text, deadline string }{
		{"The Participants will review the implementation of this Memorandum three years after the date of its signature.", "three years after the date of its signature"},
		{"The Parties will evaluate the programme two (2) years after its entry into force and may revise it.", "two (2) years after its entry into force"},
		{"The Participants will meet every two years.", ""},
	})
}
