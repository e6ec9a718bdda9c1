package extract

import "testing"

// TestSoftUndertakingInContent holds that a soft undertaking verb inside
// a view's content (stressed that they continue to…) is the parties'
// soft commitment when they are its subject, as a modal there is, and
// describes what is when something else is.
func TestSoftUndertakingInContent(t *testing.T) {
	parties := []string{"AE", "CN"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		{"The two sides stressed that they continue to give each other firm support on issues concerning national sovereignty.", "commitment", "soft", parties, "continue to", ""},
		{"The Chinese side stressed that it continues to support the UAE in hosting the exhibition.", "commitment", "soft", []string{"CN"}, "continues to", ""},
		{"The two sides agreed that they encourage their universities to open joint programmes.", "commitment", "soft", parties, "encourage", ""},
		// trade, not a party, continues: a view of what is
		{"The two sides noted that trade continues to grow.", "position", "", parties, "noted that", ""},
		// a present verb of the parties' other than an undertaking's describes
		{"The two sides noted that they cooperate closely in energy.", "position", "", parties, "noted that", ""},
	})
}

// TestOccasionEvaluated holds that the occasion the statement reports,
// joined by a copula to what it is (This visit is of far-reaching
// significance…), is the parties' appraisal of it, and that an occasion to
// come (the next meeting, the upcoming summit) is none.
func TestOccasionEvaluated(t *testing.T) {
	parties := []string{"AE", "CN"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		{"This visit is of far-reaching significance for promoting bilateral relations.", "appraisal", "", parties, "is", ""},
		{"The talks are a milestone in the relations between the two countries.", "appraisal", "", parties, "are", ""},
		{"The upcoming summit is an opportunity to deepen cooperation.", "position", "", parties, "is", ""},
		{"The next meeting is an occasion to review the plan.", "position", "", parties, "is", ""},
	})
}
