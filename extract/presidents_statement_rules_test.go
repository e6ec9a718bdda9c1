package extract

import "testing"

// TestPresidentsStatementRules holds the readings a statement the
// presidents make in the first person plural shows (Serbian, both scripts
// share the table), in wording of our own.
func TestPresidentsStatementRules(t *testing.T) {
	parties := []string{"HR", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		// the future's ending in the first person plural names its subject,
		// "we", the parties, whatever noun opens the clause: no forecast
		{"Mir i napredak ciljevi su kojima ćemo posvetiti sve naše aktivnosti.", "commitment", "firm", parties, "ćemo", ""},
		{"Мир и напредак циљеви су којима ћемо посветити све наше активности.", "commitment", "firm", parties, "ћемо", ""},
		{"Saradnja u regionu je cilj koji ćemo zajednički ostvarivati.", "commitment", "firm", parties, "ćemo", ""},
		// a future in the third person with a thing for subject still forecasts
		{"Nova linija će smanjiti troškove prevoza.", "appraisal", "", parties, "će", ""},
		// determined to (as English "are determined to"), in a recital too: firm
		{"Predsednici, odlučni da nastavimo normalizaciju odnosa, izjavljuju sledeće:", "commitment", "firm", parties, "odlučni da", ""},
		{"Predsednici su odlučni da nastave normalizaciju odnosa.", "commitment", "firm", parties, "odlučni da", ""},
		// we must (moramo), as must: a principle stated, no undertaking
		{"Moramo se hrabro suočiti sa istinom o prošlosti.", "position", "", parties, "Moramo", ""},
	})
}

// TestPresidentsStatementAreas: war crimes and their prosecution are crime
// and justice (security); all one's energy devoted to a goal is effort, not
// the energy sector.
func TestPresidentsStatementAreas(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"HR", "RS"}
	checkSentenceAreas(t, x, parties, []docAreaCase{
		{"Strane podržavaju privođenje pravdi svih optuženih za ratne zločine.", []string{"security"}},
		{"Strane će posvetiti svu svoju energiju razvoju saradnje u oblasti obrazovanja.", []string{"people"}},
		{"Strane će sarađivati u oblasti energije.", []string{"energy"}},
	})
}

// TestPresidentsStatementPlace: a statement with no dateline dates itself
// in its lead (sastali smo se 27. juna 2006. u Zagrebu); the place right
// after that date is the meeting's, and a lower-case word after "u" is none.
func TestPresidentsStatementPlace(t *testing.T) {
	for _, tc := range []struct{ lead, date, place string }{
		{"Mi, predsednici Republike Hrvatske i Republike Srbije, sastali smo se 27. juna 2006. u Zagrebu i izjavljujemo:", "2006-06-27", "Zagrebu"},
		{"Mi, predsednici Republike Hrvatske i Republike Srbije, sastali smo se 27. juna 2006. godine u Zagrebu i izjavljujemo:", "2006-06-27", "Zagrebu"},
		{"Mi, predsednici Republike Hrvatske i Republike Srbije, sastali smo se 27. juna 2006. u interesu dobrih odnosa i izjavljujemo:", "2006-06-27", ""},
	} {
		x := newTestSpaced(t, "sr")
		d := x.Extract("Izjava predsednika Republike Hrvatske i predsednika Republike Srbije\n\n" + tc.lead + "\n\n1. Strane će sarađivati.\n").Document
		if got := deref(d.SignedDate); got != tc.date {
			t.Errorf("%s: date %q, want %q", tc.lead, got, tc.date)
		}
		if got := deref(d.SignedPlace); got != tc.place {
			t.Errorf("%s: place %q, want %q", tc.lead, got, tc.place)
		}
	}
}
