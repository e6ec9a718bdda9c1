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
