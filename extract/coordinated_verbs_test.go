package extract

import "testing"

// TestCoordinatedBareVerbs holds when an action word after a bare "and"
// is the parties' second verb (a soft undertaking beside a view) and when
// it is one more noun of the head's object.
func TestCoordinatedBareVerbs(t *testing.T) {
	parties := []string{"AE", "CN"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		// two bare present verbs of the parties': the second undertakes
		{"The two sides support the establishment of cultural centers in each other's country and promote cultural cooperation.", "commitment", "soft", parties, "promote", ""},
		{"The two sides welcome the opening of bank branches and strengthen exchanges between their financial institutions.", "commitment", "soft", parties, "strengthen", ""},
		// a noun after "and": "of" after it, or nothing
		{"The two sides support the visits and exchange of students.", "position", "", parties, "support", ""},
		{"The two sides support academic visits and exchange.", "position", "", parties, "support", ""},
		// two adjectives of one noun after a determiner
		{"The two sides share a commitment to a free and open region.", "position", "", parties, "share a commitment to", ""},
		{"The two sides support a stable and open market.", "position", "", parties, "support", ""},
		// a plural after a past head is a noun of the object
		{"The two sides welcomed the visit and exchanges between their universities.", "appraisal", "", parties, "welcomed", ""},
	})
}
